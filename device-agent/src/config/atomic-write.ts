import { closeSync, existsSync, fchmodSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';

/** Test seam: lets a test stop the save between the write and the rename (a simulated crash). */
export interface AtomicWriteHooks {
  beforeRename?(tmpPath: string): void;
}

function writeDurably(path: string, data: string | Buffer, mode: number): void {
  const fd = openSync(path, 'w', mode);
  try {
    // The mode whatever the umask (and for a temp file left over by a crash).
    fchmodSync(fd, mode);
    writeSync(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Replaces `path` so that at every instant either the old or the new content is on disk:
 * temp file in the same directory, fsync, keep the old file as `<path>.bak`, rename, fsync dir.
 * The file and its `.bak` are 0600 unless `mode` says otherwise (configuration and secrets).
 */
export function atomicWriteFile(
  path: string,
  data: string | Buffer,
  options: { mode?: number; backup?: boolean; hooks?: AtomicWriteHooks } = {},
): void {
  const mode = options.mode ?? 0o600;
  const tmp = `${path}.tmp-${process.pid}`;
  writeDurably(tmp, data, mode);
  if (options.backup !== false && existsSync(path)) {
    const bakTmp = `${path}.bak.tmp-${process.pid}`;
    writeDurably(bakTmp, readFileSync(path), mode);
    renameSync(bakTmp, `${path}.bak`);
  }
  options.hooks?.beforeRename?.(tmp);
  renameSync(tmp, path);
  fsyncDir(dirname(path));
}

export const serializeConfig = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;
