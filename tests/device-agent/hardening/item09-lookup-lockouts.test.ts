import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { SessionModule } from '../../../device-agent/src/session/session-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { postJson, submission, validId } from '../outbox/fixtures.js';
import { FAST } from '../outbox/outbox-harness.js';

// Issue 13 item 9 (kiosk part): the limiter that protected a receipt also locked out its owner,
// 31 unknown receipt numbers tripped a limit shared by all receipts, and 404 vs 403 told which
// receipts exist.

describe('item 9: 查询进度 without lockouts', () => {
  let t: TestAgent;
  let receiptNo: string;
  const last4 = validId('45010219580301123').slice(-4);
  beforeAll(async () => {
    t = await startTestAgent(DEMO_CONFIG, {
      modules: [(ctx) => new SessionModule(ctx), (ctx) => new OutboxModule(ctx, { ...FAST, ackWaitMs: 0 })],
    });
    receiptNo = String((await postJson(`${t.base}/api/v1/submissions`, submission())).body['receiptNo']);
  });
  afterAll(async () => t.stop());

  const look = async (no: string, digits: string) => {
    const res = await fetch(`${t.base}/api/v1/submissions/${no}?idLast4=${digits}`);
    return { status: res.status, body: (await res.json()) as Record<string, unknown> };
  };
  const endVisit = async () => {
    const res = await postJson(`${t.base}/api/v1/session/end`, {});
    expect(res.status).toBe(200);
  };
  const otherReceipt = (n: number) => `${receiptNo.slice(0, -4)}${String(9000 + n).padStart(4, '0')}`;

  it('item 9: an unknown receipt and a wrong last 4 get the same status and body', async () => {
    const unknown = await look(otherReceipt(1), last4);
    const wrong = await look(receiptNo, last4 === '0000' ? '1111' : '0000');
    expect(unknown.status).toBe(404);
    expect(wrong).toEqual(unknown);
    await endVisit();
  });

  it('item 9: guessing at one receipt slows only that visit; the owner looks it up in the next visit', async () => {
    for (let i = 0; i < 5; i++) expect((await look(receiptNo, String(1000 + i))).status).toBe(404);
    expect((await look(receiptNo, last4)).status).toBe(429);
    await endVisit();
    const mine = await look(receiptNo, last4);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({ receiptNo });
  });

  it('item 9: 31 unknown receipt numbers do not lock out anybody else', async () => {
    let limited = 0;
    for (let n = 0; n < 31; n++) if ((await look(otherReceipt(n), last4)).status === 429) limited++;
    expect(limited).toBeGreaterThan(0); // the guessing visit is slowed down…
    await endVisit();
    expect((await look(receiptNo, last4)).status).toBe(200); // …the next villager is not
  });
});
