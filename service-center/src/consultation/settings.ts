import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ConsultationConfig } from '../config-schema.js';

/** The consultation settings with every default applied (reference/video-consultation.md §3, §7). */
export interface ConsultationSettings {
  tokenSecret: string;
  queueTimeoutS: number;
  graceS: number;
  tokenTtlS: number;
  turn: { urls: string[]; secret?: string; relayOnly: boolean; ttlS: number };
  hotline: string;
  kioskOrigins: string[];
}

const SECRET_FILE = 'signalling-secret';

/**
 * The token secret when the configuration names none: random, kept (0600) in the data directory so
 * that tokens, and therefore call resumes, survive a restart of the centre.
 */
export function dataDirSecret(dataDir: string): string {
  const file = join(dataDir, SECRET_FILE);
  if (existsSync(file)) {
    const text = readFileSync(file, 'utf8').trim();
    if (text.length >= 32) return text;
  }
  const secret = randomBytes(32).toString('base64url');
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${secret}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  chmodSync(file, 0o600);
  return secret;
}

export function consultationSettings(config: ConsultationConfig | undefined, dataDir: string): ConsultationSettings {
  const c = config ?? {};
  const turn = c.turn ?? {};
  return {
    tokenSecret: c.tokenSecret ?? dataDirSecret(dataDir),
    queueTimeoutS: c.queueTimeoutS ?? 180,
    graceS: c.graceS ?? 30,
    tokenTtlS: c.tokenTtlS ?? 600,
    turn: {
      urls: turn.urls ?? [],
      ...(turn.secret ? { secret: turn.secret } : {}),
      relayOnly: turn.relayOnly ?? false,
      ttlS: turn.ttlS ?? 3600,
    },
    hotline: c.hotline ?? '12348',
    kioskOrigins: c.kioskOrigins ?? [],
  };
}
