import { afterEach, describe, expect, it } from 'vitest';
import { startConsultCenter, type ConsultCenter, type SigClient } from './harness.js';

// Issue 11: with her consent the villager's name (from her ID card, chosen on the kiosk) goes with her
// enqueue to the centre and is shown to the lawyer who takes her call — to nobody else: not in the
// queue other lawyers see, not to other kiosks, not in the call record, never in the log.

let center: ConsultCenter;
const clients: SigClient[] = [];
const track = (c: SigClient): SigClient => (clients.push(c), c);

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

describe('the caller’s name, with her consent', () => {
  it('reaches only the lawyer of her call', async () => {
    center = await startConsultCenter();
    const lawyer1 = track(await center.connect('lawyer', 'lawyer1'));
    const lawyer2 = track(await center.connect('lawyer', 'lawyer2'));
    const kiosk = track(await center.connect('kiosk', 'test-0001'));
    const other = track(await center.connect('kiosk', 'test-0002'));
    other.send({ type: 'enqueue', topic: 'land', consent: true });
    await other.next('queued');
    kiosk.send({ type: 'enqueue', topic: 'family', consent: true, callerName: '王五' });
    await kiosk.next('queued');
    await lawyer2.next('queue', (m) => m.queue.length === 2);

    lawyer1.send({ type: 'take-next' });
    const first = await lawyer1.next('matched');
    expect(first.peer).toMatchObject({ kioskId: 'test-0002' });
    expect(first.peer).not.toHaveProperty('callerName');
    lawyer2.send({ type: 'take-next' });
    const matched = await lawyer2.next('matched');
    expect(matched.peer).toMatchObject({ kioskId: 'test-0001', callerName: '王五' });
    const { callId } = await kiosk.next('matched');
    kiosk.send({ type: 'hangup', callId, reason: 'hangup' });
    await lawyer2.next('hangup');
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.endedAt).toBeTruthy();

    expect(JSON.stringify(lawyer1.messages)).not.toContain('王五');
    expect(JSON.stringify(other.messages)).not.toContain('王五');
    expect(JSON.stringify(kiosk.messages)).not.toContain('王五');
    expect(
      JSON.stringify(lawyer2.messages.filter((m) => m.type !== 'matched')),
      'the queue lawyers see carries no names',
    ).not.toContain('王五');
    expect(JSON.stringify(await center.center.repo.getCall(callId))).not.toContain('王五');
    expect(center.logText()).not.toContain('王五');
  });

  it('a name that is not a short string, or without consent to the video, is dropped', async () => {
    center = await startConsultCenter();
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    for (const [callerName, consent] of [
      [42, true],
      ['王'.repeat(41), true],
      [['王五'], true],
      ['王五', false],
    ] as const) {
      const kiosk = track(await center.connect('kiosk', 'test-0001'));
      kiosk.send({ type: 'enqueue', topic: 'family', consent, callerName });
      await kiosk.next('queued');
      lawyer.send({ type: 'take-next' });
      const matched = await lawyer.next('matched');
      expect([callerName, matched.peer]).not.toHaveProperty('1.callerName');
      lawyer.send({ type: 'hangup', callId: matched.callId, reason: 'hangup' });
      await kiosk.next('hangup');
      kiosk.ws.terminate();
    }
  });
});
