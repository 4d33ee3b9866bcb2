import { createHmac, timingSafeEqual } from 'node:crypto';
import type { SignallingRole } from '@kiosk/contract/signalling-api';

// Signalling tokens (reference/video-consultation.md §3): `<exp>.<mac>` where exp is unix seconds
// and mac = base64url(HMAC-SHA256(secret, `role:id:exp`)). Compared in constant time.

const mac = (secret: string, role: SignallingRole, id: string, exp: number): string =>
  createHmac('sha256', secret).update(`${role}:${id}:${exp}`).digest('base64url');

export function mintSignallingToken(
  secret: string,
  role: SignallingRole,
  id: string,
  ttlS: number,
  nowMs: number = Date.now(),
): { token: string; expiresAt: string } {
  const exp = Math.floor(nowMs / 1000) + ttlS;
  return { token: `${exp}.${mac(secret, role, id, exp)}`, expiresAt: new Date(exp * 1000).toISOString() };
}

/** True when `token` was minted with `secret` for exactly this role and id and has not expired. */
export function verifySignallingToken(
  secret: string,
  role: SignallingRole,
  id: string,
  token: string,
  nowMs: number = Date.now(),
): boolean {
  const m = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!m) return false;
  const exp = Number(m[1]);
  const expected = Buffer.from(mac(secret, role, id, exp));
  const presented = Buffer.from(m[2]);
  const same = expected.length === presented.length && timingSafeEqual(expected, presented);
  return same && exp * 1000 > nowMs;
}
