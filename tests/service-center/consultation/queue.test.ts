import { createHmac } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { startConsultCenter, TURN_SECRET, type ConsultCenter, type SigClient } from './harness.js';

let center: ConsultCenter;
const clients: SigClient[] = [];
const track = (c: SigClient): SigClient => (clients.push(c), c);

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

describe('consultation queue', () => {
  it('answers no-answer{no-lawyer-online} at once when no lawyer is connected', async () => {
    center = await startConsultCenter();
    const kiosk = track(await center.connect('kiosk', 'test-0001'));
    const t0 = Date.now();
    kiosk.send({ type: 'enqueue', topic: 'wages', consent: true });
    const answer = await kiosk.next('no-answer', () => true, 1000);
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(answer).toMatchObject({ reason: 'no-lawyer-online', hotline: '12348' });
    expect(center.center.repo).toBeDefined();
    const health = (await (await fetch(`${center.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ ok: true, queue: 0, calls: 0, lawyers: 0 });
  });

  it('a lawyer who is away does not count as online', async () => {
    center = await startConsultCenter();
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    lawyer.send({ type: 'presence', presence: 'away' });
    await lawyer.next('queue', (m) => m.lawyersOnline === 0);
    const kiosk = track(await center.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'enqueue', topic: 'land', consent: false });
    expect(await kiosk.next('no-answer')).toMatchObject({ reason: 'no-lawyer-online' });
  });

  it('queues FIFO, tells every waiting kiosk its position on each change, and take-next matches the first', async () => {
    center = await startConsultCenter({ turn: { urls: ['turn:127.0.0.1:3478?transport=udp'], secret: TURN_SECRET } });
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    expect(await lawyer.next('queue')).toMatchObject({ queue: [], lawyersOnline: 1 });
    const a = track(await center.connect('kiosk', 'test-0001'));
    const b = track(await center.connect('kiosk', 'test-0002'));
    a.send({ type: 'enqueue', topic: 'wages', consent: true, terminalName: '甲村', callerName: '张三' });
    expect(await a.next('queued')).toMatchObject({ position: 1, lawyersOnline: 1 });
    b.send({ type: 'enqueue', topic: 'land', consent: false, callerName: '李四' });
    expect(await b.next('queued')).toMatchObject({ position: 2 });
    const snapshot = await lawyer.next('queue', (m) => m.queue.length === 2);
    expect(snapshot.queue.map((e) => [e.kioskId, e.position, e.topic])).toEqual([
      ['test-0001', 1, 'wages'],
      ['test-0002', 2, 'land'],
    ]);
    expect(snapshot.queue[0].terminalName).toBe('甲村');

    lawyer.send({ type: 'take-next' });
    const forLawyer = await lawyer.next('matched');
    const forKiosk = await a.next('matched');
    expect(forKiosk.callId).toBe(forLawyer.callId);
    expect(forKiosk).toMatchObject({ role: 'offerer', peer: { lawyerId: 'lawyer1' }, iceTransportPolicy: 'all' });
    expect(forLawyer).toMatchObject({
      role: 'answerer',
      peer: { kioskId: 'test-0001', topic: 'wages', terminalName: '甲村', callerName: '张三' },
    });
    // The second kiosk moves up; it is told so.
    expect(await b.next('queued')).toMatchObject({ position: 1 });
    // Each side has its own TURN credentials: username <expiry>:<id>, credential base64(HMAC-SHA1(secret, username)).
    for (const [m, id] of [
      [forKiosk, 'test-0001'],
      [forLawyer, 'lawyer1'],
    ] as const) {
      const server = m.iceServers[0];
      expect(server.urls).toEqual(['turn:127.0.0.1:3478?transport=udp']);
      const [expiry, who] = server.username!.split(':');
      expect(who).toBe(id);
      expect(Number(expiry)).toBeGreaterThan(Date.now() / 1000);
      expect(server.credential).toBe(createHmac('sha1', TURN_SECRET).update(server.username!).digest('base64'));
    }
    // No consent, no name: the second kiosk's callerName never reaches a lawyer.
    const lawyer2 = track(await center.connect('lawyer', 'lawyer2'));
    lawyer2.send({ type: 'take-next' });
    expect((await lawyer2.next('matched')).peer).toEqual({ kioskId: 'test-0002', topic: 'land' });
    lawyer2.send({ type: 'take-next' });
    expect(await lawyer2.next('error')).toMatchObject({ error: 'forbidden' });
    const lawyer3 = track(await center.connect('lawyer', 'lawyer3'));
    lawyer3.send({ type: 'take-next' });
    await lawyer3.next('queue-empty');
    const health = (await (await fetch(`${center.url}/healthz`)).json()) as Record<string, unknown>;
    expect(health).toEqual({ ok: true, queue: 0, calls: 2, lawyers: 3 });
  });

  it('without TURN the ice servers are empty; relayOnly gives relay only with a TURN server', async () => {
    center = await startConsultCenter({ turn: { urls: [], relayOnly: true } });
    const k = track(await center.connect('kiosk', 'test-0001'));
    expect(k.messages[0]).toMatchObject({ type: 'welcome', iceServers: [], iceTransportPolicy: 'all' });
    await center.stop();
    center = await startConsultCenter({
      turn: { urls: ['turn:127.0.0.1:3478?transport=udp'], secret: TURN_SECRET, relayOnly: true },
    });
    const k2 = track(await center.connect('kiosk', 'test-0001'));
    expect(k2.messages[0]).toMatchObject({ type: 'welcome', iceTransportPolicy: 'relay', resumed: false });
  });

  it('queue timeout: no-answer{timeout} with the ticket; enqueue again keeps the place', async () => {
    center = await startConsultCenter({ queueTimeoutS: 1 });
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    const a = track(await center.connect('kiosk', 'test-0001'));
    const b = track(await center.connect('kiosk', 'test-0002'));
    a.send({ type: 'enqueue', topic: 'wages', consent: true });
    const first = await a.next('queued');
    b.send({ type: 'enqueue', topic: 'family', consent: true });
    await b.next('queued', (m) => m.position === 2);
    const t0 = Date.now();
    await a.next('queued');
    const timeout = await a.next('no-answer', () => true, 3000);
    expect(Date.now() - t0).toBeGreaterThan(500);
    expect(timeout).toMatchObject({ reason: 'timeout', ticket: first.ticket, hotline: '12348' });
    // Her place is held, not offered to a lawyer; the queue shows it.
    const held = await lawyer.next('queue', (m) => m.queue[0]?.state === 'held');
    expect(held.queue.map((e) => e.kioskId)).toEqual(['test-0001', 'test-0002']);
    a.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await a.next('queued', (m) => m.position === 1 && m.ticket === first.ticket)).toBeTruthy();
    await b.next('no-answer', (m) => m.reason === 'timeout');
    b.send({ type: 'enqueue', topic: 'family', consent: true });
    expect(await b.next('queued', (m) => m.position === 2)).toBeTruthy();
    a.send({ type: 'leave-queue' });
    expect(await b.next('queued', (m) => m.position === 1)).toBeTruthy();
    a.send({ type: 'leave-queue' });
    expect(await a.next('error')).toMatchObject({ error: 'notInQueue' });
  });

  it('a held place is not taken: take-next passes over it', async () => {
    center = await startConsultCenter({ queueTimeoutS: 1 });
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    const a = track(await center.connect('kiosk', 'test-0001'));
    a.send({ type: 'enqueue', topic: 'wages', consent: true });
    await a.next('no-answer', () => true, 3000);
    lawyer.send({ type: 'take-next' });
    await lawyer.next('queue-empty');
  });

  it('roles are checked on every message', async () => {
    center = await startConsultCenter();
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    const kiosk = track(await center.connect('kiosk', 'test-0001'));
    kiosk.send({ type: 'take-next' });
    expect(await kiosk.next('error')).toMatchObject({ error: 'forbidden' });
    kiosk.send({ type: 'presence', presence: 'away' });
    expect(await kiosk.next('error')).toMatchObject({ error: 'forbidden' });
    lawyer.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await lawyer.next('error')).toMatchObject({ error: 'forbidden' });
    lawyer.send({ type: 'leave-queue' });
    expect(await lawyer.next('error')).toMatchObject({ error: 'forbidden' });
    // Nothing was queued by the refused messages.
    lawyer.send({ type: 'take-next' });
    await lawyer.next('queue-empty');
  });
});
