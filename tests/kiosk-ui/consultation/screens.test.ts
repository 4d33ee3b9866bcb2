// The consultation screens in Chromium at 1920×1080 (axe, sizes, no scrolling), driven through the
// owner with a fake agent (fetch) and a fake signalling socket: topic → consent → device check
// (fake camera) → queue → no lawyer → 12348 with a tel: QR → 预约回电 stored in the outbox → slip.
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../kiosk-ui/src/consultation/kiosk-consultation-flow.js';
import type { KioskConsultationFlow } from '../../../kiosk-ui/src/consultation/kiosk-consultation-flow.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';
import { FakeSignallingSocket, TOKEN, welcome } from './fake-signalling.js';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

interface Agent {
  calls: Array<{ path: string; body: unknown }>;
}

function fakeAgent(tokenOk = true): Agent {
  const calls: Agent['calls'] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ path: url.pathname, body });
    if (url.pathname === '/api/v1/consultation/token')
      return tokenOk ? json(TOKEN) : json({ error: 'centerUnreachable' }, 502);
    if (url.pathname === '/api/v1/submissions')
      return json({ receiptNo: 'HD261129-0001-0007', storedAt: new Date().toISOString(), uploaded: false });
    if (url.pathname.startsWith('/api/v1/services/'))
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({}, 404);
  });
  return { calls };
}

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 10_000, interval: 30 });
  await settle();
}

async function tap(flow: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(flow, text));
  await settle();
}

/** Nothing scrolls: the flow fits the 1920×1080 viewport with room for the shell's bars. */
function expectNoScroll(flow: HTMLElement): void {
  for (const el of [flow, ...deepElements(flow)]) {
    if (!(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.overflowY === 'auto' || style.overflowY === 'scroll')
      expect(el.scrollHeight, el.tagName).toBeLessThanOrEqual(el.clientHeight + 1);
  }
  const bottom = Math.max(...deepElements(flow).map((e) => e.getBoundingClientRect().bottom));
  expect(bottom).toBeLessThanOrEqual(1080 - 2 * 96);
}

async function checkScreen(flow: HTMLElement): Promise<void> {
  expectKioskSizes(flow);
  expectNoScroll(flow);
  await expectAxeClean(flow);
}

async function mountFlow(sockets: FakeSignallingSocket[]): Promise<KioskConsultationFlow> {
  const flow = await mount<KioskConsultationFlow>(
    html`<kiosk-consultation-flow
      style="display:block;height:${1080 - 2 * 96}px"
      .callOptions=${{
        openSocket: (url: string) => {
          const s = new FakeSignallingSocket(url);
          sockets.push(s);
          return s;
        },
      }}
    ></kiosk-consultation-flow>`,
    'kiosk-consultation-flow',
  );
  return flow;
}

async function toQueue(flow: KioskConsultationFlow, sockets: FakeSignallingSocket[]): Promise<void> {
  await checkScreen(flow);
  await tap(flow, '土地纠纷');
  await tap(flow, '下一步');
  expect(flow.flowState).toMatchObject({ step: 'consent', topic: 'land' });
  await checkScreen(flow);
  await tap(flow, '同意');
  await tap(flow, '不用了');
  await until(
    () => deepElements(flow).some((e) => e.tagName === 'VIDEO' && (e as HTMLVideoElement).srcObject !== null),
    'self view',
  );
  await until(() => !button(flow, '开始排队').disabled, 'camera ready');
  await checkScreen(flow);
  expect(deepElements(flow).some((e) => e.getAttribute('role') === 'meter')).toBe(true);
  await tap(flow, '开始排队');
  await until(() => sockets.length === 1 && sockets[0].sent.length === 1, 'hello');
  sockets[0].receive(welcome(false, 2));
  expect(sockets[0].ofType('enqueue')).toEqual([{ type: 'enqueue', topic: 'land', consent: true }]);
}

describe('consultation screens', () => {
  it('queue → no lawyer online → 12348 with a tel: QR → 预约回电 through the outbox → printed slip', async () => {
    const agent = fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const flow = await mountFlow(sockets);
    await toQueue(flow, sockets);
    sockets[0].receive({
      type: 'queued',
      ticket: 't1',
      position: 3,
      estimatedWaitS: 400,
      lawyersOnline: 2,
    });
    await until(() => deepElements(flow).some((e) => e.getAttribute('data-position') === '3'), 'position');
    const text = () =>
      deepElements(flow)
        .map((e) => (e.shadowRoot ? '' : e.textContent))
        .join('|');
    expect(text()).toMatch(/您排在第\s*3\s*位/);
    expect(text()).toMatch(/大约还要等\s*7\s*分钟/);
    expect(text()).toMatch(/在线律师\s*2\s*位/);
    await checkScreen(flow);

    sockets[0].receive({ type: 'no-answer', hotline: '12348', reason: 'no-lawyer-online' });
    await until(() => flow.flowState.step === 'fallback', 'fallback');
    expect(flow.flowState.fallback).toBe('noLawyer');
    expect(deepText(flow)).toContain('现在没有律师在线');
    const qr = deepElements(flow).find((e) => e.tagName === 'KIOSK-TEL-QR');
    expect(qr?.shadowRoot?.querySelectorAll('rect').length).toBeGreaterThan(100);
    // The camera is off again once there is no call to wait for.
    expect(deepElements(flow).some((e) => e.tagName === 'VIDEO')).toBe(false);
    await checkScreen(flow);

    await tap(flow, '打印热线小票');
    await until(() => flow.flowState.print.kind === 'printed', 'printed');
    const print = agent.calls.find((c) => c.path === '/api/v1/services/printer/commands/printForm');
    expect(print?.body).toMatchObject({
      payload: { form: 'consultation-hotline', fields: { hotline: '12348', telQr: 'tel:12348' } },
    });

    await tap(flow, '预约回电');
    await checkScreen(flow);
    const pad = deepElements(flow).find((e) => e.tagName === 'KIOSK-DIGIT-PAD')!;
    for (const d of '13912345678')
      await userEvent.click(
        deepElements(pad.shadowRoot!).find((e) => e.tagName === 'BUTTON' && e.textContent?.trim() === d) as HTMLElement,
      );
    await tap(flow, '明天上午');
    await tap(flow, '确认预约');
    await until(() => flow.flowState.step === 'callbackDone', 'booked');
    const stored = agent.calls.find((c) => c.path === '/api/v1/submissions');
    expect(stored?.body).toMatchObject({
      kind: 'callback',
      data: { phone: '13912345678', preferredTime: 'morning', source: 'consultation', consent: { accepted: true } },
    });
    expect(deepText(flow)).toContain('HD261129-0001-0007');
    await until(() => flow.flowState.print.kind === 'printed', 'slip printed');
    await checkScreen(flow);
    const slip = agent.calls.filter((c) => c.path === '/api/v1/services/printer/commands/printForm').at(-1);
    expect(slip?.body).toMatchObject({
      payload: { fields: { receiptNo: 'HD261129-0001-0007', phoneMasked: '1391***5678' } },
    });
  });

  it('the centre cannot be reached: 12348 and 预约回电 at once', async () => {
    fakeAgent(false);
    const sockets: FakeSignallingSocket[] = [];
    const flow = await mountFlow(sockets);
    await tap(flow, '借款');
    await tap(flow, '下一步');
    await tap(flow, '同意');
    await tap(flow, '不用了');
    await until(() => !button(flow, '开始排队').disabled, 'camera ready');
    await tap(flow, '开始排队');
    await until(() => flow.flowState.step === 'fallback', 'fallback');
    expect(flow.flowState.fallback).toBe('unreachable');
    expect(sockets).toHaveLength(0);
    expect(button(flow, '预约回电')).toBeTruthy();
  });

  it('matched: the call screen with 挂断; a timeout keeps her place with 继续等待', async () => {
    fakeAgent();
    const sockets: FakeSignallingSocket[] = [];
    const flow = await mountFlow(sockets);
    await toQueue(flow, sockets);
    sockets[0].receive({ type: 'no-answer', hotline: '12348', reason: 'timeout', ticket: 't9' });
    await until(() => flow.flowState.fallback === 'timeout', 'timeout');
    await checkScreen(flow);
    await tap(flow, '继续等待');
    expect(flow.flowState.step).toBe('queue');
    expect(sockets[0].ofType('enqueue')).toHaveLength(2);
    sockets[0].receive({
      type: 'matched',
      callId: 'c1',
      role: 'offerer',
      peer: { lawyerId: 'l1' },
      iceServers: [],
      iceTransportPolicy: 'all',
    });
    await until(() => flow.flowState.step === 'call', 'call');
    await until(() => sockets[0].ofType('signal').length > 0, 'offer');
    await checkScreen(flow);
    expect(deepText(flow)).toContain('正在接通律师');
    sockets[0].receive({ type: 'peer-lost', callId: 'c1' });
    await until(() => deepText(flow).includes('律师网络中断，正在重连'), 'peer lost');
    await tap(flow, '挂断');
    expect(sockets[0].ofType('hangup')).toEqual([{ type: 'hangup', callId: 'c1', reason: 'hangup' }]);
  });
});
