/**
 * Exponential backoff with jitter: base·2^(failures−1), capped at max, then scaled by a random
 * factor in [0.5, 1) so a few hundred terminals coming back online don't retry in step.
 */
export function backoffDelay(
  failures: number,
  baseMs: number,
  maxMs: number,
  random: () => number = Math.random,
): number {
  if (failures <= 0) return 0;
  const exp = Math.min(maxMs, baseMs * 2 ** Math.min(failures - 1, 30));
  return Math.round(exp * (0.5 + random() * 0.5));
}
