// The notarization review (issue 15 item 4) on the shared <kiosk-review-list>: 读给我听 one item at a
// time (matter, use, for whom… the phone digit by digit, the ID number masked, the name not read);
// 改一下 asks for that answer's step; where the rows do not fit they are paged, and reading turns to
// the page of the item being read. Sizes and axe at 1920×1080 and 1080×1920, normal and 大字.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import type { NotarizationAnswers } from '../../../kiosk-ui/src/flows/notarization-machine.js';
import { initialNotarizationState } from '../../../kiosk-ui/src/flows/notarization-machine.js';
import '../../../kiosk-ui/src/notarization/kiosk-notarization-review.js';
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

@customElement('test-notary-review-visit')
class TestNotaryReviewVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestNotaryReviewVisit;

const ANSWERS: NotarizationAnswers = {
  ...initialNotarizationState().answers,
  matterId: 'education',
  where: 'domestic',
  use: 'job',
  role: 'self',
  identity: { source: 'typed', name: '张三', idNumber: '11010519491231002X' },
  phone: '13800138000',
  interview: { kind: 'phone' },
};

async function mountReview(width: number, height: number, large: boolean, areaHeight = height - 2 * 96) {
  await page.viewport(width, height);
  document.documentElement.style.setProperty('--kiosk-text-scale', large ? '1.5' : '1');
  visit = new RecordingVisit();
  const host = await mount<HTMLElement>(
    html`<test-notary-review-visit
      ><div style="height:${areaHeight}px;width:${width - 64}px">
        <kiosk-notarization-review .answers=${ANSWERS} .feeNote=${'按公证处标准收费'}></kiosk-notarization-review></div
    ></test-notary-review-visit>`,
    'test-notary-review-visit',
  );
  await settle();
  return host.querySelector('kiosk-notarization-review')!;
}

function current(el: HTMLElement): string | null {
  return (
    deepElements(el)
      .find((e) => e.getAttribute('aria-current') === 'true')
      ?.getAttribute('data-item') ?? null
  );
}

function visibleRows(el: HTMLElement): string[] {
  return deepElements(el)
    .filter((e) => e.hasAttribute('data-item') && e.getBoundingClientRect().height > 0)
    .map((e) => e.getAttribute('data-item')!);
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
  await page.viewport(1920, 1080);
});

describe('notarization review: 读给我听 and 改一下', () => {
  it('reads item by item: matter, use, for whom, the masked ID number, the phone digit by digit', async () => {
    const el = await mountReview(1920, 1080, false);
    expect(visit.keys).toContain('notarization.steps.review.voice');
    await userEvent.click(button(el, '读给我听'));
    for (let i = 0; i < 11; i++) await userEvent.click(button(el, '下一项'));
    await settle();
    expect(current(el)).toBe('fee');
    expect(visit.texts).toEqual([
      '一项一项念给您听，旁边的人也能听到。公证事项：学历公证。',
      '使用地：在国内用。',
      expect.stringMatching(/^用途：.+。$/),
      '为谁办理：给我自己办。',
      '姓名：请看屏幕核对。',
      '身份证号：前四位幺幺零幺，后四位零零二叉，中间的不念。',
      '电话：幺三八，零零幺三，八零零零。',
      '在场确认：已通过。',
      '材料照片：0张。',
      expect.stringMatching(/^面谈：.+。$/),
      '办理时间：公证处受理后15个工作日内出证（补充材料、核实的时间不算在内）。',
      '费用：按公证处标准收费。念完了。没有问题，请点下一步。',
    ]);
    expect(visit.texts.join('')).not.toContain('张三');
    expect(visit.texts.join('')).not.toContain('11010519491231002X');
  });

  it('改一下 beside the phone asks for the phone step; a typed identity can be corrected; liveness cannot', async () => {
    const el = await mountReview(1920, 1080, false);
    const seen: unknown[] = [];
    el.addEventListener('kiosk-notarization-answer', (e: NotarizationAnswerEvent) => seen.push(e.detail));
    const edit = (id: string) =>
      deepElements(el).find((e) => e.getAttribute('data-review-edit') === id) as HTMLButtonElement | undefined;
    await userEvent.click(edit('phone')!);
    await userEvent.click(edit('idNumber')!);
    await userEvent.click(edit('use')!);
    expect(seen).toEqual([
      { type: 'editRequested', step: 'phone' },
      { type: 'editRequested', step: 'manualId' },
      { type: 'editRequested', step: 'purpose' },
    ]);
    expect(edit('liveness')).toBeUndefined();
    expect(edit('fee')).toBeUndefined();
  });

  it('in an area too short for every row: paged with 上一页/下一页, and reading turns to the page of the item read', async () => {
    const el = await mountReview(1080, 1920, true, 700);
    expectFits(el);
    expect(deepText(el)).toMatch(/第1页，共[2-9]页/);
    const first = visibleRows(el);
    expect(first.length).toBeLessThan(12);
    await userEvent.click(button(el, '读给我听'));
    for (let i = 0; i < 11; i++) {
      await settle();
      expect(visibleRows(el)).toContain(current(el));
      expectFits(el);
      await userEvent.click(button(el, '下一项'));
    }
    await settle();
    expect(current(el)).toBe('fee');
    expect(visibleRows(el)).toContain('fee');
    expect(visibleRows(el)).not.toContain(first[0]);
    expectKioskSizes(el);
    await expectAxeClean(el);
  });

  for (const [width, height] of [
    [1920, 1080],
    [1080, 1920],
  ] as const)
    for (const large of [false, true])
      it(`fits ${width}×${height}${large ? ' 大字' : ''}: no scrolling, every row reachable, targets ≥ 64 px, axe clean`, async () => {
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
        expect(seen.size).toBe(12);
        // While reading: the controls are big and the screen stays axe clean.
        await userEvent.click(button(el, '读给我听'));
        await settle();
        expectFits(el);
        expectKioskSizes(el);
        await expectAxeClean(el);
      });
});
