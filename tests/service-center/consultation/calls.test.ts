import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_SUPERSEDED, type MatchedMessage } from '@kiosk/contract/signalling-api';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

let center: ConsultCenter;
const clients: SigClient[] = [];
const track = (c: SigClient): SigClient => (clients.push(c), c);

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

/** A lawyer and a kiosk in a call. */
async function call(
  kioskId = 'test-0001',
  lawyerId = 'lawyer1',
): Promise<{ kiosk: SigClient; lawyer: SigClient; callId: string; matched: MatchedMessage }> {
  const lawyer = track(await center.connect('lawyer', lawyerId));
  const kiosk = track(await center.connect('kiosk', kioskId));
  kiosk.send({ type: 'enqueue', topic: 'loan', consent: true });
  await kiosk.next('queued');
  lawyer.send({ type: 'take-next' });
  const matched = await kiosk.next('matched');
  await lawyer.next('matched');
  return { kiosk, lawyer, callId: matched.callId, matched };
}

describe('consultation calls', () => {
  it('relays signal only between the two parties; anyone else gets hangup{unknown-call}', async () => {
    center = await startConsultCenter();
    const { kiosk, lawyer, callId } = await call();
    const offer = { sdp: { type: 'offer', sdp: 'v=0\r\n' } };
    kiosk.send({ type: 'signal', callId, data: offer });
    expect(await lawyer.next('signal')).toEqual({ type: 'signal', callId, data: offer });
    const candidate = { candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0' } };
    lawyer.send({ type: 'signal', callId, data: candidate });
    expect(await kiosk.next('signal')).toMatchObject({ data: candidate });
    lawyer.send({ type: 'signal', callId, data: { restart: true } });
    expect(await kiosk.next('signal')).toMatchObject({ data: { restart: true } });

    // Another kiosk and another lawyer, with valid tokens, try to talk into the call.
    const intruder = track(await center.connect('kiosk', 'test-0002'));
    intruder.send({ type: 'signal', callId, data: offer });
    expect(await intruder.next('hangup')).toEqual({ type: 'hangup', callId, reason: 'unknown-call' });
    const lawyer2 = track(await center.connect('lawyer', 'lawyer2'));
    lawyer2.send({ type: 'signal', callId, data: offer });
    expect(await lawyer2.next('hangup')).toMatchObject({ reason: 'unknown-call' });
    lawyer2.send({ type: 'hangup', callId, reason: 'hangup' });
    expect(await lawyer2.next('hangup')).toMatchObject({ reason: 'unknown-call' });
    expect(await lawyer.none('signal')).toBe(true);
    expect(await kiosk.none('signal')).toBe(true);
    expect(await kiosk.none('hangup', 50)).toBe(true);
  });

  it('hangup reaches the peer and the call record has its end, duration and reason', async () => {
    center = await startConsultCenter();
    const { kiosk, lawyer, callId } = await call();
    const open = await center.center.repo.getCall(callId);
    expect(open).toMatchObject({ kioskId: 'test-0001', lawyerId: 'lawyer1', topic: 'loan', consent: true });
    expect(open?.endedAt).toBeUndefined();
    await new Promise((r) => setTimeout(r, 1100));
    kiosk.send({ type: 'hangup', callId, reason: 'visit-ended' });
    expect(await lawyer.next('hangup')).toEqual({ type: 'hangup', callId, reason: 'visit-ended' });
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.endReason).toBe('visit-ended');
    const record = await center.center.repo.getCall(callId);
    expect(record?.durationS).toBeGreaterThanOrEqual(1);
    expect(record?.endedAt).toBeTruthy();
    expect(JSON.stringify(record)).not.toContain('callerName');
    // The call is gone: more signals are refused.
    kiosk.send({ type: 'signal', callId, data: { restart: true } });
    expect(await kiosk.next('hangup')).toMatchObject({ reason: 'unknown-call' });
    // The next kiosk's estimate uses the finished call's length.
    const other = track(await center.connect('kiosk', 'test-0002'));
    const third = track(await center.connect('kiosk', 'test-0001', {}));
    other.send({ type: 'enqueue', topic: 'land', consent: true });
    third.send({ type: 'enqueue', topic: 'land', consent: true });
    const second = await third.next('queued', (m) => m.position === 2);
    expect(second.estimatedWaitS).toBeGreaterThanOrEqual(1);
  });

  it('a call outlives a lost socket: peer-lost, then resume by callId with welcome{resumed} and peer-reconnected', async () => {
    center = await startConsultCenter({ graceS: 5 });
    const { kiosk, lawyer, callId } = await call();
    await kiosk.kill();
    expect(await lawyer.next('peer-lost')).toEqual({ type: 'peer-lost', callId });
    const back = track(await center.connect('kiosk', 'test-0001', { resume: { callId, peerId: 'lawyer1' } }));
    expect(back.messages[0]).toMatchObject({ type: 'welcome', resumed: true, callId });
    expect(await lawyer.next('peer-reconnected')).toEqual({ type: 'peer-reconnected', callId });
    back.send({ type: 'signal', callId, data: { sdp: { type: 'offer', sdp: 'v=0 restart' } } });
    expect(await lawyer.next('signal')).toMatchObject({ callId });
    // A resume naming the wrong peer is refused: not resumed, and the call it claims is not touched.
    const liar = track(await center.connect('lawyer', 'lawyer2', { resume: { callId, peerId: 'test-0001' } }));
    expect(liar.messages[0]).toMatchObject({ type: 'welcome', resumed: false });
    expect(await lawyer.none('hangup', 100)).toBe(true);
  });

  it('ends the call with peer-timeout when the grace period passes', async () => {
    center = await startConsultCenter({ graceS: 1 });
    const { lawyer, callId, kiosk } = await call();
    await kiosk.kill();
    await lawyer.next('peer-lost');
    const t0 = Date.now();
    expect(await lawyer.next('hangup', () => true, 3000)).toEqual({ type: 'hangup', callId, reason: 'peer-timeout' });
    expect(Date.now() - t0).toBeGreaterThan(700);
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.endReason).toBe('peer-timeout');
    const late = track(await center.connect('kiosk', 'test-0001', { resume: { callId, peerId: 'lawyer1' } }));
    expect(late.messages[0]).toMatchObject({ type: 'welcome', resumed: false });
  });

  it('a fresh hello without resume ends the old calls with superseded and closes the older socket', async () => {
    center = await startConsultCenter();
    const { kiosk, lawyer, callId } = await call();
    const fresh = track(await center.connect('kiosk', 'test-0001'));
    expect(fresh.messages[0]).toMatchObject({ type: 'welcome', resumed: false });
    expect(await lawyer.next('hangup')).toEqual({ type: 'hangup', callId, reason: 'superseded' });
    expect((await kiosk.closed).code).toBe(CLOSE_SUPERSEDED);
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.endReason).toBe('superseded');
    // The lawyer is free again and the new kiosk socket works.
    fresh.send({ type: 'enqueue', topic: 'other', consent: false });
    await fresh.next('queued');
    lawyer.send({ type: 'take-next' });
    expect((await fresh.next('matched')).callId).not.toBe(callId);
  });

  it('resumes a call forgotten by a restart of the centre (same data directory)', async () => {
    center = await startConsultCenter({ graceS: 5 });
    const { kiosk, lawyer, callId } = await call();
    const dataDir = center.dataDir;
    await center.stop();
    await kiosk.closed;
    await lawyer.closed;
    center = await startConsultCenter({ graceS: 5 }, { dataDir });
    expect(await (await fetch(`${center.url}/healthz`)).json()).toMatchObject({ calls: 0 });
    const k = track(await center.connect('kiosk', 'test-0001', { resume: { callId, peerId: 'lawyer1' } }));
    expect(k.messages[0]).toMatchObject({ type: 'welcome', resumed: true, callId });
    const l = track(await center.connect('lawyer', 'lawyer1', { resume: { callId, peerId: 'test-0001' } }));
    expect(l.messages[0]).toMatchObject({ type: 'welcome', resumed: true, callId });
    expect(await k.next('peer-reconnected')).toEqual({ type: 'peer-reconnected', callId });
    l.send({ type: 'signal', callId, data: { restart: true } });
    expect(await k.next('signal')).toMatchObject({ callId, data: { restart: true } });
    // A party that was not in the recorded call cannot claim it.
    const other = track(await center.connect('kiosk', 'test-0002', { resume: { callId, peerId: 'lawyer1' } }));
    expect(other.messages[0]).toMatchObject({ resumed: false });
    k.send({ type: 'hangup', callId, reason: 'hangup' });
    expect(await l.next('hangup')).toMatchObject({ reason: 'hangup' });
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.endReason).toBe('hangup');
  });

  it('a call left open by a restart and never resumed ends after the grace period', async () => {
    center = await startConsultCenter({ graceS: 1 });
    const { callId } = await call();
    const dataDir = center.dataDir;
    await center.stop();
    center = await startConsultCenter({ graceS: 1 }, { dataDir });
    await expect
      .poll(async () => (await center.center.repo.getCall(callId))?.endReason, { timeout: 4000 })
      .toBe('peer-timeout');
  });

  it('the heartbeat drops a socket that stops answering pings: its peer hears peer-lost, others stay', async () => {
    center = await startConsultCenter({ graceS: 5 }, { heartbeatMs: 200 });
    const lawyer = track(await center.connect('lawyer', 'lawyer1'));
    // A kiosk whose network goes silent: the TCP connection stays, nothing answers.
    const kiosk = track(await SigClient.open(center.wsUrl, {}, false));
    kiosk.send({ type: 'hello', role: 'kiosk', id: 'test-0001', token: center.token('kiosk', 'test-0001') });
    await kiosk.next('welcome');
    kiosk.send({ type: 'enqueue', topic: 'loan', consent: true });
    await kiosk.next('queued');
    lawyer.send({ type: 'take-next' });
    const { callId } = await lawyer.next('matched');
    expect(await lawyer.next('peer-lost', () => true, 3000)).toEqual({ type: 'peer-lost', callId });
    expect((await kiosk.closed).code).toBe(1006);
    // The lawyer answers pings: still connected several beats later, the call waiting for a resume.
    await new Promise((r) => setTimeout(r, 800));
    expect(lawyer.ws.readyState).toBe(lawyer.ws.OPEN);
    expect(await lawyer.none('hangup', 100)).toBe(true);
  });
});
