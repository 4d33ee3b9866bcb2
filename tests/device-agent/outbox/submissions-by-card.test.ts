import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MySubmissions, SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import type { IdCardService } from '../../../device-agent/src/devices/idcard/idcard-service.js';
import { HMT_ID, RESIDENT_ID } from '../../../device-agent/src/devices/idcard/fixtures.js';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { SessionModule } from '../../../device-agent/src/session/session-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { startTestCenter, type TestCenter } from '../../service-center/center-harness.js';
import { legalAidData, postJson, validId, waitFor } from './fixtures.js';
import { FAST, queryOutbox } from './outbox-harness.js';

// 查询进度 by ID card (issue 15 item 6): GET /api/v1/submissions/mine lists only the submissions of the
// card the reader delivered in this visit.
describe('outbox: submissions of the ID card read in this visit', () => {
  let c: TestCenter;
  let t: TestAgent;
  let reader: IdCardService;
  beforeAll(async () => {
    c = await startTestCenter();
    t = await startTestAgent(
      { ...DEMO_CONFIG, center: { url: c.url, token: 'test-terminal-token' } },
      { modules: [(ctx) => new OutboxModule(ctx, FAST), (ctx) => new SessionModule(ctx)] },
    );
    reader = t.agent.services.get('idcard') as IdCardService;
    await waitFor(() => reader.status().device === 'online');
    reader.simulator!.setLatency({ find: 0, select: 0, read: 0 });
  });
  afterAll(async () => {
    await t?.stop();
    await c?.stop();
  });

  const submit = async (idNumber: string): Promise<string> => {
    const res = await postJson(`${t.base}/api/v1/submissions`, { kind: 'legalAid', data: legalAidData({}, idNumber) });
    expect(res.status).toBe(200);
    return (res.body as unknown as SubmissionAccepted).receiptNo;
  };
  const mine = async (): Promise<{ status: number; body: MySubmissions & { error?: string } }> => {
    const res = await fetch(`${t.base}/api/v1/submissions/mine`);
    return { status: res.status, body: (await res.json()) as MySubmissions & { error?: string } };
  };
  const readCard = async (): Promise<void> => {
    const res = await postJson(`${t.base}/api/v1/services/idcard/commands/read`, { payload: {} });
    expect((res.body['header'] as { completionCode: string }).completionCode).toBe('success');
  };
  const endVisit = async (): Promise<void> => {
    expect((await postJson(`${t.base}/api/v1/session/end`, {})).status).toBe(200);
  };
  const placeCard = async (card: 'resident' | 'hkMacaoTaiwan'): Promise<void> => {
    reader.simulator!.removeCard();
    await waitFor(() => reader.status().media === 'notPresent', 3000, 10);
    reader.simulator!.placeCard(card);
  };

  it('lists nothing before a card is read, only her own after the read, nothing after the visit ends', async () => {
    const first = await submit(RESIDENT_ID);
    const other = await submit(validId());
    const second = await submit(RESIDENT_ID);
    // The centre acknowledged them: the ID number is erased, the card still finds them.
    await waitFor(
      () => queryOutbox<{ n: number }>(t, 'SELECT count(*) AS n FROM submissions WHERE data_json IS NULL')[0].n === 3,
    );

    const before = await mine();
    expect(before.status).toBe(403);
    expect(before.body.error).toBe('cardRequired');
    // A typed ID number is never taken.
    expect((await fetch(`${t.base}/api/v1/submissions/mine?idNumber=${RESIDENT_ID}`)).status).toBe(403);

    await placeCard('resident');
    await readCard();
    const listed = await mine();
    expect(listed.status).toBe(200);
    expect(listed.body.submissions.map((s) => s.receiptNo)).toEqual([second, first]);
    expect(listed.body.submissions[0]).toMatchObject({ kind: 'legalAid', state: 'received', uploaded: true });
    expect(JSON.stringify(listed.body)).not.toContain(RESIDENT_ID);
    expect(listed.body.submissions.map((s) => s.receiptNo)).not.toContain(other);

    await endVisit();
    expect((await mine()).status).toBe(403);
    expect(t.logText()).not.toContain(RESIDENT_ID);
  });

  it("never lists another card's submissions", async () => {
    await placeCard('hkMacaoTaiwan');
    await readCard();
    const listed = await mine();
    expect(listed.status).toBe(200);
    expect(listed.body.submissions).toEqual([]);

    const own = await submit(HMT_ID);
    expect((await mine()).body.submissions.map((s) => s.receiptNo)).toEqual([own]);
    await endVisit();
    expect((await mine()).status).toBe(403);
  });
});
