import { join } from 'node:path';
import type { Logger } from '@kiosk/node-common/logger';
import type { StorageConfig } from '../config-schema.js';
import { privateDatabaseFile } from '../file-modes.js';
import { PgRepository } from './pg-repository.js';
import type { CenterRepository } from './repository.js';
import { SqliteRepository } from './sqlite-repository.js';

/**
 * The storage the configuration names (DESIGN §8): SQLite in the data directory when absent (a county),
 * PostgreSQL at `url` when a province shares one database between several centre processes.
 */
export function createRepository(
  storage: StorageConfig | undefined,
  dataDir: string,
  log: Pick<Logger, 'warn'>,
): CenterRepository {
  if (storage?.kind === 'postgres')
    return new PgRepository({
      url: storage.url,
      ...(storage.poolSize ? { poolSize: storage.poolSize } : {}),
      // The pool replaces a dropped connection; the message never holds the URL's password.
      onError: (err) => log.warn({ err: err.message }, 'PostgreSQL connection lost; the pool reconnects'),
    });
  return new SqliteRepository(privateDatabaseFile(join(dataDir, 'center.sqlite')));
}
