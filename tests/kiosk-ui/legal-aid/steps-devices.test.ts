// Legal-aid steps that talk to devices or show results: ID card, submitting, receipt, typed ID, done.
import { html } from 'lit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-done.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-id-card.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-manual-id.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-receipt.js';
import '../../../kiosk-ui/src/legal-aid/kiosk-legal-aid-submitting.js';
import { button, deepText, expectAxeClean, expectKioskSizes, mount, recordEvents, settle } from './step-helpers.js';

afterEach(() => {
  document.body.innerHTML = '';
  vi.restoreAllMocks();
});

describe('submitting', () => {
  it('a refusal by the agent is said in words (which photo), answers kept; retry and back are offered', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-submitting failed .reason=${{ key: 'photoTooLarge', n: 2 }}></kiosk-legal-aid-submitting>`,
      'kiosk-legal-aid-submitting',
    );
    const events = recordEvents(el);
    expect(deepText(el)).toContain('张照片太大');
    expect(deepText(el)).toContain('您填写的内容都还在');
    button(el, '再试一次').click();
    button(el, '上一步').click();
    expect(events).toEqual([{ type: 'retrySubmit' }, { type: 'back' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });

  it('an unreachable agent gets the general message with the hotline', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-submitting failed hotline="12348"></kiosk-legal-aid-submitting>`,
      'kiosk-legal-aid-submitting',
    );
    expect(deepText(el)).toContain('提交没有成功，您的信息还在');
    expect(deepText(el)).toContain('12348');
  });
});

describe('receipt', () => {
  const submission = { receiptNo: 'LA20261129000123', storedAt: '2026-11-29T03:00:00Z', uploaded: false };
  it('shows the receipt number large, the pending upload, and after a paper-out the reprint button', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-receipt
        .submission=${submission}
        .print=${{ kind: 'paperOut', heldJobId: 'job-1' }}
      ></kiosk-legal-aid-receipt>`,
      'kiosk-legal-aid-receipt',
    );
    const events = recordEvents(el);
    const text = deepText(el);
    expect(text).toContain('LA20261129000123');
    expect(text).toContain('纸张用完了，请找工作人员加纸后重新打印');
    expect(text).toContain('已提交，待上传');
    const number = el.shadowRoot!.querySelector('[data-receipt-no]')!;
    expect(parseFloat(getComputedStyle(number).fontSize)).toBeGreaterThanOrEqual(64);
    button(el, '重新打印').click();
    button(el, '完成').click();
    expect(events).toEqual([{ type: 'reprintRequested' }, { type: 'finished' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });

  it('while printing, 完成 waits', async () => {
    const el = await mount(
      html`<kiosk-legal-aid-receipt
        .submission=${submission}
        .print=${{ kind: 'printing' }}
      ></kiosk-legal-aid-receipt>`,
      'kiosk-legal-aid-receipt',
    );
    // A disabled action stays tappable so that a tap can say what is missing (issue 15 item 3).
    const events = recordEvents(el);
    expect(button(el, '完成').getAttribute('aria-disabled')).toBe('true');
    button(el, '完成').click();
    expect(events).toEqual([]);
    expect(deepText(el)).toContain('正在打印回执');
  });
});

function completion(completionCode: string, payload: unknown): Response {
  return new Response(
    JSON.stringify({ header: { type: 'completion', name: 'idcard.read', requestId: 1, completionCode }, payload }),
    {
      status: 200,
      headers: { 'content-type': 'application/json' },
    },
  );
}

describe('ID card', () => {
  it('reads the card through the agent and reports the identity', async () => {
    const fetchSpy = vi.spyOn(window, 'fetch').mockResolvedValue(
      completion('success', {
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
      }),
    );
    const events = recordEvents(document.body);
    await mount(html`<kiosk-legal-aid-id-card></kiosk-legal-aid-id-card>`, 'kiosk-legal-aid-id-card');
    await vi.waitFor(() => expect(events).toHaveLength(1));
    expect(fetchSpy.mock.calls[0][0] as string).toContain('/api/v1/services/idcard/commands/read');
    expect(events[0]).toEqual({
      type: 'cardRead',
      identity: {
        source: 'card',
        name: '张三',
        idNumber: '11010519491231002X',
        gender: '男',
        ethnicity: '汉',
        birthDate: '1949-12-31',
        address: '北京市',
      },
    });
  });

  it('a failed read says what to do and offers retry and typing instead', async () => {
    vi.spyOn(window, 'fetch').mockResolvedValue(completion('commandErrorCode', { errorCode: 'noMedia' }));
    const el = await mount(html`<kiosk-legal-aid-id-card></kiosk-legal-aid-id-card>`, 'kiosk-legal-aid-id-card');
    const events = recordEvents(el);
    await vi.waitFor(() => expect(deepText(el)).toContain('没有找到身份证'));
    await settle();
    button(el, '没有身份证，手动输入').click();
    expect(events).toEqual([{ type: 'typeIdInstead' }]);
    expect(button(el, '再试一次')).toBeTruthy();
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});

describe('manual ID and done', () => {
  it('the typed-ID page is axe clean with big targets and refuses an empty form', async () => {
    const el = await mount(html`<kiosk-legal-aid-manual-id></kiosk-legal-aid-manual-id>`, 'kiosk-legal-aid-manual-id');
    const events = recordEvents(el);
    await expectAxeClean(el);
    expectKioskSizes(el);
    button(el, '下一步').click();
    await settle();
    expect(events).toEqual([]);
    expect(deepText(el)).toContain('身份证号码不对');
  });

  it('完成 on the last page ends the application', async () => {
    const el = await mount(html`<kiosk-legal-aid-done></kiosk-legal-aid-done>`, 'kiosk-legal-aid-done');
    const events = recordEvents(el);
    expect(deepText(el)).toContain('查询进度');
    button(el, '完成').click();
    expect(events).toEqual([{ type: 'finished' }]);
    await expectAxeClean(el);
    expectKioskSizes(el);
  });
});
