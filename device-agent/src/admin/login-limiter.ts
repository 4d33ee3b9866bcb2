import { readFileSync } from 'node:fs';
import { atomicWriteFile } from '../config/atomic-write.js';

/** One failure window: at most `max` failures within `windowMs`. */
interface Window {
  windowMs: number;
  max: number;
}

const MINUTE = 60_000;
/** OctoPrint's "3/minute;5/10 minutes;10/hour" per remote address. */
const PER_ADDRESS: Window[] = [
  { windowMs: MINUTE, max: 3 },
  { windowMs: 10 * MINUTE, max: 5 },
  { windowMs: 60 * MINUTE, max: 10 },
];
/** Node-RED: more than 5 failures in 10 minutes locks the account for the rest of the window. */
const PER_ACCOUNT: Window[] = [{ windowMs: 10 * MINUTE, max: 5 }];

export const LIMITER_FILE = 'admin-login-limits.json';
const KEEP_MS = 60 * MINUTE;

/**
 * Counts failed logins (and failed setup tokens) only. A success never counts and nothing is
 * banned for good: every block ends when its window slides past the failures. With a `file`
 * (in the data directory, 0600) the failures survive a restart, so a crash loop does not hand out
 * fresh guesses.
 */
export class LoginLimiter {
  private readonly _failures = new Map<string, number[]>();

  constructor(
    private readonly _now: () => number = Date.now,
    private readonly _file?: string,
  ) {
    if (_file) this._load(_file);
  }

  /** Milliseconds to wait before another attempt is even checked; 0 when allowed. */
  retryAfterMs(address: string, account: string): number {
    return Math.max(this._wait(`addr:${address}`, PER_ADDRESS), this._wait(`acct:${account}`, PER_ACCOUNT));
  }

  recordFailure(address: string, account: string): void {
    const now = this._now();
    for (const key of [`addr:${address}`, `acct:${account}`]) {
      const list = this._failures.get(key) ?? [];
      list.push(now);
      this._failures.set(
        key,
        list.filter((t) => now - t < KEEP_MS),
      );
    }
    this._save();
  }

  private _load(file: string): void {
    let parsed: unknown;
    try {
      parsed = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      return; // none yet (or unreadable: the limits start empty, as before persisting)
    }
    const failures = (parsed as { failures?: unknown } | null)?.failures;
    if (!failures || typeof failures !== 'object') return;
    const now = this._now();
    for (const [key, list] of Object.entries(failures)) {
      if (!/^(addr|acct):/.test(key) || !Array.isArray(list)) continue;
      const times = list.filter((t): t is number => typeof t === 'number' && now - t < KEEP_MS).slice(-100);
      if (times.length) this._failures.set(key, times);
    }
  }

  private _save(): void {
    if (!this._file) return;
    const now = this._now();
    const failures: Record<string, number[]> = {};
    for (const [key, list] of this._failures) {
      const times = list.filter((t) => now - t < KEEP_MS).slice(-100);
      if (times.length) failures[key] = times;
    }
    atomicWriteFile(this._file, `${JSON.stringify({ failures })}\n`, { mode: 0o600, backup: false });
  }

  private _wait(key: string, windows: Window[]): number {
    const now = this._now();
    // A failure "in the future" means the clock was set back: count it as now, so a jump back never
    // blocks for longer than a window.
    const list = (this._failures.get(key) ?? []).map((t) => Math.min(t, now)).filter((t) => now - t < 60 * MINUTE);
    let wait = 0;
    for (const w of windows) {
      const recent = list.filter((t) => now - t < w.windowMs);
      // Blocked until the oldest failure that keeps the count at the limit leaves the window.
      if (recent.length >= w.max) wait = Math.max(wait, recent[recent.length - w.max] + w.windowMs - now);
    }
    return wait;
  }
}
