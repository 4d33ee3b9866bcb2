import Database from 'libsql';

// SQLite through libsql: its native binary comes as an npm package, so a fresh clone installs in
// seconds instead of compiling SQLite. Its API is better-sqlite3's, with two differences this opener
// hides: `Statement.get()` ignores `pluck()` and adds a `_metadata` key to the row, and `all()`
// returns BLOBs as ArrayBuffer where better-sqlite3 (and `get()`) give a Buffer.

export type SqliteDatabase = Database.Database;

export interface Migration {
  version: number;
  sql: string;
}

type Statement = ReturnType<SqliteDatabase['prepare']>;

function blobsAsBuffers(row: unknown): unknown {
  if (row instanceof ArrayBuffer) return Buffer.from(row);
  if (row === null || typeof row !== 'object') return row;
  const values = row as Record<string, unknown> | unknown[];
  for (const [key, value] of Object.entries(values))
    if (value instanceof ArrayBuffer) (values as Record<string, unknown>)[key] = Buffer.from(value);
  return row;
}

function withBetterSqliteGet(stmt: Statement): Statement {
  let plucked = false;
  const pluck = stmt.pluck.bind(stmt);
  const get = stmt.get.bind(stmt) as (...args: unknown[]) => unknown;
  const all = stmt.all.bind(stmt) as (...args: unknown[]) => unknown[];
  stmt.pluck = (toggle = true): Statement => {
    plucked = toggle;
    pluck(toggle);
    return stmt;
  };
  stmt.get = ((...args: unknown[]) => {
    const row = get(...args);
    if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
    const record = row as Record<string, unknown>;
    delete record['_metadata'];
    if (!plucked) return record;
    const first = Object.keys(record)[0];
    return first === undefined ? undefined : record[first];
  }) satisfies (...args: unknown[]) => unknown;
  stmt.all = (...args: unknown[]) => all(...args).map(blobsAsBuffers);
  return stmt;
}

/** Opens a SQLite file with statements that behave as better-sqlite3's (the API the code is written to). */
export function openSqlite(
  file: string,
  options: { readonly?: boolean; fileMustExist?: boolean } = {},
): SqliteDatabase {
  const db = new Database(file, options);
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => withBetterSqliteGet(prepare(sql))) as SqliteDatabase['prepare'];
  return db;
}

/**
 * Opens a SQLite file for durable storage (used by the agent's outbox and the service centre):
 * WAL, synchronous commits, foreign keys, a busy timeout.
 */
export function openDurableDatabase(file: string): SqliteDatabase {
  const db = openSqlite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** A pragma's bare value (libsql answers `{simple: true}` with an object, better-sqlite3 with the value). */
export function pragmaValue(db: SqliteDatabase, name: string): unknown {
  const rows = db.pragma(name) as Array<Record<string, unknown>>;
  const row = rows[0];
  return row === undefined ? undefined : (row[name] ?? Object.values(row)[0]);
}

/** Applies the numbered migrations not yet recorded in `schema_migrations`, each in one transaction. */
export function applyMigrations(db: SqliteDatabase, migrations: readonly Migration[]): void {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(db.prepare('SELECT version FROM schema_migrations').pluck().all() as number[]);
  for (const step of migrations) {
    if (done.has(step.version)) continue;
    db.transaction(() => {
      db.exec(step.sql);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        step.version,
        new Date().toISOString(),
      );
    })();
  }
}
