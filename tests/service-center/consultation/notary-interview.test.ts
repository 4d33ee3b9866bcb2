// Issue 12: the notary office's interview slots (capacity under concurrent holds, junk, roles; a held
// seat released by its own terminal, directly and through the agent) and the notary signalling role (a
// lawyer cannot take an interview, a notary cannot take a consultation).
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { startConsultCenter, type ConsultCenter } from './harness.js';

const T1 = { authorization: 'Bearer test-terminal-token', 'content-type': 'application/json' };
const T2 = { authorization: 'Bearer other-terminal-token', 'content-type': 'application/json' };

let c: ConsultCenter | undefined;
let agent: TestAgent | undefined;
afterEach(async () => {
  await agent?.stop();
  agent = undefined;
  await c?.stop();
  c = undefined;
});

/** A run of slots written through the repository (the staff route is checked separately). */
async function publish(center: ConsultCenter, capacity: number): Promise<string> {
  const store = center.center.repo.notarySlots!;
  const startsAt = new Date(Date.now() + 2 * 86_400_000).toISOString();
  const r = await store.publishSlots([
    {
      slotId: crypto.randomUUID(),
      startsAt,
      lengthMin: 30,
      capacity,
      publishedBy: 'notary-wang',
      publishedAt: new Date().toISOString(),
    },
  ]);
  if (r.outcome !== 'published') throw new Error('not published');
  return r.slots[0].slotId;
}

describe('notary interview slots', () => {
  it('two terminals holding the last seat at once: one gets it, the other 409 slotFull; the list drops the full slot', async () => {
    c = await startConsultCenter();
    const slotId = await publish(c, 1);
    const list = await (await fetch(`${c.url}/api/v1/intake/notary-slots`, { headers: T1 })).json();
    expect(list.slots.map((s: { slotId: string }) => s.slotId)).toContain(slotId);
    const hold = (h: Record<string, string>) =>
      fetch(`${c!.url}/api/v1/intake/notary-slots/${slotId}/hold`, { method: 'POST', headers: h, body: '{}' });
    const [a, b] = await Promise.all([hold(T1), hold(T2)]);
    expect([a.status, b.status].sort()).toEqual([200, 409]);
    const after = await (await fetch(`${c.url}/api/v1/intake/notary-slots`, { headers: T1 })).json();
    expect(after.slots.map((s: { slotId: string }) => s.slotId)).not.toContain(slotId);
  });

  it('junk and inherited names as slot ids are 404, no token is 401', async () => {
    c = await startConsultCenter();
    for (const id of ['toString', '__proto__', 'constructor', '..', '%00'])
      expect(
        (await fetch(`${c.url}/api/v1/intake/notary-slots/${id}/hold`, { method: 'POST', headers: T1, body: '{}' }))
          .status,
      ).toBe(404);
    expect((await fetch(`${c.url}/api/v1/intake/notary-slots`)).status).toBe(401);
  });
});

/** The free seats of a slot as a terminal is offered them (0 when the slot is not listed). */
async function freeSeats(center: ConsultCenter, slotId: string): Promise<number> {
  const list = (await (await fetch(`${center.url}/api/v1/intake/notary-slots`, { headers: T1 })).json()) as {
    slots: Array<{ slotId: string; free: number }>;
  };
  return list.slots.find((s) => s.slotId === slotId)?.free ?? 0;
}

describe('releasing a held seat', () => {
  const release = (center: ConsultCenter, holdId: string, h: Record<string, string> = T1) =>
    fetch(`${center.url}/api/v1/intake/notary-slots/holds/${holdId}`, { method: 'DELETE', headers: h, body: '{}' });

  it('the holding terminal gives the seat back (idempotent); another terminal cannot; a booked seat stays', async () => {
    c = await startConsultCenter();
    const slotId = await publish(c, 1);
    const held = await fetch(`${c.url}/api/v1/intake/notary-slots/${slotId}/hold`, {
      method: 'POST',
      headers: T1,
      body: '{}',
    });
    expect(held.status).toBe(200);
    const { holdId } = (await held.json()) as { holdId: string };
    expect(await freeSeats(c, slotId)).toBe(0);

    // Another terminal: nothing of its own to release, and the seat stays held.
    const foreign = await release(c, holdId, T2);
    expect(foreign.status).toBe(200);
    expect(await foreign.json()).toEqual({ released: false });
    expect(await freeSeats(c, slotId)).toBe(0);

    // Its own terminal: released, the slot is offered again; a second release changes nothing.
    const own = await release(c, holdId);
    expect(own.status).toBe(200);
    expect(await own.json()).toEqual({ released: true });
    expect(await freeSeats(c, slotId)).toBe(1);
    const again = await release(c, holdId);
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual({ released: false });
    expect(c.logText()).toContain('interview: seat released');

    // A hold tied to a receipt number is a booking: not released by this route.
    const store = c.center.repo.notarySlots!;
    const next = await fetch(`${c.url}/api/v1/intake/notary-slots/${slotId}/hold`, {
      method: 'POST',
      headers: T2,
      body: '{}',
    });
    const booked = ((await next.json()) as { holdId: string }).holdId;
    expect(await store.confirmHold(booked, 'test-0002', 'GZ261202-0002-0001', new Date().toISOString())).toBe(
      'confirmed',
    );
    const refused = await release(c, booked, T2);
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({ error: 'slotBooked' });
    expect(await store.interviewFor('test-0002', 'GZ261202-0002-0001')).toMatchObject({ slotId });
  });

  it('junk hold ids are 404, no token is 401, a wrong token 401', async () => {
    c = await startConsultCenter();
    for (const id of ['toString', '__proto__', 'constructor', '..', '%00', 'x'.repeat(36)])
      expect((await release(c, id)).status, id).toBe(404);
    const id = crypto.randomUUID();
    expect((await release(c, id, { 'content-type': 'application/json' })).status).toBe(401);
    expect((await release(c, id, { ...T1, authorization: 'Bearer not-a-terminal-token-at-all' })).status).toBe(401);
  });

  it('through the agent, as the kiosk page does: hold, release, the seat is free again', async () => {
    c = await startConsultCenter();
    const slotId = await publish(c, 1);
    agent = await startTestAgent({ ...DEMO_CONFIG, center: { url: c.url, token: 'test-terminal-token' } });
    const json = { 'content-type': 'application/json' };
    const hold = await fetch(`${agent.base}/api/v1/notary-slots/${slotId}/hold`, {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(hold.status).toBe(200);
    const { holdId } = (await hold.json()) as { holdId: string };
    expect(await freeSeats(c, slotId)).toBe(0);
    const gone = await fetch(`${agent.base}/api/v1/notary-slots/holds/${holdId}`, {
      method: 'DELETE',
      headers: json,
      body: '{}',
    });
    expect(gone.status).toBe(200);
    expect(await gone.json()).toEqual({ released: true });
    expect(await freeSeats(c, slotId)).toBe(1);
    const twice = await fetch(`${agent.base}/api/v1/notary-slots/holds/${holdId}`, {
      method: 'DELETE',
      headers: json,
      body: '{}',
    });
    expect(await twice.json()).toEqual({ released: false });
    const junk = await fetch(`${agent.base}/api/v1/notary-slots/holds/not-a-hold`, {
      method: 'DELETE',
      headers: json,
      body: '{}',
    });
    expect(junk.status).toBe(404);
  });
});

describe('notary signalling role', () => {
  it('a lawyer cannot take an interview and a notary cannot take a consultation; notaries never get the queue', async () => {
    c = await startConsultCenter();
    const lawyer = await c.connect('lawyer', 'lawyer-li');
    const notary = await c.connect('notary', 'notary-wang');
    lawyer.send({ type: 'take-interview', receiptNo: 'GZ261202-0001-0001', kioskId: 'test-0001' });
    expect(await lawyer.next('error')).toMatchObject({ error: 'forbidden' });
    notary.send({ type: 'take-next' });
    expect(await notary.next('error')).toMatchObject({ error: 'forbidden' });
    const kiosk = await c.connect('kiosk', 'test-0001');
    kiosk.send({ type: 'enqueue', topic: 'wages', consent: true });
    await kiosk.next('queued');
    // The interview list goes to notaries; the consultation queue to lawyers only.
    kiosk.send({ type: 'join-interview', receiptNo: 'GZ261202-0001-0001', consent: true });
    expect(await kiosk.next('error')).toMatchObject({ error: 'notInQueue', detail: 'unknownReceipt' });
    await Promise.all([lawyer, notary, kiosk].map((s) => s.close()));
  });
});
