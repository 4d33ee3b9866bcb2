import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { CenterRepository, StaffRole } from '../store/repository.js';

export interface StaffSession {
  id: string;
  name: string;
  csrfToken: string;
  mustChange: boolean;
  /** The account's role at login; a role change ends the account's logins. */
  role: StaffRole;
  createdAt: number;
  lastSeenAt: number;
}

const IDLE_MS = 30 * 60_000;
const ABSOLUTE_MS = 12 * 3600_000;
/** The idle clock is written back at most this often (a read per request, not a write per request). */
const TOUCH_EVERY_MS = 60_000;

type SessionStore = Pick<
  CenterRepository,
  | 'putStaffSession'
  | 'getStaffSession'
  | 'touchStaffSession'
  | 'deleteStaffSession'
  | 'deleteStaffSessionsOf'
  | 'pruneStaffSessions'
>;

/** The stored key of a cookie value: a database read never yields a usable cookie. */
const keyOf = (id: string): string => createHash('sha256').update(id).digest('base64url');

/**
 * Staff logins, kept in the centre's storage: every centre process sharing it knows every login, and
 * a restart logs nobody out. Each login has its own CSRF token, echoed by the console in
 * `X-CSRF-Token` on every change. 30 minutes idle or 12 hours in all end a login.
 */
export class StaffSessions {
  constructor(
    private readonly _store: SessionStore,
    private readonly _now: () => number = Date.now,
  ) {}

  async create(name: string, mustChange: boolean, role: StaffRole): Promise<StaffSession> {
    const now = this._now();
    const session: StaffSession = {
      id: randomBytes(32).toString('base64url'),
      name,
      csrfToken: randomBytes(24).toString('base64url'),
      mustChange,
      role,
      createdAt: now,
      lastSeenAt: now,
    };
    await this._store.pruneStaffSessions(now - IDLE_MS, now - ABSOLUTE_MS);
    await this._store.putStaffSession({
      key: keyOf(session.id),
      name,
      csrfToken: session.csrfToken,
      mustChange,
      role,
      createdMs: now,
      lastSeenMs: now,
    });
    return session;
  }

  /** The live session for a cookie value; refreshes its idle timer. */
  async get(id: string | undefined): Promise<StaffSession | undefined> {
    if (!id || id.length > 100) return undefined;
    const key = keyOf(id);
    const s = await this._store.getStaffSession(key);
    if (!s) return undefined;
    const now = this._now();
    if (now - s.lastSeenMs > IDLE_MS || now - s.createdMs > ABSOLUTE_MS) {
      await this._store.deleteStaffSession(key);
      return undefined;
    }
    if (now - s.lastSeenMs >= TOUCH_EVERY_MS) await this._store.touchStaffSession(key, now);
    return {
      id,
      name: s.name,
      csrfToken: s.csrfToken,
      mustChange: s.mustChange,
      role: s.role,
      createdAt: s.createdMs,
      lastSeenAt: now,
    };
  }

  async end(id: string): Promise<void> {
    await this._store.deleteStaffSession(keyOf(id));
  }

  /** A password or role change ends every login of that account. */
  async endAllOf(name: string): Promise<void> {
    await this._store.deleteStaffSessionsOf(name);
  }

  static csrfMatches(session: StaffSession, header: string | undefined): boolean {
    if (!header) return false;
    const a = Buffer.from(session.csrfToken);
    const b = Buffer.from(header);
    return a.length === b.length && timingSafeEqual(a, b);
  }
}

/**
 * The `Cookie` header as name → value. cookie@2 decodes defensively: a malformed value (`x=%`) stays
 * as sent instead of throwing, so one bad cookie never breaks a staff route (issue 13 item 2).
 */
export function parseCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  if (!header) return out;
  for (const [name, value] of Object.entries(parseCookie(header))) if (value !== undefined) out.set(name, value);
  return out;
}
