import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

// scrypt per OWASP (device-agent.md §4.3): N = 2^17, r = 8, p = 1, 16-byte salt, 32-byte key.
// The parameters travel inside the stored string, so tests may hash with a lower N.
export const DEFAULT_LOG_N = 17;
const MAXMEM = 256 * 1024 * 1024;
const KEY_LENGTH = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/=]+)\$([A-Za-z0-9+/=]+)$/;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((done, fail) => {
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { ...options, maxmem: MAXMEM }, (err, key) =>
      err ? fail(err) : done(key),
    );
  });
}

/** `$scrypt$ln=17,r=8,p=1$<b64 salt>$<b64 hash>` */
export async function hashPassword(password: string, logN = DEFAULT_LOG_N): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, { N: 2 ** logN, r: 8, p: 1 });
  return `$scrypt$ln=${logN},r=8,p=1$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Constant-time check; false for a malformed stored string. */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const [, ln, r, p, salt, hash] = m;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), { N: 2 ** Number(ln), r: Number(r), p: Number(p) });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** The cost parameter of a stored hash (to rehash after a policy change). */
export function hashLogN(stored: string): number | undefined {
  const m = FORMAT.exec(stored);
  return m ? Number(m[1]) : undefined;
}

/** A one-time password that is easy to read aloud and type: no 0/O, 1/l/I. */
export function randomPassword(length = 16): string {
  const alphabet = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = randomBytes(length);
  let out = '';
  for (const b of bytes) out += alphabet[b % alphabet.length];
  return out;
}

export { MIN_STAFF_PASSWORD_LENGTH as MIN_PASSWORD_LENGTH } from '@kiosk/contract/staff-api';
