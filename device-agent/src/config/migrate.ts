import { CONFIG_VERSION } from './schema.js';

type Raw = Record<string, unknown>;

/**
 * One step per version: MIGRATIONS[n] turns a version-n file into version n+1. A file without
 * `configVersion` is taken as version 0 (the pre-release layout with `devices.idcard`).
 */
const MIGRATIONS: Record<number, (raw: Raw) => Raw> = {
  0: (raw) => {
    const devices = { ...((raw['devices'] as Raw | undefined) ?? {}) };
    if ('idcard' in devices && !('idCard' in devices)) {
      devices['idCard'] = devices['idcard'];
      delete devices['idcard'];
    }
    return { ...raw, devices, configVersion: 1 };
  },
};

export interface MigrationResult {
  raw: unknown;
  fromVersion: number | null;
  migrated: boolean;
}

export function migrateConfig(raw: unknown): MigrationResult {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { raw, fromVersion: null, migrated: false };
  let current = raw as Raw;
  const declared = current['configVersion'];
  const from = declared === undefined ? 0 : declared;
  if (typeof from !== 'number' || !Number.isInteger(from) || from > CONFIG_VERSION)
    return { raw, fromVersion: null, migrated: false };
  for (let v = from; v < CONFIG_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) return { raw: current, fromVersion: from, migrated: v !== from };
    current = step(current);
  }
  return { raw: current, fromVersion: from, migrated: from !== CONFIG_VERSION };
}
