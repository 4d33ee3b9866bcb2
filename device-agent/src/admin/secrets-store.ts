import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile } from '../config/atomic-write.js';

/** What lives in `<KIOSK_DATA_DIR>/admin-secrets.json` (mode 0600), never in kiosk.config.json. */
export interface AdminSecrets {
  /** `$scrypt$…` once the technician has chosen a password. */
  passwordHash?: string;
  passwordChangedAt?: string;
  /** The one-time setup token while no password is set. */
  setupToken?: string;
  /** When the token was issued: it expires after SETUP_TOKEN_TTL_MS (DESIGN §6). */
  setupTokenIssuedAt?: string;
  /** Set once the token went out on paper, so a restart does not print it again. */
  setupTokenPrintedAt?: string;
}

export const SECRETS_FILE = 'admin-secrets.json';
export const SETUP_TOKEN_TTL_MS = 24 * 60 * 60_000;

/** How to recover, said wherever the damaged file is reported (log and admin page). */
export const RESET_ADMIN_HINT = 'run `sudo kiosk-agent reset-admin` on the terminal to set a new password';

/**
 * The secrets file exists but cannot be read as secrets. The admin listener then fails closed:
 * no login, no setup, no new token (a damaged file must never read as "no password yet").
 */
export class SecretsDamagedError extends Error {
  constructor(
    readonly path: string,
    reason: string,
  ) {
    super(`admin secrets file ${path} is damaged (${reason}); ${RESET_ADMIN_HINT}`);
    this.name = 'SecretsDamagedError';
  }
}

const STRING_FIELDS = [
  'passwordHash',
  'passwordChangedAt',
  'setupToken',
  'setupTokenIssuedAt',
  'setupTokenPrintedAt',
] as const;

/**
 * The admin secrets file. It is re-read on every use, so `reset-admin` (another process) takes
 * effect at once and a password change anywhere invalidates every login.
 */
export class SecretsStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SECRETS_FILE);
  }

  /** The secrets; `{}` only when the file does not exist. Throws SecretsDamagedError otherwise. */
  read(): AdminSecrets {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
      throw new SecretsDamagedError(this.path, (err as NodeJS.ErrnoException).code ?? 'unreadable');
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      throw new SecretsDamagedError(this.path, 'not valid JSON');
    }
    if (!value || typeof value !== 'object' || Array.isArray(value))
      throw new SecretsDamagedError(this.path, 'not a JSON object');
    const secrets = value as Record<string, unknown>;
    for (const field of STRING_FIELDS) {
      if (secrets[field] !== undefined && typeof secrets[field] !== 'string')
        throw new SecretsDamagedError(this.path, `${field} is not a string`);
    }
    const hash = secrets['passwordHash'];
    if (typeof hash === 'string' && !hash.startsWith('$scrypt$'))
      throw new SecretsDamagedError(this.path, 'passwordHash is not a scrypt hash');
    return secrets;
  }

  /** Whether the file exists but cannot be used (the admin page then says how to reset it). */
  damaged(): boolean {
    try {
      this.read();
      return false;
    } catch (err) {
      if (err instanceof SecretsDamagedError) return true;
      throw err;
    }
  }

  write(secrets: AdminSecrets): void {
    atomicWriteFile(this.path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, backup: false });
    chmodSync(this.path, 0o600);
  }

  /**
   * Returns the pending setup token, creating one when no password and no live token exist (a
   * token older than 24 h is replaced). Throws SecretsDamagedError for a damaged file.
   */
  ensureSetupToken(now: number = Date.now()): string | null {
    const secrets = this.read();
    if (secrets.passwordHash) return null;
    if (secrets.setupToken && setupTokenLive(secrets, now)) return secrets.setupToken;
    const setupToken = newSetupToken();
    this.write({ setupToken, setupTokenIssuedAt: new Date(now).toISOString() });
    return setupToken;
  }

  /** Clears the password and issues a fresh token (the `reset-admin` command). */
  resetAdmin(now: number = Date.now()): string {
    const setupToken = newSetupToken();
    this.write({ setupToken, setupTokenIssuedAt: new Date(now).toISOString() });
    return setupToken;
  }
}

/** A setup token is usable (and printable) for 24 h after it was issued. */
export function setupTokenLive(secrets: AdminSecrets, now: number): boolean {
  if (!secrets.setupToken || !secrets.setupTokenIssuedAt) return false;
  const issued = Date.parse(secrets.setupTokenIssuedAt);
  // A clock that went back (or another process's clock) makes a token younger, never older.
  return Number.isFinite(issued) && now - issued < SETUP_TOKEN_TTL_MS;
}

/** 128 random bits as 8 groups of 4 hex digits, easy to read off paper and type. */
export function newSetupToken(): string {
  const hex = randomBytes(16).toString('hex').toUpperCase();
  return hex.match(/.{4}/g)!.join('-');
}

/** Compares a typed token with the stored one in constant time; spaces, dashes and case are ignored. */
export function tokenMatches(typed: unknown, stored: string | undefined): boolean {
  if (typeof typed !== 'string' || !stored) return false;
  const norm = (s: string): Buffer => createHash('sha256').update(s.replace(/[\s-]/g, '').toUpperCase()).digest();
  return timingSafeEqual(norm(typed), norm(stored));
}
