import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { parseCookies } from '../../../device-agent/src/admin/login-store.js';
import { LIMITER_FILE } from '../../../device-agent/src/admin/login-limiter.js';
import { AdminClient, PASSWORD, loggedInAgent, type AdminTestAgent } from '../admin/admin-test-client.js';
import { startAdminAgentOn } from './restart-harness.js';

// Issue 13 item 2 (agent part): `Cookie: x=%E0%A4%A` on the admin WebSocket upgrade threw a
// URIError out of the upgrade handler and the process ended (over HTTP: 500). The login limiter
// lived in memory, so a crash loop handed out fresh guesses.

const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const BAD_COOKIES = ['x=%E0%A4%A', 'x=%', '__proto__=1; constructor=%ZZ', '=; ;;= =%'];

function upgrade(url: string, headers: Record<string, string>): Promise<number | 'open'> {
  return new Promise((done) => {
    const ws = new WebSocket(url, { headers });
    ws.on('open', () => {
      ws.close();
      done('open');
    });
    ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0));
    ws.on('error', () => done(0));
  });
}

describe('item 2: malformed cookies and a limiter that survives a restart', () => {
  it('item 2: parseCookies never throws and keeps __proto__ a plain name', () => {
    for (const header of BAD_COOKIES) expect(() => parseCookies(header)).not.toThrow();
    expect(parseCookies('x=%E0%A4%A; a=b')['a']).toBe('b');
    const odd = parseCookies('__proto__=1; x=%E0%A4%A');
    expect(Object.hasOwn(odd, '__proto__')).toBe(true);
    expect(odd['x']).toBe('%E0%A4%A');
    expect(parseCookies('toString=1')['constructor']).toBeUndefined();
  });

  it('item 2: a malformed cookie on the admin WebSocket upgrade and over HTTP leaves the agent up', async () => {
    const { agent, client } = await loggedInAgent();
    running.push(agent);
    const wsUrl = `${agent.adminBase.replace(/^http/, 'ws')}/admin/api/ws`;
    for (const cookie of BAD_COOKIES) {
      expect(await upgrade(wsUrl, { Origin: agent.adminBase, Cookie: cookie }), cookie).toBe(401);
      const res = await fetch(`${agent.adminBase}/admin/api/session`, { headers: { Cookie: cookie } });
      expect(res.status, cookie).toBe(200);
      // A good login with a bad neighbour cookie still works.
      const withJunk = await fetch(`${agent.adminBase}/admin/api/status`, {
        headers: { Cookie: `${cookie}; ${client.cookieHeader()}` },
      });
      expect(withJunk.status, cookie).toBe(200);
    }
    expect(await upgrade(wsUrl, { Origin: agent.adminBase, Cookie: client.cookieHeader() })).toBe('open');
    expect((await fetch(`${agent.base}/healthz`)).status).toBe(200);
  });

  it('item 2: failed logins counted before a restart still block after it', async () => {
    const first = await loggedInAgent();
    running.push(first.agent);
    const dataDir = join(first.agent.dir, 'data');
    const guesser = new AdminClient(first.agent.adminBase);
    for (let i = 0; i < 3; i++) expect(await guesser.login('wrong password 1')).toBe(401);
    expect(await guesser.login(PASSWORD)).toBe(429);
    const file = join(dataDir, LIMITER_FILE);
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    await running.pop()!.stop();

    // A second agent on the same data directory (what systemd starts after a crash).
    const again = await startAdminAgentOn(first.agent.dir);
    running.push(again);
    const after = new AdminClient(again.adminBase);
    expect(await after.login(PASSWORD)).toBe(429);
    again.clock.advance(61_000);
    expect(await after.login(PASSWORD)).toBe(200);
  });
});
