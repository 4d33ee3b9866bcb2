// 改一下 through the owner (issue 15 item 4): the legal-aid flow walked to the review with the card
// read; 改一下 beside the phone opens the phone step, and 下一步 there comes straight back to the
// review (not through the matter and the questions after it) with the new number shown and read.
import { provide } from '@lit/context';
import { html, LitElement } from 'lit';
import { customElement } from 'lit/decorators.js';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import { visitContext, type VisitApi } from '../../../kiosk-ui/src/context/contexts.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-flow.js';
import { RecordingVisit } from './recording-visit.js';
import { button, deepElements, deepText, expectAxeClean, expectKioskSizes, mount, settle } from './step-helpers.js';

let visit = new RecordingVisit();

@customElement('test-review-edit-visit')
class TestReviewEditVisit extends LitElement {
  @provide({ context: visitContext }) visit: VisitApi = visit;
  override render() {
    return html`<slot></slot>`;
  }
}
void TestReviewEditVisit;

const CARD = {
  cardType: 'resident',
  name: '张三',
  gender: '男',
  genderCode: '1',
  ethnicity: '汉',
  birthDate: '1949-12-31',
  address: '北京市',
  idNumber: '11010519491231002X',
  idNumberValid: true,
  issuingAuthority: '公安局',
  validFrom: '2010-01-01',
  validUntil: '长期',
};

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

async function until(check: () => boolean, what: string): Promise<void> {
  await vi.waitFor(() => expect(check(), what).toBe(true), { timeout: 10_000, interval: 30 });
  await settle();
}

async function tap(root: HTMLElement, text: string): Promise<void> {
  await userEvent.click(button(root, text));
  await settle();
}

function step(flow: HTMLElement, tag: string): HTMLElement | undefined {
  return deepElements(flow).find((e) => e.tagName.toLowerCase() === tag) as HTMLElement | undefined;
}

async function digits(root: HTMLElement, value: string): Promise<void> {
  for (const d of value) await userEvent.click(button(root, d));
  await settle();
}

describe('legal-aid flow: 改一下 from the review', () => {
  it(
    '改一下 on the phone goes to the phone step and back to the review with the new number',
    { timeout: 120_000 },
    async () => {
      visit = new RecordingVisit();
      vi.spyOn(window, 'fetch').mockImplementation(
        async () =>
          new Response(
            JSON.stringify({
              header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode: 'success' },
              payload: CARD,
            }),
            { status: 200, headers: { 'content-type': 'application/json' } },
          ),
      );
      const host = await mount<HTMLElement>(
        html`<test-review-edit-visit
          ><kiosk-legal-aid-flow style="height:${1080 - 2 * 96}px"></kiosk-legal-aid-flow
        ></test-review-edit-visit>`,
        'test-review-edit-visit',
      );
      const flow = host.querySelector('kiosk-legal-aid-flow')!;
      await tap(flow, '我同意');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-phone')), 'phone');
      await digits(step(flow, 'kiosk-legal-aid-phone')!, '13800138000');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-matter')), 'matter');
      await tap(flow, '讨要工资');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-details')), 'details');
      await tap(flow, '还没有打官司');
      await tap(flow, '下一步');
      await tap(flow, '下一步');
      await tap(flow, '干了活，老板不给工资');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-circumstances')), 'circumstances');
      await tap(flow, '都没有');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-group')), 'group');
      await tap(flow, '以上都不是');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-pledge')), 'pledge');
      await digits(step(flow, 'kiosk-legal-aid-pledge')!, '800');
      await tap(flow, '我承诺');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-urgency')), 'urgency');
      for (const name of ['deadlineSoon', 'preservationNeeded']) {
        const cards = deepElements(flow).find((e) => e.getAttribute('name') === name) as HTMLElement;
        await tap(cards, '不是');
      }
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-assessment')), 'assessment');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-documents')), 'documents');
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-review')), 'review');

      const review = step(flow, 'kiosk-legal-aid-review')!;
      expect(deepText(review)).toContain('13800138000');
      await userEvent.click(
        deepElements(review).find((e) => e.getAttribute('data-review-edit') === 'phone') as HTMLButtonElement,
      );
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-phone')), 'the phone step again');
      const phone = step(flow, 'kiosk-legal-aid-phone')!;
      expect(deepText(phone)).toContain('13800138000');
      await tap(phone, '清空');
      await digits(phone, '13912345678');
      await tap(flow, '下一步');
      // Straight back: no matter, details or questions in between.
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-review')), 'back at the review');
      expect(step(flow, 'kiosk-legal-aid-matter')).toBeUndefined();
      const again = step(flow, 'kiosk-legal-aid-review')!;
      expect(deepText(again)).toContain('13912345678');
      expect(deepText(again)).not.toContain('13800138000');
      // The other answers are still there, and the new number is what is read back.
      expect(deepText(again)).toContain('干了活，老板不给工资');
      await tap(again, '读给我听');
      await tap(again, '下一项');
      await tap(again, '下一项');
      expect(visit.texts.at(-1)).toBe('电话：幺三九，幺二三四，五六七八。');
      await expectAxeClean(flow);
      expectKioskSizes(flow);
      // 下一步 goes on to the signature as before the edit.
      await tap(flow, '下一步');
      await until(() => Boolean(step(flow, 'kiosk-legal-aid-signature')), 'signature');
    },
  );
});
