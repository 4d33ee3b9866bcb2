import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ClientMessage, QueueEntry, ServerMessage } from '@kiosk/contract/signalling-api';
import '../../../service-center/console/src/center-lawyer-desk.js';

// The lawyer's desk against a scripted signalling server (a fake WebSocket) and a real offering
// RTCPeerConnection in the same page: answerer role, candidates buffered until the offer, the
// answer, restart requests after a resume, and the note saved after the call.

class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  static all: FakeSocket[] = [];
  readyState = FakeSocket.CONNECTING;
  sent: ClientMessage[] = [];
  onopen: (() => void) | null = null;
  onmessage: ((e: { data: string }) => void) | null = null;
  onclose: ((e: { code: number }) => void) | null = null;

  constructor(readonly url: string) {
    FakeSocket.all.push(this);
    setTimeout(() => {
      this.readyState = FakeSocket.OPEN;
      this.onopen?.();
    }, 0);
  }

  send(text: string): void {
    this.sent.push(JSON.parse(text) as ClientMessage);
  }

  close(code = 1000): void {
    if (this.readyState === FakeSocket.CLOSED) return;
    this.readyState = FakeSocket.CLOSED;
    setTimeout(() => this.onclose?.({ code }), 0);
  }

  push(message: ServerMessage): void {
    this.onmessage?.({ data: JSON.stringify(message) });
  }

  of<T extends ClientMessage['type']>(type: T): Array<Extract<ClientMessage, { type: T }>> {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);
  }
}

const settle = async (el: Element): Promise<void> => {
  await new Promise((r) => setTimeout(r, 0));
  await (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;
};

function deep(root: Element | ShadowRoot, selector: string): HTMLElement[] {
  const found: HTMLElement[] = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*')) if (el.shadowRoot) found.push(...deep(el.shadowRoot, selector));
  return found;
}

function button(desk: Element, text: string): HTMLButtonElement {
  const b = deep(desk.shadowRoot!, 'button').find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button ${text}`);
  return b as HTMLButtonElement;
}

const text = (desk: Element): string =>
  deep(desk.shadowRoot!, '*')
    .map((e) => e.shadowRoot?.textContent ?? '')
    .join(' ') + desk.shadowRoot!.textContent;

/** A desk on the page whose lawyer pressed 上线接听, and the socket it opened (hello sent). */
async function onlineDesk(): Promise<{ desk: HTMLElement; ws: FakeSocket }> {
  const desk = document.createElement('center-lawyer-desk');
  document.body.append(desk);
  await settle(desk);
  button(desk, '上线接听').click();
  await expect.poll(() => FakeSocket.all[0]?.of('hello').length, { timeout: 10_000 }).toBe(1);
  return { desk, ws: FakeSocket.all[0] };
}

const WELCOME: ServerMessage = {
  type: 'welcome',
  iceServers: [],
  iceTransportPolicy: 'all',
  resumed: false,
  lawyersOnline: 1,
};
const QUEUE: QueueEntry[] = [
  { ticket: 'A1', kioskId: 'k-0001', terminalName: '龙岗村公共法律服务室', topic: 'wages', waitingS: 65, position: 1 },
  { ticket: 'A2', kioskId: 'k-0002', topic: 'land', waitingS: 10, position: 2 },
];

describe('<center-lawyer-desk>', () => {
  let fetches: Array<{ url: string; method: string; body: unknown }>;
  /** Every peer connection made in the page (the desk's and the test's kiosk). */
  let made: RTCPeerConnection[];

  beforeEach(() => {
    FakeSocket.all = [];
    fetches = [];
    made = [];
    vi.stubGlobal('WebSocket', FakeSocket);
    const Original = window.RTCPeerConnection;
    vi.stubGlobal(
      'RTCPeerConnection',
      class extends Original {
        constructor(config?: RTCConfiguration) {
          super(config);
          made.push(this);
        }
      },
    );
    vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
      const url = input instanceof Request ? input.url : input.toString();
      const method = init?.method ?? 'GET';
      fetches.push({
        url,
        method,
        body: typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined,
      });
      const json = (body: unknown, status = 200): Response =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (url.endsWith('/signalling-token'))
        return json({
          token: 'tok',
          id: 'lawyer-li',
          role: 'lawyer',
          expiresAt: new Date(Date.now() + 600_000).toISOString(),
          url: 'ws://centre.test/api/v1/signalling',
        });
      if (url.endsWith('/calls')) return json({ items: [] });
      if (url.includes('/note')) return json({});
      return json({ error: 'notFound' }, 404);
    });
  });

  afterEach(() => {
    document.body.replaceChildren();
    vi.unstubAllGlobals();
    vi.restoreAllMocks();
  });

  it('goes online, shows the queue live, answers the offer and asks for a restart after a resume', async () => {
    const desk = document.createElement('center-lawyer-desk');
    document.body.append(desk);
    await settle(desk);
    button(desk, '上线接听').click();
    // The first getUserMedia of a fresh browser takes a moment.
    await expect.poll(() => FakeSocket.all.length, { timeout: 10_000 }).toBe(1);
    const ws = FakeSocket.all[0];
    await expect.poll(() => ws.of('hello').length).toBe(1);
    expect(ws.url).toBe('ws://centre.test/api/v1/signalling');
    expect(ws.of('hello')[0]).toEqual({ type: 'hello', role: 'lawyer', id: 'lawyer-li', token: 'tok' });
    ws.push(WELCOME);
    await settle(desk);
    expect(ws.of('presence')).toEqual([{ type: 'presence', presence: 'online' }]);

    ws.push({ type: 'queue', queue: QUEUE, lawyersOnline: 1 });
    await settle(desk);
    expect(text(desk)).toContain('龙岗村公共法律服务室');
    expect(text(desk)).toContain('劳动报酬');
    expect(text(desk)).toContain('土地纠纷');
    expect(text(desk)).toMatch(/1分0[5-7]秒/);
    // Waiting time counts on between the centre's updates.
    await new Promise((r) => setTimeout(r, 3100));
    expect(text(desk)).toMatch(/1分0[7-9]秒/);

    button(desk, '接听下一位').click();
    expect(ws.of('take-next')).toHaveLength(1);
    ws.push({
      type: 'matched',
      callId: 'call-1',
      role: 'answerer',
      peer: { kioskId: 'k-0001', topic: 'wages', terminalName: '龙岗村公共法律服务室', callerName: '韦秀兰' },
      iceServers: [],
      iceTransportPolicy: 'all',
    });
    await settle(desk);
    expect(text(desk)).toContain('韦秀兰');
    expect(text(desk)).toContain('正在接通');

    // The kiosk's side: a real offerer. One of its candidates arrives before the offer.
    const kiosk = new RTCPeerConnection();
    const camera = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    for (const t of camera.getTracks()) kiosk.addTrack(t, camera);
    const candidates: RTCIceCandidateInit[] = [];
    kiosk.onicecandidate = (e) => e.candidate && candidates.push(e.candidate.toJSON());
    const offer = await kiosk.createOffer();
    await kiosk.setLocalDescription(offer);
    await expect.poll(() => candidates.length, { timeout: 5000 }).toBeGreaterThan(0);
    ws.push({ type: 'signal', callId: 'call-1', data: { candidate: candidates[0] } });
    ws.push({ type: 'signal', callId: 'other-call', data: { sdp: { type: 'offer', sdp: offer.sdp! } } });
    ws.push({ type: 'signal', callId: 'call-1', data: { sdp: { type: 'offer', sdp: offer.sdp! } } });
    await expect.poll(() => ws.of('signal').filter((m) => 'sdp' in m.data).length).toBe(1);
    const answer = ws.of('signal').find((m) => 'sdp' in m.data)!;
    expect(answer.callId).toBe('call-1');
    const sdp = (answer.data as { sdp: RTCSessionDescriptionInit }).sdp;
    expect(sdp.type).toBe('answer');
    await kiosk.setRemoteDescription(sdp);
    expect(kiosk.signalingState).toBe('stable');
    // The lawyer's video goes out capped for village networks, 640×360 at 15 fps; EC, NS and AGC on.
    expect(sdp.sdp).toMatch(/m=video/);
    const deskPc = made.find((pc) => pc !== kiosk)!;
    const sender = deskPc.getSenders().find((s) => s.track?.kind === 'video')!;
    await expect.poll(() => sender.getParameters().encodings[0]?.maxBitrate).toBe(300_000);
    expect(sender.getParameters().encodings[0].maxFramerate).toBe(15);
    expect(sender.getParameters().degradationPreference).toBe('maintain-framerate');
    const video = sender.track!.getSettings();
    expect([video.width, video.height, video.frameRate]).toEqual([640, 360, 15]);
    const audio = deskPc
      .getSenders()
      .find((s) => s.track?.kind === 'audio')!
      .track!.getSettings();
    expect([audio.echoCancellation, audio.noiseSuppression, audio.autoGainControl]).toEqual([true, true, true]);

    button(desk, '静音').click();
    await settle(desk);
    expect(button(desk, '取消静音')).toBeDefined();

    // The socket drops: the client says hello again with resume, and asks for a new media path.
    ws.close(1006);
    await expect.poll(() => FakeSocket.all.length, { timeout: 3000 }).toBe(2);
    const ws2 = FakeSocket.all[1];
    await expect.poll(() => ws2.of('hello').length).toBe(1);
    expect(ws2.of('hello')[0].resume).toEqual({ callId: 'call-1', peerId: 'k-0001' });
    ws2.push({ ...WELCOME, resumed: true, callId: 'call-1' });
    await settle(desk);
    expect(ws2.of('signal').filter((m) => 'restart' in m.data)).toEqual([
      { type: 'signal', callId: 'call-1', data: { restart: true } },
    ]);

    // A hang-up for another call changes nothing; hers ends the call and opens the note.
    ws2.push({ type: 'hangup', callId: 'other-call', reason: 'hangup' });
    ws2.push({ type: 'peer-lost', callId: 'call-1' });
    await settle(desk);
    expect(text(desk)).toContain('村民网络中断');
    ws2.push({ type: 'hangup', callId: 'call-1', reason: 'peer-timeout' });
    await settle(desk);
    expect(text(desk)).toContain('通话记录');
    const advice = deep(desk.shadowRoot!, 'textarea#advice')[0] as HTMLTextAreaElement;
    advice.value = '先找劳动监察大队投诉，保留考勤和工资条。';
    (deep(desk.shadowRoot!, 'input[value=legalAid]')[0] as HTMLInputElement).click();
    (deep(desk.shadowRoot!, 'textarea#forCaller')[0] as HTMLTextAreaElement).value = '带上考勤记录去劳动监察大队。';
    button(desk, '保存记录').click();
    await expect.poll(() => fetches.filter((f) => f.url.includes('/note')).length).toBe(1);
    const saved = fetches.find((f) => f.url.includes('/note'))!;
    expect(saved.url).toContain('/api/v1/staff/calls/call-1/note');
    expect(saved.body).toEqual({
      topic: 'wages',
      advice: '先找劳动监察大队投诉，保留考勤和工资条。',
      referral: 'legalAid',
      forCaller: '带上考勤记录去劳动监察大队。',
    });
    await expect.poll(() => text(desk)).toContain('记录已保存');
    kiosk.close();
    for (const t of camera.getTracks()) t.stop();
  });

  it('hangs up with resume-rejected when the centre does not know the call any more', async () => {
    const { desk, ws } = await onlineDesk();
    ws.push(WELCOME);
    ws.push({
      type: 'matched',
      callId: 'call-2',
      role: 'answerer',
      peer: { kioskId: 'k-0002', topic: 'land' },
      iceServers: [],
      iceTransportPolicy: 'all',
    });
    await settle(desk);
    expect(text(desk)).toContain('村民未同意提供姓名');
    ws.close(1006);
    await expect.poll(() => FakeSocket.all[1]?.of('hello').length, { timeout: 3000 }).toBe(1);
    const ws2 = FakeSocket.all[1];
    ws2.push({ ...WELCOME, resumed: false });
    await settle(desk);
    expect(ws2.of('hangup')).toEqual([{ type: 'hangup', callId: 'call-2', reason: 'resume-rejected' }]);
    expect(text(desk)).toContain('未能恢复通话');
    // An empty advice is not sent.
    button(desk, '保存记录').click();
    await settle(desk);
    expect(fetches.filter((f) => f.url.includes('/note'))).toHaveLength(0);
    expect(text(desk)).toContain('请写明给出的建议');
  });

  it('goes away and back: the presence reaches the centre and the desk says so', async () => {
    const { desk, ws } = await onlineDesk();
    ws.push(WELCOME);
    await settle(desk);
    expect(text(desk)).toContain('在线，可以接听');
    button(desk, '暂时离开').click();
    await expect.poll(() => ws.of('presence').at(-1)).toEqual({ type: 'presence', presence: 'away' });
    await settle(desk);
    expect(text(desk)).toContain('暂时离开 · 当前 1 位律师在线');
    button(desk, '上线接听').click();
    await expect.poll(() => ws.of('presence').at(-1)).toEqual({ type: 'presence', presence: 'online' });
    // Still the same socket: going away is not going offline.
    expect(FakeSocket.all).toHaveLength(1);
  });

  it('province staff see every county’s queue and take the next caller of the county that needs help', async () => {
    const { desk, ws } = await onlineDesk();
    ws.push({ ...WELCOME, lawyersOnline: 3 });
    ws.push({
      type: 'queue',
      queue: [
        { ...QUEUE[0], county: '450122', position: 1 },
        { ...QUEUE[1], county: '450122', position: 2 },
        { ticket: 'A3', kioskId: 'k-0003', topic: 'family', waitingS: 5, position: 1, county: '450121' },
      ],
      lawyersOnline: 3,
      counties: [
        { county: '450121', name: '甲县', waiting: 1, longestWaitS: 5, lawyersOnline: 2 },
        { county: '450122', name: '乙县', waiting: 2, longestWaitS: 65, lawyersOnline: 0 },
        { county: '450123', name: '丙县', waiting: 0, longestWaitS: 0, lawyersOnline: 0 },
      ],
    });
    await settle(desk);
    const rows = deep(desk.shadowRoot!, 'tr[data-county]');
    const byCounty = new Map(rows.map((r) => [r.dataset['county'], r]));
    expect(byCounty.size).toBe(3);
    const cells = (county: string) =>
      [...byCounty.get(county)!.querySelectorAll('td')].slice(0, 4).map((td) => td.textContent?.trim());
    expect(cells('450121')).toEqual(['甲县', '1', '5秒', '2']);
    expect(cells('450122')).toEqual(['乙县', '2', '1分05秒', '0']);
    expect(cells('450123')).toEqual(['丙县', '0', '—', '0']);
    // The county column of the queue names each caller's county.
    const queueRows = deep(desk.shadowRoot!, 'tr[data-ticket]');
    expect(queueRows.map((r) => r.querySelector('td')?.textContent?.trim())).toEqual(['乙县', '乙县', '甲县']);
    const take = (name: string) =>
      deep(desk.shadowRoot!, `button[aria-label="接听${name}的下一位村民"]`)[0] as HTMLButtonElement;
    expect(take('丙县').disabled).toBe(true);
    take('乙县').click();
    expect(ws.of('take-next')).toEqual([{ type: 'take-next', county: '450122' }]);
    button(desk, '接听下一位').click();
    expect(ws.of('take-next').at(-1)).toEqual({ type: 'take-next' });

    // A county lawyer's queue has no overview and no county column.
    ws.push({ type: 'queue', queue: [{ ...QUEUE[0], county: '450121' }], lawyersOnline: 2, county: '450121' });
    await settle(desk);
    expect(deep(desk.shadowRoot!, 'center-county-overview')).toHaveLength(0);
    expect(deep(desk.shadowRoot!, 'tr[data-ticket] td')[0].textContent?.trim()).toBe('龙岗村公共法律服务室');
  });
});
