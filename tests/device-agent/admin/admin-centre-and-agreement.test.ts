// Issue 15 item 9, agent side: the admin board's centre card (reachability and outbox depth, in
// words), diagnostics and the readiness report judging devices and the centre alike (simulated
// reader unplugged, printer without paper), and the test print in China time.
import { afterEach, describe, expect, it } from 'vitest';
import type { CentreStatus, DiagnosticsReport, ReadinessReport } from '@kiosk/contract/admin-api';
import { chinaDateTime } from '@kiosk/domain/china-time';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';
import { startTestCenter, type TestCenter } from '../../service-center/center-harness.js';
import { postJson, submission, waitFor } from '../outbox/fixtures.js';
import { FAST } from '../outbox/outbox-harness.js';
import { AdminClient, loggedInAgent, type AdminTestAgent } from './admin-test-client.js';

const running: Array<{ stop(): Promise<void> }> = [];
afterEach(async () => {
  for (const r of running.splice(0).reverse()) await r.stop();
});

/** A logged-in admin client of an agent that also runs the outbox (forwarding to `centreUrl`). */
async function agentWithOutbox(
  centreUrl = DEMO_CONFIG.center.url,
): Promise<{ agent: AdminTestAgent; client: AdminClient }> {
  const s = await loggedInAgent(
    { ...DEMO_CONFIG, center: { url: centreUrl, token: 'test-terminal-token' } },
    {},
    { modules: [(ctx) => new OutboxModule(ctx, FAST)] },
  );
  running.push(s.agent);
  return s;
}

const centre = async (client: AdminClient): Promise<CentreStatus> =>
  (await client.get('/admin/api/centre')).body as CentreStatus;

async function deviceState(
  client: AdminClient,
  service: 'idcard' | 'printer',
  check: (s: Record<string, unknown>) => boolean,
) {
  await waitFor(async () => {
    const body = (await client.get('/admin/api/status')).body as { services: Record<string, Record<string, unknown>> };
    return check(body.services[service]) || undefined;
  });
}

describe('admin centre card: reachability and outbox depth', () => {
  it('needs a login', async () => {
    const { agent } = await agentWithOutbox();
    const anonymous = new AdminClient(agent.adminBase);
    expect((await anonymous.get('/admin/api/centre')).status).toBe(401);
  });

  it('says the centre cannot be reached and counts the submissions kept on the terminal', async () => {
    // DEMO_CONFIG's centre is 127.0.0.1:9: nothing answers there.
    const { agent, client } = await agentWithOutbox();
    const down = await waitFor(async () => {
      const c = await centre(client);
      return c.reachable === false ? c : undefined;
    });
    expect(down).toMatchObject({ url: 'http://127.0.0.1:9', pending: 0, source: 'outbox' });
    expect(down.words).toBe('连不上县级服务中心 · 没有等待发送的申请');
    for (let i = 0; i < 2; i++)
      expect((await postJson(`${agent.base}/api/v1/submissions`, submission())).status).toBe(200);
    const two = await centre(client);
    expect(two.pending).toBe(2);
    expect(two.words).toBe('连不上县级服务中心 · 2 份申请存在本机，等待发送');
    // The token never leaves the agent through the admin API.
    expect(JSON.stringify(two)).not.toContain('test-terminal-token');
  });

  it('says the centre is reachable and the outbox empties once the centre acknowledges', async () => {
    const c: TestCenter = await startTestCenter();
    running.push(c);
    const { agent, client } = await agentWithOutbox(c.url);
    expect((await postJson(`${agent.base}/api/v1/submissions`, submission())).status).toBe(200);
    const sent = await waitFor(async () => {
      const s = await centre(client);
      return s.reachable === true && s.pending === 0 ? s : undefined;
    });
    expect(sent.words).toBe('能连上县级服务中心 · 没有等待发送的申请');
  });
});

describe('diagnostics and the readiness report agree', () => {
  const read = async (client: AdminClient) => {
    const diagnostics = (await client.get('/admin/api/diagnostics')).body as DiagnosticsReport;
    const readiness = (await client.get('/admin/api/readiness')).body as ReadinessReport;
    const check = (id: string) => readiness.checks.find((c) => c.id === id)!;
    return { diagnostics, readiness, check };
  };

  it('a reader unplugged: both say 未连接 and not usable', async () => {
    const { client } = await agentWithOutbox();
    await deviceState(client, 'idcard', (s) => s['device'] === 'online');
    expect((await client.post('/admin/api/simulator/idcard', { action: 'unplug' })).status).toBe(200);
    await deviceState(client, 'idcard', (s) => s['device'] === 'powerOff');
    const { diagnostics, check } = await read(client);
    expect(diagnostics.services.idcard).toMatchObject({ device: 'powerOff', ok: false, words: '未连接' });
    expect(check('idcard')).toMatchObject({ ok: false, detail: '未连接' });
  });

  it('a printer without paper: both say 缺纸 and not usable; the centre in the same words', async () => {
    const { client } = await agentWithOutbox();
    await deviceState(client, 'printer', (s) => s['device'] === 'online');
    expect((await client.post('/admin/api/simulator/printer', { action: 'setPaper', paper: 'out' })).status).toBe(200);
    await deviceState(client, 'printer', (s) => s['paper'] === 'out');
    await waitFor(async () => (await centre(client)).reachable === false || undefined);
    const { diagnostics, check } = await read(client);
    expect(diagnostics.services.printer).toMatchObject({ ok: false, paper: 'out' });
    expect(diagnostics.services.printer.words).toContain('缺纸');
    expect(check('printer')).toMatchObject({ ok: false, detail: diagnostics.services.printer.words });
    expect(check('center')).toMatchObject({ ok: false, detail: diagnostics.centre.words });
    // Every device: the same verdict and the same words on both pages, never a raw state name.
    for (const service of ['idcard', 'printer', 'camera'] as const) {
      expect(check(service).ok).toBe(diagnostics.services[service].ok);
      expect(check(service).detail).toBe(diagnostics.services[service].words);
      expect(diagnostics.services[service].words).not.toMatch(/[a-z]{3,}/i);
    }
  });
});

describe('local time on what the technician reads', () => {
  it('prints the test page with the time in China time, not a UTC ISO string', async () => {
    const { client } = await agentWithOutbox();
    await deviceState(client, 'printer', (s) => s['device'] === 'online');
    const before = Date.now();
    const res = await client.post('/admin/api/printer/test-print');
    expect((res.body as { header: { completionCode: string } }).header.completionCode).toBe('success');
    const svg = String((await client.get('/admin/api/printer/preview')).body);
    const printed = /打印时间：(\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2})/.exec(svg)?.[1];
    expect(printed, 'the preview shows 打印时间：YYYY-MM-DD HH:mm:ss').toBeDefined();
    const at = Date.parse(`${printed!.replace(' ', 'T')}+08:00`);
    expect(Math.abs(at - before)).toBeLessThan(60_000);
    expect(svg).toContain('终端：测试村公共法律服务室（test-0001）');
  });

  it('dates the readiness report so the page can show it in China time', async () => {
    const { client } = await agentWithOutbox();
    const report = (await client.get('/admin/api/readiness')).body as ReadinessReport;
    expect(chinaDateTime(report.generatedAt)).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    expect(chinaDateTime('2026-12-02T07:04:05Z')).toBe('2026-12-02 15:04:05');
    expect(chinaDateTime('2026-12-31T16:30:00.000Z')).toBe('2027-01-01 00:30:00');
  });
});
