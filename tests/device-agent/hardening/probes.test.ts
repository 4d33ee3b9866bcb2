import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '@kiosk/contract/kiosk-api';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';
import { startAgentProcess, type AgentProcess } from '../../helpers/agent-process.js';
import { AdminClient, PASSWORD, loggedInAgent } from '../admin/admin-test-client.js';

// Issue 13, "Acceptance": the probes of the issue re-run against a started agent process (the real
// entry point, as systemd starts it) — the message, the cookie, the command names, the config
// patch without re-authentication, 4 × timeoutMs 0, 50 voice requests — and the agent stays up and
// serving. The centre's probes (40 parallel logins, the cookie) are in tests/service-center/hardening.test.ts.

interface Started extends AgentProcess {
  dir: string;
}

async function startProbedAgent(): Promise<Started> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-probes-'));
  writeFileSync(
    join(dir, 'kiosk.config.json'),
    JSON.stringify({ ...DEMO_CONFIG, agent: { host: '127.0.0.1', port: 0, adminPort: 0 } }),
  );
  return { ...(await startAgentProcess(dir)), dir };
}

function socket(url: string, origin: string): Promise<{ ws: WebSocket; messages: ServerMessage[] }> {
  return new Promise((done, fail) => {
    const ws = new WebSocket(url, { headers: { Origin: origin } });
    const messages: ServerMessage[] = [];
    ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as ServerMessage));
    ws.once('open', () => done({ ws, messages }));
    ws.once('error', fail);
  });
}

function upgradeStatus(url: string, headers: Record<string, string>): Promise<number | 'open'> {
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

async function until<T>(get: () => T | undefined, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** GET /healthz answers within `budgetMs`. */
async function healthy(base: string, budgetMs = 2_000): Promise<boolean> {
  const started = Date.now();
  const res = await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(budgetMs) });
  return res.status === 200 && Date.now() - started <= budgetMs;
}

describe('issue 13 probes against a started agent process', () => {
  let a: Started;
  beforeAll(async () => {
    a = await startProbedAgent();
  }, 90_000);
  afterAll(async () => {
    if (a.child.exitCode === null) {
      a.child.kill('SIGTERM');
      await new Promise((r) => a.child.once('exit', r));
    }
  });

  const alive = async (): Promise<void> => {
    expect(a.child.exitCode, a.output().slice(-2_000)).toBeNull();
    expect(await healthy(a.kiosk)).toBe(true);
    expect(await healthy(a.admin)).toBe(true);
  };

  it('probe: {"header":{"type":"command","name":"toString","requestId":1}} on /api/v1/ws', async () => {
    const { ws, messages } = await socket(`${a.kiosk.replace(/^http/, 'ws')}/api/v1/ws`, a.kiosk);
    try {
      const names = ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty'];
      names.forEach((name, i) => ws.send(JSON.stringify({ header: { type: 'command', name, requestId: i + 1 } })));
      for (let i = 1; i <= names.length; i++) {
        const ack = await until(() => messages.find((m) => m.header.type === 'ack' && m.header.requestId === i));
        expect(ack.header).toMatchObject({ status: 'unsupportedCommand' });
      }
    } finally {
      ws.close();
    }
    await alive();
  });

  it('probe: inherited names on the HTTP command mirror', async () => {
    for (const path of ['idcard/commands/toString', 'common/commands/__proto__', 'constructor/commands/valueOf']) {
      const res = await fetch(`${a.kiosk}/api/v1/services/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{"payload":{}}',
      });
      expect(res.status, path).toBe(404);
    }
    await alive();
  });

  it('probe: Cookie: x=%E0%A4%A on the admin WebSocket upgrade and over HTTP', async () => {
    const wsUrl = `${a.admin.replace(/^http/, 'ws')}/admin/api/ws`;
    for (const cookie of ['x=%E0%A4%A', 'x=%', '__proto__=%E0']) {
      expect(await upgradeStatus(wsUrl, { Origin: a.admin, Cookie: cookie }), cookie).toBe(401);
      expect((await fetch(`${a.admin}/admin/api/session`, { headers: { Cookie: cookie } })).status, cookie).toBe(200);
    }
    await alive();
  });

  it('probe: the photo decoder patch is refused even right after the password (setup on the real scrypt)', async () => {
    const token = /admin setup token: ([0-9A-F]{4}(?:-[0-9A-F]{4}){7})/.exec(a.output())?.[1];
    expect(token).toBeDefined();
    const client = new AdminClient(a.admin);
    await client.setup(token!);
    const res = await client.request('PATCH', '/admin/api/config', {
      devices: { idCard: { transport: 'simulated', photoDecoder: ['/bin/sh', '-c', 'touch /tmp/kiosk-probe-pwned'] } },
    });
    expect(res.status).toBe(403);
    expect(readFileSync(join(a.dir, 'kiosk.config.json'), 'utf8')).not.toContain('/bin/sh');
    await alive();
  });

  it('probe: 4 × idcard.read with timeoutMs 0 over HTTP; the agent serves meanwhile and frees the reader when they go', async () => {
    const held = Array.from({ length: 4 }, () => new AbortController());
    const requests = held.map((c) =>
      fetch(`${a.kiosk}/api/v1/services/idcard/commands/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ timeoutMs: 0, payload: {} }),
        signal: c.signal,
      }).catch(() => null),
    );
    await new Promise((r) => setTimeout(r, 500));
    await alive();
    const status = await fetch(`${a.kiosk}/api/v1/status`, { signal: AbortSignal.timeout(2_000) });
    expect(status.status).toBe(200);
    for (const c of held) c.abort();
    await Promise.all(requests);
    // The clients went away: their reads are cancelled and the kiosk gets the reader back.
    const { ws, messages } = await socket(`${a.kiosk.replace(/^http/, 'ws')}/api/v1/ws`, a.kiosk);
    try {
      const ack = await until(() => {
        ws.send(
          JSON.stringify({
            header: { type: 'command', name: 'idcard.read', requestId: messages.length + 1000, timeoutMs: 300 },
            payload: {},
          }),
        );
        return messages.find((m) => m.header.type === 'ack' && m.header.status === null);
      }, 10_000);
      expect(ack.header.name).toBe('idcard.read');
    } finally {
      ws.close();
    }
    await alive();
  });

  it('probe: 50 parallel POST /api/v1/voice (real espeak-ng); /healthz answers within its budget meanwhile', async () => {
    const voices = Array.from({ length: 50 }, (_, i) =>
      fetch(`${a.kiosk}/api/v1/voice`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ text: `第${i + 1}号，请到窗口办理` }),
      }).then(async (res) => {
        await res.arrayBuffer();
        return res.status;
      }),
    );
    expect(await healthy(a.kiosk)).toBe(true);
    const statuses = await Promise.all(voices);
    expect(statuses.filter((s) => s !== 200 && s !== 503)).toEqual([]);
    expect(statuses).toContain(200);
    expect(statuses).toContain(503);
    await alive();
  });

  it('probe: after every probe the process is still the one that started, and stops cleanly', async () => {
    await alive();
    a.child.kill('SIGTERM');
    const code = await new Promise<number | null>((r) => a.child.once('exit', (c) => r(c)));
    expect(code).toBe(0);
  });
});

describe('issue 13 probe: the config patch from an idle login', () => {
  it('probe: devices, centre and restart from a login whose password is 6 minutes old are refused', async () => {
    const { agent, client } = await loggedInAgent();
    try {
      agent.clock.advance(6 * 60_000);
      const before = readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8');
      for (const patch of [
        { devices: { idCard: { transport: 'simulated', photoDecoder: ['/bin/sh', '-c', 'id'] } } },
        { devices: { printer: { transport: 'usblp', path: '/dev/../tmp/x', paperWidthMm: 80 } } },
        { center: { url: 'http://attacker.example', token: 'stolen-token-0001' } },
      ]) {
        const res = await client.request('PATCH', '/admin/api/config', patch);
        expect(res.status, JSON.stringify(patch)).toBe(403);
      }
      expect((await client.post('/admin/api/restart')).status).toBe(403);
      expect(readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8')).toBe(before);
      expect((await client.post('/admin/api/reauth', { password: PASSWORD })).status).toBe(200);
      expect((await client.post('/admin/api/restart')).status).toBe(200);
    } finally {
      await agent.stop();
    }
  });
});
