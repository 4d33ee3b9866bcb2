import { chownSync, statSync } from 'node:fs';
import { SecretsStore } from '../admin/secrets-store.js';

export interface ResetResult {
  token: string;
  file: string;
}

/**
 * Clears the technician password and issues a new one-time setup token. The file keeps the
 * owner of the data directory, so the agent's service user can still read it after root wrote it.
 */
export function resetAdmin(dataDir: string): ResetResult {
  const store = new SecretsStore(dataDir);
  const token = store.resetAdmin();
  const owner = statSync(dataDir);
  if (process.getuid?.() === 0) chownSync(store.path, owner.uid, owner.gid);
  return { token, file: store.path };
}
