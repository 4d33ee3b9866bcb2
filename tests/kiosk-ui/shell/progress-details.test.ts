import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import type { SubmissionStatus } from '@kiosk/contract/kiosk-api';
import '../../../kiosk-ui/src/shell/kiosk-app.js';
import { button, findDeep, settle, until } from './dom.js';
import { fakeAgent, type FakeAgent } from './fake-agent.js';

// 查询进度 shows and speaks what the centre sent with a status (issue 12 item 4): the certificate's
// delivery, a session's time (China time, as she says it) and place, a note; and the notarization's
// 15-working-day clock while it runs.
let agent: FakeAgent;
let cardOnReader = false;

const ISSUED: SubmissionStatus = {
  receiptNo: 'GZ261201-0001-0007',
  kind: 'notarization',
  state: 'certificateIssued',
  submittedAt: '2026-12-01T02:00:00Z',
  updatedAt: '2026-12-08T06:00:00Z',
  details: { delivery: 'village' },
  uploaded: true,
};
const SCHEDULED: SubmissionStatus = {
  receiptNo: 'TJ261202-0001-0003',
  kind: 'mediation',
  state: 'scheduled',
  submittedAt: '2026-12-02T02:00:00Z',
  updatedAt: '2026-12-03T02:00:00Z',
  // 01:30 UTC is 9:30 in China.
  details: { schedule: { at: '2026-12-09T01:30:00Z', place: '村委会调解室' }, note: '请带上宅基地证' },
  uploaded: true,
};
const ACCEPTED: SubmissionStatus = {
  receiptNo: 'GZ261203-0001-0009',
  kind: 'notarization',
  state: 'accepted',
  submittedAt: '2026-12-03T02:00:00Z',
  updatedAt: '2026-12-03T05:00:00Z',
  uploaded: true,
};

async function tap(el: HTMLElement): Promise<void> {
  await userEvent.click(el);
  await settle();
}

function spoken(): string {
  return agent.calls
    .filter((c) => c.method === 'POST' && c.path === '/api/v1/voice')
    .map((c) => (c.body as { text: string }).text)
    .join('');
}

/** A visible button whose whole text is `label` (查询, not 查询进度). */
function exact(label: string): HTMLElement {
  const el = findDeep((e) => e.tagName === 'BUTTON' && (e.textContent ?? '').trim() === label);
  if (!el) throw new Error(`no visible button "${label}"`);
  return el;
}

async function openProgress(): Promise<void> {
  document.body.append(document.createElement('kiosk-app'));
  await until(() => agent.calls.some((c) => c.path === '/api/v1/ui-config'));
  await settle();
  await tap(button('请轻点屏幕开始'));
  await tap(button('查询进度'));
}

async function tapDigits(name: string, digits: string): Promise<void> {
  const pad = findDeep((el) => el.tagName === 'KIOSK-DIGIT-PAD' && el.getAttribute('name') === name)!;
  for (const d of digits) {
    const key = [...pad.shadowRoot!.querySelectorAll<HTMLButtonElement>('button')].find(
      (b) => b.textContent?.trim() === d,
    )!;
    await tap(key);
  }
}

describe('查询进度: status details', () => {
  beforeEach(() => {
    cardOnReader = false;
    agent = fakeAgent({
      submission: (receiptNo, idLast4) => {
        if (receiptNo === 'mine') return { status: 200, body: { submissions: [ISSUED, SCHEDULED, ACCEPTED] } };
        if (receiptNo === ISSUED.receiptNo && idLast4 === '002X') return { status: 200, body: ISSUED };
        return { status: 404, body: { error: 'statusNotFound' } };
      },
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

  it('by receipt number: 公证书已经出具 with 领取方式：到村里领取, shown and spoken', async () => {
    await openProgress();
    await tap(button('公证预约'));
    await tapDigits('receiptNo', '26120100010007');
    await tapDigits('idLast4', '002X');
    await tap(exact('查询'));
    await until(() => !!findDeep((el) => el.dataset?.['state'] === 'certificateIssued'), 5000);
    const result = findDeep((el) => el.classList?.contains('result'))!;
    expect(result.textContent).toContain('公证书已经出具');
    expect(result.textContent?.replace(/\s+/g, '')).toContain('领取方式：到村里领取');
    // No clock once the certificate is out.
    expect(result.textContent).not.toContain('15个工作日');
    await until(() => spoken().includes('领取方式：到村里领取'), 5000);
    expect(spoken()).toContain('公证书已经出具');
  });

  it('by ID card: delivery, time and place in China time, note, the 15-working-day clock; spoken and printed', async () => {
    await openProgress();
    cardOnReader = true;
    await until(() => !!findDeep((el) => el.hasAttribute?.('data-mine')), 5000);
    const items = [
      ...findDeep((el) => el.hasAttribute?.('data-mine'))!.querySelectorAll<HTMLElement>('[data-receipt]'),
    ];
    const text = (li: Element) => li.textContent?.replace(/\s+/g, '') ?? '';
    expect(text(items[0])).toContain('领取方式：到村里领取');
    expect(text(items[1])).toContain('时间：12月9日上午9:30');
    expect(text(items[1])).toContain('地点：村委会调解室');
    expect(text(items[1])).toContain('说明：请带上宅基地证');
    expect(text(items[2])).toContain('出证时间：受理后15个工作日内出公证书');

    await until(() => spoken().includes('说明：请带上宅基地证'), 5000);
    expect(spoken()).toContain('领取方式：到村里领取。');
    expect(spoken()).toContain('时间：12月9日 上午9:30。地点：村委会调解室。');
    expect(spoken()).toContain('受理后15个工作日内出公证书');

    // Fits the screen without scrolling (elder mode, 1920×1080).
    const main = findDeep((el) => el.tagName === 'MAIN')!;
    expect(main.scrollHeight).toBeLessThanOrEqual(main.clientHeight + 1);

    // 大字: still no scrolling; what does not fit is on the next page (上一页 / 下一页).
    await tap(button('大字'));
    await settle();
    await settle();
    expect(main.scrollHeight, '大字').toBeLessThanOrEqual(main.clientHeight + 1);
    const shown = () => items.filter((el) => !el.hasAttribute('data-pager-off')).map((el) => el.dataset['receipt']);
    expect(shown().length).toBeLessThan(3);
    for (let page = 0; page < 3 && !shown().includes(ACCEPTED.receiptNo); page++) {
      await tap(button('下一页'));
      expect(main.scrollHeight, '大字, next page').toBeLessThanOrEqual(main.clientHeight + 1);
    }
    expect(shown()).toContain(ACCEPTED.receiptNo);
    await tap(button('大字'));

    cardOnReader = false;
    await tap(button('打印'));
    await until(() => agent.calls.some((c) => c.path === '/api/v1/services/printer/commands/printForm'));
    const print = agent.calls.find((c) => c.path === '/api/v1/services/printer/commands/printForm')!.body as {
      payload: { fields: { rows: Array<{ label: string; value: string }> } };
    };
    expect(print.payload.fields.rows).toContainEqual({ label: '领取方式', value: '到村里领取' });
    expect(print.payload.fields.rows).toContainEqual({ label: '时间', value: '12月9日 上午9:30' });
    expect(print.payload.fields.rows).toContainEqual({ label: '地点', value: '村委会调解室' });
  });
});
