import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { startConsultCenter, type ConsultCenter, type SigClient } from './harness.js';

// Issue 11, fallback rung 3: after her lawyer was lost mid-call the kiosk offers 重新排队 and promises
// 会让您排在前面 — her next enqueue goes to the head of her county's queue, not the tail; on PostgreSQL
// the claim of whichever process takes next honours it. An ordinary hang-up earns no such place.

const clients: SigClient[] = [];
const track = async (c: Promise<SigClient>): Promise<SigClient> => {
  const client = await c;
  clients.push(client);
  return client;
};

afterEach(() => {
  for (const c of clients.splice(0)) c.ws.terminate();
});

/**
 * Kiosk A (test-0001) in a call with lawyer1 on `callCenter`, kiosk B (test-0002) waiting behind her on
 * `waitCenter`, lawyer2 online on `waitCenter`.
 */
async function scene(callCenter: ConsultCenter, waitCenter: ConsultCenter) {
  const lawyer1 = await track(callCenter.connect('lawyer', 'lawyer1'));
  const lawyer2 = await track(waitCenter.connect('lawyer', 'lawyer2'));
  await lawyer1.next('queue', (m) => m.lawyersOnline === 2);
  const a = await track(callCenter.connect('kiosk', 'test-0001'));
  a.send({ type: 'enqueue', topic: 'wages', consent: true });
  await a.next('queued');
  lawyer1.send({ type: 'take-next' });
  const { callId } = await a.next('matched');
  await lawyer1.next('matched');
  const b = await track(waitCenter.connect('kiosk', 'test-0002'));
  b.send({ type: 'enqueue', topic: 'land', consent: true });
  expect(await b.next('queued')).toMatchObject({ position: 1 });
  return { lawyer1, lawyer2, a, b, callId };
}

describe('重新排队 after a lost lawyer (one centre)', () => {
  let center: ConsultCenter;

  afterEach(async () => {
    await center?.stop();
  });

  it('the lawyer lost beyond the grace period: her next enqueue is first, the waiting kiosk second', async () => {
    center = await startConsultCenter({ graceS: 1 });
    const { lawyer1, lawyer2, a, b, callId } = await scene(center, center);
    await lawyer1.kill();
    await a.next('peer-lost');
    expect(await a.next('hangup', () => true, 4000)).toEqual({ type: 'hangup', callId, reason: 'peer-timeout' });

    a.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await a.next('queued')).toMatchObject({ position: 1 });
    expect(await b.next('queued', (m) => m.position === 2)).toMatchObject({ position: 2 });
    const view = await lawyer2.next('queue', (m) => m.queue.length === 2);
    expect(view.queue.map((e) => [e.kioskId, e.position])).toEqual([
      ['test-0001', 1],
      ['test-0002', 2],
    ]);
    lawyer2.send({ type: 'take-next' });
    expect(await lawyer2.next('matched')).toMatchObject({ peer: { kioskId: 'test-0001' } });
    expect(await b.none('matched', 200)).toBe(true);
  });

  it('once only: after an ordinary hang-up she queues at the tail', async () => {
    center = await startConsultCenter({ graceS: 1 });
    const { lawyer1, a, b, callId } = await scene(center, center);
    lawyer1.send({ type: 'hangup', callId, reason: 'hangup' });
    await a.next('hangup');
    a.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await a.next('queued')).toMatchObject({ position: 2 });
    expect(await b.next('queued')).toMatchObject({ position: 1 });
    expect(b.messages.filter((m) => m.type === 'queued' && m.position !== 1)).toEqual([]);
  });
});

describe('重新排队 after a lost lawyer, two centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let one: ConsultCenter;
  let two: ConsultCenter;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const url = await postgres.createDatabase();
    one = await startConsultCenter({ graceS: 1 }, { storage: { kind: 'postgres', url } });
    two = await startConsultCenter({ graceS: 1 }, { storage: { kind: 'postgres', url } });
  }, 120_000);

  afterAll(async () => {
    await one?.stop();
    await two?.stop();
    await postgres?.stop();
  });

  it('the lawyer on one process is lost; the other process puts her first and its lawyer takes her', async () => {
    const { lawyer1, a, b, callId } = await scene(one, two);
    await lawyer1.kill();
    await a.next('peer-lost');
    expect(await a.next('hangup', () => true, 5000)).toEqual({ type: 'hangup', callId, reason: 'peer-timeout' });

    // She queues again on the process that did not end the call; a lawyer on the other one claims.
    const back = await track(two.connect('kiosk', 'test-0001'));
    back.send({ type: 'enqueue', topic: 'wages', consent: true });
    expect(await back.next('queued')).toMatchObject({ position: 1 });
    expect(await b.next('queued', (m) => m.position === 2)).toMatchObject({ position: 2 });
    const lawyer3 = await track(one.connect('lawyer', 'lawyer3'));
    await lawyer3.next('queue', (m) => m.queue.length === 2);
    lawyer3.send({ type: 'take-next' });
    expect(await lawyer3.next('matched')).toMatchObject({ peer: { kioskId: 'test-0001' } });
    expect(await back.next('matched')).toMatchObject({ role: 'offerer' });
  });
});
