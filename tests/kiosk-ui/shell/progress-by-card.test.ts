import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import '../../../kiosk-ui/src/shell/kiosk-app.js';
import { button, findDeep, settle, until } from './dom.js';
import { fakeAgent, type FakeAgent } from './fake-agent.js';
import { userEvent } from 'vitest/browser';

// 查询进度 by ID card (issue 15 item 6): the card on the reader lists her submissions, spoken, with 打印.
let agent: FakeAgent;
let cardOnReader = false;

const MINE = {
  submissions: [
    {
      receiptNo: 'FY261130-0001-0002',
      kind: 'legalAid',
      state: 'needMaterials',
      submittedAt: '2026-11-30T03:00:00Z',
      updatedAt: '2026-12-01T03:00:00Z',
      missingMaterials: ['劳动合同或工资条', '欠条原件'],
      uploaded: true,
    },
    {
      receiptNo: 'GZ261129-0001-0001',
      kind: 'notarization',
      state: 'accepted',
      submittedAt: '2026-11-29T03:00:00Z',
      updatedAt: '2026-11-29T05:00:00Z',
      uploaded: true,
    },
  ],
};

async function tap(el: HTMLElement): Promise<void> {
  await userEvent.click(el);
  await settle();
}

describe('查询进度 by ID card', () => {
  beforeEach(() => {
    cardOnReader = false;
    agent = fakeAgent({
      // /api/v1/submissions/mine: the agent lists the card it read itself.
      submission: (receiptNo) => (receiptNo === 'mine' ? { status: 200, body: MINE } : { status: 404 }),
      command: (name) => {
        if (name === 'idcard.read') return cardOnReader ? { idNumber: '11010519491231002X', name: '张三' } : {};
        if (name === 'printer.printForm') return { jobId: 'job-1' };
        return {};
      },
    });
  });
  afterEach(() => {
    document.body.replaceChildren();
    agent.restore();
  });

  it('lists her submissions with status and 补充材料, speaks them, prints them; 重新查询 starts empty', async () => {
    const app = document.createElement('kiosk-app');
    document.body.append(app);
    await until(() => agent.calls.some((c) => c.path === '/api/v1/ui-config'));
    await settle();
    await tap(button('请轻点屏幕开始'));
    await tap(button('查询进度'));
    expect(findDeep((el) => el.classList?.contains('card-hint'))!.textContent).toContain('把身份证放在读卡区');

    cardOnReader = true;
    await until(() => !!findDeep((el) => el.hasAttribute?.('data-mine')), 5000);
    const items = () => [...findDeep((el) => el.hasAttribute?.('data-mine'))!.querySelectorAll('[data-receipt]')];
    expect(items().map((li) => (li as HTMLElement).dataset['receipt'])).toEqual([
      'FY261130-0001-0002',
      'GZ261129-0001-0001',
    ]);
    expect(items()[0].textContent).toContain('还需要补充材料');
    expect(items()[0].textContent).toContain('劳动合同或工资条');
    expect(items()[1].textContent).toContain('已经受理，正在审查');
    // Never an ID number or a name on screen, nor sent by the page.
    expect(document.body.innerText).not.toContain('张三');
    expect(agent.calls.filter((c) => c.path.startsWith('/api/v1/submissions/mine')).every((c) => !c.body)).toBe(true);

    await until(() => agent.calls.some((c) => c.method === 'POST' && c.path === '/api/v1/voice'));
    const spoken = agent.calls
      .filter((c) => c.method === 'POST' && c.path === '/api/v1/voice')
      .map((c) => (c.body as { text: string }).text)
      .join('');
    expect(spoken).toContain('您在这台机器上办了2件事');
    expect(spoken).toContain('还需要补充：劳动合同或工资条，欠条原件');
    expect(spoken).not.toContain('11010519491231002X');

    cardOnReader = false;
    await tap(button('打印'));
    await until(() => agent.calls.some((c) => c.path === '/api/v1/services/printer/commands/printForm'));
    const print = agent.calls.find((c) => c.path === '/api/v1/services/printer/commands/printForm')!.body as {
      payload: { form: string; fields: { rows: Array<{ label: string; value: string }> } };
    };
    expect(print.payload.form).toBe('progress-status');
    expect(print.payload.fields.rows).toContainEqual({ label: '回执编号', value: 'FY261130-0001-0002' });
    expect(print.payload.fields.rows).toContainEqual({ label: '还需要补充', value: '劳动合同或工资条；欠条原件' });
    expect(JSON.stringify(print.payload)).not.toContain('11010519491231002X');

    await tap(button('重新查询'));
    const pads = [
      ...findDeep((el) => el.tagName === 'KIOSK-PROGRESS-SCREEN')!.shadowRoot!.querySelectorAll('kiosk-digit-pad'),
    ];
    expect(pads.map((p) => p.value)).toEqual(['', '']);
    expect(findDeep((el) => el.hasAttribute?.('data-mine'))).toBeFalsy();
  });
});
