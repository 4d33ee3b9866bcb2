// The 预约/上门 booking (绿色通道, issue 16) in Chromium at 1920×1080 (axe, sizes, no scrolling), driven
// through its owner with a fake agent (fetch): name on the pinyin keyboard → age and disability →
// service → 上门 → village → group → phone → days → consent → review → submission (kind homeVisit, no
// ID card of the absent person) → printed home-visit-receipt → the five faces → rating (counts only).
// And the shared satisfaction screen on its own.
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../kiosk-ui/src/components/kiosk-satisfaction.js';
import '../../../kiosk-ui/src/home-visit/kiosk-home-visit-flow.js';
import type { KioskHomeVisitFlow } from '../../../kiosk-ui/src/home-visit/kiosk-home-visit-flow.js';
import { HomeVisitAnswerEvent } from '../../../kiosk-ui/src/home-visit/home-visit-answer-event.js';
import type { HomeVisitEvent } from '../../../kiosk-ui/src/flows/home-visit-machine.js';
import type { KioskSatisfactionRateEvent } from '../../../kiosk-ui/src/events/kiosk-satisfaction-rate.js';
import {
  button,
  buttons,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';

interface Call {
  path: string;
  body: Record<string, unknown> | undefined;
}

function fakeAgent(): Call[] {
  const calls: Call[] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  let n = 0;
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as Record<string, unknown>) : undefined;
    calls.push({ path: url.pathname, body });
    if (url.pathname === '/api/v1/submissions')
      return json({
        receiptNo: body?.['kind'] === 'rating' ? `PJ261202-0001-000${++n}` : 'SM261202-0001-0007',
        storedAt: new Date().toISOString(),
        uploaded: true,
      });
    if (url.pathname.startsWith('/api/v1/services/'))
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({}, 404);
  });
  return calls;
}

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function until(check: () => boolean, what: string, timeout = 10_000): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout, interval: 30 });
  await settle();
}

async function tap(root: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(root, text));
  await settle();
}

const shown = (root: HTMLElement, tag: string): boolean =>
  deepElements(root).some((e) => e.tagName.toLowerCase() === tag);

function expectNoScroll(flow: HTMLElement): void {
  for (const el of [flow, ...deepElements(flow)]) {
    if (!(el instanceof HTMLElement)) continue;
    const style = getComputedStyle(el);
    if (style.overflowY === 'auto' || style.overflowY === 'scroll' || style.overflowY === 'hidden')
      expect(el.scrollHeight, `${el.tagName}.${el.className}`).toBeLessThanOrEqual(el.clientHeight + 2);
  }
  const bottom = Math.max(...deepElements(flow).map((e) => e.getBoundingClientRect().bottom));
  expect(bottom).toBeLessThanOrEqual(1080 - 2 * 96);
}

async function checkScreen(flow: HTMLElement): Promise<void> {
  expectKioskSizes(flow);
  expectNoScroll(flow);
  await expectAxeClean(flow);
}

async function typePinyin(input: Element, syllables: Array<[string, string]>): Promise<void> {
  await userEvent.click(input.shadowRoot!.querySelector('button')!);
  let kb: Element | null = null;
  await until(
    () => {
      kb = input.shadowRoot!.querySelector('kiosk-pinyin-keyboard');
      return Boolean(
        kb?.shadowRoot &&
        [...kb.shadowRoot.querySelectorAll('button')].some((b) => b.textContent.trim() === 'z' && !b.disabled),
      );
    },
    'keyboard ready',
    60_000,
  );
  const key = (label: string): HTMLButtonElement =>
    [...kb!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label)!;
  for (const [letters, hanzi] of syllables) {
    for (const k of letters) await userEvent.click(key(k));
    await until(() => Boolean(key(hanzi)), `candidate ${hanzi}`);
    await userEvent.click(key(hanzi));
  }
  await userEvent.click(key('完成'));
  await settle();
}

describe('预约/上门 booking (绿色通道)', () => {
  it(
    'books a home visit for someone who cannot come, without any ID card, then rates it',
    { timeout: 180_000 },
    async () => {
      const calls = fakeAgent();
      const flow = await mount<KioskHomeVisitFlow>(
        html`<kiosk-home-visit-flow style="display:block;height:${1080 - 2 * 96}px"></kiosk-home-visit-flow>`,
        'kiosk-home-visit-flow',
      );
      expect(deepText(flow)).toContain('不用带他的身份证');
      await checkScreen(flow);
      // 下一步 without a name says what is missing.
      await tap(flow, '下一步');
      expect(deepText(flow)).toContain('请先输入他的姓名');
      const input = deepElements(flow).find((e) => e.tagName.toLowerCase() === 'kiosk-pinyin-input')!;
      await typePinyin(input, [
        ['wang', '王'],
        ['xiu', '秀'],
      ]);
      await tap(flow, '下一步');

      await until(() => shown(flow, 'kiosk-home-visit-about'), 'about');
      await tap(flow, '80岁以上');
      await tap(flow, '不清楚');
      await checkScreen(flow);
      await tap(flow, '下一步');

      await until(() => deepText(flow).includes('要办什么事'), 'service');
      await checkScreen(flow);
      // Nothing chosen: 下一步 (aria-disabled) stays, and says what is missing.
      button(flow, '下一步').click();
      await settle();
      expect(deepText(flow)).toContain('请选一项要办的事');
      await tap(flow, '调解纠纷');
      await tap(flow, '下一步');
      await until(() => deepText(flow).includes('怎么办理'), 'mode');
      await checkScreen(flow);
      await tap(flow, '请工作人员上门');
      await tap(flow, '下一步');
      await until(() => deepText(flow).includes('他住在哪个村'), 'village');
      await checkScreen(flow);
      await tap(flow, '西河村');
      await tap(flow, '下一步');
      await until(() => deepText(flow).includes('他住在几组'), 'group');
      await checkScreen(flow);
      await tap(flow, '10组');
      await tap(flow, '下一步');

      await until(() => shown(flow, 'kiosk-home-visit-phone'), 'phone');
      for (const d of '13912345678') await userEvent.click(button(flow, d));
      await checkScreen(flow);
      await tap(flow, '下一步');
      await until(() => shown(flow, 'kiosk-home-visit-days'), 'days');
      const dayButtons = deepElements(flow).filter((e) => e.hasAttribute('data-date')) as HTMLButtonElement[];
      expect(dayButtons).toHaveLength(7);
      expect(dayButtons[0].textContent).toContain('今天');
      await userEvent.click(dayButtons[2]);
      await userEvent.click(dayButtons[4]);
      await settle();
      await checkScreen(flow);
      await tap(flow, '下一步');

      await until(() => shown(flow, 'kiosk-home-visit-consent'), 'consent');
      await checkScreen(flow);
      await tap(flow, '我同意');
      await until(() => shown(flow, 'kiosk-home-visit-review'), 'review');
      const review = deepText(flow);
      for (const s of [
        '王秀',
        '80岁以上',
        '不清楚',
        '调解纠纷',
        '请工作人员上门',
        '演示镇',
        '西河村',
        '10组',
        '139****5678',
      ])
        expect(review).toContain(s);
      await checkScreen(flow);
      await tap(flow, '确认提交');

      await until(() => shown(flow, 'kiosk-home-visit-receipt'), 'receipt');
      await until(() => deepText(flow).includes('回执打印好了'), 'printed');
      expect(deepText(flow)).toContain('工作人员会在两个工作日内给您回电');
      await checkScreen(flow);
      const submitted = calls.find((c) => c.path === '/api/v1/submissions' && c.body?.['kind'] === 'homeVisit')!;
      const days = [dayButtons[2].dataset['date'], dayButtons[4].dataset['date']];
      expect(submitted.body!['data']).toEqual({
        person: { name: '王秀', ageGroup: '80plus', disability: 'unknown' },
        service: 'mediation',
        mode: 'homeVisit',
        address: { township: '演示镇', village: '西河村', group: '10组' },
        phone: '13912345678',
        preferredDays: days,
        source: 'home',
        consent: { accepted: true, at: expect.any(String) },
      });
      // No ID card anywhere: no card read, no ID number in what was sent.
      expect(calls.some((c) => c.path.includes('idcard'))).toBe(false);
      expect(JSON.stringify(submitted.body)).not.toMatch(/idNumber|\d{17}[\dX]/);
      const printed = calls.find((c) => c.path.endsWith('/printer/commands/printForm'))!;
      expect(printed.body!['payload']).toMatchObject({
        form: 'home-visit-receipt',
        fields: { receiptNo: 'SM261202-0001-0007', phoneMasked: '139****5678', address: '演示镇 西河村 10组' },
      });

      await tap(flow, '下一步');
      await until(() => shown(flow, 'kiosk-satisfaction'), 'faces');
      await checkScreen(flow);
      await userEvent.click(buttons(flow, '满意')[0]);
      await until(() => shown(flow, 'kiosk-home-visit-done'), 'done');
      await until(() => calls.some((c) => c.body?.['kind'] === 'rating'), 'rating sent');
      const rating = calls.find((c) => c.body?.['kind'] === 'rating')!;
      // Counts only: the service and the score, nothing about her.
      expect(rating.body!['data']).toEqual({ service: 'homeVisit', score: 4 });
      await checkScreen(flow);
    },
  );

  it('offered on a service’s first screen, that service is already chosen; 上一步 on the first step leaves', async () => {
    fakeAgent();
    const flow = await mount<KioskHomeVisitFlow>(
      html`<kiosk-home-visit-flow data-service="homeVisit.notarization"></kiosk-home-visit-flow>`,
      'kiosk-home-visit-flow',
    );
    expect(flow.flowState.answers.service).toBe('notarization');
    let exited = '';
    flow.addEventListener('kiosk-flow-exit', (e) => (exited = e.outcome));
    await tap(flow, '上一步');
    expect(exited).toBe('home');
  });

  it('consent refused: nothing is sent, the hotline is offered', async () => {
    const calls = fakeAgent();
    const flow = await mount<KioskHomeVisitFlow>(
      html`<kiosk-home-visit-flow data-service="homeVisit.legalAid"></kiosk-home-visit-flow>`,
      'kiosk-home-visit-flow',
    );
    const events: HomeVisitEvent[] = [
      { type: 'nameEntered', name: '李四' },
      { type: 'aboutChosen', ageGroup: '70to79', disability: 'yes' },
      { type: 'serviceChosen', service: 'legalAid' },
      { type: 'modeChosen', mode: 'appointment' },
      { type: 'villageChosen', villageId: 'yanshi', groups: 8 },
      { type: 'groupChosen', group: 'unknown' },
      { type: 'phoneEntered', phone: '13800138000' },
      { type: 'daysChosen', days: ['2026-12-03'] },
    ];
    for (const e of events) flow.dispatchEvent(new HomeVisitAnswerEvent(e));
    await settle();
    await until(() => shown(flow, 'kiosk-home-visit-consent'), 'consent');
    await tap(flow, '我不同意');
    await until(() => deepText(flow).includes('12348'), 'hotline');
    expect(calls.filter((c) => c.path === '/api/v1/submissions')).toEqual([]);
  });
});

describe('<kiosk-satisfaction> 好差评', () => {
  it('five large faces with a word under each; a tap reports its score once; 不评价 reports none', async () => {
    const el = await mount<HTMLElement>(
      html`<div style="height:${1080 - 2 * 96}px"><kiosk-satisfaction></kiosk-satisfaction></div>`,
      'kiosk-satisfaction',
    );
    const faces = deepElements(el).filter((e) => e.hasAttribute('data-score')) as HTMLButtonElement[];
    expect(faces.map((f) => f.textContent?.trim())).toEqual(['很满意', '满意', '一般', '不满意', '很不满意']);
    for (const f of faces) {
      const svg = f.querySelector('svg')!.getBoundingClientRect();
      const word = f.querySelector('span')!.getBoundingClientRect();
      expect(svg.height).toBeGreaterThanOrEqual(64);
      expect(svg.width).toBeGreaterThanOrEqual(64);
      expect(word.top).toBeGreaterThanOrEqual(svg.bottom - 1);
    }
    expectKioskSizes(el);
    await expectAxeClean(el);
    const scores: Array<number | null> = [];
    el.addEventListener('kiosk-satisfaction-rate', (e: KioskSatisfactionRateEvent) => scores.push(e.score));
    await userEvent.click(faces[4]);
    await userEvent.click(faces[0]);
    await settle();
    expect(scores).toEqual([1]);
    expect(faces[4].getAttribute('aria-pressed')).toBe('true');
    await userEvent.click(button(el, '不评价'));
    expect(scores).toEqual([1, null]);
  });
});
