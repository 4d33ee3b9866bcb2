import { createHmac, timingSafeEqual } from 'node:crypto';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';

/** Salted HMAC of the ID's (or phone's) last four characters: all the terminal keeps to check a look-up. */
export function checkHash(salt: Buffer, last4: string): Buffer {
  return createHmac('sha256', salt).update(last4.toUpperCase()).digest();
}

const UNKNOWN = { salt: Buffer.alloc(16), hash: Buffer.alloc(32) };

/**
 * Whether `last4` matches the stored check (constant time). An unknown receipt costs the same
 * HMAC, so neither the answer nor its timing tells which receipts exist.
 */
export function checkMatches(stored: { salt: Buffer; hash: Buffer } | undefined, last4: string): boolean {
  const matches = timingSafeEqual((stored ?? UNKNOWN).hash, checkHash((stored ?? UNKNOWN).salt, last4));
  return stored !== undefined && matches;
}

/** Failed look-ups a visit may make: five a minute, twenty in all until the visit ends. */
export const VISIT_LOOKUP_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [5, 60_000],
  [20, 60 * 60_000],
];

/**
 * Limits on status look-ups per kiosk visit (issue 13 item 9), never per receipt: a wrong
 * last-4 and an unknown receipt count alike against the visit that typed them, and the count
 * starts afresh when the visit ends (完成 or the idle timeout). Whoever guesses only slows down
 * their own visit; the next villager can always look up her own receipt.
 */
export class LookupLimits {
  private readonly _visit: FailureLimiter;

  constructor(now: () => number = Date.now) {
    this._visit = new FailureLimiter(VISIT_LOOKUP_WINDOWS, now);
  }

  /** How long this visit must wait before its next look-up (0 = now). */
  retryAfterMs(): number {
    return this._visit.retryAfterMs('visit');
  }

  /** An unknown receipt or a wrong last-4 (the two are not told apart). */
  failed(): void {
    this._visit.fail('visit');
  }

  /** The visit ended: the next one starts with no failures. */
  endVisit(): void {
    this._visit.clear('visit');
  }
}
