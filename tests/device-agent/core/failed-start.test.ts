import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';

const ROOT = resolve(import.meta.dirname, '../../..');
const HOLD = join(import.meta.dirname, 'fixtures/hold-event-loop.ts');

describe('device agent entry point', () => {
  let blocker: Server | undefined;
  afterAll(() => blocker?.close());

  it('item 15: exits non-zero when it cannot start (port taken), even with a handle left open, so systemd restarts it', async () => {
    blocker = createServer();
    await new Promise<void>((done) => blocker!.listen(0, '127.0.0.1', done));
    const taken = (blocker.address() as { port: number }).port;
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-failed-start-'));
    const config = join(dir, 'kiosk.config.json');
    writeFileSync(config, JSON.stringify({ ...DEMO_CONFIG, agent: { host: '127.0.0.1', port: taken, adminPort: 0 } }));
    const child = spawn(
      process.execPath,
      ['--conditions=source', '--import', 'tsx', '--import', HOLD, 'device-agent/src/main.ts'],
      {
        cwd: ROOT,
        env: { ...process.env, KIOSK_CONFIG: config, KIOSK_DATA_DIR: join(dir, 'data'), LOG_LEVEL: 'info' },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (b: Buffer) => (output += b.toString()));
    child.stderr.on('data', (b: Buffer) => (output += b.toString()));
    const code = await new Promise<number | null>((done) => {
      const timer = setTimeout(() => {
        child.kill('SIGKILL');
        done(null);
      }, 30_000);
      child.on('exit', (exitCode) => {
        clearTimeout(timer);
        done(exitCode);
      });
    });
    expect(output).toContain('device agent failed to start');
    expect(code).toBe(1);
  }, 45_000);
});
