import { existsSync, readFileSync } from 'node:fs';
import { readdir, readlink } from 'node:fs/promises';
import { userInfo } from 'node:os';
import type { Diagnostics, PortHolder } from '@kiosk/contract/admin-api';
import type { KioskConfig } from '../config/schema.js';

export const NEEDED_GROUPS = ['dialout', 'plugdev', 'video', 'lp'] as const;
/** The udev rule files deploy/ installs (deploy/README.md). */
export const UDEV_RULES = ['61-kiosk-idcard.rules', '62-kiosk-printer.rules'] as const;

export type { Diagnostics };

/** Seams for tests: where /etc, /proc and binaries are looked up. */
export interface DiagnosticsRoots {
  etc: string;
  proc: string;
  bins: string[];
}

const DEFAULT_ROOTS: DiagnosticsRoots = {
  etc: '/etc',
  proc: '/proc',
  bins: ['/usr/bin', '/usr/sbin', '/bin', '/sbin'],
};

/** Group names of this process (supplementary groups from /proc/self/status, names from /etc/group). */
function processGroups(roots: DiagnosticsRoots): string[] {
  const ids = new Set<string>();
  try {
    const status = readFileSync(`${roots.proc}/self/status`, 'utf8');
    for (const id of /^Groups:\s*(.*)$/m.exec(status)?.[1]?.trim().split(/\s+/) ?? []) if (id) ids.add(id);
  } catch {
    // not Linux
  }
  ids.add(String(process.getgid?.() ?? ''));
  const names: string[] = [];
  try {
    for (const line of readFileSync(`${roots.etc}/group`, 'utf8').split('\n')) {
      const [name, , gid] = line.split(':');
      if (name && gid && ids.has(gid)) names.push(name);
    }
  } catch {
    // no /etc/group
  }
  return names.sort();
}

/** Processes other than this one that hold `path` open (ls -l /proc/[0-9]*\/fd). */
export async function portHolders(path: string, proc = '/proc'): Promise<PortHolder[]> {
  const holders: PortHolder[] = [];
  let pids: string[] = [];
  try {
    pids = (await readdir(proc)).filter((n) => /^\d+$/.test(n) && Number(n) !== process.pid);
  } catch {
    return holders;
  }
  for (const pid of pids) {
    let fds: string[];
    try {
      fds = await readdir(`${proc}/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      const target = await readlink(`${proc}/${pid}/fd/${fd}`).catch(() => '');
      if (target === path) {
        let command = '';
        try {
          command = readFileSync(`${proc}/${pid}/comm`, 'utf8').trim();
        } catch {
          // process ended meanwhile
        }
        holders.push({ pid: Number(pid), command });
        break;
      }
    }
  }
  return holders;
}

/** The device paths the configuration names (serial and usblp). */
export function configuredPaths(config: KioskConfig | null): string[] {
  const out: string[] = [];
  for (const device of [config?.devices.idCard, config?.devices.printer]) {
    if (device && 'path' in device && device.path) out.push(device.path);
  }
  return out;
}

export async function collectDiagnostics(
  config: KioskConfig | null,
  roots: DiagnosticsRoots = DEFAULT_ROOTS,
): Promise<Diagnostics> {
  const groups = processGroups(roots);
  const isRoot = process.getuid?.() === 0;
  const has = (name: string): boolean => roots.bins.some((dir) => existsSync(`${dir}/${name}`));
  const ports = [];
  for (const path of configuredPaths(config)) {
    ports.push({ path, exists: existsSync(path), heldBy: await portHolders(path, roots.proc) });
  }
  return {
    user: userInfo().username,
    groups,
    // root can open every device node; a missing group only matters for the service user.
    missingGroups: isRoot ? [] : NEEDED_GROUPS.filter((g) => !groups.includes(g)),
    udev: UDEV_RULES.map((file) => ({
      file,
      installed: existsSync(`${roots.etc}/udev/rules.d/${file}`) || existsSync(`/usr/lib/udev/rules.d/${file}`),
    })),
    interferers: { brltty: has('brltty'), modemManager: has('ModemManager') },
    ports,
  };
}
