// The call client's message handling against a fake socket (the real two-browser call is the e2e
// test's): hello/enqueue, queue updates, the fallback reports, a real in-page call with a second
// RTCPeerConnection playing the lawyer, resume by callId with an ICE restart, and the visit's end.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ServerMessage } from '@kiosk/contract/signalling-api';
import {
  CallClient,
  VIDEO_MAX_BITRATE,
  type CallClientEvent,
  type CallClientOptions,
} from '../../../kiosk-ui/src/consultation/call-client.js';
import { FakeLawyer, FakeSignallingSocket, TOKEN, welcome } from './fake-signalling.js';

const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

interface Harness {
  client: CallClient;
  sockets: FakeSignallingSocket[];
  events: CallClientEvent[];
  socket(): FakeSignallingSocket;
  network: EventTarget;
}

function harness(options: Partial<CallClientOptions> & { opens?: () => boolean } = {}): Harness {
  const sockets: FakeSignallingSocket[] = [];
  const events: CallClientEvent[] = [];
  const network = new EventTarget();
  const client = new CallClient({
    requestToken: async () => TOKEN,
    openSocket: (url) => {
      const s = new FakeSignallingSocket(url, options.opens?.() ?? true);
      sockets.push(s);
      return s;
    },
    network,
    random: () => 0,
    ...options,
  });
  client.subscribe((e) => events.push(e));
  cleanups.push(() => client.close());
  return { client, sockets, events, socket: () => sockets[sockets.length - 1], network };
}

const wait = (check: () => boolean, timeout = 10_000) =>
  vi.waitFor(() => expect(check()).toBe(true), { timeout, interval: 20 });

describe('call client: queue', () => {
  it('hello with the token, enqueue after welcome, queued and no-answer reported', async () => {
    const h = harness();
    h.client.connect({ topic: 'wages', consent: true, terminalName: '测试村' });
    await wait(() => h.sockets.length === 1 && h.socket().sent.length === 1);
    expect(h.socket().url).toBe(TOKEN.url);
    expect(h.socket().sent[0]).toEqual({ type: 'hello', role: 'kiosk', id: TOKEN.id, token: TOKEN.token });
    h.socket().receive(welcome(false, 3));
    expect(h.events).toContainEqual({ type: 'presence', lawyersOnline: 3 });
    expect(h.socket().ofType('enqueue')).toEqual([
      { type: 'enqueue', topic: 'wages', consent: true, terminalName: '测试村' },
    ]);
    h.socket().receive({ type: 'queued', ticket: 't1', position: 2, estimatedWaitS: 240, lawyersOnline: 3 });
    expect(h.events).toContainEqual({
      type: 'queued',
      ticket: 't1',
      position: 2,
      estimatedWaitS: 240,
      lawyersOnline: 3,
    });
    h.socket().receive({ type: 'no-answer', hotline: '12348', reason: 'timeout', ticket: 't1' });
    expect(h.events).toContainEqual({ type: 'no-answer', reason: 'timeout', ticket: 't1' });
    // 继续等待: the same request again on the open socket.
    h.client.connect({ topic: 'wages', consent: true, terminalName: '测试村' });
    expect(h.socket().ofType('enqueue')).toHaveLength(2);
    expect(h.sockets).toHaveLength(1);
    h.client.leaveQueue();
    expect(h.socket().ofType('leave-queue')).toHaveLength(1);
  });

  it('no token from the agent: the centre is unreachable at once, no socket opened', async () => {
    const h = harness({ requestToken: async () => null });
    h.client.connect({ topic: 'land', consent: true });
    await wait(() => h.events.some((e) => e.type === 'unreachable'));
    expect(h.sockets).toHaveLength(0);
  });

  it('a socket that never opens: retried with back-off, then unreachable', async () => {
    const h = harness({ opens: () => false });
    h.client.connect({ topic: 'land', consent: true });
    await wait(() => h.events.some((e) => e.type === 'unreachable'));
    expect(h.sockets).toHaveLength(3);
  });

  it('while queued, a dropped socket reconnects (immediately on online) and enqueues again', async () => {
    const h = harness({ random: () => 1 });
    h.client.connect({ topic: 'family', consent: true });
    await wait(() => h.socket()?.sent.length === 1);
    h.socket().receive(welcome());
    h.socket().drop();
    h.network.dispatchEvent(new Event('online'));
    await wait(() => h.sockets.length === 2 && h.socket().sent.length === 1, 200);
    expect(h.socket().sent[0]).toMatchObject({ type: 'hello' });
    expect(h.socket().sent[0]).not.toHaveProperty('resume');
    h.socket().receive(welcome());
    expect(h.socket().ofType('enqueue')).toHaveLength(1);
  });
});

/** A second peer connection in the page plays the lawyer's browser, on every socket of the harness. */
async function lawyerAnswering(h: Harness, delayAnswerMs = 0): Promise<FakeLawyer> {
  const lawyer = await FakeLawyer.create(delayAnswerMs);
  cleanups.push(() => lawyer.close());
  lawyer.hook(h.socket());
  const original = h.sockets.push.bind(h.sockets);
  h.sockets.push = (...items: FakeSignallingSocket[]) => {
    for (const s of items) lawyer.hook(s);
    return original(...items);
  };
  return lawyer;
}

const matched = (callId = 'call-1'): ServerMessage => ({
  type: 'matched',
  callId,
  role: 'offerer',
  peer: { lawyerId: 'lawyer-7' },
  iceServers: [],
  iceTransportPolicy: 'all',
});

async function inCall(
  delayAnswerMs = 0,
  options: Partial<CallClientOptions> = {},
): Promise<{ h: Harness; lawyer: RTCPeerConnection; fake: FakeLawyer }> {
  const h = harness(options);
  h.client.connect({ topic: 'traffic', consent: true });
  await wait(() => h.socket()?.sent.length === 1);
  h.socket().receive(welcome());
  const fake = await lawyerAnswering(h, delayAnswerMs);
  h.socket().receive(matched());
  return { h, lawyer: fake.pc, fake };
}

describe('call client: the call', () => {
  it('matched: the kiosk offers with capped video; candidates wait for the answer; media flows both ways', async () => {
    const { h, lawyer } = await inCall(300);
    expect(h.events).toContainEqual({ type: 'matched', callId: 'call-1' });
    await wait(() =>
      h
        .socket()
        .ofType('signal')
        .some((m) => 'sdp' in m.data),
    );
    const offer = h
      .socket()
      .ofType('signal')
      .find((m) => 'sdp' in m.data)!;
    expect(offer).toMatchObject({ callId: 'call-1', data: { sdp: { type: 'offer' } } });
    // The lawyer's candidates arrive before the answer: buffered, not dropped.
    await wait(() => h.client.peerConnection?.remoteDescription !== null, 5000).catch(() => undefined);
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    await wait(() => lawyer.connectionState === 'connected', 10_000);
    expect(h.events.some((e) => e.type === 'remote-stream')).toBe(true);
    expect(h.client.remoteStream?.getTracks().length).toBe(2);

    // 640×360 at 15 fps; echo cancellation, noise suppression and gain control on (reference §1).
    const local = h.client.localStream!;
    expect(local.getVideoTracks()[0].contentHint).toBe('motion');
    const video = local.getVideoTracks()[0].getSettings();
    expect([video.width, video.height, video.frameRate]).toEqual([640, 360, 15]);
    const audio = local.getAudioTracks()[0].getSettings();
    expect([audio.echoCancellation, audio.noiseSuppression, audio.autoGainControl]).toEqual([true, true, true]);
    const sender = h.client.peerConnection!.getSenders().find((s) => s.track?.kind === 'video')!;
    await wait(() => sender.getParameters().encodings[0]?.maxBitrate === VIDEO_MAX_BITRATE);
    const params = sender.getParameters();
    expect(params.encodings[0].maxFramerate).toBe(15);
    expect(params.degradationPreference).toBe('maintain-framerate');

    // The lawyer hangs up: reported, the peer connection closed; a hang-up of another call is ignored.
    h.socket().receive({ type: 'hangup', callId: 'other', reason: 'hangup' });
    expect(h.client.callId).toBe('call-1');
    const pc = h.client.peerConnection!;
    h.socket().receive({ type: 'hangup', callId: 'call-1', reason: 'hangup' });
    expect(h.events).toContainEqual({ type: 'hangup', callId: 'call-1', reason: 'hangup' });
    expect(pc.signalingState).toBe('closed');
    expect(h.client.callId).toBeNull();
  });

  it('peer-lost and peer-reconnected are reported; the socket drops: resume by callId and restart ICE', async () => {
    const { h } = await inCall();
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    h.socket().receive({ type: 'peer-lost', callId: 'call-1' });
    expect(h.events).toContainEqual({ type: 'peer-lost', callId: 'call-1' });
    h.socket().receive({ type: 'peer-lost', callId: 'other' });
    expect(h.events.filter((e) => e.type === 'peer-lost')).toHaveLength(1);

    const ufrag = () => /a=ice-ufrag:(\S+)/.exec(h.client.peerConnection?.localDescription?.sdp ?? '')?.[1];
    const before = ufrag();
    h.socket().drop();
    // The reconnected socket has sent its hello (it may queue more behind it, e.g. a restart request).
    await wait(() => h.sockets.length === 2 && h.socket().ofType('hello').length === 1, 15_000);
    expect(h.socket().sent[0]).toEqual({
      type: 'hello',
      role: 'kiosk',
      id: TOKEN.id,
      token: TOKEN.token,
      resume: { callId: 'call-1', peerId: 'lawyer-7' },
    });
    h.socket().receive({ ...welcome(true), callId: 'call-1' } as ServerMessage);
    await wait(() =>
      h
        .socket()
        .ofType('signal')
        .some((m) => 'sdp' in m.data),
    );
    await wait(() => ufrag() !== before, 5000);
    expect(h.socket().ofType('enqueue')).toHaveLength(0);
  });

  it('welcome{resumed:false} while holding a call: hang up with resume-rejected', async () => {
    const { h } = await inCall();
    await wait(() => h.socket().ofType('signal').length > 0);
    h.socket().drop();
    // The reconnected socket has sent its hello (it may queue more behind it, e.g. a restart request).
    await wait(() => h.sockets.length === 2 && h.socket().ofType('hello').length === 1, 15_000);
    h.socket().receive(welcome(false));
    expect(h.socket().ofType('hangup')).toEqual([{ type: 'hangup', callId: 'call-1', reason: 'resume-rejected' }]);
    expect(h.events).toContainEqual({ type: 'hangup', callId: 'call-1', reason: 'resume-rejected' });
  });

  it('挂断 and the end of the visit: hangup sent, peer connection closed, every track stopped', async () => {
    const { h } = await inCall();
    await wait(() => h.client.localStream !== null && h.client.peerConnection !== null);
    const tracks = h.client.localStream!.getTracks();
    const pc = h.client.peerConnection!;
    const socket = h.socket();
    h.client.close();
    expect(socket.ofType('hangup')).toEqual([{ type: 'hangup', callId: 'call-1', reason: 'visit-ended' }]);
    expect(pc.signalingState).toBe('closed');
    expect(tracks.every((t) => t.readyState === 'ended')).toBe(true);
    expect(socket.readyState).toBe(3);
    expect(h.client.localStream).toBeNull();
    expect(h.client.remoteStream).toBeNull();
  });

  it('a lawyer restart request makes the kiosk offer with a new ufrag', async () => {
    const { h } = await inCall();
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    const sdpOf = (m: { data: object }) => ('sdp' in m.data ? (m.data.sdp as { sdp: string }).sdp : '');
    const first = sdpOf(
      h
        .socket()
        .ofType('signal')
        .find((m) => 'sdp' in m.data)!,
    );
    const ufrag = (sdp: string) => /a=ice-ufrag:(\S+)/.exec(sdp)?.[1];
    h.socket().receive({ type: 'signal', callId: 'call-1', data: { restart: true } });
    await wait(() => {
      const offers = h
        .socket()
        .ofType('signal')
        .filter((m) => 'sdp' in m.data);
      return offers.length > 1 && ufrag(sdpOf(offers[offers.length - 1])) !== ufrag(first);
    }, 8000);
  });
});

/** A real peer connection whose stats report the outbound video and the selected pair as the test says. */
function withLink(link: { reason: string; estimateBps: number }): Partial<CallClientOptions> {
  return {
    timing: { statsIntervalMs: 50, bandwidthAudioOnlyMs: 400 },
    createPeerConnection: (config) => {
      const pc = new RTCPeerConnection(config);
      pc.getStats = async () =>
        new Map<string, Record<string, unknown>>([
          ['OV', { id: 'OV', type: 'outbound-rtp', kind: 'video', qualityLimitationReason: link.reason }],
          ['T', { id: 'T', type: 'transport', selectedCandidatePairId: 'CP' }],
          ['CP', { id: 'CP', type: 'candidate-pair', availableOutgoingBitrate: link.estimateBps }],
        ]);
      return pc;
    },
  };
}

describe('call client: poor links (reference §5)', () => {
  it('the 300 kbps cap alone keeps the video; a send estimate under half the cap for the set time goes audio only', async () => {
    // At the cap on a good link Chrome reports `bandwidth` with the estimate far above the cap.
    const link = { reason: 'bandwidth', estimateBps: 900_000 };
    const { h } = await inCall(0, withLink(link));
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    const pc = h.client.peerConnection!;
    const videoSender = pc.getSenders().find((s) => s.track?.kind === 'video')!;
    await new Promise((r) => setTimeout(r, 1500));
    expect(h.events.some((e) => e.type === 'audio-only')).toBe(false);
    expect(videoSender.track?.readyState).toBe('live');

    link.estimateBps = 100_000;
    await wait(() => h.events.some((e) => e.type === 'audio-only'), 5000);
    expect(h.client.audioOnly).toBe(true);
    expect(videoSender.track).toBeNull();
    const audioSender = pc.getSenders().find((s) => s.track?.kind === 'audio');
    expect(audioSender?.track?.readyState).toBe('live');
  });

  it('a short dip does not switch: the estimate must stay low for the whole time', async () => {
    const link = { reason: 'bandwidth', estimateBps: 100_000 };
    const { h } = await inCall(0, {
      ...withLink(link),
      timing: { statsIntervalMs: 50, bandwidthAudioOnlyMs: 1500 },
    });
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    for (let i = 0; i < 3; i++) {
      link.estimateBps = 100_000;
      await new Promise((r) => setTimeout(r, 600));
      link.estimateBps = 900_000;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(h.events.some((e) => e.type === 'audio-only')).toBe(false);
  });

  it('the media path lost beyond the give-up time: hangup{network} and call-failed (rung 4)', async () => {
    const { h, fake } = await inCall(0, { timing: { giveUpMs: 2000, disconnectedRestartMs: 300 } });
    await wait(() => h.events.some((e) => e.type === 'media-connected'), 15_000);
    const pc = h.client.peerConnection!;
    // The lawyer's browser dies and signalling says nothing: only the media path tells.
    fake.close();
    await wait(() => h.events.some((e) => e.type === 'media-interrupted'), 20_000);
    await wait(() => h.events.some((e) => e.type === 'call-failed'), 10_000);
    expect(h.socket().ofType('hangup')).toEqual([{ type: 'hangup', callId: 'call-1', reason: 'network' }]);
    expect(pc.signalingState).toBe('closed');
    expect(h.client.callId).toBeNull();
    // Restarts were tried before giving up (the kiosk is the only side that offers them).
    expect(
      h
        .socket()
        .ofType('signal')
        .filter((m) => 'sdp' in m.data).length,
    ).toBeGreaterThan(1);
  });
});
