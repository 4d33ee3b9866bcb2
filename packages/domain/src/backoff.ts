/**
 * Exponential back-off with jitter, the one rule for every retry in the product (outbox forwarding,
 * reopening a device link, reconnecting the kiosk's socket): base·2^(failures−1), capped at max, then
 * scaled by a random factor in [1 − jitter, 1) so a few hundred terminals coming back online don't
 * retry in step. `failures` counts from 1; 0 or less means "no wait".
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
  jitter = 0.5,
): number {
  if (failures <= 0) return 0;
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(exp * (1 - jitter + random() * jitter));
}
