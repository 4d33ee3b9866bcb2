import { existsSync, readdirSync, statSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setCookie } from '../../../device-agent/src/admin/admin-auth.js';
import { AdminModule } from '../../../device-agent/src/admin/admin-module.js';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { postJson, submission } from '../outbox/fixtures.js';
import { AdminClient, TEST_SCRYPT, TestClock, setupTokenFromLog } from '../admin/admin-test-client.js';

// Issue 13 item 12 (agent part): files readable by everyone under a lax umask; no CSP on the kiosk
// page; aborted requests logged as error stacks.

const running: TestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const mode = (path: string): number => statSync(path).mode & 0o777;

async function fullAgent(centerUrl = 'https://county.example:8443/') {
  const clock = new TestClock();
  const t = await startTestAgent(
    { ...DEMO_CONFIG, center: { url: centerUrl, token: 'test-terminal-token' } },
    {
      modules: [
        (ctx) => new AdminModule(ctx, { scrypt: TEST_SCRYPT, now: clock.now, restart: () => {} }),
        (ctx) => new OutboxModule(ctx, { ackWaitMs: 0 }),
      ],
    },
  );
  running.push(t);
  return t;
}

describe('item 12: files 0600/0700 whatever the umask, security headers, quiet aborts', () => {
  it('item 12: data directory 0700; secrets, SQLite, config and .bak 0600 under umask 000', async () => {
    const old = process.umask(0);
    try {
      const t = await fullAgent();
      const data = join(t.dir, 'data');
      expect(mode(data)).toBe(0o700);
      expect((await postJson(`${t.base}/api/v1/submissions`, submission())).status).toBe(200);
      const client = new AdminClient(t.adminBase);
      await client.setup(setupTokenFromLog(t));
      expect((await client.request('PATCH', '/admin/api/config', { ui: { idleWarningSeconds: 200 } })).status).toBe(
        200,
      );
      expect(mode(join(t.dir, 'kiosk.config.json'))).toBe(0o600);
      expect(mode(join(t.dir, 'kiosk.config.json.bak'))).toBe(0o600);
      const files = readdirSync(data).filter((f) => !f.includes('.tmp'));
      expect(files).toEqual(expect.arrayContaining(['admin-secrets.json', 'outbox.sqlite']));
      for (const f of files) expect(mode(join(data, f)), f).toBe(0o600);
      for (const f of ['outbox.sqlite-wal', 'outbox.sqlite-shm'])
        if (existsSync(join(data, f))) expect(mode(join(data, f)), f).toBe(0o600);
    } finally {
      process.umask(old);
    }
  });

  it('item 12: the kiosk page has a CSP limited to the agent and the centre, nosniff and frame-ancestors none', async () => {
    const t = await fullAgent('https://county.example:8443/base/');
    for (const path of ['/', '/api/v1/status']) {
      const res = await fetch(`${t.base}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp, path).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp, path).toContain("connect-src 'self' https://county.example:8443 wss://county.example:8443");
      expect(csp, path).toContain("media-src 'self' blob:");
      expect(csp, path).toContain("img-src 'self' data: blob:");
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toContain("default-src 'self'");
      expect(csp, path).not.toContain('upgrade-insecure-requests');
      expect(res.headers.get('x-content-type-options'), path).toBe('nosniff');
      expect(res.headers.get('x-frame-options'), path).toBe('DENY');
    }
    const admin = await fetch(`${t.adminBase}/`);
    const adminCsp = admin.headers.get('content-security-policy') ?? '';
    expect(adminCsp).toContain("connect-src 'self';");
    expect(adminCsp).toContain("frame-ancestors 'none'");
    expect(adminCsp).toContain("script-src 'self'");
    expect(admin.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('item 12: an http centre on this machine is reached over ws: in the CSP', async () => {
    const t = await fullAgent('http://127.0.0.1:7400');
    const csp = (await fetch(`${t.base}/`)).headers.get('content-security-policy') ?? '';
    expect(csp).toContain("connect-src 'self' http://127.0.0.1:7400 ws://127.0.0.1:7400");
  });

  it('item 12: cookies carry Secure when the admin page is served over TLS', () => {
    expect(setCookie('kiosk_admin_P1', 'abc', { path: '/admin', httpOnly: true, secure: true })).toMatch(/; Secure/);
    expect(setCookie('kiosk_admin_P1', 'abc', { path: '/admin', httpOnly: true, secure: false })).not.toMatch(/Secure/);
  });

  it('item 12: an aborted upload is one debug line, not an error stack', async () => {
    const t = await fullAgent();
    const port = new URL(t.base).port;
    for (let i = 0; i < 5; i++) {
      await new Promise<void>((done) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /api/v1/submissions HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/json\r\n` +
              'Content-Length: 100000\r\n\r\n{"kind":"legalAid","data":{',
          );
          setTimeout(() => {
            socket.destroy();
            done();
          }, 100);
        });
        socket.on('error', () => done());
      });
    }
    const end = Date.now() + 5_000;
    while ((t.logText().match(/request aborted by the client/g) ?? []).length < 5 && Date.now() < end)
      await new Promise((r) => setTimeout(r, 50));
    const log = t.logText();
    expect(log.match(/request aborted by the client/g) ?? []).toHaveLength(5);
    expect(log).not.toMatch(/request failed/);
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });
});
