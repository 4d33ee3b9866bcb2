import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HeartbeatAnswer } from '@kiosk/contract/intake-api';
import type { FleetList, FleetTerminal } from '@kiosk/contract/staff-api';
import { TEST_TERMINALS, staffLogin } from '../center-harness.js';
import { beat, heartbeat, startFleetCentre, type FleetCentre } from './fleet-centre.js';

const [A, B] = TEST_TERMINALS;
const C = { id: 'test-0003', token: 'third-terminal-token', name: '第三个村' };

describe('fleet health on the centre', () => {
  let c: FleetCentre;
  beforeAll(async () => {
    c = await startFleetCentre({ silentAfterS: 2, heartbeatsPerMinute: 8 }, { terminals: [...TEST_TERMINALS, C] });
    await c.addStaff('wang', 'staff-password-1', 'staff');
    await c.addStaff('root', 'admin-password-1', 'admin');
    await c.addStaff('li', 'lawyer-password-1', 'lawyer');
  });
  afterAll(() => c.stop());

  it('refuses a heartbeat without a terminal token', async () => {
    expect((await beat(c.url, 'not-a-token-at-all', heartbeat())).status).toBe(401);
    const noAuth = await fetch(`${c.url}/api/v1/intake/heartbeat`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(heartbeat()),
    });
    expect(noAuth.status).toBe(401);
  });

  it('answers junk with 400 and never stores it', async () => {
    const junk: unknown[] = [
      'not json',
      '[]',
      'null',
      { ...heartbeat(), devices: { toString: 1 } },
      { ...heartbeat(), __proto__: { admin: true }, uptimeSec: -1 },
      { ...heartbeat(), devices: { ...heartbeat().devices, printer: { device: 'melted', paper: 'full' } } },
      { ...heartbeat(), outbox: { depth: 'many', oldestAgeSec: null, lastForwardAt: null } },
      { ...heartbeat(), sentAt: 'yesterday' },
    ];
    for (const body of junk) {
      const res = await beat(c.url, B.token, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const wang = await staffLogin(c.url, 'wang', 'staff-password-1');
    const list = (await (await wang.call('/api/v1/staff/fleet')).json()) as FleetList;
    expect(list.terminals.find((t) => t.id === B.id)?.flags).toEqual(['neverSeen']);
  });

  it('accepts no personal data: a name, an ID number or free text is refused', async () => {
    const personal: unknown[] = [
      { ...heartbeat(), applicantName: '张三' },
      { ...heartbeat(), regionCode: '11010519491231002X' },
      {
        ...heartbeat(),
        devices: { ...heartbeat().devices, idcard: { device: 'online', lastErrorCode: '张三 110105194912310021' } },
      },
      { ...heartbeat(), outbox: { depth: 1, oldestAgeSec: 5, lastForwardAt: null, receiptNo: 'FY261129-0001-0007' } },
      {
        ...heartbeat(),
        readiness: { generatedAt: new Date().toISOString(), ok: true, checks: [{ id: 'x', ok: true, name: '张三' }] },
      },
    ];
    for (const body of personal) expect((await beat(c.url, C.token, body)).status, JSON.stringify(body)).toBe(400);
  });

  it('limits a flood from one terminal (429 with Retry-After) without touching the others', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) statuses.push((await beat(c.url, B.token, heartbeat())).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(10);
    const last = await beat(c.url, B.token, heartbeat());
    expect(last.status).toBe(429);
    expect(Number(last.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await beat(c.url, A.token, heartbeat())).status).toBe(200);
  });

  it('lets admin and staff read the fleet; a lawyer or nobody may not', async () => {
    expect((await fetch(`${c.url}/api/v1/staff/fleet`)).status).toBe(401);
    const li = await staffLogin(c.url, 'li', 'lawyer-password-1');
    expect((await li.call('/api/v1/staff/fleet')).status).toBe(403);
    expect((await li.call(`/api/v1/staff/fleet/${A.id}/readiness`, { method: 'POST', body: {} })).status).toBe(403);
    for (const [name, password] of [
      ['wang', 'staff-password-1'],
      ['root', 'admin-password-1'],
    ]) {
      const s = await staffLogin(c.url, name, password);
      expect((await s.call('/api/v1/staff/fleet')).status).toBe(200);
    }
  });

  it('flags paper out, a reader error and a growing outbox, and a terminal that falls silent', async () => {
    const wang = await staffLogin(c.url, 'wang', 'staff-password-1');
    const one = async (): Promise<FleetTerminal> =>
      (await (await wang.call(`/api/v1/staff/fleet/${A.id}`)).json()) as FleetTerminal;
    expect(
      (await beat(c.url, A.token, heartbeat({ outbox: { depth: 1, oldestAgeSec: 30, lastForwardAt: null } }))).status,
    ).toBe(200);
    const bad = heartbeat({
      devices: {
        idcard: { device: 'hardwareError', lastErrorCode: 'idcard.samError', lastErrorAction: 'maintenance' },
        printer: { device: 'online', paper: 'out', lastErrorCode: 'printer.paperOut', lastErrorAction: 'clear' },
        camera: { device: 'online' },
      },
      outbox: { depth: 3, oldestAgeSec: 90, lastForwardAt: null },
    });
    expect((await beat(c.url, A.token, bad)).status).toBe(200);
    const t = await one();
    expect(t.flags).toEqual(expect.arrayContaining(['paperOut', 'readerError', 'outboxGrowing']));
    expect(t.flags).not.toContain('silent');
    expect(t.regionCode).toBe('450100');
    expect(t.heartbeat?.devices.printer.lastErrorCode).toBe('printer.paperOut');
    // The agent stops: no heartbeat for longer than silentAfterS (2 s).
    await new Promise((r) => setTimeout(r, 2_300));
    const silent = await one();
    expect(silent.flags).toContain('silent');
    expect(silent.silentSec).toBeGreaterThanOrEqual(2);
    // Unknown or foreign ids: 404, never a crash.
    for (const id of ['nope', 'toString', '__proto__'])
      expect((await wang.call(`/api/v1/staff/fleet/${id}`)).status).toBe(404);
  });

  it('asks for the readiness report through the heartbeat answer and shows it when it comes', async () => {
    const root = await staffLogin(c.url, 'root', 'admin-password-1');
    expect(
      (await root.call(`/api/v1/staff/fleet/${A.id}/readiness`, { method: 'POST', body: {}, csrf: false })).status,
    ).toBe(403);
    expect((await root.call(`/api/v1/staff/fleet/${A.id}/readiness`, { method: 'POST', body: {} })).status).toBe(200);
    const first = (await (await beat(c.url, A.token, heartbeat())).json()) as HeartbeatAnswer;
    expect(first.sendReadiness).toBe(true);
    expect(Date.parse(first.centerTime)).toBeGreaterThan(0);
    const report = {
      generatedAt: new Date().toISOString(),
      ok: false,
      checks: [
        { id: 'printer', ok: false, detail: '缺纸' },
        { id: 'password', ok: true },
      ],
    };
    const second = (await (await beat(c.url, A.token, heartbeat({ readiness: report }))).json()) as HeartbeatAnswer;
    expect(second.sendReadiness).toBe(false);
    const t = (await (await root.call(`/api/v1/staff/fleet/${A.id}`)).json()) as FleetTerminal;
    expect(t.readiness?.checks).toEqual(report.checks);
    expect(t.readinessRequestedAt).toBeUndefined();
    expect(c.logText()).not.toMatch(/缺纸|110105/);
  });
});
