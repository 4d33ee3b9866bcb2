// Issue 12: the notary office's interview slots (capacity under concurrent holds, junk, roles) and the
// notary signalling role (a lawyer cannot take an interview, a notary cannot take a consultation).
import { afterEach, describe, expect, it } from 'vitest';
import { startConsultCenter, type ConsultCenter } from './harness.js';

const T1 = { authorization: 'Bearer test-terminal-token', 'content-type': 'application/json' };
const T2 = { authorization: 'Bearer other-terminal-token', 'content-type': 'application/json' };

let c: ConsultCenter | undefined;
afterEach(async () => {
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
