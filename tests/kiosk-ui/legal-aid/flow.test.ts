// <kiosk-legal-aid-flow>: the owner feeds step events into the machine; 返回 (the shell's
// kiosk-back-request) walks back without losing answers; the first step lets the shell leave.
import { html } from 'lit';
import { userEvent } from 'vitest/browser';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { KioskBackRequestEvent } from '../../../kiosk-ui/src/events/kiosk-back-request.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-flow.js';
import type { KioskLegalAidDetails } from '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-details.js';
import type { KioskLegalAidFlow } from '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-flow.js';
import { button, deepElements, deepText, expectAxeClean, expectKioskSizes, mount, settle } from './step-helpers.js';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

function noCard(): void {
  vi.spyOn(window, 'fetch').mockImplementation(
    async () =>
      new Response(
        JSON.stringify({
          header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode: 'commandErrorCode' },
          payload: { errorCode: 'noMedia' },
        }),
        {
          status: 200,
          headers: { 'content-type': 'application/json' },
        },
      ),
  );
}

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 10_000, interval: 30 });
  await settle();
}

function back(flow: HTMLElement): boolean {
  const e = new KioskBackRequestEvent();
  flow.dispatchEvent(e);
  return e.defaultPrevented;
}

async function tap(flow: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(flow, text));
  await settle();
}

function shown(flow: HTMLElement, tag: string): boolean {
  return deepElements(flow).some((e) => e.tagName.toLowerCase() === tag);
}

async function typePinyin(input: Element, syllables: Array<[string, string]>): Promise<void> {
  await userEvent.click(input.shadowRoot!.querySelector('button')!);
  let kb: Element | null = null;
  await until(() => {
    kb = input.shadowRoot!.querySelector('kiosk-pinyin-keyboard');
    return Boolean(
      kb?.shadowRoot &&
      [...kb.shadowRoot.querySelectorAll('button')].some((b) => b.textContent.trim() === 'z' && !b.disabled),
    );
  }, 'keyboard ready');
  const key = (label: string): HTMLButtonElement =>
    [...kb!.shadowRoot!.querySelectorAll('button')].find((b) => b.textContent.trim() === label)!;
  for (const [letters, hanzi] of syllables) {
    for (const k of letters) await userEvent.click(key(k));
    await until(() => Boolean(key(hanzi)), `candidate ${hanzi}`);
    await userEvent.click(key(hanzi));
  }
}

describe('legal-aid flow owner', () => {
  it('typed identity after a failed card read; back walks all steps keeping every answer', async () => {
    noCard();
    const flow = await mount<KioskLegalAidFlow>(
      html`<kiosk-legal-aid-flow></kiosk-legal-aid-flow>`,
      'kiosk-legal-aid-flow',
    );
    await tap(flow, '我同意');
    await until(() => deepText(flow).includes('没有找到身份证'), 'card error');
    await tap(flow, '没有身份证，手动输入');

    // A wrong check character is refused with a spoken/written reason.
    for (const d of '110105194912310021') await userEvent.click(button(flow, d === 'X' ? 'X' : d));
    await tap(flow, '下一步');
    expect(deepText(flow)).toContain('身份证号码不对');
    await tap(flow, '删除');
    await tap(flow, 'X');
    const nameInput = deepElements(flow).find((e) => e.tagName.toLowerCase() === 'kiosk-pinyin-input')!;
    await typePinyin(nameInput, [
      ['zhang', '张'],
      ['san', '三'],
    ]);
    await tap(flow, '完成');
    await tap(flow, '下一步');

    await until(() => shown(flow, 'kiosk-legal-aid-phone'), 'phone step');
    for (const d of '13800138000') await userEvent.click(button(flow, d));
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-legal-aid-matter'), 'matter step');
    await tap(flow, '讨要工资');
    await tap(flow, '下一步');
    await until(() => shown(flow, 'kiosk-legal-aid-details'), 'details step');
    await expectAxeClean(flow);
    expectKioskSizes(flow);

    expect(back(flow)).toBe(true);
    await until(() => shown(flow, 'kiosk-legal-aid-matter'), 'back to matter');
    expect(button(flow, '讨要工资').getAttribute('aria-pressed')).toBe('true');
    expect(back(flow)).toBe(true);
    await until(() => shown(flow, 'kiosk-legal-aid-phone'), 'back to phone');
    expect(deepText(flow)).toContain('13800138000');
    expect(back(flow)).toBe(true);
    await until(() => shown(flow, 'kiosk-legal-aid-manual-id'), 'back to manual id');
    expect(deepText(flow)).toContain('11010519491231002X');
    expect(deepText(flow)).toContain('张三');
    expect(back(flow)).toBe(true);
    await until(() => shown(flow, 'kiosk-legal-aid-id-card'), 'back to card');
    expect(back(flow)).toBe(true);
    await until(() => shown(flow, 'kiosk-legal-aid-consent'), 'back to consent');
    // On the first step 返回 is the shell's: the flow does not hold it.
    expect(back(flow)).toBe(false);
  }, 90_000); // walks every step forward and back in Chromium

  it('details: one question per screen; an empty answer is refused; common phrases fill 发生了什么', async () => {
    const details = await mount<KioskLegalAidDetails>(
      html`<kiosk-legal-aid-details
        .phrases=${['unpaidWages', 'noContract', 'otherRefuses']}
      ></kiosk-legal-aid-details>`,
      'kiosk-legal-aid-details',
    );
    const events: unknown[] = [];
    details.addEventListener('kiosk-legal-aid-answer', (e) => events.push(e.detail));
    await expectAxeClean(details);
    expectKioskSizes(details);
    // Issue 15: one question per screen — the stage, the other party, what happened.
    await tap(details, '正在仲裁');
    await tap(details, '下一步');
    expect(deepText(details)).toContain('对方是谁');
    expect(deepText(details)).not.toContain('正在仲裁');
    await tap(details, '下一步');
    expect(deepText(details)).toContain('常用说法');
    // 上一步 goes back one question, keeping the answer.
    await tap(details, '上一步');
    await tap(details, '上一步');
    expect(button(details, '正在仲裁').getAttribute('aria-pressed')).toBe('true');
    await tap(details, '下一步');
    await tap(details, '下一步');
    await expectAxeClean(details);
    expectKioskSizes(details);
    await tap(details, '下一步');
    expect(events).toEqual([]);
    expect(deepText(details)).toContain('请说一说发生了什么');
    await tap(details, '干了活，老板不给工资');
    await tap(details, '没有签劳动合同');
    await tap(details, '下一步');
    expect(events).toEqual([
      { type: 'detailsEntered', stage: 'arbitration', otherParty: '', what: '干了活，老板不给工资；没有签劳动合同' },
    ]);
  });
});
