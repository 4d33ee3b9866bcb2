import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { atomicWriteFile } from '../config/atomic-write.js';

/** What lives in `<KIOSK_DATA_DIR>/admin-secrets.json` (mode 0600), never in kiosk.config.json. */
export interface AdminSecrets {
  /** `$scrypt$…` once the technician has chosen a password. */
  passwordHash?: string;
  passwordChangedAt?: string;
  /** The one-time setup token while no password is set. */
  setupToken?: string;
  /** Set once the token went out on paper, so a restart does not print it again. */
  setupTokenPrintedAt?: string;
}

export const SECRETS_FILE = 'admin-secrets.json';

/**
 * The admin secrets file. It is re-read on every use, so `reset-admin` (another process) takes
 * effect at once and a password change anywhere invalidates every login.
 */
export class SecretsStore {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = join(dataDir, SECRETS_FILE);
  }

  read(): AdminSecrets {
    if (!existsSync(this.path)) return {};
    try {
      const value = JSON.parse(readFileSync(this.path, 'utf8')) as unknown;
      return value && typeof value === 'object' ? value : {};
    } catch {
      return {};
    }
  }

  write(secrets: AdminSecrets): void {
    atomicWriteFile(this.path, `${JSON.stringify(secrets, null, 2)}\n`, { mode: 0o600, backup: false });
    chmodSync(this.path, 0o600);
  }

  /** Returns the pending setup token, creating one when no password and no token exist. */
  ensureSetupToken(): string | null {
    const secrets = this.read();
    if (secrets.passwordHash) return null;
    if (secrets.setupToken) return secrets.setupToken;
    const setupToken = newSetupToken();
    this.write({ ...secrets, setupToken, setupTokenPrintedAt: undefined });
    return setupToken;
  }

  /** Clears the password and issues a fresh token (the `reset-admin` command). */
  resetAdmin(): string {
    const setupToken = newSetupToken();
    this.write({ setupToken });
    return setupToken;
  }
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
