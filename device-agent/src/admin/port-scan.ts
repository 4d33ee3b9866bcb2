import { readdir, realpath } from 'node:fs/promises';
import { join } from 'node:path';
import type { PortCandidate, PortScanResult } from '@kiosk/contract/admin-api';
import type { ServiceName } from '@kiosk/contract/kiosk-api';

export type { PortCandidate, PortScanResult };

/** A USB fingerprint (zigbee-herdsman adapterDiscovery style). */
interface Fingerprint {
  vid: string;
  pid: string;
  service: Extract<ServiceName, 'idcard' | 'printer'>;
  label: string;
  manufacturer?: RegExp;
  /** Generic USB-serial bridges: VID:PID alone says nothing about what is behind them. */
  generic?: boolean;
  transport?: 'serial' | 'hid';
}

const FINGERPRINTS: Fingerprint[] = [
  { vid: '10c4', pid: '0007', service: 'idcard', label: 'Miaxis MR-300/MR-860 (HID)', transport: 'hid' },
  { vid: '203b', pid: '0101', service: 'idcard', label: 'Miaxis (older build, HID)', transport: 'hid' },
  { vid: '0400', pid: 'c35a', service: 'idcard', label: 'GA 467 USB bulk reader (not yet supported)' },
  { vid: '0416', pid: '5011', service: 'printer', label: 'Winbond-based POS printer' },
  { vid: '0483', pid: '5720', service: 'printer', label: 'STM32-based POS printer' },
  { vid: '0483', pid: '5743', service: 'printer', label: 'STM32-based POS printer' },
  { vid: '1fc9', pid: '2016', service: 'printer', label: 'NXP-based POS printer' },
  { vid: '28e9', pid: '0289', service: 'printer', label: 'GD32-based POS printer' },
  {
    vid: '1a86',
    pid: '7523',
    service: 'idcard',
    label: 'CH340 USB-serial (generic)',
    generic: true,
    manufacturer: /wch|qinheng/i,
  },
  { vid: '1a86', pid: '55d4', service: 'idcard', label: 'CH9102 USB-serial (generic)', generic: true },
  {
    vid: '10c4',
    pid: 'ea60',
    service: 'idcard',
    label: 'CP210x USB-serial (generic)',
    generic: true,
    manufacturer: /silicon labs/i,
  },
  {
    vid: '067b',
    pid: '2303',
    service: 'idcard',
    label: 'PL2303 USB-serial (generic)',
    generic: true,
    manufacturer: /prolific/i,
  },
  {
    vid: '0403',
    pid: '6001',
    service: 'idcard',
    label: 'FTDI USB-serial (generic)',
    generic: true,
    manufacturer: /ftdi/i,
  },
];

/** Scores a candidate: VID:PID < +manufacturer; a generic bridge never counts as a match by itself. */
export function scoreCandidate(
  vid?: string,
  pid?: string,
  manufacturer?: string,
): Pick<PortCandidate, 'matchScore' | 'suggestedService' | 'label'> {
  const fp = FINGERPRINTS.find((f) => f.vid === vid?.toLowerCase() && f.pid === pid?.toLowerCase());
  if (!fp) return { matchScore: 0 };
  const manufOk = fp.manufacturer ? fp.manufacturer.test(manufacturer ?? '') : false;
  const score = fp.generic ? 1 : manufOk ? 3 : 2;
  return { matchScore: score, suggestedService: fp.service, label: fp.label };
}

async function links(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  try {
    for (const name of await readdir(dir)) {
      try {
        out.set(await realpath(join(dir, name)), join(dir, name));
      } catch {
        // a dangling link (device just unplugged)
      }
    }
  } catch {
    // no such directory: no serial devices at all
  }
  return out;
}

interface SerialInfo {
  path: string;
  manufacturer?: string;
  serialNumber?: string;
  vendorId?: string;
  productId?: string;
}

interface HidInfo {
  path?: string;
  vendorId: number;
  productId: number;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
}

/** Lists serial ports and HID devices with their stable names and a fingerprint score. */
export async function scanPorts(
  listSerial: () => Promise<SerialInfo[]> = defaultListSerial,
  listHid: () => Promise<HidInfo[]> = defaultListHid,
): Promise<PortScanResult> {
  const errors: string[] = [];
  const [byId, byPath] = await Promise.all([links('/dev/serial/by-id'), links('/dev/serial/by-path')]);
  const candidates: PortCandidate[] = [];
  try {
    for (const p of await listSerial()) {
      const real = await realpath(p.path).catch(() => p.path);
      candidates.push({
        kind: 'serial',
        path: p.path,
        byId: byId.get(real),
        byPath: byPath.get(real),
        vid: p.vendorId?.toLowerCase(),
        pid: p.productId?.toLowerCase(),
        manufacturer: p.manufacturer,
        serialNumber: p.serialNumber,
        ...scoreCandidate(p.vendorId, p.productId, p.manufacturer),
      });
    }
  } catch (err) {
    errors.push(`serial: ${(err as Error).message}`);
  }
  try {
    for (const d of await listHid()) {
      const vid = d.vendorId.toString(16).padStart(4, '0');
      const pid = d.productId.toString(16).padStart(4, '0');
      const score = scoreCandidate(vid, pid, d.manufacturer);
      // Keyboards and mice are HID too; only list what looks like one of ours.
      if (score.matchScore === 0) continue;
      candidates.push({
        kind: 'hid',
        path: d.path ?? '',
        vid,
        pid,
        manufacturer: d.manufacturer,
        product: d.product,
        serialNumber: d.serialNumber,
        ...score,
      });
    }
  } catch (err) {
    errors.push(`hid: ${(err as Error).message}`);
  }
  candidates.sort((a, b) => b.matchScore - a.matchScore || a.path.localeCompare(b.path));
  return { candidates, errors };
}

async function defaultListSerial(): Promise<SerialInfo[]> {
  const { SerialPort } = await import('serialport');
  return SerialPort.list();
}

async function defaultListHid(): Promise<HidInfo[]> {
  const hid = (await import('node-hid')) as unknown as { devicesAsync(): Promise<HidInfo[]> };
  return hid.devicesAsync();
}
