import {
  chmodSync,
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readdirSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';

// The centre's files hold personal data and secrets: the data directory is 0700 and the SQLite
// files, configuration and secret files 0600 whatever the umask (issue 13 item 12). mkdir/open
// modes are masked by the umask and never change an existing file, hence the explicit chmods.

/** Creates the directory if needed and makes it 0700, and every file directly in it 0600. */
export function privateDir(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
  for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isFile()) privateFile(join(dir, entry.name));
  return dir;
}

/** Makes an existing file 0600; false when it is missing or not ours to change. */
export function privateFile(file: string): boolean {
  try {
    if ((statSync(file).mode & 0o777) !== 0o600) chmodSync(file, 0o600);
    return true;
  } catch {
    return false;
  }
}

/**
 * The SQLite database file 0600 before it is opened: SQLite gives its -wal and -shm files the
 * database file's permissions. Existing -wal/-shm files are tightened too.
 */
export function privateDatabaseFile(file: string): string {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`, `${file}-journal`]) if (existsSync(f)) privateFile(f);
  return file;
}

/** Writes a secret atomically (temp file, rename) with mode 0600. */
export function writeSecretFile(file: string, text: string): void {
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, text, { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}
