import type { CenterRepository, LoginLimitKey } from '../store/repository.js';

// Staff login limits (issue 13 item 6). Chosen over rate-limiter-flexible: its SQLite store takes
// `sqlite3`/`better-sqlite3`/knex clients, not the libsql binding the centre uses, and its points
// count every request where the README promises "only failures count". A small table in the
// centre's own database (behind the repository interface, so PostgreSQL can follow) gives:
// - an attempt counts from the moment it starts (reserved atomically in one IMMEDIATE transaction),
//   so 40 parallel guesses are 5 checks and 35 refusals, and is released only if it succeeds;
// - the count survives a restart (a crash loop does not reset it), and spans centre processes;
// - attempts on one account or from one address run one at a time, and at most two scrypt
//   hashes (128 MiB each) run at once in the whole centre.

/** Per address 5 per 10 minutes and 10 per hour, per account 5 per 10 minutes; no permanent bans. */
export const ADDRESS_WINDOWS: LoginLimitKey['windows'] = [
  [5, 10 * 60_000],
  [10, 3600_000],
];
export const ACCOUNT_WINDOWS: LoginLimitKey['windows'] = [[5, 10 * 60_000]];
const HASHES_AT_ONCE = 2;

/** Runs tasks one at a time per key; a task with several keys waits for all of them. */
export class KeyedSerial {
  private readonly _tails = new Map<string, Promise<unknown>>();

  async run<T>(keys: readonly string[], task: () => Promise<T>): Promise<T> {
    const before = keys.map((k) => this._tails.get(k) ?? Promise.resolve());
    const result = Promise.allSettled(before).then(task);
    const tail = result.catch(() => undefined);
    for (const k of keys) this._tails.set(k, tail);
    void tail.then(() => {
      for (const k of keys) if (this._tails.get(k) === tail) this._tails.delete(k);
    });
    return result;
  }
}

/** At most `size` tasks at once. */
export class Semaphore {
  private _free: number;
  private readonly _waiting: Array<() => void> = [];

  constructor(size: number) {
    this._free = size;
  }

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this._free > 0) this._free--;
    else await new Promise<void>((go) => this._waiting.push(go));
    try {
      return await task();
    } finally {
      const next = this._waiting.shift();
      if (next) next();
      else this._free++;
    }
  }
}

export type LoginCheck = { allowed: false; retryAfterMs: number } | { allowed: true; ok: boolean };

export class LoginLimiter {
  private readonly _serial = new KeyedSerial();
  private readonly _hashes = new Semaphore(HASHES_AT_ONCE);

  constructor(
    private readonly _repo: Pick<CenterRepository, 'reserveLoginAttempt' | 'releaseLoginAttempt'>,
    private readonly _now: () => number = Date.now,
  ) {}

  /**
   * Reserves the attempt (refused when over a limit), then runs `verify` serialised per address and
   * account and bounded in the whole centre; a successful attempt is released (successes never count).
   */
  async attempt(address: string, account: string, verify: () => Promise<boolean>): Promise<LoginCheck> {
    const keys: LoginLimitKey[] = [
      { key: `address:${address}`, windows: ADDRESS_WINDOWS },
      { key: `account:${account}`, windows: ACCOUNT_WINDOWS },
    ];
    const reserved = await this._repo.reserveLoginAttempt(keys, this._now());
    if (!reserved.ok) return { allowed: false, retryAfterMs: reserved.retryAfterMs };
    const ok = await this._serial.run(
      keys.map((k) => k.key),
      () => this._hashes.run(verify),
    );
    if (ok) await this._repo.releaseLoginAttempt(reserved.ids);
    return { allowed: true, ok };
  }
}
