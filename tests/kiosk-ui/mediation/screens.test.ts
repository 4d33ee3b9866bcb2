// The people's-mediation screens in Chromium at 1920×1080 (axe, sizes, no scrolling), driven through
// the owner with a fake agent (fetch): ID card → phone → village → the other party (不知道 for the name
// and the phone) → kind (picture buttons) → requests (phrases, at most 3) → description (phrases) →
// consent → signature → review → submission (kind mediation) → printed mediation-receipt; then the oral
// application (请调解员打电话给我) with the tap-and-hold 按手印, whose meaning is said aloud.
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../kiosk-ui/src/mediation/kiosk-mediation-flow.js';
import type { KioskMediationFlow } from '../../../kiosk-ui/src/mediation/kiosk-mediation-flow.js';
import { HOLD_MS } from '../../../kiosk-ui/src/mediation/kiosk-mediation-mark.js';
import {
  button,
  deepElements,
  deepText,
  expectAxeClean,
  expectKioskSizes,
  mount,
  settle,
} from '../legal-aid/step-helpers.js';

const CARD = {
  cardType: 'resident',
  name: '张三',
  gender: '男',
  genderCode: '1',
  ethnicity: '汉',
  birthDate: '1949-12-31',
  address: '演示县演示镇演示村',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuingAuthority: '公安局',
  validFrom: '2010-01-01',
  validUntil: '长期',
};

interface Agent {
  calls: Array<{ path: string; body: unknown }>;
}

function fakeAgent(): Agent {
  const calls: Agent['calls'] = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ path: url.pathname, body });
    if (url.pathname === '/api/v1/submissions')
      return json({ receiptNo: 'TJ261202-0001-0004', storedAt: new Date().toISOString(), uploaded: true });
    if (url.pathname.includes('idcard'))
      return json({
        header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode: 'success' },
        payload: CARD,
      });
    if (url.pathname.startsWith('/api/v1/services/'))
      return json({
        header: { type: 'completion', name: 'printer.printForm', requestId: 1, completionCode: 'success' },
        payload: {},
      });
    return json({}, 404);
  });
  return { calls };
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

function allText(flow: HTMLElement): string {
  return deepElements(flow)
    .map((e) => (e.shadowRoot ? '' : e.textContent))
    .join('|');
}

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

function draw(canvas: HTMLCanvasElement): void {
  const r = canvas.getBoundingClientRect();
  const at = (x: number, y: number, type: string): void => {
    canvas.dispatchEvent(
      new PointerEvent(type, { clientX: r.left + x, clientY: r.top + y, pointerId: 1, bubbles: true }),
    );
  };
  at(20, 20, 'pointerdown');
  for (let i = 1; i < 10; i++) at(20 + i * 20, 20 + i * 8, 'pointermove');
  at(220, 100, 'pointerup');
}

const step = (flow: KioskMediationFlow) => flow.flowState.step;

async function mountFlow(): Promise<KioskMediationFlow> {
  return mount<KioskMediationFlow>(
    html`<kiosk-mediation-flow style="height:${1080 - 2 * 96}px"></kiosk-mediation-flow>`,
    'kiosk-mediation-flow',
  );
}

/** ID card → phone → 演示村 → the other party unknown (name, village 东坪村, phone) → 土地 → two requests. */
async function toDescription(flow: KioskMediationFlow, agent: Agent): Promise<void> {
  await until(() => step(flow) === 'phone', 'phone after the card');
  expect(agent.calls.some((c) => c.path.includes('idcard'))).toBe(true);
  await checkScreen(flow);
  for (const d of '13800138000') await userEvent.click(button(flow, d));
  await tap(flow, '下一步');
  await until(() => step(flow) === 'village', 'her village');
  await checkScreen(flow);
  await tap(flow, '演示村');
  await tap(flow, '下一步');
  await until(() => step(flow) === 'otherName', 'other name');
  await checkScreen(flow);
  await tap(flow, '不知道');
  await until(() => step(flow) === 'otherVillage', 'other village');
  await checkScreen(flow);
  await tap(flow, '东坪村');
  await tap(flow, '下一步');
  await until(() => step(flow) === 'otherPhone', 'other phone');
  await checkScreen(flow);
  await tap(flow, '不知道');
  await until(() => step(flow) === 'kind', 'kind');
  await checkScreen(flow);
  expect(deepElements(flow).filter((e) => e.hasAttribute('data-kind'))).toHaveLength(7);
  await tap(flow, '土地、宅基地');
  await tap(flow, '下一步');
  await until(() => step(flow) === 'requests', 'requests');
  await checkScreen(flow);
  await tap(flow, '确认土地边界');
  await tap(flow, '退还占用的地');
  await tap(flow, '把地恢复原样');
  // A fourth is refused, said and shown.
  await tap(flow, '赔偿庄稼损失');
  expect(deepText(flow)).toContain('最多选三项');
  await tap(flow, '把地恢复原样');
  await tap(flow, '下一步');
  await until(() => step(flow) === 'description', 'description');
  await checkScreen(flow);
}

describe('mediation screens', () => {
  it('from the ID card to the printed receipt: a written description and a signature, to 演示镇 (across villages)', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow();
    await toDescription(flow, agent);
    await tap(flow, '两家地界说不清');
    await tap(flow, '下一步');
    await until(() => step(flow) === 'consent', 'consent');
    await checkScreen(flow);
    // Across villages (演示村 / 东坪村): the township committee.
    expect(deepText(flow)).toContain('演示镇人民调解委员会');
    await tap(flow, '我同意');
    await until(() => step(flow) === 'mark', 'mark');
    await checkScreen(flow);
    draw(deepElements(flow).find((e) => e.tagName === 'CANVAS') as HTMLCanvasElement);
    await settle();
    await tap(flow, '下一步');
    await until(() => step(flow) === 'review', 'review');
    await checkScreen(flow);
    const review = allText(flow);
    for (const text of [
      '张三',
      '1101',
      '13800138000',
      '演示村',
      '东坪村',
      '土地、宅基地',
      '两家地界说不清',
      '演示镇人民调解委员会',
    ])
      expect(review).toContain(text);
    await tap(flow, '确认提交');
    await until(() => step(flow) === 'receipt', 'receipt');
    await until(() => deepText(flow).includes('回执打好了'), 'printed');
    await checkScreen(flow);
    expect(allText(flow)).toMatch(/受理编号[|\s]*TJ261202-0001-0004/);
    expect(deepText(flow)).toContain('调解委员会将联系对方，一般一个月内办结');

    const submission = agent.calls.find((c) => c.path === '/api/v1/submissions')?.body as {
      kind: string;
      data: Record<string, unknown>;
    };
    expect(submission.kind).toBe('mediation');
    expect(submission.data).toMatchObject({
      applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', village: '演示村' },
      otherParty: { nameUnknown: true, village: '东坪村' },
      disputeKind: 'land',
      requests: ['确认土地边界', '退还占用的地'],
      description: '两家地界说不清',
      committee: 'yanshiTown',
      committeeName: '演示镇人民调解委员会',
      mark: 'signature',
      consent: { accepted: true },
    });
    expect(
      (submission.data['documents'] as { signature: { dataUrl: string } }).signature.dataUrl.startsWith(
        'data:image/png',
      ),
    ).toBe(true);
    const print = (
      agent.calls.find((c) => c.path === '/api/v1/services/printer/commands/printForm')?.body as {
        payload: { form: string; fields: Record<string, unknown> };
      }
    ).payload;
    expect(print.form).toBe('mediation-receipt');
    expect(print.fields).toMatchObject({
      receiptNo: 'TJ261202-0001-0004',
      kind: '土地、宅基地',
      committee: '演示镇人民调解委员会',
      otherParty: '不知道（东坪村）',
      mark: '签名',
      uploadState: 'uploaded',
    });
    expect(print.fields['idNumberMasked']).toMatch(/^1101\*+002X$/);
    await tap(flow, '完成');
    await until(() => step(flow) === 'done', 'done');
    // 好差评 first (counts only: the service and the score), then the closing screen.
    await checkScreen(flow);
    await tap(flow, '很满意');
    const rating = agent.calls.find(
      (c) => c.path === '/api/v1/submissions' && (c.body as { kind?: string }).kind === 'rating',
    )?.body as { data: Record<string, unknown> } | undefined;
    expect(rating?.data).toMatchObject({ service: 'mediation', score: 5 });
    await checkScreen(flow);
  }, 120_000);

  it('the oral application (请调解员打电话给我) and 按手印: a short tap does not count, a hold does', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow();
    await toDescription(flow, agent);
    await checkScreen(flow);
    await tap(flow, '请调解员打电话给我');
    await until(() => step(flow) === 'consent', 'consent');
    expect(flow.flowState.answers).toMatchObject({ callMe: true, description: '' });
    await tap(flow, '我同意');
    await until(() => step(flow) === 'mark', 'mark');
    await tap(flow, '按手印');
    await checkScreen(flow);
    expect(deepText(flow)).toContain('按手印，就是您确认');
    const pad = deepElements(flow).find((e) => e.hasAttribute('data-fingerprint')) as HTMLButtonElement;
    const r = pad.getBoundingClientRect();
    const press = (type: string) =>
      pad.dispatchEvent(
        new PointerEvent(type, {
          clientX: r.left + r.width / 2,
          clientY: r.top + r.height / 2,
          pointerId: 2,
          bubbles: true,
        }),
      );
    // Lifted too early: nothing is marked, 下一步 still says what is missing.
    press('pointerdown');
    await new Promise((res) => setTimeout(res, HOLD_MS / 3));
    press('pointerup');
    await settle();
    expect(pad.getAttribute('aria-pressed')).toBe('false');
    // 下一步 is aria-disabled (Playwright will not click it): a DOM click, as a finger would.
    button(flow, '下一步').click();
    await settle();
    expect(step(flow)).toBe('mark');
    expect(deepText(flow)).toContain('请写名字，或者按手印');
    // Held: the mark is made.
    press('pointerdown');
    await new Promise((res) => setTimeout(res, HOLD_MS + 200));
    press('pointerup');
    await until(() => pad.getAttribute('aria-pressed') === 'true', 'marked');
    await checkScreen(flow);
    await tap(flow, '下一步');
    await until(() => step(flow) === 'review', 'review');
    expect(allText(flow)).toContain('请调解员打电话给我');
    expect(allText(flow)).toContain('已按手印');
    await tap(flow, '确认提交');
    await until(() => step(flow) === 'receipt', 'receipt');
    const submission = agent.calls.find((c) => c.path === '/api/v1/submissions')?.body as {
      data: Record<string, unknown>;
    };
    expect(submission.data).toMatchObject({ callMe: true, mark: 'fingerprint' });
    expect(submission.data).not.toHaveProperty('description');
    expect(submission.data).not.toHaveProperty('documents');
    expect(typeof submission.data['markedAt']).toBe('string');
  }, 120_000);

  it('改一下 on the review opens the answer and comes back to the review', async () => {
    const agent = fakeAgent();
    const flow = await mountFlow();
    await toDescription(flow, agent);
    await tap(flow, '请调解员打电话给我');
    await until(() => step(flow) === 'consent', 'consent');
    await tap(flow, '我同意');
    await until(() => step(flow) === 'mark', 'mark');
    draw(deepElements(flow).find((e) => e.tagName === 'CANVAS') as HTMLCanvasElement);
    await settle();
    await tap(flow, '下一步');
    await until(() => step(flow) === 'review', 'review');
    const edit = deepElements(flow).find((e) => e.getAttribute('data-review-edit') === 'village') as HTMLButtonElement;
    // The answers are paged (上一页 / 下一页), never scrolled: turn to the page that shows it.
    for (let i = 0; i < 6 && edit.getBoundingClientRect().height === 0; i++) await tap(flow, '下一页');
    await userEvent.click(edit);
    await until(() => step(flow) === 'village', 'village again');
    await tap(flow, '东坪村');
    await tap(flow, '下一步');
    await until(() => step(flow) === 'review', 'back at the review');
    // Both in 东坪村 now: 东坪村's own committee.
    expect(allText(flow)).toContain('东坪村人民调解委员会');
  }, 120_000);
});
