import { realpath } from 'node:fs/promises';
import { isIP } from 'node:net';
import { posix } from 'node:path';
import type { SchemaError } from '@kiosk/node-common/validator';

// What the admin page may not do to kiosk.config.json even with a valid schema (issue 13 items 3
// and 4): run a program, point a device at a file or a local service, send personal data to an
// unencrypted or unknown centre, or read the centre token back.

/** What GET /admin/api/config shows instead of a secret; written back it means "unchanged". */
export const MASKED_SECRET = '••••••••';

/** JSON pointers (as key lists) of the secrets that are never shown back. */
const SECRET_PATHS: ReadonlyArray<readonly string[]> = [['center', 'token']];

/** Devices' paths the web may set, checked after resolving the real path. */
const DEVICE_PATHS: ReadonlyArray<readonly string[]> = [
  ['devices', 'idCard', 'path'],
  ['devices', 'printer', 'path'],
];

/** Only from the file on disk (root edits it), never from the web: it is a command line. */
const PHOTO_DECODER = ['devices', 'idCard', 'photoDecoder'] as const;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function get(value: unknown, path: readonly string[]): unknown {
  let node = value;
  for (const key of path) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return undefined;
    node = node[key];
  }
  return node;
}

function set(value: unknown, path: readonly string[], leaf: unknown): void {
  let node = value;
  for (const key of path.slice(0, -1)) {
    if (!isObject(node) || !Object.hasOwn(node, key)) return;
    node = node[key];
  }
  if (isObject(node)) node[path[path.length - 1]] = leaf;
}

const pointer = (path: readonly string[]): string => `/${path.join('/')}`;

/** A deep copy with every secret replaced by MASKED_SECRET (for GET /admin/api/config). */
export function maskSecrets(value: unknown): unknown {
  if (!isObject(value)) return value;
  const copy = structuredClone(value);
  for (const path of SECRET_PATHS) if (typeof get(copy, path) === 'string') set(copy, path, MASKED_SECRET);
  return copy;
}

/** Puts the stored secret back wherever the page wrote the mask; an error when there is none to keep. */
export function unmaskSecrets(after: unknown, before: unknown): SchemaError[] {
  const errors: SchemaError[] = [];
  for (const path of SECRET_PATHS) {
    if (get(after, path) !== MASKED_SECRET) continue;
    const kept = get(before, path);
    if (typeof kept === 'string') set(after, path, kept);
    else errors.push({ path: pointer(path), message: 'enter the value (there is no saved one to keep)' });
  }
  return errors;
}

/** The photo decoder may be removed from the web (a transport without one) but never set or changed. */
export function photoDecoderRefusal(before: unknown, after: unknown): SchemaError | null {
  const was = get(before, PHOTO_DECODER);
  const now = get(after, PHOTO_DECODER);
  if (now === undefined || JSON.stringify(was) === JSON.stringify(now)) return null;
  return {
    path: pointer(PHOTO_DECODER),
    message: 'the photo decoder command is set only in the configuration file on the terminal (as root), not here',
  };
}

/** Loopback hosts: the only ones a centre may be reached at over plain http (a local test centre). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host === '::1') return true;
  return isIP(host) === 4 && host.startsWith('127.');
}

/** An IPv4 literal in 10/8, 172.16/12 or 192.168/16 (a printer on the terminal's LAN). */
export function isPrivateLanIPv4(host: string): boolean {
  if (isIP(host) !== 4) return false;
  const [a, b] = host.split('.').map(Number) as [number, number];
  return a === 10 || (a === 172 && b >= 16 && b <= 31) || (a === 192 && b === 168);
}

/** Device nodes a reader or printer may live at (after resolving symlinks). */
export function isDevicePath(path: string): boolean {
  return (
    path.startsWith('/dev/serial/') ||
    /^\/dev\/tty[^/]+$/.test(path) ||
    path.startsWith('/dev/usb/') ||
    /^\/dev\/hidraw[^/]*$/.test(path)
  );
}

/**
 * Checks of a web save beyond the schema, for the paths that changed: device paths resolve (real
 * path) to a device node, a TCP printer is a private-LAN address typed as such, the centre is
 * https unless it is on this machine.
 */
export async function webSaveErrors(after: unknown, changed: readonly string[]): Promise<SchemaError[]> {
  const touched = (path: readonly string[]): boolean => {
    const p = pointer(path);
    return changed.some((c) => c === p || p.startsWith(`${c}/`) || c.startsWith(`${p}/`));
  };
  const errors: SchemaError[] = [];
  for (const path of DEVICE_PATHS) {
    const value = get(after, path);
    if (typeof value !== 'string' || !touched(path)) continue;
    if (!(await devicePathOk(value)))
      errors.push({
        path: pointer(path),
        message: 'must be a device under /dev/serial/, /dev/tty*, /dev/usb/ or /dev/hidraw*',
      });
  }
  const printer = get(after, ['devices', 'printer']);
  if (isObject(printer) && printer['transport'] === 'tcp' && touched(['devices', 'printer'])) {
    const host = typeof printer['host'] === 'string' ? printer['host'] : '';
    if (!isPrivateLanIPv4(host))
      errors.push({
        path: '/devices/printer/host',
        message: 'must be the printer’s address on the local network (10.x, 172.16–31.x or 192.168.x), not a name',
      });
  }
  const url = get(after, ['center', 'url']);
  if (typeof url === 'string' && touched(['center', 'url'])) {
    let parsed: URL | null = null;
    try {
      parsed = new URL(url);
    } catch {
      parsed = null;
    }
    if (!parsed || !(parsed.protocol === 'https:' || (parsed.protocol === 'http:' && isLoopbackHost(parsed.hostname))))
      errors.push({ path: '/center/url', message: 'must start with https:// (http:// only for this machine)' });
  }
  return errors;
}

async function devicePathOk(typed: string): Promise<boolean> {
  if (!typed.startsWith('/') || typed.split('/').includes('..')) return false;
  const lexical = posix.normalize(typed);
  if (!isDevicePath(lexical)) return false;
  try {
    return isDevicePath(await realpath(lexical));
  } catch {
    // Not plugged in yet: the typed path itself is a device path (checked again at every save).
    return true;
  }
}
