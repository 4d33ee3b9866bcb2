// 好差评 at the centre (issue 16 item 4): ratings from the terminals' outboxes are counted per terminal
// and per service (replays once), junk and anything personal is refused, nothing about the person is
// stored; the staff and the administrators read the 满意度 table, other desks cannot. And the 上门
// booking (kind homeVisit) is taken at the intake and read by the legal-aid staff.
import { openSqlite } from '@kiosk/node-common/sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { ApplicationList, SatisfactionTable } from '@kiosk/contract/staff-api';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { satisfactionTable } from '../../service-center/src/satisfaction/satisfaction-router.js';
import { postJson } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from './center-harness.js';

const [T1, T2] = TEST_TERMINALS as [(typeof TEST_TERMINALS)[0], (typeof TEST_TERMINALS)[0]];
const PASSWORD = 'a-long-password-1';
let seq = 0;

function rating(terminal: 'T1' | 'T2', data: Record<string, unknown>): IntakeSubmission {
  const suffix = terminal === 'T1' ? '0001' : '0002';
  return {
    receiptNo: `PJ261202-${suffix}-${String(++seq).padStart(4, '0')}`,
    kind: 'rating',
    submittedAt: new Date().toISOString(),
    data,
    documents: [],
  };
}

async function send(
  c: TestCenter,
  token: string,
  s: IntakeSubmission,
  key = `key-${s.receiptNo}`,
): Promise<{ status: number; body: Record<string, unknown> }> {
  return postJson(`${c.url}/api/v1/intake/submissions`, s, {
    authorization: `Bearer ${token}`,
    'idempotency-key': key,
  });
}

describe('satisfaction (好差评) counts at the centre', () => {
  let c: TestCenter;
  const ratingRows = (): Array<Record<string, unknown>> => {
    const db = openSqlite(join(c.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT * FROM ratings ORDER BY receipt_no').all() as Array<Record<string, unknown>>;
    } finally {
      db.close();
    }
  };
  beforeAll(async () => {
    c = await startTestCenter();
    for (const [name, role] of [
      ['clerk', 'staff'],
      ['boss', 'admin'],
      ['notary1', 'notary'],
    ] as const)
      await c.center.repo.putStaff({
        name,
        passwordHash: await hashPassword(PASSWORD, 10),
        mustChange: false,
        at: new Date().toISOString(),
        role,
      });
  });
  afterAll(async () => c.stop());

  it('counts per terminal and per service; a replay counts once', async () => {
    const once = rating('T1', { service: 'homeVisit', score: 5 });
    expect((await send(c, T1.token, once)).status).toBe(200);
    expect((await send(c, T1.token, once)).status).toBe(200); // the outbox retried: same key, same body
    expect((await send(c, T1.token, rating('T1', { service: 'homeVisit', score: 4 }))).status).toBe(200);
    expect((await send(c, T1.token, rating('T1', { service: 'legalAid', score: 1 }))).status).toBe(200);
    expect((await send(c, T2.token, rating('T2', { service: 'homeVisit', score: 3 }))).status).toBe(200);
    // A batch from the second terminal's backlog.
    const batch = await postJson(
      `${c.url}/api/v1/intake/batch`,
      {
        items: [
          { idempotencyKey: 'batch-key-0001', submission: rating('T2', { service: 'mediation', score: 2 }) },
          { idempotencyKey: 'batch-key-0002', submission: rating('T2', { service: 'homeVisit', score: 5 }) },
        ],
      },
      { authorization: `Bearer ${T2.token}` },
    );
    expect(batch.status).toBe(200);

    const clerk = await staffLogin(c.url, 'clerk', PASSWORD);
    const res = await clerk.call('/api/v1/staff/satisfaction');
    expect(res.status).toBe(200);
    const table = (await res.json()) as SatisfactionTable;
    expect(table.byTerminal).toEqual([
      { terminalId: 'test-0001', service: 'homeVisit', counts: [0, 0, 0, 1, 1], total: 2, average: 4.5 },
      { terminalId: 'test-0001', service: 'legalAid', counts: [1, 0, 0, 0, 0], total: 1, average: 1 },
      { terminalId: 'test-0002', service: 'homeVisit', counts: [0, 0, 1, 0, 1], total: 2, average: 4 },
      { terminalId: 'test-0002', service: 'mediation', counts: [0, 1, 0, 0, 0], total: 1, average: 2 },
    ]);
    expect(table.byService.find((s) => s.service === 'homeVisit')).toEqual({
      service: 'homeVisit',
      counts: [0, 0, 1, 1, 2],
      total: 4,
      average: 4.3,
    });
  });

  it('refuses junk and anything personal in a rating (400), and counts none of it', async () => {
    const before = ratingRows().length;
    const junk: Array<Record<string, unknown>> = [
      { service: 'homeVisit', score: 6 },
      { service: 'homeVisit', score: 0 },
      { service: 'homeVisit', score: 4.5 },
      { service: 'homeVisit', score: '5' },
      { service: 'toString', score: 5 },
      { service: '__proto__', score: 5 },
      { score: 5 },
      { service: 'homeVisit', score: 5, comment: '王秀英 13800138000 很好' },
      { service: 'homeVisit', score: 5, name: '王秀英' },
      { service: 'homeVisit', score: 5, phone: '13800138000' },
      JSON.parse('{"service":"homeVisit","score":5,"__proto__":{"name":"x"}}') as Record<string, unknown>,
    ];
    for (const data of junk) {
      const res = await send(c, T1.token, rating('T1', data));
      expect({ data, status: res.status }).toEqual({ data, status: 400 });
      expect(res.body['error']).toBe('invalidSubmission');
    }
    expect(ratingRows().length).toBe(before);
  });

  it('keeps nothing about the person: a rating row is terminal, receipt, service, score, time', async () => {
    const rows = ratingRows();
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows)
      expect(Object.keys(row).sort()).toEqual(['receipt_no', 'received_at', 'score', 'service', 'terminal_id']);
    expect(c.logText()).not.toContain('13800138000');
    expect(c.logText()).not.toContain('王秀英');
  });

  it('the 满意度 table is for the legal-aid staff and administrators only', async () => {
    const boss = await staffLogin(c.url, 'boss', PASSWORD);
    expect((await boss.call('/api/v1/staff/satisfaction')).status).toBe(200);
    const notary = await staffLogin(c.url, 'notary1', PASSWORD);
    expect((await notary.call('/api/v1/staff/satisfaction')).status).toBe(403);
    expect((await fetch(`${c.url}/api/v1/staff/satisfaction`)).status).toBe(401);
  });

  it('sums per service from the repository rows (pure)', () => {
    expect(
      satisfactionTable([
        { terminalId: 'a', service: 'consultation', counts: [0, 0, 0, 0, 3] },
        { terminalId: 'b', service: 'consultation', counts: [1, 0, 0, 0, 0] },
      ]).byService,
    ).toEqual([{ service: 'consultation', counts: [1, 0, 0, 0, 3], total: 4, average: 4 }]);
    expect(satisfactionTable([])).toEqual({ byTerminal: [], byService: [] });
  });

  it('takes a 上门 booking without any ID number; the legal-aid staff list it, the notary desk does not', async () => {
    const booking: IntakeSubmission = {
      receiptNo: 'SM261202-0001-0001',
      kind: 'homeVisit',
      submittedAt: new Date().toISOString(),
      data: {
        person: { name: '王秀英', ageGroup: '80plus', disability: 'yes' },
        service: 'legalAid',
        mode: 'homeVisit',
        address: { township: '演示镇', village: '东坪村', group: '3组' },
        phone: '13800138000',
        preferredDays: ['2026-12-03'],
        source: 'home',
        consent: { accepted: true, at: new Date().toISOString() },
      },
      documents: [],
    };
    expect((await send(c, T1.token, booking)).status).toBe(200);
    const clerk = await staffLogin(c.url, 'clerk', PASSWORD);
    const list = (await (await clerk.call('/api/v1/staff/applications?kind=homeVisit')).json()) as ApplicationList;
    expect(list.items.map((i) => [i.receiptNo, i.kind, i.state])).toEqual([
      ['SM261202-0001-0001', 'homeVisit', 'received'],
    ]);
    const notary = await staffLogin(c.url, 'notary1', PASSWORD);
    const theirs = (await (await notary.call('/api/v1/staff/applications?kind=homeVisit')).json()) as ApplicationList;
    expect(theirs.items.some((i) => i.kind === 'homeVisit')).toBe(false);
    // Staff mark it called back; the terminal's status pull carries 已回电.
    const id = list.items[0].centerId;
    const changed = await clerk.call(`/api/v1/staff/applications/${id}/status`, {
      method: 'POST',
      body: { state: 'calledBack' },
    });
    expect(changed.status).toBe(200);
    const pull = await fetch(`${c.url}/api/v1/intake/status?since=0`, {
      headers: { authorization: `Bearer ${T1.token}` },
    });
    const page = (await pull.json()) as { changes: Array<{ receiptNo: string; state: string }> };
    expect(page.changes.filter((ch) => ch.receiptNo === 'SM261202-0001-0001').map((ch) => ch.state)).toEqual([
      'received',
      'calledBack',
    ]);
    // A booking with an ID number or a missing day is refused.
    const withId = { ...booking, receiptNo: 'SM261202-0001-0002' };
    withId.data = {
      ...booking.data,
      person: { ...(booking.data['person'] as object), idNumber: '11010519491231002X' },
    };
    expect((await send(c, T1.token, withId)).status).toBe(400);
    const noDay = { ...booking, receiptNo: 'SM261202-0001-0003', data: { ...booking.data, preferredDays: [] } };
    expect((await send(c, T1.token, noDay)).status).toBe(400);
  });
});
