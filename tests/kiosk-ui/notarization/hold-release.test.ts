// A seat held at the interview step goes back to the notary office as soon as the villager gives it up
// without sending the request: another slot, now or the phone instead, 首页 (the flow is dropped), the
// end of the visit (idle or 完成 elsewhere), or a hold that answers after she left the step. Once the
// request is sent the hold travels in it and is never released from the kiosk. The notarization flow
// in Chromium with a fake agent (fetch), opened at the step under test (`startState`).
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import type { InterviewChoice, NotarizationState } from '../../../kiosk-ui/src/flows/notarization-machine.js';
import '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import type { KioskNotarizationFlow } from '../../../kiosk-ui/src/notarization/kiosk-notarization-flow.js';
import { RecordingVisit } from '../legal-aid/recording-visit.js';
import { answeredState } from './answered-state.js';
import { button, deepElements, mount, settle } from '../legal-aid/step-helpers.js';

/** A visit whose end the test triggers (the idle timeout, 完成). */
class EndableVisit extends RecordingVisit {
  private readonly _ends = new Set<() => void>();
  override onVisitEnd(callback?: () => void): () => void {
    if (!callback) return () => undefined;
    this._ends.add(callback);
    return () => this._ends.delete(callback);
  }
  end(): void {
    for (const callback of [...this._ends]) callback();
  }
}

let visit = new EndableVisit();

@customElement('test-hold-release-visit')
class TestHoldReleaseVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestHoldReleaseVisit;

const SLOT_A = '00000000-0000-4000-8000-00000000000a';
const SLOT_B = '00000000-0000-4000-8000-00000000000b';
const HOLD = (slotId: string): string => `${slotId.slice(0, 24)}${'f'.repeat(11)}${slotId.at(-1)}`;
const HOLD_A = HOLD(SLOT_A);
const HOLD_B = HOLD(SLOT_B);
const STARTS: Record<string, string> = { [SLOT_A]: '2026-12-09T01:00:00.000Z', [SLOT_B]: '2026-12-09T02:00:00.000Z' };

interface FakeAgent {
  released: string[];
  holds: string[];
  submitted: number;
  /** When set, a hold answers only once the test calls it. */
  gate: Promise<void> | null;
}

function fakeAgent(): FakeAgent {
  const agent: FakeAgent = { released: [], holds: [], submitted: 0, gate: null };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const method = init?.method ?? 'GET';
    if (url.pathname === '/api/v1/notary-slots' && method === 'GET')
      return json({
        slots: [SLOT_A, SLOT_B].map((slotId) => ({ slotId, startsAt: STARTS[slotId], lengthMin: 30, free: 1 })),
        notariesOnline: 1,
      });
    const hold = /^\/api\/v1\/notary-slots\/([0-9a-f-]{36})\/hold$/.exec(url.pathname);
    if (hold && method === 'POST') {
      agent.holds.push(hold[1]);
      if (agent.gate) await agent.gate;
      return json({
        holdId: HOLD(hold[1]),
        slotId: hold[1],
        startsAt: STARTS[hold[1]],
        lengthMin: 30,
        expiresAt: '2026-12-02T12:00:00.000Z',
      });
    }
    const release = /^\/api\/v1\/notary-slots\/holds\/([0-9a-f-]{36})$/.exec(url.pathname);
    if (release && method === 'DELETE') {
      expect(init?.keepalive, 'sent with keepalive').toBe(true);
      agent.released.push(release[1]);
      return json({ released: true });
    }
    if (url.pathname === '/api/v1/submissions' && method === 'POST') {
      agent.submitted++;
      return json({ receiptNo: 'GZ261202-0001-0007', storedAt: new Date().toISOString(), uploaded: true });
    }
    if (url.pathname.startsWith('/api/v1/services/printer/'))
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({ error: 'notFound' }, 404);
  });
  return agent;
}

const held = (slotId: string): InterviewChoice => ({
  kind: 'slot',
  slot: STARTS[slotId],
  slotId,
  holdId: HOLD(slotId),
  lengthMin: 30,
});

async function mountFlow(start: NotarizationState): Promise<KioskNotarizationFlow> {
  visit = new EndableVisit();
  await page.viewport(1920, 1080);
  const host = await mount<HTMLElement>(
    html`<test-hold-release-visit
      ><kiosk-notarization-flow style="height:888px" .startState=${start}></kiosk-notarization-flow
    ></test-hold-release-visit>`,
    'test-hold-release-visit',
  );
  return host.querySelector('kiosk-notarization-flow')!;
}

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 5000, interval: 20 });
  await settle();
}

async function tap(el: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(el, text));
  await settle();
}

async function tapSlot(flow: HTMLElement, slotId: string): Promise<void> {
  await until(() => deepElements(flow).some((e) => e.getAttribute('data-slot') === slotId), `slot ${slotId}`);
  const slot = deepElements(flow).find((e) => e.getAttribute('data-slot') === slotId) as HTMLButtonElement;
  await userEvent.click(slot);
  await settle();
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('a held interview seat is released when she gives it up', () => {
  it('back at the interview she picks another slot: the new one is held, the old one released; then the phone: that one too', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow(answeredState('interview', held(SLOT_A)));
    await tapSlot(flow, SLOT_B);
    await tap(flow, '下一步');
    await until(() => flow.flowState.step === 'review', 'review with slot B');
    expect(agent.holds).toEqual([SLOT_B]);
    expect(flow.flowState.answers.interview).toEqual(held(SLOT_B));
    await until(() => agent.released.length === 1, 'A released');
    expect(agent.released).toEqual([HOLD_A]);

    await tap(flow, '上一步');
    await until(() => flow.flowState.step === 'interview', 'interview again');
    await tap(flow, '公证处打电话和我约时间');
    await tap(flow, '下一步');
    await until(() => flow.flowState.step === 'review', 'review with the phone');
    await until(() => agent.released.length === 2, 'B released');
    expect(agent.released).toEqual([HOLD_A, HOLD_B]);
    // Nothing is held any more: leaving now releases nothing.
    flow.remove();
    await settle();
    expect(agent.released).toEqual([HOLD_A, HOLD_B]);
  });

  it('the same slot again keeps the seat (no new hold, no release)', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow(answeredState('interview', held(SLOT_A)));
    await tapSlot(flow, SLOT_A);
    await tap(flow, '下一步');
    await until(() => flow.flowState.step === 'review', 'review');
    expect(agent.holds).toEqual([]);
    expect(agent.released).toEqual([]);
  });

  it('首页 drops the flow at the review: the seat is released', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow(answeredState('review', held(SLOT_A)));
    expect(agent.released).toEqual([]);
    flow.remove();
    await until(() => agent.released.length === 1, 'released');
    expect(agent.released).toEqual([HOLD_A]);
  });

  it('the visit ends (idle) at the review: released once, and the flow starts over', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow(answeredState('review', held(SLOT_A)));
    visit.end();
    await until(() => flow.flowState.step === 'matter', 'reset');
    await until(() => agent.released.length === 1, 'released');
    flow.remove();
    await settle();
    expect(agent.released).toEqual([HOLD_A]);
  });

  it('a hold that answers after she stepped back is released at once', async () => {
    const agent = fakeAgent();
    let open!: () => void;
    agent.gate = new Promise<void>((resolve) => (open = resolve));
    const flow = await mountFlow(answeredState('interview', null));
    await tapSlot(flow, SLOT_B);
    await tap(flow, '下一步');
    await until(() => agent.holds.length === 1, 'hold asked');
    await tap(flow, '上一步');
    await until(() => flow.flowState.step === 'phone', 'back at the phone');
    open();
    await until(() => agent.released.length === 1, 'released');
    expect(agent.released).toEqual([HOLD_B]);
    expect(flow.flowState.answers.interview).toBeNull();
  });

  it('once the request is sent the hold travels in it: neither the receipt, the visit end nor 首页 releases it', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow(answeredState('submitting', held(SLOT_A)));
    await until(() => flow.flowState.step === 'receipt', 'receipt');
    expect(agent.submitted).toBe(1);
    visit.end();
    await until(() => flow.flowState.step === 'matter', 'reset');
    flow.remove();
    await settle();
    expect(agent.released).toEqual([]);
  });
});
