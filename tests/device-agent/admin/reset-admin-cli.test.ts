import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../device-agent/src/cli/run-cli.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const isRoot = process.getuid?.() === 0;
const run = (args: string[], dataDir: string) =>
  spawnSync(join(ROOT, 'node_modules/.bin/tsx'), [join(ROOT, 'device-agent/src/cli/main.ts'), ...args], {
    env: { ...process.env, KIOSK_DATA_DIR: dataDir },
    encoding: 'utf8',
  });

describe('kiosk-agent reset-admin', () => {
  // In-process with another uid: a real process as uid 65534 cannot reach node_modules in a checkout
  // under /root or any other 0700 directory, so that test failed wherever root cloned the project.
  it('refuses anyone but root', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-reset-'));
    let stdout = '';
    let stderr = '';
    const code = runCli(['reset-admin'], {
      uid: 65534,
      env: { KIOSK_DATA_DIR: dir },
      stdout: { write: (s: string) => (stdout += s) },
      stderr: { write: (s: string) => (stderr += s) },
    });
    expect(code).toBe(1);
    expect(stderr).toContain('reset-admin must run as root');
    expect(stdout).toBe('');
    expect(existsSync(join(dir, 'admin-secrets.json'))).toBe(false);
  });

  it('gives root a new setup token in the 0600 secrets file', ({ skip }) => {
    skip(!isRoot, `only root may reset the admin password and this suite runs as uid ${process.getuid?.()}`);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-reset-'));
    const result = run(['reset-admin'], dir);
    expect(result.status, result.stderr).toBe(0);
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
