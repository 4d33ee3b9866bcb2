// The Chromium launcher's watchdog (deploy/chromium/kiosk-launcher.sh) against a real agent's
// heartbeat endpoint, with a stand-in browser process that records how it was started.
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAdminAgent, type AdminTestAgent } from './admin-test-client.js';

const LAUNCHER = resolve(import.meta.dirname, '../../../deploy/chromium/kiosk-launcher.sh');
const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

function fakeBrowser(dir: string): string {
  const path = join(dir, 'fake-chromium');
  writeFileSync(path, `#!/bin/sh\necho "$*" >> "${dir}/runs.log"\nexec sleep 300\n`);
  chmodSync(path, 0o755);
  return path;
}

function runLauncher(env: Record<string, string>, timeoutMs: number): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done) => {
    const child = spawn('bash', [LAUNCHER], {
      env: { PATH: process.env['PATH'] ?? '', ...env },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      done({ code, stderr });
    });
  });
}

describe('kiosk launcher', () => {
  it('clears a stale profile lock and the crash flag, then restarts the browser when the page stops beating', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-launcher-'));
    const profile = join(dir, 'profile');
    mkdirSync(join(profile, 'Default'), { recursive: true });
    writeFileSync(join(profile, 'SingletonLock'), 'stale');
    writeFileSync(
      join(profile, 'Default', 'Preferences'),
      '{"profile":{"exit_type":"Crashed","exited_cleanly":false}}',
    );
    const result = await runLauncher(
      {
        KIOSK_URL: `${agent.base}/`,
        KIOSK_CHROMIUM: fakeBrowser(dir),
        KIOSK_PROFILE_DIR: profile,
        KIOSK_CHECK_INTERVAL_SEC: '1',
        KIOSK_STARTUP_GRACE_SEC: '2',
        KIOSK_HEARTBEAT_STALE_SEC: '3',
        KIOSK_MAX_RUNS: '2',
      },
      25_000,
    );
    expect(result.code).toBe(0);
    const runs = readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n');
    expect(runs).toHaveLength(2);
    expect(runs[0]).toContain('--kiosk');
    expect(runs[0]).toContain(`--user-data-dir=${profile}`);
    expect(runs[0].endsWith(`${agent.base}/`)).toBe(true);
    expect(existsSync(join(profile, 'SingletonLock'))).toBe(false);
    expect(readFileSync(join(profile, 'Default', 'Preferences'), 'utf8')).toBe(
      '{"profile":{"exit_type":"Normal","exited_cleanly":true}}',
    );
    expect(result.stderr).toContain('heartbeat stopped');
  }, 30_000);

  it('leaves the browser alone while the page keeps beating', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-launcher-'));
    const beat = setInterval(() => {
      void fetch(`${agent.base}/api/v1/heartbeat`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
    }, 500);
    try {
      const result = await runLauncher(
        {
          KIOSK_URL: `${agent.base}/`,
          KIOSK_CHROMIUM: fakeBrowser(dir),
          KIOSK_PROFILE_DIR: join(dir, 'profile'),
          KIOSK_CHECK_INTERVAL_SEC: '1',
          KIOSK_STARTUP_GRACE_SEC: '1',
          KIOSK_HEARTBEAT_STALE_SEC: '3',
        },
        7_000,
      );
      expect(result.stderr).not.toContain('heartbeat stopped');
      expect(readFileSync(join(dir, 'runs.log'), 'utf8').trim().split('\n')).toHaveLength(1);
    } finally {
      clearInterval(beat);
    }
  }, 20_000);
});
