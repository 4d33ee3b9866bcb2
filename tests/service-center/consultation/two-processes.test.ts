import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { startConsultCenter, type ConsultCenter, type SigClient } from './harness.js';

// Issue 14 item 2: the consultation queue, lawyer presence and signalling across two centre processes
// on one PostgreSQL. Kiosks connect to A, lawyers to B (and A); the queue, `matched`, signals and hang-ups
// cross over LISTEN/NOTIFY and the shared queue table.

const SDP_LINE = 'a=candidate:1 1 udp 2122260223 192.0.2.10 50000 typ host generation 0\r\n';
/** An offer larger than a NOTIFY payload may be (8000 bytes). */
const BIG_SDP = `v=0\r\no=- 1 2 IN IP4 127.0.0.1\r\ns=-\r\n${SDP_LINE.repeat(200)}`;

describe('consultation across two centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let a: ConsultCenter;
  let b: ConsultCenter;
  const clients: SigClient[] = [];
  const track = (c: SigClient): SigClient => (clients.push(c), c);

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const url = await postgres.createDatabase();
    a = await startConsultCenter({}, { storage: { kind: 'postgres', url } });
    b = await startConsultCenter({}, { storage: { kind: 'postgres', url } });
  }, 120_000);

  afterAll(async () => {
    for (const c of clients.splice(0)) c.ws.terminate();
    await a?.stop();
    await b?.stop();
    await postgres?.stop();
  });

  it('a kiosk on A is queued for a lawyer on B, matched, and the two exchange signals until hang-up', async () => {
    const lawyer = track(await b.connect('lawyer', 'lawyer1'));
    await lawyer.next('queue', (m) => m.lawyersOnline === 1);

    const kiosk1 = track(await a.connect('kiosk', 'test-0001'));
    const kiosk2 = track(await a.connect('kiosk', 'test-0002'));
    kiosk1.send({ type: 'enqueue', topic: 'wages', consent: true, terminalName: '甲村', callerName: '张三' });
    expect(await kiosk1.next('queued')).toMatchObject({ position: 1, lawyersOnline: 1 });
    kiosk2.send({ type: 'enqueue', topic: 'land', consent: false });
    const second = await kiosk2.next('queued');
    expect(second).toMatchObject({ position: 2, lawyersOnline: 1 });
    const firstTicket = (kiosk1.messages.find((m) => m.type === 'queued') as { ticket: string }).ticket;
    expect(second.ticket).not.toBe(firstTicket);

    // The lawyer on B sees A's kiosks, oldest first.
    const snapshot = await lawyer.next('queue', (m) => m.queue.length === 2);
    expect(snapshot.queue.map((e) => [e.kioskId, e.position, e.topic, e.state])).toEqual([
      ['test-0001', 1, 'wages', 'waiting'],
      ['test-0002', 2, 'land', 'waiting'],
    ]);
    expect(snapshot.queue[0].terminalName).toBe('甲村');
    const healthB = (await (await fetch(`${b.url}/healthz`)).json()) as Record<string, unknown>;
    expect(healthB).toMatchObject({ queue: 2, lawyers: 1 });

    lawyer.send({ type: 'take-next' });
    const forLawyer = await lawyer.next('matched');
    const forKiosk = await kiosk1.next('matched');
    expect(forKiosk.callId).toBe(forLawyer.callId);
    expect(forKiosk).toMatchObject({ role: 'offerer', peer: { lawyerId: 'lawyer1' } });
    expect(forLawyer).toMatchObject({
      role: 'answerer',
      peer: { kioskId: 'test-0001', topic: 'wages', terminalName: '甲村', callerName: '张三' },
    });
    const callId = forKiosk.callId;
    // The one still waiting on A moves up.
    expect(await kiosk2.next('queued', (m) => m.position === 1)).toMatchObject({ ticket: second.ticket });
    await lawyer.next('queue', (m) => m.queue.length === 1 && m.queue[0].kioskId === 'test-0002');

    // Signals cross in order, the offer over 8000 bytes included.
    kiosk1.send({ type: 'signal', callId, data: { sdp: { type: 'offer', sdp: BIG_SDP } } });
    kiosk1.send({ type: 'signal', callId, data: { candidate: { candidate: 'candidate:1', sdpMid: '0' } } });
    const offer = await lawyer.next('signal');
    expect(offer.data).toEqual({ sdp: { type: 'offer', sdp: BIG_SDP } });
    expect((await lawyer.next('signal')).data).toEqual({ candidate: { candidate: 'candidate:1', sdpMid: '0' } });
    lawyer.send({ type: 'signal', callId, data: { sdp: { type: 'answer', sdp: 'v=0\r\n' } } });
    expect((await kiosk1.next('signal')).data).toEqual({ sdp: { type: 'answer', sdp: 'v=0\r\n' } });

    // Someone else's call stays closed; junk is refused; neither process fell over.
    kiosk2.send({ type: 'signal', callId, data: { restart: true } });
    expect(await kiosk2.next('hangup')).toMatchObject({ callId, reason: 'unknown-call' });
    expect(await lawyer.none('signal', 300)).toBe(true);
    kiosk1.sendRaw('{"type":"signal","callId":"__proto__","data":{"restart":true}}');
    expect(await kiosk1.next('error')).toMatchObject({ error: 'badMessage' });
    kiosk1.sendRaw('not json');
    expect(await kiosk1.next('error')).toMatchObject({ error: 'badMessage' });

    lawyer.send({ type: 'hangup', callId, reason: 'hangup' });
    expect(await kiosk1.next('hangup')).toMatchObject({ callId, reason: 'hangup' });
    await expect.poll(async () => (await a.center.repo.getCall(callId))?.endedAt, { timeout: 3000 }).toBeTruthy();
    // The call is over on A too: a late signal from the kiosk is refused there.
    kiosk1.send({ type: 'signal', callId, data: { restart: true } });
    expect(await kiosk1.next('hangup')).toMatchObject({ callId, reason: 'unknown-call' });

    kiosk2.send({ type: 'leave-queue' });
    await lawyer.next('queue', (m) => m.queue.length === 0);
    lawyer.send({ type: 'take-next' });
    await lawyer.next('queue-empty');
    for (const c of [kiosk1, kiosk2, lawyer]) await c.close();
  });

  it('two lawyers on different processes pressing take-next at once: one gets her, the other an empty queue', async () => {
    const onA = track(await a.connect('lawyer', 'lawyer-a'));
    const onB = track(await b.connect('lawyer', 'lawyer-b'));
    await onA.next('queue', (m) => m.lawyersOnline === 2);
    const kiosk = track(await a.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'enqueue', topic: 'family', consent: true });
    await kiosk.next('queued');
    await onB.next('queue', (m) => m.queue.length === 1);
    onA.send({ type: 'take-next' });
    onB.send({ type: 'take-next' });
    const answers = await Promise.all(
      [onA, onB].map((l) =>
        Promise.race([
          l.next('matched').then(
            () => 'matched',
            () => 'none',
          ),
          l.next('queue-empty').then(
            () => 'empty',
            () => 'none',
          ),
        ]),
      ),
    );
    expect([...answers].sort()).toEqual(['empty', 'matched']);
    const matched = await kiosk.next('matched');
    expect(matched.role).toBe('offerer');
    kiosk.send({ type: 'hangup', callId: matched.callId, reason: 'hangup' });
    await (answers[0] === 'matched' ? onA : onB).next('hangup');
    for (const c of [kiosk, onA, onB]) await c.close();
  });

  it('a lawyer on B going away is no longer online for a kiosk on A', async () => {
    const lawyer = track(await b.connect('lawyer', 'lawyer1'));
    await lawyer.next('queue', (m) => m.lawyersOnline >= 1);
    lawyer.send({ type: 'presence', presence: 'away' });
    await lawyer.next('queue', (m) => m.lawyersOnline === 0);
    const kiosk = track(await a.connect('kiosk', 'test-0002'));
    kiosk.send({ type: 'enqueue', topic: 'land', consent: false });
    expect(await kiosk.next('no-answer')).toMatchObject({ reason: 'no-lawyer-online' });
    for (const c of [kiosk, lawyer]) await c.close();
  });
});
