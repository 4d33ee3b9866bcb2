/**
 * Counts failures only (a success never costs anything) in sliding windows per key; no permanent
 * bans. Used for the receipt status look-up on the agent and for staff logins on the centre.
 */
export class FailureLimiter {
  private readonly _failures = new Map<string, number[]>();

  /** `windows`: [max failures, window ms] pairs, e.g. [[5, 60_000]]. */
  constructor(
    private readonly _windows: ReadonlyArray<readonly [number, number]>,
    private readonly _now: () => number = Date.now,
  ) {}

  /** Milliseconds to wait before another attempt for `key`; 0 when allowed. */
  retryAfterMs(key: string): number {
    const times = this._prune(key);
    let wait = 0;
    for (const [max, windowMs] of this._windows) {
      const inWindow = times.filter((t) => t > this._now() - windowMs);
      if (inWindow.length >= max) wait = Math.max(wait, inWindow[inWindow.length - max] + windowMs - this._now());
    }
    return wait;
  }

  fail(key: string): void {
    const times = this._prune(key);
    times.push(this._now());
    this._failures.set(key, times);
  }

  clear(key: string): void {
    this._failures.delete(key);
  }

  private _prune(key: string): number[] {
    const longest = Math.max(...this._windows.map(([, w]) => w));
    const now = this._now();
    // A failure "in the future" means the clock was set back: count it as now, so a jump back never
    // locks anyone out for longer than a window.
    const times = (this._failures.get(key) ?? []).map((t) => Math.min(t, now)).filter((t) => t > now - longest);
    if (times.length) this._failures.set(key, times);
    else this._failures.delete(key);
    return times;
  }
}
