// 现在就和公证员视频 (issue 12): after the receipt the notarization flow goes straight into the notary's
// interview on the consultation call stack — waiting room with her receipt number, the call, 面谈结束,
// then 办好了 — without her going home to type the number. Nobody online any more when she gets there,
// or a request that never reaches the centre: the fallback ladder (the office phones her, the hotline
// large with a tel: QR), never a dead end. The flow in Chromium with a fake agent (fetch), a fake
// signalling socket and a second peer connection playing the notary; every state spoken; sizes,
// nothing scrolling and axe at 1920×1080 and 1080×1920, normal and 大字.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ServerMessage } from '@kiosk/contract/signalling-api';
import { uiConfigContext, visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../../../kiosk-ui/src/data/ui-config.js';
import type { KioskFlowExitEvent } from '../../../kiosk-ui/src/events/kiosk-flow-exit.js';
import type { NotarizationState } from '../../../kiosk-ui/src/flows/notarization-machine.js';
import '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import type { KioskNotarizationFlow } from '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import '../../../kiosk-ui/src/notarization/kiosk-notary-interview-flow.js';
import type { KioskNotaryInterviewFlow } from '../../../kiosk-ui/src/notarization/kiosk-notary-interview-flow.js';
import { FakeLawyer, FakeSignallingSocket, TOKEN, welcome } from '../consultation/fake-signalling.js';
import { RecordingVisit } from '../legal-aid/recording-visit.js';
import { answeredState } from './answered-state.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';

const HOTLINE = '0771-12348';
const RECEIPT = 'GZ261202-0001-0009';

let visit = new RecordingVisit();

@customElement('test-interview-now-context')
class TestInterviewNowContext extends LitElement {
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
void TestInterviewNowContext;

const cleanups: Array<() => void> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) c();
  document.body.innerHTML = '';
  document.documentElement.style.removeProperty('--kiosk-text-scale');
  vi.restoreAllMocks();
  await page.viewport(1920, 1080);
});

function fakeAgent(): void {
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    if (url.pathname === '/api/v1/consultation/token') return json(TOKEN);
    if (url.pathname === '/api/v1/services/printer/commands/printForm')
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({ error: 'notFound' }, 404);
  });
}

/** Her request, sent with 现在就和公证员视频, on the receipt screen. */
const atReceipt = (): NotarizationState =>
  answeredState(
    'receipt',
    { kind: 'now' },
    {
      submission: { receiptNo: RECEIPT, storedAt: '2026-12-02T02:05:00.000Z', uploaded: true },
    },
  );

interface Mounted {
  flow: KioskNotarizationFlow;
  sockets: FakeSignallingSocket[];
  exits: string[];
}

async function mountFlow(notary?: FakeLawyer): Promise<Mounted> {
  visit = new RecordingVisit();
  const sockets: FakeSignallingSocket[] = [];
  const host = await mount<HTMLElement>(
    html`<test-interview-now-context
      ><kiosk-notarization-flow
        style="height:${1080 - 2 * 96}px"
        .startState=${atReceipt()}
        .callOptions=${{
          openSocket: (url: string) => {
            const s = new FakeSignallingSocket(url);
            notary?.hook(s);
            sockets.push(s);
            return s;
          },
        }}
      ></kiosk-notarization-flow
    ></test-interview-now-context>`,
    'test-interview-now-context',
  );
  const flow = host.querySelector('kiosk-notarization-flow')!;
  const exits: string[] = [];
  host.addEventListener('kiosk-flow-exit', (e: KioskFlowExitEvent) => exits.push(e.outcome));
  return { flow, sockets, exits };
}

async function until(check: () => boolean, what: string, timeout = 15_000): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout, interval: 30 });
  await settle();
}

async function tap(root: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(root, text));
  await settle();
}

/** Sizes, nothing scrolls, everything inside the flow's area, axe clean. */
async function checkScreen(root: HTMLElement, height: number): Promise<void> {
  expectKioskSizes(root);
  for (const el of deepElements(root)) {
    if (!(el instanceof HTMLElement)) continue;
    const oy = getComputedStyle(el).overflowY;
    if (oy === 'auto' || oy === 'scroll') expect(el.scrollHeight, el.tagName).toBeLessThanOrEqual(el.clientHeight + 1);
  }
  const bottom = Math.max(...deepElements(root).map((e) => e.getBoundingClientRect().bottom));
  expect(bottom).toBeLessThanOrEqual(height + 1);
  await expectAxeClean(root);
}

/** The same screen at 1080×1920 and in 大字 (both orientations), then back. */
async function checkEverySize(flow: HTMLElement): Promise<void> {
  for (const [w, h] of [
    [1920, 1080],
    [1080, 1920],
  ])
    for (const large of [false, true]) {
      await page.viewport(w, h);
      document.documentElement.style.setProperty('--kiosk-text-scale', large ? '1.5' : '1');
      flow.style.height = `${h - 2 * 96}px`;
      await settle();
      await checkScreen(flow, h - 2 * 96);
    }
  await page.viewport(1920, 1080);
  document.documentElement.style.removeProperty('--kiosk-text-scale');
  flow.style.height = `${1080 - 2 * 96}px`;
  await settle();
}

const MATCHED: ServerMessage = {
  type: 'matched',
  callId: 'interview-1',
  role: 'offerer',
  peer: { lawyerId: 'notary-wang' },
  iceServers: [],
  iceTransportPolicy: 'all',
};

/** The receipt (printed) → 开始视频面谈 → the waiting room; the kiosk joins with her receipt number. */
async function toWaiting({ flow, sockets }: Mounted): Promise<FakeSignallingSocket> {
  await until(() => deepText(flow).includes('回执打好了'), 'printed');
  expect(deepText(flow)).toContain('接下来和公证员视频');
  expect(visit.texts.at(-1)).toContain('开始视频面谈');
  await checkEverySize(flow);
  await tap(flow, '开始视频面谈');
  await until(() => flow.flowState.step === 'notaryCall', 'interview step');
  await until(() => sockets.length === 1 && sockets[0].sent.length === 1, 'hello');
  const ws = sockets[0];
  ws.receive(welcome(false, 0));
  await until(() => ws.ofType('join-interview').length === 1, 'join-interview');
  expect(ws.ofType('join-interview')[0]).toEqual({
    type: 'join-interview',
    receiptNo: RECEIPT,
    consent: true,
    terminalName: '测试村公共法律服务室',
  });
  // No receipt pad: she never types the number.
  expect(deepElements(flow).some((e) => e.tagName.toLowerCase() === 'kiosk-notary-interview-receipt')).toBe(false);
  expect(visit.keys).toContain('notaryInterview.waiting.voice');
  return ws;
}

describe('现在就和公证员视频: straight from the receipt into the interview', () => {
  it('the notary takes her: waiting room with her receipt number, the call, 面谈结束, 办好了; sized and spoken', async () => {
    fakeAgent();
    const notary = await FakeLawyer.create();
    cleanups.push(() => notary.close());
    const m = await mountFlow(notary);
    const ws = await toWaiting(m);
    const { flow } = m;
    ws.receive({ type: 'queued', ticket: RECEIPT, position: 1, lawyersOnline: 1 });
    await until(() => deepText(flow).includes('公证员在线，马上接通您'), 'notary online');
    expect(deepText(flow)).toContain(`受理编号 ${RECEIPT}`);
    await checkEverySize(flow);

    ws.receive(MATCHED);
    await until(() => deepText(flow).includes('正在和公证员面谈'), 'call screen');
    await until(
      () => deepElements(flow).some((e) => e.matches('video.remote') && (e as HTMLVideoElement).readyState >= 2),
      'the notary on screen',
      20_000,
    );
    await checkScreen(flow, 1080 - 2 * 96);

    ws.receive({ type: 'hangup', callId: 'interview-1', reason: 'hangup' });
    await until(() => deepText(flow).includes('面谈结束'), 'ended');
    expect(visit.keys).toContain('notaryInterview.ended.voice');
    await tap(flow, '完成');
    await until(() => flow.flowState.step === 'done', '办好了');
    expect(visit.keys).toContain('notarization.steps.done.voice');
    expect(m.exits).toEqual([]);
    await tap(flow, '完成');
    await until(() => m.exits.length === 1, 'flow done');
    expect(m.exits).toEqual(['done']);
  });

  it('nobody online any more when she gets there: the fallback at once, the office phones her, 12348 large with a tel: QR; 知道了 → 办好了', async () => {
    fakeAgent();
    const m = await mountFlow();
    const ws = await toWaiting(m);
    const { flow } = m;
    ws.receive({ type: 'queued', ticket: RECEIPT, position: 1, lawyersOnline: 0 });
    await until(() => deepElements(flow).some((e) => e.getAttribute('data-reason') === 'noNotary'), 'fallback');
    expect(visit.keys).toContain('notaryInterview.fallback.noNotary');
    const text = deepText(flow);
    expect(text).toContain('公证员现在不在线');
    expect(text).toContain('公证处会打电话和您另约时间');
    const number = deepElements(flow).find((e) => e.hasAttribute('data-hotline'))!;
    expect(number.textContent?.trim()).toBe(HOTLINE);
    expect(parseFloat(getComputedStyle(number).fontSize)).toBeGreaterThanOrEqual(28);
    const qr = deepElements(flow).find((e) => e.tagName.toLowerCase() === 'kiosk-tel-qr')!;
    expect(qr.getAttribute('number')).toBe(HOTLINE);
    await checkEverySize(flow);
    // She leaves the queue for good: the call stack is closed.
    await tap(flow, '知道了');
    await until(() => flow.flowState.step === 'done', '办好了');
    expect(ws.readyState).toBe(3);
  });
});

describe('her request on its way to the centre', () => {
  async function mountInterview(arrival: { retryMs: number; waitMs: number }) {
    visit = new RecordingVisit();
    fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const host = await mount<HTMLElement>(
      html`<test-interview-now-context
        ><kiosk-notary-interview-flow
          style="display:block;height:${1080 - 2 * 96}px"
          receipt-no=${RECEIPT}
          .arrival=${arrival}
          .callOptions=${{
            openSocket: (url: string) => {
              const s = new FakeSignallingSocket(url);
              sockets.push(s);
              return s;
            },
          }}
        ></kiosk-notary-interview-flow
      ></test-interview-now-context>`,
      'test-interview-now-context',
    );
    const flow = host.querySelector<KioskNotaryInterviewFlow>('kiosk-notary-interview-flow')!;
    await until(() => sockets.length === 1 && sockets[0].sent.length === 1, 'hello');
    sockets[0].receive(welcome(false, 0));
    await until(() => sockets[0].ofType('join-interview').length === 1, 'first join');
    return { flow, ws: sockets[0] };
  }
  const unknown: ServerMessage = { type: 'error', error: 'notInQueue', detail: 'unknownReceipt' };

  it('the centre does not know it yet: she joins again and waits once it has arrived', async () => {
    const { flow, ws } = await mountInterview({ retryMs: 200, waitMs: 10_000 });
    ws.receive(unknown);
    await until(() => ws.ofType('join-interview').length === 2, 'joined again');
    expect(flow.flowState.step).toBe('waiting');
    ws.receive({ type: 'queued', ticket: RECEIPT, position: 1, lawyersOnline: 2 });
    await until(() => flow.flowState.notariesOnline === 2, 'waiting for the notary');
  });

  it('it never arrives in time: the fallback says it is kept and the office phones her', async () => {
    // Asked again once (her first answer comes well within a second); the second ask would end after the wait.
    const { flow, ws } = await mountInterview({ retryMs: 1000, waitMs: 1999 });
    ws.receive(unknown);
    await until(() => ws.ofType('join-interview').length === 2, 'joined again');
    ws.receive(unknown);
    await until(() => flow.flowState.step === 'fallback', 'fallback');
    expect(flow.flowState.fallback).toBe('notArrived');
    expect(visit.keys).toContain('notaryInterview.fallback.notArrived');
    expect(deepText(flow)).toContain('会自动送到');
    expect(button(flow, '知道了')).toBeTruthy();
  });
});
