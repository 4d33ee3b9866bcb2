import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SIMULATOR_CARD_TYPES, type DiagnosticsReport, type SimulatorAvailability } from '@kiosk/contract/admin-api';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';
import { loggedInAgent, startAdminAgent, type AdminTestAgent } from './admin-test-client.js';

const JSON_HEADERS = { 'Content-Type': 'application/json' };
const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});
async function session(config: unknown = DEMO_CONFIG) {
  const s = await loggedInAgent(config);
  running.push(s.agent);
  return s;
}

const canConnect = (host: string, port: number): Promise<boolean> =>
  new Promise((done) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });

async function until<T>(probe: () => Promise<T | undefined>, ms = 10_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('admin configuration', () => {
  it('serves the configuration with its schema and the restart-required paths', async () => {
    const { client } = await session();
    const res = await client.get('/admin/api/config');
    const body = res.body as {
      config: { terminal: { id: string } };
      schema: { properties: object };
      restartRequiredPaths: string[];
      errors: unknown[];
    };
    expect(res.status).toBe(200);
    expect(body.config.terminal.id).toBe('test-0001');
    expect(Object.keys(body.schema.properties)).toContain('devices');
    expect(body.restartRequiredPaths).toContain('/agent/port');
    expect(body.errors).toEqual([]);
  });

  it('refuses an invalid PUT and PATCH with JSON paths and leaves the file untouched', async () => {
    const { agent, client } = await session();
    const file = join(agent.dir, 'kiosk.config.json');
    const before = readFileSync(file);
    const put = await client.request('PUT', '/admin/api/config', {
      ...DEMO_CONFIG,
      terminal: { ...DEMO_CONFIG.terminal, regionCode: '45' },
    });
    expect(put.status).toBe(400);
    expect((put.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path)).toContain(
      '/terminal/regionCode',
    );
    const patch = await client.request('PATCH', '/admin/api/config', {
      devices: { printer: { paperWidthMm: 70 } },
      ui: { idleWarningSeconds: 'long' },
    });
    expect(patch.status).toBe(400);
    const paths = (patch.body as { errors: Array<{ path: string }> }).errors.map((e) => e.path);
    expect(paths).toContain('/ui/idleWarningSeconds');
    expect(paths.some((p) => p.startsWith('/devices/printer'))).toBe(true);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(`${file}.bak`)).toBe(false);
  });

  it('saves a valid change atomically, keeps the previous file as .bak and reports what needs a restart', async () => {
    const { agent, client } = await session();
    const file = join(agent.dir, 'kiosk.config.json');
    const before = readFileSync(file, 'utf8');
    const ui = await client.request('PATCH', '/admin/api/config', { ui: { idleWarningSeconds: 200 } });
    expect(ui.status).toBe(200);
    expect(ui.body).toMatchObject({ saved: true, changed: ['/ui/idleWarningSeconds'], restartRequired: [] });
    expect(JSON.parse(readFileSync(file, 'utf8')).ui.idleWarningSeconds).toBe(200);
    expect(readFileSync(`${file}.bak`, 'utf8')).toBe(before);
    const port = await client.request('PATCH', '/admin/api/config', { agent: { port: 7310 } });
    expect(port.status).toBe(200);
    expect((port.body as { restartRequired: string[] }).restartRequired).toEqual(['/agent/port']);
    expect(readFileSync(file, 'utf8').endsWith('}\n')).toBe(true);
    const put = await client.request('PUT', '/admin/api/config', { ...DEMO_CONFIG, hotline: { number: '0771-12348' } });
    expect(put.status).toBe(200);
    expect((put.body as { changed: string[] }).changed).toContain('/hotline/number');
    expect((await client.get('/admin/api/config')).body).toMatchObject({
      pendingRestart: expect.arrayContaining(['/hotline/number']),
    });
  });

  it('keeps the admin up in the configuration error state and lists each error', async () => {
    const broken = { ...DEMO_CONFIG, devices: { ...DEMO_CONFIG.devices, printer: { transport: 'serial' } } };
    const { client } = await session(broken);
    const body = (await client.get('/admin/api/config')).body as { errors: Array<{ path: string }> };
    expect(body.errors.length).toBeGreaterThan(0);
    const status = (await client.get('/admin/api/status')).body as {
      agent: { configState: string };
      services: { printer: { device: string } };
    };
    expect(status.agent.configState).toBe('error');
    expect(status.services.printer.device).toBe('noDevice');
  });
});

describe('admin listener address', () => {
  it('binds only 127.0.0.1 by default', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const port = agent.agent.ports.adminPort;
    expect(await canConnect('127.0.0.1', port)).toBe(true);
    expect(await canConnect('127.0.0.2', port)).toBe(false);
  });

  it('binds the address agent.adminHost names, and only that one', async () => {
    const agent = await startAdminAgent({ ...DEMO_CONFIG, agent: { ...DEMO_CONFIG.agent, adminHost: '127.0.0.2' } });
    running.push(agent);
    const port = agent.agent.ports.adminPort;
    expect(await canConnect('127.0.0.2', port)).toBe(true);
    expect(await canConnect('127.0.0.1', port)).toBe(false);
    // The kiosk listener stays on loopback.
    expect(await canConnect('127.0.0.1', agent.agent.ports.port)).toBe(true);
  });
});

describe('kiosk heartbeat', () => {
  it('reports no heartbeat, then the age of the last one', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    expect(await (await fetch(`${agent.base}/api/v1/heartbeat`)).json()).toEqual({ lastAt: null, ageSec: null });
    expect(
      (await fetch(`${agent.base}/api/v1/heartbeat`, { method: 'POST', headers: JSON_HEADERS, body: '{}' })).status,
    ).toBe(200);
    agent.clock.advance(42_000);
    expect(await (await fetch(`${agent.base}/api/v1/heartbeat`)).json()).toMatchObject({ ageSec: 42 });
    // A foreign page cannot beat for the kiosk.
    expect(
      (
        await fetch(`${agent.base}/api/v1/heartbeat`, {
          method: 'POST',
          headers: { ...JSON_HEADERS, Origin: 'http://evil.example' },
          body: '{}',
        })
      ).status,
    ).toBe(403);
  });
});

describe('admin device tools (simulated devices)', () => {
  it('shows a masked test read of a simulated card', async () => {
    const { client } = await session();
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { idcard: { device: string } } }).services.idcard
        .device === 'online'
        ? true
        : undefined,
    );
    expect(
      (await client.post('/admin/api/simulator/idcard', { action: 'placeCard', cardType: 'resident' })).status,
    ).toBe(200);
    const read = await client.post('/admin/api/services/idcard/commands/read', { timeoutMs: 15_000, payload: {} });
    expect(read.status).toBe(200);
    const body = read.body as { header: { completionCode: string }; payload: Record<string, string> };
    expect(body.header.completionCode).toBe('success');
    expect(body.payload['idNumber']).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(body.payload['name']).toMatch(/^.\*+$/u);
    expect(JSON.stringify(body.payload)).not.toMatch(/\d{17}[\dX]/);
  });

  it('probes the reader and shows the raw bytes', async () => {
    const { client } = await session();
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { idcard: { device: string } } }).services.idcard
        .device === 'online'
        ? true
        : undefined,
    );
    const res = await client.post('/admin/api/idcard/probe');
    expect(res.status).toBe(200);
    expect((res.body as { result: { sent: string; reply: string } }).result.sent).toMatch(/^[0-9A-F ]+$/i);
  });

  it('prints a test receipt and serves its preview image', async () => {
    const { client } = await session();
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { printer: { device: string } } }).services.printer
        .device === 'online'
        ? true
        : undefined,
    );
    const res = await client.post('/admin/api/printer/test-print');
    expect((res.body as { header: { completionCode: string } }).header.completionCode).toBe('success');
    const preview = await client.get('/admin/api/printer/preview');
    expect(preview.status).toBe(200);
    expect(preview.headers.get('content-type')).toMatch(/image\/svg\+xml/);
    expect(String(preview.body)).toContain('<svg');
  });

  it('runs the printer self-test with raw status bytes', async () => {
    const { client } = await session();
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { printer: { device: string } } }).services.printer
        .device === 'online'
        ? true
        : undefined,
    );
    const res = await client.post('/admin/api/printer/self-test');
    const result = (res.body as { result: { statusReplies: Array<{ replyHex: string }> } }).result;
    expect(result.statusReplies).toHaveLength(4);
    expect(result.statusReplies[0].replyHex).toMatch(/^[0-9A-F]{2}$/);
  });

  it('lets the simulated printer run out of paper and reports it', async () => {
    const { client } = await session();
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { printer: { device: string } } }).services.printer
        .device === 'online'
        ? true
        : undefined,
    );
    expect((await client.post('/admin/api/simulator/printer', { action: 'setPaper', paper: 'out' })).status).toBe(200);
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { printer: { paper: string } } }).services.printer
        .paper === 'out'
        ? true
        : undefined,
    );
    expect((await client.post('/admin/api/simulator/printer', { action: 'setPaper', paper: 'empty' })).status).toBe(
      400,
    );
    expect(
      (await client.post('/admin/api/simulator/idcard', { action: 'placeCard', cardType: 'passport' })).status,
    ).toBe(400);
  });

  it('lists which devices are simulated', async () => {
    const { client } = await session();
    const sims = (await client.get('/admin/api/simulators')).body as SimulatorAvailability;
    expect(sims).toMatchObject({ idcard: true, printer: true });
    // The admin page offers every card type the contract names, and the agent accepts each.
    expect(sims.cardTypes).toEqual([...SIMULATOR_CARD_TYPES]);
  });

  it('answers the diagnostics with a summary of every service the contract names', async () => {
    const { client } = await session();
    const body = (await client.get('/admin/api/diagnostics')).body as DiagnosticsReport;
    expect(Object.keys(body.services).sort()).toEqual(['camera', 'idcard', 'printer']);
    expect(body.services.printer.device).toEqual(expect.any(String));
    expect(body).toHaveProperty('heartbeatAgeSec');
  });
});

describe('admin logs, diagnostics and readiness', () => {
  it('serves redacted logs, filterable by level and text', async () => {
    const { client } = await session();
    await client.post('/admin/api/login', { password: 'wrong password!!' });
    const warn = (await client.get('/admin/api/logs?level=warn')).body as { lines: string[] };
    expect(warn.lines.some((l) => l.includes('admin login failed'))).toBe(true);
    expect(warn.lines.every((l) => Number(/"level":(\d+)/.exec(l)?.[1]) >= 40)).toBe(true);
    const text = (await client.get('/admin/api/logs?q=listening')).body as { lines: string[] };
    expect(text.lines.length).toBeGreaterThan(0);
    expect(text.lines.every((l) => l.includes('listening'))).toBe(true);
  });

  it('streams new log lines live to the log page', async () => {
    const { agent, client } = await session();
    const controller = new AbortController();
    const res = await fetch(`${client.base}/admin/api/logs/stream?level=warn`, {
      headers: { Cookie: client.cookieHeader() },
      signal: controller.signal,
    });
    expect(res.headers.get('content-type')).toMatch(/text\/event-stream/);
    const reader = res.body!.getReader();
    await reader.read();
    agent.agent.log.warn('a line for the live view');
    agent.agent.log.info('an info line the filter drops');
    let text = '';
    while (!text.includes('a line for the live view')) text += new TextDecoder().decode((await reader.read()).value);
    expect(text).toMatch(/^data: \{.*"msg":"a line for the live view"\}$/m);
    expect(text).not.toContain('an info line');
    controller.abort();
  });

  it('reports groups, udev rules, interferers and port holders', async () => {
    const { client } = await session();
    const body = (await client.get('/admin/api/diagnostics')).body as Record<string, unknown>;
    expect(body).toMatchObject({
      user: expect.any(String),
      groups: expect.any(Array),
      missingGroups: expect.any(Array),
    });
    expect((body['udev'] as Array<{ file: string }>).map((u) => u.file)).toEqual([
      '61-kiosk-idcard.rules',
      '62-kiosk-printer.rules',
    ]);
    expect(body['interferers']).toEqual({ brltty: expect.any(Boolean), modemManager: expect.any(Boolean) });
  });

  it('builds a readiness report with a fix for every failed check and prints it', async () => {
    const { agent, client } = await session();
    await fetch(`${agent.base}/api/v1/heartbeat`, { method: 'POST', headers: JSON_HEADERS, body: '{}' });
    const report = (await client.get('/admin/api/readiness')).body as {
      checks: Array<{ id: string; ok: boolean; name: string; fix: string }>;
    };
    const ids = report.checks.map((c) => c.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'config',
        'password',
        'idcard',
        'printer',
        'groups',
        'udev',
        'brltty',
        'kioskPage',
        'center',
      ]),
    );
    expect(report.checks.find((c) => c.id === 'kioskPage')!.ok).toBe(true);
    expect(report.checks.find((c) => c.id === 'password')!.ok).toBe(true);
    // The centre in the test config is a closed port.
    const center = report.checks.find((c) => c.id === 'center')!;
    expect(center.ok).toBe(false);
    expect(center.fix).toMatch(/网络/);
    for (const c of report.checks) expect(c.name).not.toMatch(/^readiness\./);
    await until(async () =>
      ((await client.get('/admin/api/status')).body as { services: { printer: { device: string } } }).services.printer
        .device === 'online'
        ? true
        : undefined,
    );
    const printed = await client.post('/admin/api/readiness/print');
    expect((printed.body as { header: { completionCode: string } }).header.completionCode).toBe('success');
  });
});
