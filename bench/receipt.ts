// Receipt printing figures: encode time per receipt (budget < 5 ms) and the time from printForm to
// the last byte at the printer versus the job's wire time at 115200 baud (budget ≤ 1.2×).
// Run: npm run bench -- receipt
// On a busy machine the wall figures include waiting for a core; the CPU figure does not.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EventBus } from '../device-agent/src/core/event-bus.js';
import type { PrinterDeviceConfig } from '../device-agent/src/config/schema.js';
import type { ServiceDeps } from '../device-agent/src/core/service.js';
import { FormCatalog } from '../device-agent/src/devices/printer/forms.js';
import { PrinterService } from '../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile, type PrinterProfile } from '../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator, linkEnd } from '../device-agent/src/devices/printer/simulator.js';
import type { ByteLink } from '../device-agent/src/links/byte-link.js';
import { MemoryLink } from '../device-agent/src/links/memory-link.js';
import { SerialLink } from '../device-agent/src/links/serial-link.js';
import { createLogger } from '@kiosk/node-common/logger';
import { Redactor } from '@kiosk/node-common/redact';
import { createValidator } from '@kiosk/node-common/validator';
import { SocatPair } from '../tests/helpers/socat.js';

const BAUD = 115200;
const CONTENT = resolve(import.meta.dirname, '../content');
const NOW = new Date('2026-11-29T02:30:00Z');
const TERMINAL = { id: 'bench-0001', name: '演示村公共法律服务室' };
const FIELDS = {
  receiptNo: 'FY-2026-000123',
  applicantName: '张三',
  idNumberMasked: '4501**********123X',
  matter: '劳动报酬（拖欠工资）',
  submittedAt: '2026-11-29T10:05:00+08:00',
  station: '演示村公共法律服务室',
  decisionDueBy: '2026-12-06',
  materials: ['身份证', '劳动合同', '工资欠条', '银行流水'],
  laterMaybe: ['经济困难证明'],
  qr: 'https://kiosk.example/r/FY-2026-000123?t=k3J9',
  uploadState: 'uploaded',
};

const log = createLogger({ destination: { write: () => undefined }, level: 'silent' });
const out = (line: string): void => void process.stdout.write(`${line}\n`);
const ms = (n: number): string => `${n.toFixed(3)} ms`;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function encodeBench(forms: FormCatalog, label: string, profile: PrinterProfile): number {
  const ctx = { profile, terminal: TERMINAL, now: NOW };
  // A new receipt number (and so a new QR symbol) every time: nothing is served from a cache.
  const fields = (i: number) => ({
    ...FIELDS,
    receiptNo: `FY-2026-${String(i).padStart(6, '0')}`,
    qr: `${FIELDS.qr}&n=${i}`,
  });
  for (let i = 0; i < 50; i++) forms.render('legal-aid-receipt', fields(i), ctx);
  const times: number[] = [];
  let bytes = 0;
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < 500; i++) {
    const f = fields(1000 + i);
    const t0 = performance.now();
    bytes = forms.render('legal-aid-receipt', f, ctx).bytes.length;
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  const cpuMs = (cpu.user + cpu.system) / 1000 / times.length;
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const wireMs = (bytes * 10 * 1000) / BAUD;
  out(
    `encode ${label}: mean ${ms(mean)} wall (CPU ${ms(cpuMs)}), p95 ${ms(percentile(times, 95))} per receipt (${bytes} bytes) — ` +
      `budget 5 ms → ${(mean / 5).toFixed(3)}× budget (CPU ${(cpuMs / 5).toFixed(3)}×); ` +
      `${(mean / wireMs).toFixed(4)}× its own wire time at ${BAUD} baud`,
  );
  return bytes;
}

function deps(config: PrinterDeviceConfig): ServiceDeps<PrinterDeviceConfig> {
  return {
    bus: new EventBus(log),
    log,
    validator: createValidator(),
    redactor: new Redactor(),
    config,
    contentDir: CONTENT,
    dataDir: mkdtempSync(join(tmpdir(), 'bench-')),
    terminal: TERMINAL,
  };
}

/** Resolves with the time the printer end received the job's last byte (GS r 1 or the cut). */
function lastByteWatcher(deviceSide: { onData(l: (c: Buffer) => void): void }, tail: number[]): () => Promise<number> {
  let waiter: ((t: number) => void) | undefined;
  let recent: number[] = [];
  deviceSide.onData((chunk) => {
    recent = [...recent, ...chunk].slice(-tail.length);
    if (waiter && recent.length === tail.length && recent.every((b, i) => b === tail[i])) {
      const w = waiter;
      waiter = undefined;
      w(performance.now());
    }
  });
  return () => new Promise<number>((r) => (waiter = r));
}

async function timeToLastByte(
  label: string,
  link: ByteLink,
  deviceSide: { onData(l: (c: Buffer) => void): void },
  profile: PrinterProfile,
  transport: 'serial' | 'simulated',
): Promise<void> {
  const printer = new PrinterService(deps({ transport: 'simulated', paperWidthMm: 80 }), {
    link,
    transport,
    profile,
    pollIntervalMs: 60_000,
    now: () => NOW,
  });
  const tail = profile.endMarker ? [0x1d, 0x72, 0x01] : profile.cut;
  const next = lastByteWatcher(deviceSide, tail);
  await printer.start();
  const deadline = Date.now() + 5000;
  while (printer.status().device !== 'online' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
  const jobBytes = printer.forms.render('legal-aid-receipt', FIELDS, printer.renderContext()).bytes.length;
  const wireMs = (jobBytes * 10 * 1000) / BAUD;
  const ratios: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < 10; i++) {
    const arrived = next();
    const t0 = performance.now();
    const done = printer.printForm({ form: 'legal-aid-receipt', fields: FIELDS }, new AbortController().signal);
    const t1 = await arrived;
    const outcome = await done;
    if (outcome.completionCode !== 'success') throw new Error(`print failed: ${outcome.completionCode}`);
    totals.push(t1 - t0);
    ratios.push((t1 - t0) / wireMs);
  }
  await printer.stop();
  const median = percentile(totals, 50);
  out(
    `printForm → last byte, ${label}: median ${ms(median)} (worst ${ms(Math.max(...totals))}) for ${jobBytes} bytes; ` +
      `wire time at ${BAUD} baud ${ms(wireMs)} → ${(median / wireMs).toFixed(2)}× wire time (budget ≤ 1.2×, worst ${Math.max(...ratios).toFixed(2)}×)`,
  );
}

const forms = FormCatalog.load(CONTENT);
encodeBench(forms, '80 mm, native QR', resolveProfile(80).profile);
encodeBench(forms, '58 mm, raster QR', resolveProfile(58, 'raster-qr').profile);

for (const [name, profile] of [
  ['native QR', resolveProfile(80).profile],
  ['raster QR', resolveProfile(80, 'raster-qr').profile],
] as const) {
  // An in-process link paced at 115200 baud: the wire time is really spent, as on a serial cable.
  const memory = new MemoryLink('paced', BAUD);
  new PrinterSimulator().attach(memory.device);
  await timeToLastByte(`in-process link paced at ${BAUD} baud, ${name}`, memory, memory.device, profile, 'simulated');

  if (existsSync('/usr/bin/socat')) {
    const pair = new SocatPair({ names: ['host', 'prn'] });
    await pair.start();
    const prn = new SerialLink({ path: pair.b, baudRate: BAUD });
    await prn.open();
    new PrinterSimulator().attach(linkEnd(prn));
    await timeToLastByte(
      `socat pty at ${BAUD} baud (a pty does not pace, so this is the driver's overhead), ${name}`,
      new SerialLink({ path: pair.a, baudRate: BAUD }),
      { onData: (l) => prn.on('data', l) },
      profile,
      'serial',
    );
    await prn.close();
    await pair.stop();
  } else out('socat not installed: pty figure skipped');
}
