import { randomBytes, timingSafeEqual } from 'node:crypto';
import { parseCookie } from 'cookie';
import type { StaffRole } from '../store/repository.js';

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

/**
 * Staff logins held in memory (a restart logs everyone out, which is fine for a county office).
 * Each login has its own CSRF token, echoed by the console in `X-CSRF-Token` on every change.
 */
export class StaffSessions {
  private readonly _sessions = new Map<string, StaffSession>();

  constructor(private readonly _now: () => number = Date.now) {}

  create(name: string, mustChange: boolean, role: StaffRole): StaffSession {
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
    this._sessions.set(session.id, session);
    return session;
  }

  /** The live session for a cookie value; refreshes its idle timer. */
  get(id: string | undefined): StaffSession | undefined {
    if (!id) return undefined;
    const s = this._sessions.get(id);
    if (!s) return undefined;
    const now = this._now();
    if (now - s.lastSeenAt > IDLE_MS || now - s.createdAt > ABSOLUTE_MS) {
      this._sessions.delete(id);
      return undefined;
    }
    s.lastSeenAt = now;
    return s;
  }

  end(id: string): void {
    this._sessions.delete(id);
  }

  /** A password change ends every login of that account. */
  endAllOf(name: string): void {
    for (const [id, s] of this._sessions) if (s.name === name) this._sessions.delete(id);
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
