// The consultation's call and after-call screens in Chromium, inside a visit and a UI config (the
// hotline is the config's, not 12348): a real call with a second peer connection playing the lawyer;
// every state spoken; the idle clock paused in the queue and the call and running again after it;
// sizes, no scrolling and axe on the live call (landscape and portrait), the lawyer-lost overlay,
// audio only, the rating, the summary, and the lawyer-lost and media-lost rungs of the ladder.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ServerMessage } from '@kiosk/contract/signalling-api';
import { uiConfigContext, visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../../../kiosk-ui/src/data/ui-config.js';
import type { CallInfo } from '../../../kiosk-ui/src/flows/consultation-machine.js';
import type { MessageParams } from '../../../kiosk-ui/src/i18n/message-types.js';
import '../../../kiosk-ui/src/consultation/kiosk-consultation-call.js';
import '../../../kiosk-ui/src/consultation/kiosk-consultation-flow.js';
import type { KioskConsultationFlow } from '../../../kiosk-ui/src/consultation/kiosk-consultation-flow.js';
import { RecordingVisit } from '../legal-aid/recording-visit.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';
import { FakeLawyer, FakeSignallingSocket, TOKEN, welcome } from './fake-signalling.js';

const HOTLINE = '0971-12348';

/** A visit that also records which idle pauses are in force, and the words of each spoken key. */
class IdleVisit extends RecordingVisit {
  readonly paused = new Set<string>();
  readonly said: Array<[string, MessageParams | undefined]> = [];
  override speak(key: string, params?: MessageParams): void {
    super.speak(key);
    this.said.push([key, params]);
  }
  override pauseIdle(reason?: string): void {
    if (reason) this.paused.add(reason);
  }
  override resumeIdle(reason?: string): void {
    if (reason) this.paused.delete(reason);
  }
}

let visit = new IdleVisit();

@customElement('test-consultation-context')
class TestConsultationContext extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  @provide({ context: uiConfigContext }) config: UiConfig = {
    ...DEFAULT_UI_CONFIG,
    hotline: { number: HOTLINE },
    terminal: { name: '测试村公共法律服务室' },
  };
  override render() {
    return html`<slot></slot>`;
  }
}
void TestConsultationContext;

const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  document.body.innerHTML = '';
  vi.restoreAllMocks();
  await page.viewport(1920, 1080);
});

const CARD = {
  cardType: 'resident',
  name: '王五',
  gender: '男',
  genderCode: '1',
  birthDate: '1968-03-02',
  address: '某县某村3号',
  idNumber: '450121196803020013',
  idNumberValid: true,
};

interface Printed {
  form: string;
  fields: Record<string, unknown>;
}

function fakeAgent(): Printed[] {
  const printed: Printed[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as { payload?: Printed }) : undefined;
    if (url.pathname === '/api/v1/consultation/token') return json(TOKEN);
    if (url.pathname === '/api/v1/submissions')
      return json({ receiptNo: 'PJ261129-0001-0001', storedAt: new Date().toISOString(), uploaded: false });
    if (url.pathname === '/api/v1/services/idcard/commands/read')
      return json({
        header: { type: 'completion', name: 'idcard.read', requestId: 2, completionCode: 'success' },
        payload: CARD,
      });
    if (url.pathname === '/api/v1/services/printer/commands/printForm') {
      if (body?.payload) printed.push(body.payload);
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    }
    return json({}, 404);
  });
  return printed;
}

async function until(check: () => boolean, what: string, timeout = 15_000): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout, interval: 30 });
  await settle();
}

async function tap(root: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(root, text));
  await settle();
}

/** Sizes, nothing scrolls inside the flow's area, axe clean. */
async function checkScreen(root: HTMLElement, height: number): Promise<void> {
  expectKioskSizes(root);
  for (const el of deepElements(root)) {
    if (!(el instanceof HTMLElement)) continue;
    const oy = getComputedStyle(el).overflowY;
    if (oy === 'auto' || oy === 'scroll') expect(el.scrollHeight, el.tagName).toBeLessThanOrEqual(el.clientHeight + 1);
  }
  const bottom = Math.max(...deepElements(root).map((e) => e.getBoundingClientRect().bottom));
  expect(bottom).toBeLessThanOrEqual(height);
  await expectAxeClean(root);
}

/** Checked in landscape, then in portrait, and back to landscape. */
async function checkBothOrientations(flow: HTMLElement): Promise<void> {
  await checkScreen(flow, 1080 - 2 * 96);
  await page.viewport(1080, 1920);
  flow.style.height = `${1920 - 2 * 96}px`;
  await settle();
  await checkScreen(flow, 1920 - 2 * 96);
  await page.viewport(1920, 1080);
  flow.style.height = `${1080 - 2 * 96}px`;
  await settle();
}

/** The flow in the area the shell leaves it (its two bars are 96 px each). */
async function mountFlow(
  sockets: FakeSignallingSocket[],
  lawyer: { current: FakeLawyer },
): Promise<KioskConsultationFlow> {
  visit = new IdleVisit();
  const host = await mount<HTMLElement>(
    html`<test-consultation-context
      ><kiosk-consultation-flow
        style="display:block;height:${1080 - 2 * 96}px"
        .callOptions=${{
          openSocket: (url: string) => {
            const s = new FakeSignallingSocket(url);
            lawyer.current.hook(s);
            sockets.push(s);
            return s;
          },
        }}
      ></kiosk-consultation-flow
    ></test-consultation-context>`,
    'test-consultation-context',
  );
  return host.querySelector('kiosk-consultation-flow')!;
}

const spoken = (): string[] => visit.keys;

/** Topic → consent → device check → 开始排队 → welcome → queued at 2, then 1. */
async function toQueue(flow: KioskConsultationFlow, sockets: FakeSignallingSocket[]): Promise<FakeSignallingSocket> {
  await tap(flow, '婚姻家庭');
  await tap(flow, '下一步');
  await tap(flow, '同意');
  await tap(flow, '不用了');
  await until(() => !button(flow, '开始排队').disabled, 'camera ready');
  await tap(flow, '开始排队');
  await until(() => sockets.length === 1 && sockets[0].sent.length === 1, 'hello');
  const ws = sockets[0];
  ws.receive(welcome(false, 2));
  await until(() => spoken().includes('consultation.queue.connecting'), 'connecting spoken');
  ws.receive({ type: 'queued', ticket: 'Q001', position: 2, estimatedWaitS: 300, lawyersOnline: 2 });
  await until(() => spoken().includes('consultation.queue.spoken'), 'position spoken');
  ws.receive({ type: 'queued', ticket: 'Q001', position: 1, estimatedWaitS: 0, lawyersOnline: 2 });
  await until(() => spoken().includes('consultation.queue.spokenFirst'), 'next one spoken');
  // Waiting for a lawyer, the visit does not time out.
  expect(visit.paused.has('call')).toBe(true);
  return ws;
}

const MATCHED: ServerMessage = {
  type: 'matched',
  callId: 'call-1',
  role: 'offerer',
  peer: { lawyerId: 'lawyer-li' },
  iceServers: [],
  iceTransportPolicy: 'all',
};

/** The lawyer's browser (a new one for each call). */
async function newLawyer(): Promise<{ current: FakeLawyer }> {
  const lawyer = await FakeLawyer.create();
  cleanups.push(() => lawyer.close());
  return { current: lawyer };
}

describe('consultation call screens', () => {
  it('a live call, the lawyer lost and back, hang-up, rating, summary: spoken, idle paused, sized, axe clean', async () => {
    const printed = fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const lawyer = await newLawyer();
    const flow = await mountFlow(sockets, lawyer);
    expect(spoken()).toContain('consultation.topic.voice');
    const ws = await toQueue(flow, sockets);
    expect(spoken()).toEqual(expect.arrayContaining(['consultation.consent.voice', 'consultation.check.voice']));

    ws.receive(MATCHED);
    await until(() => flow.flowState.step === 'call', 'call');
    expect(spoken()).toContain('consultation.call.connecting');
    await until(() => flow.flowState.call?.link === 'live', 'media flows', 20_000);
    // The spoken line when the lawyer joins; her video large, playing.
    await until(() => spoken().includes('consultation.call.joined'), 'joined spoken');
    const remote = deepElements(flow).find((e) => e.matches('video.remote')) as HTMLVideoElement;
    await until(() => remote.readyState >= 2 && !remote.paused, 'remote video plays');
    expect(visit.paused.has('call')).toBe(true);
    await checkBothOrientations(flow);

    // The lawyer's socket is lost: said and shown at once; she comes back.
    ws.receive({ type: 'peer-lost', callId: 'call-1' });
    await until(() => deepText(flow).includes('律师网络中断，正在重连'), 'peer lost shown');
    expect(spoken()).toContain('consultation.call.peerLost');
    await checkScreen(flow, 1080 - 2 * 96);
    ws.receive({ type: 'peer-reconnected', callId: 'call-1' });
    await until(() => flow.flowState.call?.link === 'live', 'live again');

    // The lawyer hangs up: the rating (spoken), then the summary (spoken) and its slip.
    ws.receive({ type: 'hangup', callId: 'call-1', reason: 'hangup' });
    await until(() => flow.flowState.step === 'rating', 'rating');
    expect(visit.paused.has('call')).toBe(false);
    expect(spoken()).toContain('satisfaction.voice');
    await checkScreen(flow, 1080 - 2 * 96);
    await tap(flow, '很满意');
    // The lawyer is still writing her note: said and shown, the slip waits; the camera is off.
    await until(() => flow.flowState.step === 'summary', 'summary');
    expect(spoken()).toContain('consultation.summary.noteVoice');
    expect(deepText(flow)).toContain('律师正在写给您的建议');
    expect(button(flow, '不等了，打印')).toBeTruthy();
    expect(deepElements(flow).some((e) => e.tagName === 'VIDEO')).toBe(false);
    await checkScreen(flow, 1080 - 2 * 96);
    // Another call's note is not hers.
    ws.receive({ type: 'note-for-caller', callId: 'call-0', forCaller: '别人的话' });
    await settle();
    expect(flow.flowState.callerNote).toEqual({ kind: 'waiting' });
    expect(printed.some((p) => p.form === 'consultation-summary')).toBe(false);
    ws.receive({ type: 'note-for-caller', callId: 'call-1', forCaller: '带上户口本和结婚证，到县法律援助中心申请。' });
    await until(() => flow.flowState.print.kind === 'printed', 'slip printed');
    expect(spoken()).toContain('consultation.summary.voice');
    await checkScreen(flow, 1080 - 2 * 96);
    expect(deepText(flow)).toContain(HOTLINE);
    expect(deepText(flow)).toContain('律师给您的话');
    expect(deepText(flow)).toContain('带上户口本和结婚证');
    expect(deepText(flow)).not.toContain('律师正在写给您的建议');
    const slip = printed.find((p) => p.form === 'consultation-summary');
    expect(slip?.fields).toMatchObject({
      hotline: HOTLINE,
      topic: '婚姻家庭',
      forCaller: '带上户口本和结婚证，到县法律援助中心申请。',
    });
  });

  it('her name for the lawyer, only if she wants: asked and spoken, 不用了 by default, 刷身份证 sends only the name', async () => {
    fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const lawyer = await newLawyer();
    const flow = await mountFlow(sockets, lawyer);
    await tap(flow, '婚姻家庭');
    await tap(flow, '下一步');
    await tap(flow, '同意');
    await until(() => flow.flowState.step === 'callerName', 'asked for her name');
    expect(deepText(flow)).toContain('让律师知道您的姓名吗？');
    expect(spoken()).toContain('consultation.callerName.voice');
    await checkBothOrientations(flow);
    // 不用了 comes first and is as big as 刷身份证.
    const skip = button(flow, '不用了').getBoundingClientRect();
    const swipe = button(flow, '刷身份证').getBoundingClientRect();
    expect(skip.height).toBeGreaterThanOrEqual(64);
    expect(swipe.height).toBeGreaterThanOrEqual(64);
    expect(skip.x < swipe.x || skip.y < swipe.y).toBe(true);

    await tap(flow, '刷身份证');
    expect(spoken()).toContain('consultation.callerName.place');
    await until(() => flow.flowState.step === 'deviceCheck', 'card read');
    expect(flow.flowState.callerName).toBe('王五');
    // Nothing else of the card is kept.
    expect(JSON.stringify(flow.flowState)).not.toContain(CARD.idNumber);
    expect(JSON.stringify(flow.flowState)).not.toContain(CARD.address);
    await until(() => !button(flow, '开始排队').disabled, 'camera ready');
    await tap(flow, '开始排队');
    await until(() => sockets.length === 1 && sockets[0].sent.length === 1, 'hello');
    sockets[0].receive(welcome(false, 2));
    expect(sockets[0].ofType('enqueue')).toEqual([
      { type: 'enqueue', topic: 'family', consent: true, terminalName: '测试村公共法律服务室', callerName: '王五' },
    ]);
    expect(JSON.stringify(sockets[0].sent)).not.toContain(CARD.idNumber);
  });

  it('the lawyer’s name from the centre: spoken when she joins, in the title, on the summary and its slip', async () => {
    const printed = fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const lawyer = await newLawyer();
    const flow = await mountFlow(sockets, lawyer);
    const ws = await toQueue(flow, sockets);
    ws.receive({ ...MATCHED, peer: { lawyerId: 'wangf', lawyerName: '王芳' } });
    await until(() => flow.flowState.call?.link === 'live', 'media flows', 20_000);
    await until(() => spoken().includes('consultation.call.joinedNamed'), 'joined spoken with her name');
    expect(visit.said).toContainEqual(['consultation.call.joinedNamed', { name: '王芳' }]);
    expect(spoken()).not.toContain('consultation.call.joined');
    expect(deepText(flow)).toContain('正在和王芳律师通话');
    await checkScreen(flow, 1080 - 2 * 96);

    ws.receive({ type: 'hangup', callId: 'call-1', reason: 'hangup' });
    await until(() => flow.flowState.step === 'rating', 'rating');
    await tap(flow, '满意');
    // She does not wait for the lawyer's note: the slip prints without advice.
    await tap(flow, '不等了，打印');
    await until(() => flow.flowState.print.kind === 'printed', 'slip printed');
    expect(deepText(flow)).toContain('接待律师：王芳');
    expect(deepText(flow)).not.toContain('值班律师');
    const slip = printed.find((p) => p.form === 'consultation-summary');
    expect(slip?.fields).toMatchObject({ lawyerName: '王芳' });
    expect(slip?.fields).not.toHaveProperty('forCaller');
  });

  it('the lawyer lost for good, then the media lost: both rungs spoken with the configured hotline, 重新排队 queues again', async () => {
    const printed = fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const lawyer = await newLawyer();
    const flow = await mountFlow(sockets, lawyer);
    const ws = await toQueue(flow, sockets);
    ws.receive(MATCHED);
    await until(() => flow.flowState.call?.link === 'live', 'media flows', 20_000);

    ws.receive({ type: 'peer-lost', callId: 'call-1' });
    ws.receive({ type: 'hangup', callId: 'call-1', reason: 'peer-timeout' });
    await until(() => flow.flowState.fallback === 'lawyerLost', 'lawyer lost');
    expect(spoken()).toContain('consultation.fallback.reason.lawyerLost');
    expect(visit.paused.has('call')).toBe(false);
    const number = deepElements(flow).find((e) => e.hasAttribute('data-hotline'));
    expect(number?.textContent?.trim()).toBe(HOTLINE);
    await checkScreen(flow, 1080 - 2 * 96);
    await tap(flow, '打印热线小票');
    await until(() => flow.flowState.print.kind === 'printed', 'hotline slip');
    expect(printed.at(-1)).toEqual({
      form: 'consultation-hotline',
      fields: { hotline: HOTLINE, telQr: `tel:${HOTLINE}` },
    });

    // 重新排队: a new connection and a new enqueue for the same topic.
    lawyer.current = (await newLawyer()).current;
    await tap(flow, '重新排队');
    await until(() => sockets.length === 2 && sockets[1].sent.length === 1, 'hello again');
    sockets[1].receive(welcome(false, 1));
    expect(sockets[1].ofType('enqueue')).toEqual([
      { type: 'enqueue', topic: 'family', consent: true, terminalName: '测试村公共法律服务室' },
    ]);
    sockets[1].receive(MATCHED);
    await until(() => flow.flowState.call?.link === 'live', 'second call flows', 20_000);
    sockets[1].receive({ type: 'hangup', callId: 'call-1', reason: 'network' });
    await until(() => flow.flowState.fallback === 'mediaLost', 'media lost');
    expect(spoken()).toContain('consultation.fallback.reason.mediaLost');
    expect(deepText(flow)).toContain('对不起');
    expect(button(flow, '预约回电')).toBeTruthy();
    await checkScreen(flow, 1080 - 2 * 96);
  });

  it('audio only: said once and shown over the call, sized and axe clean', async () => {
    visit = new IdleVisit();
    const call: CallInfo = {
      callId: 'c1',
      lawyerName: null,
      startedAt: new Date().toISOString(),
      link: 'live',
      audioOnly: false,
      connectedOnce: true,
    };
    const host = await mount<HTMLElement>(
      html`<test-consultation-context
        ><div style="height:${1080 - 2 * 96}px">
          <kiosk-consultation-call .call=${call} hotline=${HOTLINE}></kiosk-consultation-call></div
      ></test-consultation-context>`,
      'test-consultation-context',
    );
    const el = host.querySelector('kiosk-consultation-call')!;
    el.call = { ...call, audioOnly: true };
    await settle();
    expect(deepText(el)).toContain('已改为只通声音');
    el.call = { ...call, audioOnly: true, link: 'live' };
    await settle();
    expect(spoken().filter((k) => k === 'consultation.call.audioOnly')).toHaveLength(1);
    await checkScreen(el, 1080 - 2 * 96);
  });
});
