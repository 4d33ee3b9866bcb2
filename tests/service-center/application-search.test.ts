// Issue 15 item 9: staff find an application by its receipt number (the beginning is enough), by a
// part of the applicant's name, or by the day it was submitted (a China date) — GET /applications
// with q and date, on the real router and SQLite repository.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { ApplicationList } from '@kiosk/contract/staff-api';
import { listSearch } from '../../service-center/src/http/applications-router.js';
import { legalAidData, postJson, validId } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from './center-harness.js';

const T1 = TEST_TERMINALS[0];

async function submit(c: TestCenter, receiptNo: string, name: string, submittedAt: string): Promise<void> {
  const base = legalAidData({}, validId());
  const { documents: _d, ...data }: Record<string, unknown> = {
    ...base,
    applicant: { ...(base['applicant'] as object), name },
  };
  const body: IntakeSubmission = { receiptNo, kind: 'legalAid', submittedAt, data, documents: [] };
  const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
    authorization: `Bearer ${T1.token}`,
    'idempotency-key': `key-${receiptNo}`,
  });
  expect(res.status).toBe(200);
}

describe('application search for staff', () => {
  let c: TestCenter;
  let list: (query: string) => Promise<{ status: number; receipts: string[] }>;

  beforeAll(async () => {
    c = await startTestCenter();
    await c.addStaff('clerk', 'clerk-password-1');
    // 2026-11-29 23:30 and 2026-11-30 00:30 in China: the same UTC day, two China days.
    await submit(c, 'FY261129-0001-0001', '王桂兰', '2026-11-29T15:30:00.000Z');
    await submit(c, 'FY261130-0001-0002', '李桂芳', '2026-11-29T16:30:00.000Z');
    await submit(c, 'FY261130-0001-0003', '王建国', '2026-11-30T02:00:00.000Z');
    await submit(c, 'FY261201-0001-0004', '100%_张三', '2026-12-01T02:00:00.000Z');
    const login = await staffLogin(c.url, 'clerk', 'clerk-password-1');
    expect(login.status).toBe(200);
    list = async (query) => {
      const res = await login.call(`/api/v1/staff/applications?${query}`);
      const body = (await res.json()) as ApplicationList;
      return { status: res.status, receipts: res.ok ? body.items.map((i) => i.receiptNo).sort() : [] };
    };
  });
  afterAll(async () => c.stop());

  it('finds by the beginning of a receipt number, in any letter case', async () => {
    expect((await list('q=FY261130')).receipts).toEqual(['FY261130-0001-0002', 'FY261130-0001-0003']);
    expect((await list('q=fy261129-0001-0001')).receipts).toEqual(['FY261129-0001-0001']);
    // A middle part of a receipt number is not its beginning.
    expect((await list('q=0001-0003')).receipts).toEqual([]);
  });

  it('finds by a part of the applicant name', async () => {
    expect((await list(`q=${encodeURIComponent('王')}`)).receipts).toEqual([
      'FY261129-0001-0001',
      'FY261130-0001-0003',
    ]);
    expect((await list(`q=${encodeURIComponent('桂')}`)).receipts).toEqual([
      'FY261129-0001-0001',
      'FY261130-0001-0002',
    ]);
    expect((await list(`q=${encodeURIComponent(' 建国 ')}`)).receipts).toEqual(['FY261130-0001-0003']);
    // % and _ are characters, not patterns.
    expect((await list(`q=${encodeURIComponent('%')}`)).receipts).toEqual(['FY261201-0001-0004']);
    expect((await list(`q=${encodeURIComponent('_')}`)).receipts).toEqual(['FY261201-0001-0004']);
  });

  it('finds by the China date it was submitted on, and combines with the text and the state', async () => {
    expect((await list('date=2026-11-29')).receipts).toEqual(['FY261129-0001-0001']);
    expect((await list('date=2026-11-30')).receipts).toEqual(['FY261130-0001-0002', 'FY261130-0001-0003']);
    expect((await list(`date=2026-11-30&q=${encodeURIComponent('王')}`)).receipts).toEqual(['FY261130-0001-0003']);
    expect((await list('date=2026-11-30&state=accepted')).receipts).toEqual([]);
    expect((await list('date=2026-11-30&state=received')).receipts).toHaveLength(2);
    expect((await list('q=&date=')).receipts).toHaveLength(4);
  });

  it('refuses junk with a clear 400, never a crash', async () => {
    for (const query of [
      'date=2026-02-30',
      'date=yesterday',
      `q=${'王'.repeat(41)}`,
      'q=a&q=b',
      `q=${encodeURIComponent('a\u0000b')}`,
    ]) {
      expect((await list(query)).status, query).toBe(400);
    }
    // Bracket names are plain keys (Express 5's simple parser): not a search, not a crash.
    expect(await list('q[toString]=x&__proto__=1')).toEqual({ status: 200, receipts: expect.any(Array) });
    expect((await list('q[toString]=x')).receipts).toHaveLength(4);
    expect(listSearch(undefined, undefined)).toEqual({});
    expect(listSearch('  ', '')).toEqual({});
    expect(listSearch('__proto__', '2026-12-02')).toEqual({ q: '__proto__', submittedOn: '2026-12-02' });
  });
});
