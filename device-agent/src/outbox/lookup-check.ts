import { createHmac, timingSafeEqual } from 'node:crypto';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';

/** Salted HMAC of the ID's (or phone's) last four characters: all the terminal keeps to check a look-up. */
export function checkHash(salt: Buffer, last4: string): Buffer {
  return createHmac('sha256', salt).update(last4.toUpperCase()).digest();
}

/** Whether `last4` matches the stored check (constant time). */
export function checkMatches(stored: { salt: Buffer; hash: Buffer } | undefined, last4: string): boolean {
  if (!stored) return false;
  return timingSafeEqual(stored.hash, checkHash(stored.salt, last4));
}

/**
 * Limits on status look-ups (no permanent bans): five wrong last-4s per receipt per minute, and
 * thirty unknown receipts per minute in all.
 */
export class LookupLimits {
  private readonly _guesses = new FailureLimiter([[5, 60_000]]);
  private readonly _unknown = new FailureLimiter([[30, 60_000]]);

  /** How long `receiptNo` must wait before the next look-up (0 = now). */
  retryAfterMs(receiptNo: string): number {
    return Math.max(this._guesses.retryAfterMs(receiptNo), this._unknown.retryAfterMs('*'));
  }

  unknownReceipt(): void {
    this._unknown.fail('*');
  }

  wrongCheck(receiptNo: string): void {
    this._guesses.fail(receiptNo);
  }

  rightCheck(receiptNo: string): void {
    this._guesses.clear(receiptNo);
  }
}
