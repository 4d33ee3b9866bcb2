import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const run = (args: string[], dataDir: string, prefix: string[] = []) => {
  const argv = [...prefix, join(ROOT, 'node_modules/.bin/tsx'), join(ROOT, 'device-agent/src/cli/main.ts'), ...args];
  return spawnSync(argv[0], argv.slice(1), { env: { ...process.env, KIOSK_DATA_DIR: dataDir }, encoding: 'utf8' });
};
/** As root, run the refusal case as `nobody`; otherwise we already are not root. */
const AS_NOBODY = isRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', '--'] : [];

describe('kiosk-agent reset-admin', () => {
  it('refuses anyone but root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-reset-'));
    const result = run(['reset-admin'], dir, AS_NOBODY);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('reset-admin must run as root');
  });

  it('gives root a new setup token in the 0600 secrets file', () => {
    // Only root can run this command; on a non-root CI the refusal above is the whole check.
    if (!isRoot) return;
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-reset-'));
    const result = run(['reset-admin'], dir);
    expect(result.status).toBe(0);
    const token = /New setup token: ([0-9A-F-]{39})/.exec(result.stdout)?.[1];
    expect(token).toBeDefined();
    const file = join(dir, 'admin-secrets.json');
    // Issue 13 item 5: the token carries its issue time (it expires after 24 h).
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      setupToken: token,
      setupTokenIssuedAt: expect.any(String),
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('explains its usage for an unknown command', () => {
    const result = run(['reset-everything'], mkdtempSync(join(tmpdir(), 'kiosk-reset-')));
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: kiosk-agent reset-admin');
  });
});
