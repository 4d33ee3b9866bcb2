import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import { bodyHash } from '@kiosk/node-common/canonical-json';
import { CLOSE_SUPERSEDED } from '@kiosk/contract/signalling-api';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { type SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

// Issue 14 item 2, what was still per process: the notary interview waiting list (a notary on any
// process sees and takes every kiosk waiting for her interview), and a call resumed by callId on
// another process than the one that held the socket — within the grace period, after the socket was
// lost or while it still hangs, and on a process started after the call began.

const GRACE_S = 4;
const RECEIPT = 'GZ261202-0001-0001';

describe('calls and interviews across centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let url: string;
  let a: ConsultCenter;
  let b: ConsultCenter;
  const clients: SigClient[] = [];
  const track = async (c: Promise<SigClient>): Promise<SigClient> => {
    const client = await c;
    clients.push(client);
    return client;
  };
  /** Opens a socket to `center` and says hello with resume, as a client coming back does. */
  const resume = async (center: ConsultCenter, role: 'kiosk' | 'lawyer', id: string, callId: string, peerId: string) =>
    track(center.connect(role, id, { resume: { callId, peerId } }));

  beforeAll(async () => {
    postgres = await startTestPostgres();
    url = await postgres.createDatabase();
    a = await startConsultCenter({ graceS: GRACE_S }, { storage: { kind: 'postgres', url } });
    b = await startConsultCenter({ graceS: GRACE_S }, { storage: { kind: 'postgres', url } });
    const submission = {
      receiptNo: RECEIPT,
      kind: 'notarization',
      submittedAt: new Date().toISOString(),
      data: { matter: { code: 'education' } },
      documents: [],
    } as unknown as IntakeSubmission;
    await a.center.repo.insertIntake({
      terminalId: 'test-0001',
      idempotencyKey: 'key-interview',
      bodyHash: bodyHash(submission),
      submission,
      receivedAt: new Date().toISOString(),
    });
  }, 120_000);

  afterEach(() => {
    for (const c of clients.splice(0)) c.ws.terminate();
  });

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await postgres?.stop();
  });

  it('a kiosk waiting on A for her interview is seen and taken by a notary on B, once', async () => {
    const notaryB = await track(b.connect('notary', 'notary-wang'));
    const notaryA = await track(a.connect('notary', 'notary-li'));
    await notaryB.next('interviews', (m) => m.notariesOnline === 2);
    const kiosk = await track(a.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'join-interview', receiptNo: RECEIPT, consent: true, terminalName: '甲村' });
    expect(await kiosk.next('queued')).toMatchObject({ ticket: RECEIPT, lawyersOnline: 2 });
    const seen = await notaryB.next('interviews', (m) => m.waiting.length === 1);
    expect(seen.waiting[0]).toMatchObject({
      kioskId: 'test-0001',
      receiptNo: RECEIPT,
      matter: 'education',
      terminalName: '甲村',
      state: 'waiting',
    });

    // Her socket drops: both notaries see her away; back on A, she waits again.
    await kiosk.kill();
    await notaryB.next('interviews', (m) => m.waiting[0]?.state === 'away');
    const again = await track(a.connect('kiosk', 'test-0001'));
    again.send({ type: 'join-interview', receiptNo: RECEIPT, consent: true, terminalName: '甲村' });
    await notaryB.next('interviews', (m) => m.waiting[0]?.state === 'waiting');
    await notaryA.next('interviews', (m) => m.waiting[0]?.state === 'waiting');

    // Both notaries press at once: one gets her; a wrong receipt number gets nothing.
    notaryB.send({ type: 'take-interview', receiptNo: 'GZ261202-0001-0009', kioskId: 'test-0001' });
    await notaryB.next('queue-empty');
    notaryA.send({ type: 'take-interview', receiptNo: RECEIPT, kioskId: 'test-0001' });
    notaryB.send({ type: 'take-interview', receiptNo: RECEIPT, kioskId: 'test-0001' });
    const answers = await Promise.all(
      [notaryA, notaryB].map((n) =>
        Promise.race([n.next('matched').then(() => 'matched'), n.next('queue-empty').then(() => 'empty')]),
      ),
    );
    expect([...answers].sort()).toEqual(['empty', 'matched']);
    const winner = answers[0] === 'matched' ? notaryA : notaryB;
    const matched = await again.next('matched');
    expect(matched.role).toBe('offerer');
    await notaryA.next('interviews', (m) => m.waiting.length === 0);
    await notaryB.next('interviews', (m) => m.waiting.length === 0);
    again.send({ type: 'hangup', callId: matched.callId, reason: 'hangup' });
    await winner.next('hangup');
    await expect
      .poll(async () => b.center.repo.getCall(matched.callId), { timeout: 3000 })
      .toMatchObject({ kind: 'interview', receiptNo: RECEIPT, endReason: 'hangup' });
  });

  it('a kiosk that left the interview list on A leaves it for notaries on B too', async () => {
    const notary = await track(b.connect('notary', 'notary-wang'));
    const kiosk = await track(a.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'join-interview', receiptNo: RECEIPT, consent: true });
    await notary.next('interviews', (m) => m.waiting.length === 1);
    kiosk.send({ type: 'leave-queue' });
    await notary.next('interviews', (m) => m.waiting.length === 0);
  });

  it('a kiosk whose socket on A was lost resumes her call on B within the grace period', async () => {
    const lawyer = await track(a.connect('lawyer', 'lawyer1'));
    const kiosk = await track(a.connect('kiosk', 'test-0002'));
    kiosk.send({ type: 'enqueue', topic: 'wages', consent: true });
    await kiosk.next('queued');
    lawyer.send({ type: 'take-next' });
    const { callId } = await kiosk.next('matched');
    await lawyer.next('matched');

    await kiosk.kill();
    await lawyer.next('peer-lost');
    const back = await resume(b, 'kiosk', 'test-0002', callId, 'lawyer1');
    expect(back.messages.find((m) => m.type === 'welcome')).toMatchObject({ resumed: true, callId });
    await lawyer.next('peer-reconnected');
    // Past A's grace period the call still runs: A's timer stopped when she came back on B.
    await new Promise((r) => setTimeout(r, GRACE_S * 1000 + 500));
    expect((await a.center.repo.getCall(callId))?.endedAt).toBeUndefined();
    back.send({ type: 'signal', callId, data: { restart: true } });
    expect((await lawyer.next('signal')).data).toEqual({ restart: true });
    lawyer.send({ type: 'signal', callId, data: { sdp: { type: 'answer', sdp: 'v=0\r\n' } } });
    expect((await back.next('signal')).data).toEqual({ sdp: { type: 'answer', sdp: 'v=0\r\n' } });
    expect(await lawyer.none('hangup', 0)).toBe(true);

    // The lawyer moves too, while her old socket on A still hangs: that one is superseded, the call goes on.
    const moved = await resume(b, 'lawyer', 'lawyer1', callId, 'test-0002');
    expect(moved.messages.find((m) => m.type === 'welcome')).toMatchObject({ resumed: true });
    expect((await lawyer.closed).code).toBe(CLOSE_SUPERSEDED);
    expect(await back.none('peer-lost', 300)).toBe(true);
    moved.send({ type: 'signal', callId, data: { restart: true } });
    expect((await back.next('signal')).data).toEqual({ restart: true });

    moved.send({ type: 'hangup', callId, reason: 'hangup' });
    expect(await back.next('hangup')).toMatchObject({ callId, reason: 'hangup' });
    await expect.poll(async () => (await a.center.repo.getCall(callId))?.endReason, { timeout: 3000 }).toBe('hangup');
  });

  it('a kiosk that does not come back within the grace period: the call ends once, with peer-timeout', async () => {
    const lawyer = await track(b.connect('lawyer', 'lawyer1'));
    // Her presence is in the shared table once her process has sent her the queue.
    await lawyer.next('queue');
    const kiosk = await track(a.connect('kiosk', 'test-0002'));
    kiosk.send({ type: 'enqueue', topic: 'land', consent: false });
    await kiosk.next('queued');
    lawyer.send({ type: 'take-next' });
    const { callId } = await lawyer.next('matched');
    await kiosk.next('matched');
    await kiosk.kill();
    await lawyer.next('peer-lost');
    expect(await lawyer.next('hangup', () => true, GRACE_S * 1000 + 3000)).toMatchObject({
      callId,
      reason: 'peer-timeout',
    });
    expect(await lawyer.none('hangup', 300)).toBe(true);
    // Too late: the call is over everywhere.
    const late = await resume(b, 'kiosk', 'test-0002', callId, 'lawyer1');
    expect(late.messages.find((m) => m.type === 'welcome')).toMatchObject({ resumed: false });
  });

  it('a process started while a call runs neither ends its record nor refuses its resume', async () => {
    const lawyer = await track(a.connect('lawyer', 'lawyer1'));
    const kiosk = await track(a.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'enqueue', topic: 'family', consent: true });
    await kiosk.next('queued');
    lawyer.send({ type: 'take-next' });
    const { callId } = await kiosk.next('matched');
    const c = await startConsultCenter({ graceS: GRACE_S }, { storage: { kind: 'postgres', url } });
    try {
      await new Promise((r) => setTimeout(r, GRACE_S * 1000 + 500));
      expect((await c.center.repo.getCall(callId))?.endedAt).toBeUndefined();
      await kiosk.kill();
      await lawyer.next('peer-lost');
      const back = await resume(c, 'kiosk', 'test-0001', callId, 'lawyer1');
      expect(back.messages.find((m) => m.type === 'welcome')).toMatchObject({ resumed: true, callId });
      await lawyer.next('peer-reconnected');
      lawyer.send({ type: 'signal', callId, data: { restart: true } });
      expect((await back.next('signal')).data).toEqual({ restart: true });
      lawyer.send({ type: 'hangup', callId, reason: 'hangup' });
      expect(await back.next('hangup')).toMatchObject({ callId });
    } finally {
      for (const client of clients.splice(0)) client.ws.terminate();
      await c.stop();
    }
  });
});
