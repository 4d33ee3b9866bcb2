import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createValidator, describeErrors } from '@kiosk/node-common/validator';
import { centerConfigSchema, type CenterConfig } from './config-schema.js';

/** The repository root, from service-center/src or from dist/node/service-center/src. */
export function centerRepoRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const parts = here.split(/[\\/]/);
  const at = parts.lastIndexOf('service-center');
  let root = parts.slice(0, at).join('/') || '/';
  if (root.endsWith('/dist/node')) root = root.slice(0, -'/dist/node'.length);
  return root;
}

export class CenterConfigError extends Error {
  constructor(
    readonly file: string,
    detail: string,
  ) {
    super(`invalid centre configuration ${file}: ${detail}`);
    this.name = 'CenterConfigError';
  }
}

export function centerConfigPath(env: NodeJS.ProcessEnv = process.env): string {
  const p = env['CENTER_CONFIG'];
  return p
    ? isAbsolute(p)
      ? p
      : resolve(process.cwd(), p)
    : resolve(centerRepoRoot(), 'service-center/center.config.json');
}

export function centerDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const p = env['CENTER_DATA_DIR'];
  const dir = p ? resolve(process.cwd(), p) : resolve(centerRepoRoot(), '.center-data');
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** Reads and validates the file; throws CenterConfigError listing every error with its JSON path. */
export function loadCenterConfig(file: string): CenterConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new CenterConfigError(file, (err as Error).message);
  }
  const errors = createValidator().validate(centerConfigSchema, raw);
  if (errors.length) throw new CenterConfigError(file, describeErrors(errors));
  const config = raw as CenterConfig;
  const ids = new Set<string>();
  for (const t of config.terminals) {
    if (ids.has(t.id)) throw new CenterConfigError(file, `/terminals: duplicate terminal id ${t.id}`);
    ids.add(t.id);
  }
  const counties = new Set<string>();
  for (const c of config.counties ?? []) {
    if (counties.has(c.code)) throw new CenterConfigError(file, `/counties: duplicate county ${c.code}`);
    counties.add(c.code);
  }
  const stray = config.terminals.find((t) => t.county && counties.size && !counties.has(t.county));
  if (stray)
    throw new CenterConfigError(file, `/terminals: ${stray.id} names county ${stray.county}, not in /counties`);
  return config;
}
