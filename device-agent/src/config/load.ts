import { copyFileSync, existsSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createValidator, type SchemaError, type Validator } from '@kiosk/node-common/validator';
import { atomicWriteFile, serializeConfig } from './atomic-write.js';
import { privateDir, privateFile } from './file-modes.js';
import { migrateConfig } from './migrate.js';
import { DEFAULT_AGENT, configSchema, type KioskConfig } from './schema.js';

/** The repository root (device-agent/src/config → ../../..), also when running from dist/node. */
export function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(resolve(dir, 'kiosk.config.json')) && !existsSync(resolve(dir, 'content'))) {
    const parent = dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return dir;
}

export interface LoadedConfig {
  path: string;
  dataDir: string;
  /** The valid configuration, or null in the configuration error state. */
  config: KioskConfig | null;
  errors: SchemaError[];
  /** Where to listen even when the file is invalid. */
  agent: { host: string; port: number; adminPort: number; adminHost?: string };
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  const p = env['KIOSK_CONFIG'];
  return p ? (isAbsolute(p) ? p : resolve(process.cwd(), p)) : resolve(repoRoot(), 'kiosk.config.json');
}

export function dataDir(env: NodeJS.ProcessEnv = process.env): string {
  const p = env['KIOSK_DATA_DIR'];
  const dir = p ? resolve(process.cwd(), p) : resolve(repoRoot(), '.kiosk-data');
  return privateDir(dir);
}

export function validateConfig(raw: unknown, validator: Validator = createValidator()): SchemaError[] {
  return validator.validate(configSchema, raw);
}

/** Reads, migrates (with a `.v<N>.bak` copy) and validates. Never throws for a bad file. */
export function loadConfig(
  env: NodeJS.ProcessEnv = process.env,
  validator: Validator = createValidator(),
): LoadedConfig {
  const path = configPath(env);
  const dir = dataDir(env);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    const message =
      (err as NodeJS.ErrnoException).code === 'ENOENT'
        ? `file not found: ${path}`
        : `not valid JSON: ${(err as Error).message}`;
    return { path, dataDir: dir, config: null, errors: [{ path: '/', message }], agent: { ...DEFAULT_AGENT } };
  }
  // It holds the centre token: 0600 when it is ours (a root-owned file keeps what root chose).
  privateFile(path);
  const migration = migrateConfig(raw);
  const errors = validateConfig(migration.raw, validator);
  if (migration.migrated && errors.length === 0) {
    copyFileSync(path, `${path}.v${migration.fromVersion}.bak`);
    privateFile(`${path}.v${migration.fromVersion}.bak`);
    atomicWriteFile(path, serializeConfig(migration.raw), { backup: false });
  }
  const candidate = migration.raw as Partial<KioskConfig>;
  const agentOk = !errors.some((e) => e.path === '/' || e.path.startsWith('/agent'));
  const agent = agentOk && candidate.agent ? candidate.agent : { ...DEFAULT_AGENT };
  return {
    path,
    dataDir: dir,
    config: errors.length === 0 ? (migration.raw as KioskConfig) : null,
    errors,
    agent,
  };
}

/** Validates and saves atomically; the file is untouched when the value is invalid. */
export function saveConfig(path: string, value: unknown, validator: Validator = createValidator()): SchemaError[] {
  const errors = validateConfig(value, validator);
  if (errors.length === 0) {
    atomicWriteFile(path, serializeConfig(value), { mode: 0o600 });
    privateFile(`${path}.bak`);
  }
  return errors;
}
