// The legal-aid review (issue 15 item 4): one answer a row with 改一下 beside it; 读给我听 reads one
// item at a time (the item highlighted, 下一项 / 重听 / 改一下), the phone digit by digit, the ID
// number only masked, the name not at all; 改一下 on the phone opens the phone step and 下一步 there
// comes straight back to the review with the new number. Sizes, paging and axe at 1920×1080 and
// 1080×1920, normal and 大字.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import rulesJson from '../../../content/legal-aid/rules.json' with { type: 'json' };
import demoJson from '../../../content/legal-aid/counties/demo.json' with { type: 'json' };
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import { assessEligibility, type CountyRules, type LegalAidRules } from '../../../kiosk-ui/src/eligibility/index.js';
import { initialLegalAidState, type LegalAidAnswers } from '../../../kiosk-ui/src/flows/legal-aid-machine.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-review.js';
import {
  button,
  buttons,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  recordEvents,
  settle,
} from './step-helpers.js';
import { RecordingVisit } from './recording-visit.js';

let visit = new RecordingVisit();

@customElement('test-review-visit')
class TestReviewVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestReviewVisit;

const rules = rulesJson as unknown as LegalAidRules;
const demo = demoJson as unknown as CountyRules;

const ANSWERS: LegalAidAnswers = {
  ...initialLegalAidState().answers,
  identity: { source: 'card', name: '张三', idNumber: '11010519491231002X' },
  phone: '13800138000',
  matterId: 'wages',
  stage: 'notStarted',
  otherParty: '某建筑公司',
  what: '干了活，老板不给工资',
  monthlyIncomeYuan: 800,
  pledgedAt: '2026-11-29T03:00:00Z',
};

const DECISION = assessEligibility(rules, demo, {
  matterId: 'wages',
  circumstances: [],
  exemptGroupId: null,
  deadlineSoon: false,
  preservationNeeded: false,
  stage: 'notStarted',
});

/** The flow's area at a layout: the viewport less the shell's top and bottom bars. */
async function mountReview(width: number, height: number, large: boolean): Promise<HTMLElement> {
  await page.viewport(width, height);
  document.documentElement.style.setProperty('--kiosk-text-scale', large ? '1.5' : '1');
  visit = new RecordingVisit();
  const host = await mount<HTMLElement>(
    html`<test-review-visit
      ><div style="height:${height - 2 * 96}px;width:${width - 64}px">
        <kiosk-legal-aid-review .answers=${ANSWERS} .decision=${DECISION}></kiosk-legal-aid-review></div
    ></test-review-visit>`,
    'test-review-visit',
  );
  await settle();
  return host.querySelector('kiosk-legal-aid-review')!;
}

/** The row (its data-item) highlighted as being read. */
function current(el: HTMLElement): string | null {
  return (
    deepElements(el)
      .find((e) => e.getAttribute('aria-current') === 'true')
      ?.getAttribute('data-item') ?? null
  );
}

/** Rows on screen now. */
function visibleRows(el: HTMLElement): string[] {
  return deepElements(el)
    .filter((e) => e.hasAttribute('data-item') && e.getBoundingClientRect().height > 0)
    .map((e) => e.getAttribute('data-item')!);
}

/** No scrolling anywhere and nothing below the area. */
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

describe('legal-aid review: 读给我听 one item at a time', () => {
  it('reads item by item with the item highlighted; the phone digit by digit; never the full ID number or the name', async () => {
    const el = await mountReview(1920, 1080, false);
    expect(visit.keys).toContain('legalAid.steps.review.voice');
    // One row per answer, 改一下 beside each one she entered (the card's name and number are read, not typed).
    expect(buttons(el, '改一下').length).toBeGreaterThanOrEqual(5);
    expect(current(el)).toBeNull();

    await userEvent.click(button(el, '读给我听'));
    await settle();
    expect(current(el)).toBe('name');
    expect(visit.texts).toEqual(['一项一项念给您听，旁边的人也能听到。姓名：请看屏幕核对。']);
    expect(deepText(el)).toContain('第1项，共10项');

    await userEvent.click(button(el, '下一项'));
    await settle();
    expect(current(el)).toBe('idNumber');
    expect(visit.texts.at(-1)).toBe('身份证号：前四位幺幺零幺，后四位零零二叉，中间的不念。');

    await userEvent.click(button(el, '下一项'));
    await settle();
    expect(current(el)).toBe('phone');
    expect(visit.texts.at(-1)).toBe('电话：幺三八，零零幺三，八零零零。');
    // 重听 says the same item again, and the highlight stays.
    await userEvent.click(button(el, '重听'));
    await settle();
    expect(visit.texts.at(-1)).toBe('电话：幺三八，零零幺三，八零零零。');
    expect(current(el)).toBe('phone');

    for (let i = 0; i < 7; i++) {
      await userEvent.click(button(el, '下一项'));
      await settle();
    }
    expect(visit.texts.slice(4)).toEqual([
      '事项：讨要工资，确认劳动关系。',
      '现在到哪一步：还没有打官司。',
      '对方：某建筑公司。',
      '发生了什么：干了活，老板不给工资。',
      // Her income is personal: shown, not read out in a public room.
      '经济状况：请看屏幕核对。',
      '加急：不是。',
      '材料照片：0张。念完了。没有问题，请点下一步。',
    ]);
    expect(current(el)).toBe('photos');
    // Every page was shown while its item was read (the list is paged where it does not fit).
    await userEvent.click(button(el, '听完了'));
    await settle();
    expect(current(el)).toBeNull();
    expect(button(el, '读给我听')).toBeTruthy();

    const all = visit.texts.join('');
    expect(all).not.toContain('11010519491231002X');
    expect(all).not.toContain('张三');
    expect(all).not.toContain('13800138000');
    // Each item is one short piece (≤ 20 s of speech is about 80 characters for the agent's voice).
    for (const t of visit.texts) expect([...t].length, t).toBeLessThanOrEqual(80);
  });

  it('改一下 beside an answer, and 改一下 while it is read, ask for that answer’s step', async () => {
    const el = await mountReview(1920, 1080, false);
    const events = recordEvents(el);
    await userEvent.click(
      deepElements(el).find((e) => e.getAttribute('data-review-edit') === 'phone') as HTMLButtonElement,
    );
    expect(events).toEqual([{ type: 'editRequested', step: 'phone' }]);
    await userEvent.click(button(el, '读给我听'));
    for (let i = 0; i < 3; i++) await userEvent.click(button(el, '下一项'));
    await settle();
    expect(current(el)).toBe('matter');
    const edit = deepElements(el).find((e) => e.getAttribute('data-review') === 'edit') as HTMLButtonElement;
    expect(edit.getAttribute('aria-label')).toBe('改一下事项');
    await userEvent.click(edit);
    expect(events.at(-1)).toEqual({ type: 'editRequested', step: 'matter' });
    // The card's name has no 改一下 (read from the card, not typed).
    expect(deepElements(el).some((e) => e.getAttribute('data-review-edit') === 'name')).toBe(false);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
  ] as const)
    for (const large of [false, true])
      it(`fits ${width}×${height}${large ? ' 大字' : ''}: no scrolling, every row reachable by page, targets ≥ 64 px, axe clean`, async () => {
        const el = await mountReview(width, height, large);
        expectFits(el);
        expectKioskSizes(el);
        await expectAxeClean(el);
        const seen = new Set(visibleRows(el));
        for (let turns = 0; turns < 10; turns++) {
          const next = deepElements(el).find((e) => e.getAttribute('data-pager') === 'next') as
            HTMLButtonElement | undefined;
          if (!next || next.disabled || next.getBoundingClientRect().height === 0) break;
          await userEvent.click(next);
          await settle();
          expectFits(el);
          for (const id of visibleRows(el)) seen.add(id);
        }
        expect([...seen].sort()).toEqual(
          ['economic', 'idNumber', 'matter', 'name', 'otherParty', 'phone', 'photos', 'stage', 'urgent', 'what'].sort(),
        );
        // Reading turns to the page of the item being read: the highlighted row is always on screen.
        await userEvent.click(button(el, '读给我听'));
        for (let i = 0; i < 9; i++) {
          await settle();
          expect(visibleRows(el)).toContain(current(el));
          await userEvent.click(button(el, '下一项'));
        }
        await settle();
        expect(current(el)).toBe('photos');
        expect(visibleRows(el)).toContain('photos');
        expectKioskSizes(el);
        await expectAxeClean(el);
      });
});
