import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { resetAdmin } from '../../../device-agent/src/cli/reset-admin.js';
import {
  AdminClient,
  PASSWORD,
  loggedInAgent,
  setupTokenFromLog,
  startAdminAgent,
  type AdminTestAgent,
} from './admin-test-client.js';

const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});
function track<T extends { agent: AdminTestAgent; client: AdminClient } | AdminTestAgent>(x: T): T {
  running.push('client' in x ? x.agent : x);
  return x;
}

const MINUTE = 60_000;

function wsStatus(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((done) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      done('open');
    });
    ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
    ws.on('error', () => undefined);
  });
}

describe('admin before setup', () => {
  it('answers only the setup status; everything else is refused', async () => {
    const agent = track(await startAdminAgent());
    const client = new AdminClient(agent.adminBase);
    expect((await client.get('/admin/api/setup')).body).toEqual({ configured: false });
    for (const path of [
      '/admin/api/status',
      '/admin/api/config',
      '/admin/api/logs',
      '/admin/api/diagnostics',
      '/admin/api/ports',
    ]) {
      const res = await client.get(path);
      expect({ path, status: res.status, error: (res.body as { error: string }).error }).toEqual({
        path,
        status: 403,
        error: 'setupRequired',
      });
    }
    expect((await client.post('/admin/api/login', { password: PASSWORD })).status).toBe(403);
    expect((await client.request('PUT', '/admin/api/config', {})).status).toBe(403);
    const ws = await wsStatus(`ws://127.0.0.1:${client.port}/admin/api/ws`, { Origin: agent.adminBase });
    expect(ws).toBe(401);
  });

  it('logs a setup token of 128 bits in groups and keeps it in a 0600 file, not in the configuration', async () => {
    const agent = track(await startAdminAgent());
    const token = setupTokenFromLog(agent);
    expect(token.replace(/-/g, '')).toMatch(/^[0-9A-F]{32}$/);
    const file = join(agent.dir, 'data', 'admin-secrets.json');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8')).not.toContain(token);
  });

  it('refuses a wrong token and then a reused one', async () => {
    const agent = track(await startAdminAgent());
    const client = new AdminClient(agent.adminBase);
    const wrong = await client.post('/admin/api/setup', {
      setupToken: '0000-0000-0000-0000-0000-0000-0000-0000',
      password: PASSWORD,
    });
    expect(wrong.status).toBe(403);
    expect((await client.get('/admin/api/setup')).body).toEqual({ configured: false });
    const token = setupTokenFromLog(agent);
    const ok = await client.post('/admin/api/setup', { setupToken: token.toLowerCase(), password: PASSWORD });
    expect(ok.status).toBe(200);
    const again = await new AdminClient(agent.adminBase).post('/admin/api/setup', {
      setupToken: token,
      password: 'another password 123',
    });
    expect(again.status).toBe(403);
    expect((again.body as { error: string }).error).toBe('alreadyConfigured');
    // The first password still works; the token did not change it.
    expect(await new AdminClient(agent.adminBase).login(PASSWORD)).toBe(200);
  });

  it('refuses a short password without using the token up', async () => {
    const agent = track(await startAdminAgent());
    const client = new AdminClient(agent.adminBase);
    const token = setupTokenFromLog(agent);
    const res = await client.post('/admin/api/setup', { setupToken: token, password: 'short' });
    expect(res.status).toBe(400);
    await client.setup(token);
  });

  it('lets only one of two simultaneous setups win', async () => {
    const agent = track(await startAdminAgent());
    const token = setupTokenFromLog(agent);
    const results = await Promise.all(
      ['first password 0001', 'second password 0002'].map((password) =>
        new AdminClient(agent.adminBase).post('/admin/api/setup', { setupToken: token, password }),
      ),
    );
    expect(results.map((r) => r.status).sort()).toEqual([200, 403]);
  });
});

describe('admin logins', () => {
  it('sets a port-specific HttpOnly SameSite=Strict login cookie and a readable CSRF cookie', async () => {
    const { agent, client } = track(await loggedInAgent());
    const fresh = new AdminClient(agent.adminBase);
    expect(await fresh.login()).toBe(200);
    const port = fresh.port;
    const login = fresh.lastSetCookie.find((c) => c.startsWith(`kiosk_admin_P${port}=`))!;
    expect(login).toMatch(/; HttpOnly/);
    expect(login).toMatch(/; SameSite=Strict/);
    expect(login).toMatch(/; Path=\/admin/);
    const csrf = fresh.lastSetCookie.find((c) => c.startsWith(`kiosk_csrf_P${port}=`))!;
    expect(csrf).not.toMatch(/HttpOnly/);
    expect(csrf).toMatch(/SameSite=Strict/);
    expect((await client.get('/admin/api/status')).status).toBe(200);
  });

  it('stores a self-describing scrypt hash', async () => {
    const { agent } = track(await loggedInAgent());
    const secrets = JSON.parse(readFileSync(join(agent.dir, 'data', 'admin-secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(secrets['passwordHash']).toMatch(/^\$scrypt\$ln=10,r=8,p=1\$[A-Za-z0-9+/=]{24}\$[A-Za-z0-9+/=]{44}$/);
    expect(secrets['setupToken']).toBeUndefined();
    expect(JSON.stringify(secrets)).not.toContain(PASSWORD);
  });

  it('refuses the 6th wrong password within 10 minutes without checking it, and lets it in later', async () => {
    const { agent } = track(await loggedInAgent());
    const client = new AdminClient(agent.adminBase);
    for (let i = 0; i < 3; i++) expect(await client.login('wrong password!!')).toBe(401);
    // Per address: 3 per minute.
    expect(await client.login(PASSWORD)).toBe(429);
    agent.clock.advance(MINUTE + 1000);
    for (let i = 0; i < 2; i++) expect(await client.login('wrong password!!')).toBe(401);
    agent.clock.advance(MINUTE + 1000);
    // Five failures in ten minutes: the 6th attempt is refused even with the right password.
    const sixth = await client.post('/admin/api/login', { password: PASSWORD });
    expect(sixth.status).toBe(429);
    expect(Number(sixth.headers.get('Retry-After'))).toBeGreaterThan(0);
    expect(agent.logText()).toContain('admin login refused: too many failures');
    // No permanent ban: once the window has passed, the right password works.
    agent.clock.advance(10 * MINUTE);
    expect(await client.login(PASSWORD)).toBe(200);
    expect(agent.logText()).not.toContain(PASSWORD);
    expect(agent.logText()).toContain('admin login failed');
  });

  it('does not count successful logins', async () => {
    const { agent } = track(await loggedInAgent());
    const client = new AdminClient(agent.adminBase);
    for (let i = 0; i < 8; i++) expect(await client.login()).toBe(200);
  });

  it('ends a login after 15 idle minutes even while the page keeps polling', async () => {
    const { agent, client } = track(await loggedInAgent());
    for (let i = 0; i < 4; i++) {
      agent.clock.advance(4 * MINUTE);
      // Background polling (no X-User-Action) does not count as activity.
      if (i < 3) expect((await client.get('/admin/api/status')).status).toBe(200);
    }
    expect((await client.get('/admin/api/status')).status).toBe(401);
  });

  it('keeps a login alive while the technician acts', async () => {
    const { agent, client } = track(await loggedInAgent());
    for (let i = 0; i < 5; i++) {
      agent.clock.advance(10 * MINUTE);
      expect((await client.get('/admin/api/status', { 'X-User-Action': '1' })).status).toBe(200);
    }
  });

  it('logs out', async () => {
    const { client } = track(await loggedInAgent());
    const cookie = client.cookieHeader();
    expect((await client.post('/admin/api/logout')).status).toBe(200);
    const res = await fetch(`${client.base}/admin/api/status`, { headers: { Cookie: cookie } });
    expect(res.status).toBe(401);
  });
});

describe('admin changes', () => {
  it('refuses a change without the CSRF token, with a wrong one, or from a foreign Origin', async () => {
    const { client } = track(await loggedInAgent());
    const body = { ui: { idleWarningSeconds: 200 } };
    expect((await client.request('PATCH', '/admin/api/config', body, { csrf: null })).status).toBe(403);
    expect((await client.request('PATCH', '/admin/api/config', body, { csrf: 'x'.repeat(43) })).status).toBe(403);
    expect((await client.request('PATCH', '/admin/api/config', body, { origin: 'http://127.0.0.1:7300' })).status).toBe(
      403,
    );
    expect((await client.request('PATCH', '/admin/api/config', body, { origin: 'http://evil.example' })).status).toBe(
      403,
    );
    expect((await client.request('PATCH', '/admin/api/config', body, { origin: null })).status).toBe(403);
    expect((await client.request('PATCH', '/admin/api/config', body)).status).toBe(200);
  });

  it('refuses a foreign Origin on login and on the WebSocket', async () => {
    const { agent, client } = track(await loggedInAgent());
    const other = new AdminClient(agent.adminBase, 'http://127.0.0.1:7300');
    expect(await other.login()).toBe(403);
    const url = `ws://127.0.0.1:${client.port}/admin/api/ws`;
    expect(await wsStatus(url, { Origin: 'http://evil.example', Cookie: client.cookieHeader() })).toBe(403);
    expect(await wsStatus(url, { Origin: agent.adminBase })).toBe(401);
    expect(await wsStatus(url, { Origin: agent.adminBase, Cookie: client.cookieHeader() })).toBe('open');
  });

  it('streams status snapshots to a logged-in admin WebSocket', async () => {
    const { agent, client } = track(await loggedInAgent());
    const ws = new WebSocket(`ws://127.0.0.1:${client.port}/admin/api/ws`, {
      headers: { Origin: agent.adminBase, Cookie: client.cookieHeader() },
    });
    const services = new Set<string>();
    await new Promise<void>((done) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
          header: { name: string };
          payload: { service: string };
        };
        if (msg.header.name === 'common.statusChanged') services.add(msg.payload.service);
        if (services.size === 3) done();
      });
    });
    ws.close();
    expect([...services].sort()).toEqual(['camera', 'idcard', 'printer']);
  });

  it('keeps the admin WebSocket to status: device commands are refused there', async () => {
    const { agent, client } = track(await loggedInAgent());
    const ws = new WebSocket(`ws://127.0.0.1:${client.port}/admin/api/ws`, {
      headers: { Origin: agent.adminBase, Cookie: client.cookieHeader() },
    });
    await new Promise((done) => ws.once('open', done));
    const ack = new Promise<{ header: { status: string } }>((done) => {
      ws.on('message', (data) => {
        const msg = JSON.parse(Buffer.from(data as Buffer).toString('utf8')) as {
          header: { type: string; status: string };
        };
        if (msg.header.type === 'ack') done(msg);
      });
    });
    ws.send(JSON.stringify({ header: { type: 'command', name: 'idcard.read', requestId: 1 }, payload: {} }));
    expect((await ack).header.status).toBe('unsupportedCommand');
    ws.close();
  });

  it('asks for the password again before changing the listen address after 5 minutes', async () => {
    const { agent, client } = track(await loggedInAgent());
    agent.clock.advance(6 * MINUTE);
    const patch = { agent: { adminHost: '127.0.0.1' } };
    const refused = await client.request('PATCH', '/admin/api/config', patch);
    expect(refused.status).toBe(403);
    expect((refused.body as { error: string }).error).toBe('reauthRequired');
    expect((await client.post('/admin/api/reauth', { password: 'not the password' })).status).toBe(401);
    expect((await client.post('/admin/api/reauth', { password: PASSWORD })).status).toBe(200);
    const ok = await client.request('PATCH', '/admin/api/config', patch);
    expect(ok.status).toBe(200);
    expect((ok.body as { restartRequired: string[] }).restartRequired).toEqual(['/agent/adminHost']);
  });

  it('asks for the password again before a password change and ends the other logins', async () => {
    const { agent, client } = track(await loggedInAgent());
    const other = new AdminClient(agent.adminBase);
    expect(await other.login()).toBe(200);
    agent.clock.advance(6 * MINUTE);
    expect((await client.post('/admin/api/password', { newPassword: 'a new password 42' })).status).toBe(403);
    expect((await client.post('/admin/api/reauth', { password: PASSWORD })).status).toBe(200);
    expect((await client.post('/admin/api/password', { newPassword: 'a new password 42' })).status).toBe(200);
    expect((await client.get('/admin/api/status')).status).toBe(200);
    expect((await other.get('/admin/api/status')).status).toBe(401);
    expect(await new AdminClient(agent.adminBase).login(PASSWORD)).toBe(401);
    expect(await new AdminClient(agent.adminBase).login('a new password 42')).toBe(200);
  });

  it('asks for the password again before raw printing', async () => {
    const { agent, client } = track(await loggedInAgent());
    agent.clock.advance(6 * MINUTE);
    const res = await client.post('/admin/api/services/printer/commands/printRaw', { payload: { data: 'G0A=' } });
    expect(res.status).toBe(403);
    expect((res.body as { error: string }).error).toBe('reauthRequired');
  });
});

describe('reset-admin', () => {
  it('clears the password, ends logins and issues a token that sets a new password', async () => {
    const { agent, client } = track(await loggedInAgent());
    const { token } = resetAdmin(join(agent.dir, 'data'));
    expect((await client.get('/admin/api/status')).status).toBe(403);
    expect((await client.get('/admin/api/setup')).body).toEqual({ configured: false });
    const fresh = new AdminClient(agent.adminBase);
    await fresh.setup(token, 'after the reset 99');
    expect(await new AdminClient(agent.adminBase).login('after the reset 99')).toBe(200);
    expect(statSync(join(agent.dir, 'data', 'admin-secrets.json')).mode & 0o777).toBe(0o600);
  });
});
