import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** scrypt cost parameters; they travel inside the stored string so a later change can rehash. */
export interface ScryptParams {
  /** log2 of N (17 in production, per OWASP). */
  ln: number;
  r: number;
  p: number;
}

export const PRODUCTION_SCRYPT: ScryptParams = { ln: 17, r: 8, p: 1 };
const SALT_BYTES = 16;
const KEY_BYTES = 32;
const FORMAT = /^\$scrypt\$ln=(\d{1,2}),r=(\d{1,2}),p=(\d{1,2})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const N = 2 ** params.ln;
  // 128·N·r bytes are needed; Node's default maxmem (32 MiB) rejects N = 2^17.
  const options: ScryptOptions = { N, r: params.r, p: params.p, maxmem: 128 * N * params.r + 64 * 1024 * 1024 };
  return new Promise((done, fail) => {
    scrypt(password.normalize('NFC'), salt, keyLength, options, (err, key) => (err ? fail(err) : done(key)));
  });
}

/** `$scrypt$ln=17,r=8,p=1$<b64 salt>$<b64 key>` (self-describing, so parameters can change later). */
export async function hashPassword(password: string, params: ScryptParams = PRODUCTION_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, params, KEY_BYTES);
  return `$scrypt$ln=${params.ln},r=${params.r},p=${params.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function parseHash(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const m = FORMAT.exec(stored);
  if (!m) return null;
  const params = { ln: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  if (params.ln < 1 || params.ln > 22 || params.r < 1 || params.p < 1) return null;
  return { params, salt: Buffer.from(m[4], 'base64'), key: Buffer.from(m[5], 'base64') };
}

export interface VerifyResult {
  ok: boolean;
  /** The hash uses other parameters than the current ones: store a fresh hash after this login. */
  needsRehash: boolean;
}

/**
 * Checks a password against a stored hash in constant time. With no stored hash it still spends
 * the same work on a dummy hash, so timing does not tell whether a password is set.
 */
export async function verifyPassword(
  password: string,
  stored: string | undefined,
  current: ScryptParams = PRODUCTION_SCRYPT,
): Promise<VerifyResult> {
  const parsed = stored ? parseHash(stored) : null;
  if (!parsed) {
    await derive(password, randomBytes(SALT_BYTES), current, KEY_BYTES);
    return { ok: false, needsRehash: false };
  }
  const key = await derive(password, parsed.salt, parsed.params, parsed.key.length);
  const ok = key.length === parsed.key.length && timingSafeEqual(key, parsed.key);
  const p = parsed.params;
  return { ok, needsRehash: ok && (p.ln !== current.ln || p.r !== current.r || p.p !== current.p) };
}
