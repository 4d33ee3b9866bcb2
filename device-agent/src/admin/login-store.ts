import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';

export const IDLE_MS = 15 * 60_000;
export const ABSOLUTE_MS = 8 * 60 * 60_000;
export const REAUTH_MS = 5 * 60_000;

export interface Login {
  id: string;
  csrf: string;
  createdAt: number;
  lastActiveAt: number;
  /** When the password was last typed (login or re-authentication). */
  passwordAt: number;
  /** Fingerprint of the password hash it was made with: a password change ends the login. */
  hashTag: string;
}

const tag = (passwordHash: string): string => createHash('sha256').update(passwordHash).digest('hex').slice(0, 16);
const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

/**
 * Technician logins, in memory (a restart logs out; fine for one technician). Only actions the
 * technician triggers refresh the idle timer; background polling and streams must call `find`
 * with `refresh: false`. Times are on a monotonic clock: a wall clock set back an hour must not
 * stretch the idle timer or the re-authentication window by an hour.
 */
export class LoginStore {
  private readonly _logins = new Map<string, Login>();

  constructor(private readonly _now: () => number = () => performance.now()) {}

  create(passwordHash: string): Login {
    const now = this._now();
    const login: Login = {
      id: randomBytes(32).toString('base64url'),
      csrf: randomBytes(32).toString('base64url'),
      createdAt: now,
      lastActiveAt: now,
      passwordAt: now,
      hashTag: tag(passwordHash),
    };
    this._logins.set(login.id, login);
    return login;
  }

  /** The live login for a cookie value, or null (unknown, idle, too old, or the password changed). */
  find(id: string | undefined, passwordHash: string | undefined, refresh: boolean): Login | null {
    if (!id || !passwordHash) return null;
    const login = this._logins.get(id);
    if (!login || !sameText(login.id, id)) return null;
    const now = this._now();
    if (
      now - login.lastActiveAt > IDLE_MS ||
      now - login.createdAt > ABSOLUTE_MS ||
      login.hashTag !== tag(passwordHash)
    ) {
      this._logins.delete(id);
      return null;
    }
    if (refresh) login.lastActiveAt = now;
    return login;
  }

  recentlyAuthenticated(login: Login): boolean {
    return this._now() - login.passwordAt <= REAUTH_MS;
  }

  reauthenticated(login: Login): void {
    login.passwordAt = this._now();
    login.lastActiveAt = this._now();
  }

  csrfMatches(login: Login, header: string | undefined, cookie: string | undefined): boolean {
    if (!header || !cookie) return false;
    return sameText(header, cookie) && sameText(header, login.csrf);
  }

  remove(id: string | undefined): void {
    if (id) this._logins.delete(id);
  }

  clear(): void {
    this._logins.clear();
  }
}

/**
 * The `Cookie` header as a null-prototype map (cookie@2: a malformed %-escape stays as written
 * instead of throwing, and a cookie named `__proto__` is just a name).
 */
export function parseCookies(header: string | undefined): Record<string, string | undefined> {
  if (!header) return Object.create(null) as Record<string, string | undefined>;
  try {
    return parseCookie(header);
  } catch {
    return Object.create(null) as Record<string, string | undefined>;
  }
}
