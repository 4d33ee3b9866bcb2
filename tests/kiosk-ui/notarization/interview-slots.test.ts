// The notarization interview step in Chromium with a fake agent (fetch, as the other notarization
// screens): the notary office's free slots as big buttons in China time, paged with 上一页/下一页 when
// they do not fit; 下一步 holds the seat (POST …/hold) and reports the hold id; a seat someone else just
// took (409) is said in plain words and the list is loaded again; no slots or no centre → 公证处将电话
// 联系您预约; 现在就和公证员视频 only while a notary is online. Every state spoken; sizes, no scrolling
// and axe at 1920×1080 and 1080×1920, normal and 大字.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import {
  initialNotarizationState,
  type NotarizationAnswers,
  type NotarizationEvent,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';
import '../../../kiosk-ui/src/notarization/kiosk-notarization-interview.js';
import type { KioskNotarizationInterview } from '../../../kiosk-ui/src/notarization/kiosk-notarization-interview.js';
import type { NotarizationAnswerEvent } from '../../../kiosk-ui/src/notarization/notarization-answer-event.js';
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

let visit = new RecordingVisit();

@customElement('test-notary-interview-visit')
class TestNotaryInterviewVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestNotaryInterviewVisit;

const uuid = (n: number): string => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const HOLD = 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee';

/** Wednesday 9 December 2026 from 9:00 China time (01:00 UTC), every 30 minutes, then the next days. */
function slots(n: number): Array<{ slotId: string; startsAt: string; lengthMin: number; free: number }> {
  return Array.from({ length: n }, (_, i) => ({
    slotId: uuid(i + 1),
    startsAt: new Date(
      Date.UTC(2026, 11, 9 + Math.floor(i / 6), 1 + Math.floor((i % 6) / 2), (i % 2) * 30),
    ).toISOString(),
    lengthMin: 30,
    free: 1 + (i % 3),
  }));
}

interface FakeCentre {
  list: ReturnType<typeof slots>;
  online: number;
  /** 'down': the agent answers 503 centerUnavailable. */
  mode: 'up' | 'down';
  /** Slot ids whose hold is refused with 409 (someone else took the last seat). */
  full: Set<string>;
  calls: Array<{ method: string; path: string }>;
}

function fakeAgent(centre: Partial<FakeCentre> = {}): FakeCentre {
  const c: FakeCentre = { list: [], online: 0, mode: 'up', full: new Set(), calls: [], ...centre };
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const method = init?.method ?? 'GET';
    c.calls.push({ method, path: url.pathname });
    if (c.mode === 'down') return json({ error: 'centerUnavailable' }, 503);
    if (url.pathname === '/api/v1/notary-slots' && method === 'GET')
      return json({ slots: c.list, notariesOnline: c.online });
    const hold = /^\/api\/v1\/notary-slots\/([0-9a-f-]{36})\/hold$/.exec(url.pathname);
    if (hold && method === 'POST') {
      const slot = c.list.find((s) => s.slotId === hold[1]);
      if (!slot) return json({ error: 'slotNotFound' }, 404);
      if (c.full.has(slot.slotId)) {
        // The seat went to the other terminal: gone from the next list too.
        c.list = c.list.filter((s) => s.slotId !== slot.slotId);
        return json({ error: 'slotFull' }, 409);
      }
      return json({
        holdId: HOLD,
        slotId: slot.slotId,
        startsAt: slot.startsAt,
        lengthMin: slot.lengthMin,
        expiresAt: '2026-12-02T12:00:00.000Z',
      });
    }
    return json({}, 404);
  });
  return c;
}

async function mountStep(
  opts: { width?: number; height?: number; large?: boolean; withSlots?: boolean; answers?: NotarizationAnswers } = {},
): Promise<{ el: KioskNotarizationInterview; events: NotarizationEvent[] }> {
  const { width = 1920, height = 1080, large = false, withSlots = true } = opts;
  await page.viewport(width, height);
  document.documentElement.style.setProperty('--kiosk-text-scale', large ? '1.5' : '1');
  visit = new RecordingVisit();
  const answers = opts.answers ?? { ...initialNotarizationState().answers, phone: '13800138000' };
  // The flow's area: the viewport less the shell's bars and the progress line.
  const host = await mount<HTMLElement>(
    html`<test-notary-interview-visit
      ><div style="height:${height - 2 * 96 - 60}px;width:${width - 64}px">
        <kiosk-notarization-interview .answers=${answers} ?with-slots=${withSlots}></kiosk-notarization-interview></div
    ></test-notary-interview-visit>`,
    'test-notary-interview-visit',
  );
  const el = host.querySelector('kiosk-notarization-interview')!;
  const events: NotarizationEvent[] = [];
  el.addEventListener('kiosk-notarization-answer', (e: NotarizationAnswerEvent) => events.push(e.detail));
  return { el, events };
}

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 5000, interval: 20 });
  await settle();
}

function visibleSlots(el: HTMLElement): HTMLButtonElement[] {
  return deepElements(el).filter(
    (e) => e.hasAttribute('data-slot') && e.getBoundingClientRect().height > 0,
  ) as HTMLButtonElement[];
}

function pagerButton(el: HTMLElement, which: 'next' | 'previous'): HTMLButtonElement | undefined {
  return deepElements(el).find((e) => e.getAttribute('data-pager') === which) as HTMLButtonElement | undefined;
}

function expectFits(el: HTMLElement): void {
  const area = el.parentElement!.getBoundingClientRect();
  for (const e of deepElements(el)) {
    if (!(e instanceof HTMLElement) || e.getBoundingClientRect().height === 0) continue;
    if (getComputedStyle(e).overflowY !== 'visible')
      expect(e.scrollHeight, `${e.tagName} ${e.className}`).toBeLessThanOrEqual(e.clientHeight + 2);
    expect(e.getBoundingClientRect().bottom, e.tagName).toBeLessThanOrEqual(area.bottom + 1);
  }
}

afterEach(async () => {
  document.body.innerHTML = '';
  document.documentElement.style.removeProperty('--kiosk-text-scale');
  vi.restoreAllMocks();
  await page.viewport(1920, 1080);
});

describe('notarization interview: slots', () => {
  it('lists the free slots in China time as big buttons; 下一步 holds the chosen one and reports its hold id', async () => {
    const centre = fakeAgent({ list: slots(4), online: 0 });
    const { el, events } = await mountStep();
    await until(() => visibleSlots(el).length === 4, 'four slots');
    expect(visibleSlots(el).map((b) => b.textContent?.replace(/\s+/g, ' ').trim())).toEqual([
      '12月9日 星期三 上午 9:00',
      '12月9日 星期三 上午 9:30',
      '12月9日 星期三 上午 10:00',
      '12月9日 星期三 上午 10:30',
    ]);
    expect(visit.keys).toContain('notaryInterview.slots.voice');
    // No notary online: no "now"; the phone stays a choice.
    expect(deepText(el)).not.toContain('现在就和公证员视频');
    expect(button(el, '公证处打电话和我约时间')).toBeTruthy();
    // 下一步 before a choice says what is missing.
    // (A DOM click: Playwright waits for an aria-disabled button to become enabled.)
    button(el, '下一步').click();
    await settle();
    expect(deepText(el)).toContain('请点一个时间，或选公证处打电话约时间');
    expect(events).toEqual([]);
    await userEvent.click(visibleSlots(el)[1]);
    await settle();
    expect(visibleSlots(el)[1].getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button(el, '下一步'));
    await until(() => events.length === 1, 'chosen');
    expect(centre.calls).toContainEqual({ method: 'POST', path: `/api/v1/notary-slots/${uuid(2)}/hold` });
    expect(events[0]).toEqual({
      type: 'interviewChosen',
      choice: { kind: 'slot', slot: '2026-12-09T01:30:00.000Z', slotId: uuid(2), holdId: HOLD, lengthMin: 30 },
    });
    expect(visit.keys).toContain('notaryInterview.slots.holding');
  });

  it('a seat someone else just took (409) is said in plain words and the list is loaded again without it', async () => {
    const centre = fakeAgent({ list: slots(3), full: new Set([uuid(1)]) });
    const { el, events } = await mountStep();
    await until(() => visibleSlots(el).length === 3, 'three slots');
    await userEvent.click(visibleSlots(el)[0]);
    await userEvent.click(button(el, '下一步'));
    await until(() => deepText(el).includes('这个时间刚被别人约走了，请另选一个'), 'taken notice');
    expect(visit.keys).toContain('notaryInterview.slots.taken');
    await until(() => visibleSlots(el).length === 2, 'list loaded again');
    expect(centre.calls.filter((c) => c.method === 'GET')).toHaveLength(2);
    expect(visibleSlots(el).map((b) => b.getAttribute('data-slot'))).toEqual([uuid(2), uuid(3)]);
    expect(events).toEqual([]);
    expectKioskSizes(el);
    await expectAxeClean(el);
    // Another slot goes through.
    await userEvent.click(visibleSlots(el)[0]);
    await userEvent.click(button(el, '下一步'));
    await until(() => events.length === 1, 'chosen');
    expect(events[0]).toMatchObject({ type: 'interviewChosen', choice: { kind: 'slot', slotId: uuid(2) } });
  });

  it('现在就和公证员视频 while a notary is online, beside the slots', async () => {
    fakeAgent({ list: slots(2), online: 1 });
    const { el, events } = await mountStep();
    await until(() => visibleSlots(el).length === 2, 'slots');
    expect(visit.keys).toContain('notaryInterview.slots.nowVoice');
    await userEvent.click(button(el, '现在就和公证员视频'));
    await userEvent.click(button(el, '下一步'));
    await settle();
    expect(events).toEqual([{ type: 'interviewChosen', choice: { kind: 'now' } }]);
  });

  it('no slots: 公证处将电话联系您预约, already chosen, 下一步 goes on; the centre unreachable says so', async () => {
    fakeAgent({ list: [], online: 0 });
    let { el, events } = await mountStep();
    await until(() => deepText(el).includes('公证处将电话联系您预约'), 'none');
    expect(visit.keys).toContain('notaryInterview.slots.noneVoice');
    expect(visibleSlots(el)).toHaveLength(0);
    expectKioskSizes(el);
    await expectAxeClean(el);
    await userEvent.click(button(el, '下一步'));
    await settle();
    expect(events).toEqual([{ type: 'interviewChosen', choice: { kind: 'phone' } }]);

    document.body.innerHTML = '';
    vi.restoreAllMocks();
    fakeAgent({ mode: 'down' });
    ({ el, events } = await mountStep());
    await until(() => deepText(el).includes('现在连不上公证处，公证处将电话联系您预约'), 'unreachable');
    expect(visit.keys).toContain('notaryInterview.slots.unreachableVoice');
    await userEvent.click(button(el, '下一步'));
    await settle();
    expect(events).toEqual([{ type: 'interviewChosen', choice: { kind: 'phone' } }]);
  });

  it('a county that publishes no slots is offered none, even when the centre lists some', async () => {
    fakeAgent({ list: slots(3), online: 0 });
    const { el } = await mountStep({ withSlots: false });
    await until(() => deepText(el).includes('公证处将电话联系您预约'), 'none');
    expect(visibleSlots(el)).toHaveLength(0);
  });

  it('back from the review: the seat already held is shown chosen and kept without a second hold', async () => {
    const list = slots(3);
    const centre = fakeAgent({ list: list.slice(1) });
    const held = { kind: 'slot', slot: list[0].startsAt, slotId: list[0].slotId, holdId: HOLD, lengthMin: 30 } as const;
    const { el, events } = await mountStep({ answers: { ...initialNotarizationState().answers, interview: held } });
    await until(() => visibleSlots(el).length === 3, 'held slot first, then the free ones');
    expect(visibleSlots(el)[0].getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button(el, '下一步'));
    await settle();
    expect(events).toEqual([{ type: 'interviewChosen', choice: held }]);
    expect(centre.calls.some((c) => c.method === 'POST')).toBe(false);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
  ] as const)
    for (const large of [false, true])
      it(`30 slots at ${width}×${height}${large ? ' 大字' : ''}: paged with 上一页/下一页, no scrolling, every slot reachable, ≥ 64 px, axe clean`, async () => {
        fakeAgent({ list: slots(30), online: 1 });
        const { el } = await mountStep({ width, height, large });
        await until(() => visibleSlots(el).length > 0, 'slots');
        await settle();
        expectFits(el);
        expectKioskSizes(el);
        await expectAxeClean(el);
        expect(deepText(el)).toMatch(/第1页，共([2-9]|\d{2,})页/);
        const seen = new Set(visibleSlots(el).map((b) => b.getAttribute('data-slot')));
        for (let turns = 0; turns < 30; turns++) {
          const next = pagerButton(el, 'next');
          if (!next || next.disabled) break;
          await userEvent.click(next);
          await settle();
          expectFits(el);
          for (const b of visibleSlots(el)) seen.add(b.getAttribute('data-slot'));
        }
        expect(seen.size).toBe(30);
        await userEvent.click(pagerButton(el, 'previous')!);
        await settle();
        expectFits(el);
      });
});
