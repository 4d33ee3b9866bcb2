import Database from 'better-sqlite3';

export interface Migration {
  version: number;
  sql: string;
}

/**
 * Opens a SQLite file for durable storage (used by the agent's outbox and the service centre):
 * WAL, synchronous commits, foreign keys, a busy timeout.
 */
export function openDurableDatabase(file: string): Database.Database {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  return db;
}

/** Applies the numbered migrations not yet recorded in `schema_migrations`, each in one transaction. */
export function applyMigrations(db: Database.Database, migrations: readonly Migration[]): void {
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
