import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ApplicationDetail, ApplicationSummary, StatusChangeRequest } from '@kiosk/contract/staff-api';
import '../../../service-center/console/src/center-app.js';
import '../../../service-center/console/src/center-notarization-detail.js';
import '../../../service-center/console/src/center-status-form.js';
import type { CenterStatusSubmitEvent } from '../../../service-center/console/src/events.js';

// The notary desk (issue 12 item 4) against a faked staff API at the fetch boundary: a notary lands
// on 公证申请, opens a request and sees the face crop of the live-person check beside the ID card
// photo, the matter from the catalogue, the materials; 公证书已出具 needs the delivery before 确认办理.

const SUMMARY: ApplicationSummary = {
  centerId: 'c-gz-1',
  terminalId: 'demo-0001',
  receiptNo: 'GZ261201-0001-0007',
  kind: 'notarization',
  state: 'received',
  submittedAt: '2026-12-01T02:00:00Z',
  receivedAt: '2026-12-01T02:00:05Z',
  updatedAt: '2026-12-01T02:00:05Z',
  urgent: false,
  matter: 'education',
  applicantName: '张三',
};

function detail(state: ApplicationDetail['state'], version: number): ApplicationDetail {
  return {
    ...SUMMARY,
    state,
    version,
    data: {
      applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
      matter: { code: 'education' },
      purpose: '出国留学',
      where: 'abroad',
      country: '英国',
      booking: { kind: 'phone' },
      materials: [
        { id: 'idCard', photographed: true },
        { id: 'hukou', photographed: false },
        { id: 'diploma', photographed: true },
      ],
      liveness: {
        result: 'passed',
        method: 'faceDetector-headTurn',
        checkedAt: '2026-12-01T01:58:00Z',
        attempts: 2,
        order: ['right', 'left'],
        facePhoto: 2,
      },
      consent: { accepted: true, at: '2026-12-01T01:55:00Z' },
    },
    documents: [
      { role: 'photo', index: 0, mime: 'image/jpeg', label: '本人身份证', size: 1000 },
      { role: 'photo', index: 1, mime: 'image/jpeg', label: '毕业证书原件', size: 1000 },
      { role: 'photo', index: 2, mime: 'image/jpeg', label: '现场人像照片', size: 800 },
      { role: 'signature', index: 0, mime: 'image/png', size: 300 },
    ],
    history: [{ state: 'received', at: SUMMARY.receivedAt }],
  };
}

let current: ApplicationDetail;
let posted: StatusChangeRequest[];
let listed: string[];

beforeEach(() => {
  current = detail('approved', 3);
  posted = [];
  listed = [];
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), location.href);
    const path = url.pathname.replace(/^.*\/api\/v1\/staff/, '');
    if (path === '/me') return json({ name: 'notary1', role: 'notary', mustChange: false, csrfToken: 'x' });
    if (path === '/applications') {
      listed.push(url.search);
      return json({ items: [{ ...SUMMARY, state: current.state }] });
    }
    if (path === `/applications/${SUMMARY.centerId}`) return json(current);
    if (path === `/applications/${SUMMARY.centerId}/status` && init?.method === 'POST') {
      const change = JSON.parse(init.body as string) as StatusChangeRequest;
      posted.push(change);
      current = {
        ...current,
        state: change.state,
        version: (current.version ?? 0) + 1,
        ...(change.delivery ? { details: { delivery: change.delivery } } : {}),
      };
      return json(current);
    }
    return json({ error: 'notFound' }, 404);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

describe('the notary desk', () => {
  it('lands on 公证申请, shows the face crop beside the ID photo, and asks the delivery before 确认办理', async () => {
    document.body.append(document.createElement('center-app'));
    await expect.element(page.getByRole('heading', { name: '公证申请' })).toBeVisible();
    // The desk names itself for the notary, not as the legal-aid desk.
    await expect.element(page.getByRole('heading', { level: 1, name: '远程公证受理台' })).toBeVisible();
    const row = page.getByRole('row').filter({ hasText: 'GZ261201-0001-0007' });
    await expect.element(row).toBeVisible();
    // The matter by its catalogue name, not its code.
    await expect.element(row).toHaveTextContent(/远程公证 · 学历公证/);
    await userEvent.click(row.getByRole('button', { name: '查看' }));

    await expect.element(page.getByRole('heading', { name: /申请详情 GZ261201-0001-0007/ })).toBeVisible();
    const face = page.getByRole('img', { name: /现场人像/ });
    const idPhoto = page.getByRole('img', { name: '身份证照片' });
    await expect.element(face).toBeVisible();
    await expect.element(idPhoto).toBeVisible();
    // Side by side: the same row, the face crop first.
    const f = face.element().getBoundingClientRect();
    const i = idPhoto.element().getBoundingClientRect();
    expect(Math.abs(f.top - i.top)).toBeLessThan(2);
    expect(f.right).toBeLessThanOrEqual(i.left);
    expect(face.element().getAttribute('src')).toMatch(/applications\/c-gz-1\/documents\/photo\/2$/);
    expect(idPhoto.element().getAttribute('src')).toMatch(/documents\/photo\/0$/);
    await expect.element(page.getByText(/通过（第 2 次尝试，转头顺序：向右、向左/)).toBeVisible();
    await expect.element(page.getByText('不是经认证的防伪检测', { exact: false })).toBeVisible();
    await expect.element(page.getByText('出国留学')).toBeVisible();
    await expect.element(page.getByText('英国')).toBeVisible();
    const materials = page.getByRole('list').filter({ hasText: '户口本' });
    await expect.element(materials).toHaveTextContent(/户口本：未拍照/);
    await expect.element(materials).toHaveTextContent(/毕业证书原件：已拍照/);

    // approved → only 公证书已出具 is offered; without a delivery nothing is sent.
    const issued = page.getByLabelText('公证书已出具');
    await userEvent.click(issued);
    const village = page.getByLabelText('到村领取');
    await expect.element(village).toBeVisible();
    await expect.element(page.getByLabelText('邮寄')).toBeVisible();
    await expect.element(page.getByLabelText('到公证处领取')).toBeVisible();
    await userEvent.click(page.getByRole('button', { name: '确认办理' }));
    await expect.element(page.getByRole('alert').filter({ hasText: '请选择公证书的领取方式' })).toBeVisible();
    expect(posted).toEqual([]);

    await userEvent.click(village);
    await userEvent.click(page.getByRole('button', { name: '确认办理' }));
    await expect.element(page.getByText('已更新，申请人在终端查询时可以看到。')).toBeVisible();
    expect(posted).toEqual([{ state: 'certificateIssued', delivery: 'village', version: 3 }]);
    await expect.element(page.getByText('此申请已办结。')).toBeVisible();
    const detailEl = document.querySelector('center-app')?.shadowRoot?.querySelector('center-application-detail');
    if (!detailEl?.shadowRoot) throw new Error('no detail');
    expect(detailEl.shadowRoot.querySelector('[data-delivery]')?.textContent).toBe('到村领取');

    const result = await axe.run(detailEl, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });
});

describe('the ID card photo under 本人核验', () => {
  /** The detail of a request whose card was read on the reader: photos 0 material, 1 face crop, 2 card. */
  async function open(identity: Record<string, unknown>, withCardPhoto: boolean) {
    const el = document.createElement('center-notarization-detail');
    el.centerId = 'c-gz-2';
    el.data = {
      ...detail('received', 1).data,
      identity,
      materials: [{ id: 'diploma', photographed: true }],
      liveness: { ...(detail('received', 1).data['liveness'] as object), facePhoto: 1 },
    };
    el.documents = [
      { role: 'photo', index: 0, mime: 'image/jpeg', label: '毕业证书原件', size: 1000 },
      { role: 'photo', index: 1, mime: 'image/jpeg', label: '现场人像照片', size: 800 },
      ...(withCardPhoto
        ? [{ role: 'photo' as const, index: 2, mime: 'image/png', label: '身份证照片（读卡器读出）', size: 300 }]
        : []),
      { role: 'signature', index: 0, mime: 'image/png', size: 300 },
    ];
    document.body.append(el);
    await el.updateComplete;
    return el.shadowRoot!;
  }

  it('the reader’s decoded card photo stands beside the face crop, not among the materials', async () => {
    const root = await open({ source: 'card', cardPhoto: 2 }, true);
    const pair = root.querySelector('[data-identity]')!;
    const images = [...pair.querySelectorAll('img')];
    expect(images.map((i) => i.alt)).toEqual(['现场人像（活体检测时截取）', '身份证照片（读卡器从证件芯片读出）']);
    expect(images[1].getAttribute('src')).toMatch(/applications\/c-gz-2\/documents\/photo\/2$/);
    const f = images[0].getBoundingClientRect();
    const c = images[1].getBoundingClientRect();
    expect(Math.abs(f.top - c.top)).toBeLessThan(2);
    expect(f.right).toBeLessThanOrEqual(c.left);
    expect(root.querySelector('[data-id-photo-missing]')).toBeNull();
    const materials = [...root.querySelectorAll('.photos img')].map((i) => i.getAttribute('alt'));
    expect(materials).toEqual(['1. 毕业证书原件']);
    const result = await axe.run(root.host as HTMLElement, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('a card read on a terminal without a decoder: the note says why there is no card photo and to compare at the interview', async () => {
    const root = await open({ source: 'card' }, false);
    const note = root.querySelector('[data-id-photo-missing]')!;
    expect(note.getAttribute('data-id-photo-missing')).toBe('noDecoder');
    expect(note.textContent).toContain('没有证件照片解码程序');
    expect(note.textContent).toContain('请在视频面谈时核对本人与身份证');
    expect([...root.querySelectorAll('[data-identity] img')].map((i) => i.getAttribute('alt'))).toEqual([
      '现场人像（活体检测时截取）',
    ]);
  });

  it('a card index that points at the face crop or nowhere is not taken for the card photo', async () => {
    for (const cardPhoto of [1, 7, -1, 'x']) {
      const root = await open({ source: 'card', cardPhoto }, false);
      expect(
        root.querySelector('[data-id-photo-missing]')?.getAttribute('data-id-photo-missing'),
        String(cardPhoto),
      ).toBe('noDecoder');
      document.body.replaceChildren();
    }
  });
});

describe('<center-status-form> per kind', () => {
  const radios = (form: HTMLElement) =>
    [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[name=state]')].map((r) => [
      r.value,
      r.parentElement!.textContent.trim(),
    ]);

  it('offers each kind its own next states and wording', async () => {
    const form = document.createElement('center-status-form');
    form.kind = 'notarization';
    document.body.append(form);
    await form.updateComplete;
    expect(radios(form)).toEqual([
      ['accepted', '受理公证申请'],
      ['needMaterials', '补充材料（一次性告知）'],
      ['rejected', '不予办理公证'],
    ]);
    form.current = 'accepted';
    await form.updateComplete;
    expect(radios(form).map(([, label]) => label)).toContain('准予出具公证书');
    form.kind = 'legalAid';
    await form.updateComplete;
    expect(radios(form)).toEqual([
      ['needMaterials', '补充材料（一次性告知）'],
      ['approved', '准予法律援助'],
      ['rejected', '不予法律援助'],
    ]);
  });

  it('a refusal of a notarization carries its reason; a schedule carries China time and the place', async () => {
    const form = document.createElement('center-status-form');
    form.kind = 'notarization';
    document.body.append(form);
    await form.updateComplete;
    const root = form.shadowRoot!;
    root.querySelector<HTMLInputElement>('input[value=rejected]')!.click();
    await form.updateComplete;
    expect(root.querySelector('label[for=reason]')!.textContent).toContain('不予办理公证的理由');
    root.querySelector<HTMLTextAreaElement>('#reason')!.value = '  学历证书系伪造  ';
    let got = new Promise<CenterStatusSubmitEvent>((done) =>
      form.addEventListener('center-status-submit', done, { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await got).change).toEqual({ state: 'rejected', reason: '学历证书系伪造' });

    form.kind = 'mediation';
    form.current = 'accepted';
    await form.updateComplete;
    root.querySelector<HTMLInputElement>('input[value=scheduled]')!.click();
    await form.updateComplete;
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    await form.updateComplete;
    expect(root.querySelector('[role=alert]')!.textContent).toContain('请填写时间和地点');
    root.querySelector<HTMLInputElement>('#scheduleAt')!.value = '2026-12-09T09:30';
    root.querySelector<HTMLInputElement>('#schedulePlace')!.value = '村委会调解室';
    got = new Promise<CenterStatusSubmitEvent>((done) =>
      form.addEventListener('center-status-submit', done, { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await got).change).toEqual({
      state: 'scheduled',
      schedule: { at: '2026-12-09T09:30:00+08:00', place: '村委会调解室' },
    });
  });
});
