import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { ApplicationDetail, SatisfactionTable } from '@kiosk/contract/staff-api';
import '../../../service-center/console/src/center-home-visit-list.js';
import '../../../service-center/console/src/center-home-visit-detail.js';
import '../../../service-center/console/src/center-satisfaction.js';

// The 上门服务 list and the 满意度 table (issue 16) against the staff API's answers: every field as
// text (a name with markup stays text), the address in words, opened from the keyboard, axe clean.

const BOOKING: ApplicationDetail = {
  centerId: 'c-1',
  terminalId: 'demo-0001',
  receiptNo: 'SM261202-0001-0001',
  kind: 'homeVisit',
  state: 'received',
  submittedAt: '2026-12-02T02:00:00Z',
  receivedAt: '2026-12-02T02:00:05Z',
  updatedAt: '2026-12-02T02:00:05Z',
  urgent: false,
  data: {
    person: { name: '王秀英<img src=x onerror=alert(1)>', ageGroup: '80plus', disability: 'yes' },
    service: 'legalAid',
    mode: 'homeVisit',
    address: { township: '演示镇', village: '东坪村', group: '3组' },
    phone: '13912345678',
    preferredDays: ['2026-12-03', '2026-12-05'],
    source: 'legalAid',
    consent: { accepted: true, at: '2026-12-02T01:59:00Z' },
  },
  documents: [],
  history: [{ state: 'received', at: '2026-12-02T02:00:05Z' }],
  version: 0,
};

const TABLE: SatisfactionTable = {
  byTerminal: [
    { terminalId: 'demo-0001', service: 'homeVisit', counts: [0, 0, 1, 0, 3], total: 4, average: 4.5 },
    { terminalId: 'demo-0002', service: 'legalAid', counts: [1, 0, 0, 0, 0], total: 1, average: 1 },
  ],
  byService: [
    { service: 'homeVisit', counts: [0, 0, 1, 0, 3], total: 4, average: 4.5 },
    { service: 'legalAid', counts: [1, 0, 0, 0, 0], total: 1, average: 1 },
  ],
};

function fakeCentre(): string[] {
  const urls: string[] = [];
  vi.spyOn(window, 'fetch').mockImplementation(async (input) => {
    const url = input instanceof Request ? input.url : input.toString();
    urls.push(url);
    const json = (body: unknown): Response =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.includes('/api/v1/staff/applications?')) return json({ items: [BOOKING] });
    if (url.endsWith('/api/v1/staff/applications/c-1')) return json(BOOKING);
    if (url.endsWith('/api/v1/staff/satisfaction')) return json(TABLE);
    return new Response('{"error":"notFound"}', { status: 404 });
  });
  return urls;
}

describe('console 上门服务 and 满意度', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('lists bookings of kind homeVisit with every field as text; 办理 opens one from the keyboard; axe clean', async () => {
    const urls = fakeCentre();
    const el = document.createElement('center-home-visit-list');
    document.body.append(el);
    const row = page.getByRole('row', { name: /SM261202-0001-0001/ });
    await expect.element(row).toBeVisible();
    expect(urls.some((u) => u.includes('kind=homeVisit') && u.includes('state=received'))).toBe(true);
    const text = el.shadowRoot!.querySelector('tbody tr')!.textContent ?? '';
    for (const s of [
      '王秀英<img src=x onerror=alert(1)>',
      '80岁以上',
      '有残疾',
      '法律援助',
      '上门',
      '演示镇 东坪村 3组',
      '13912345678',
      '12月3日、12月5日',
      '待回电',
    ])
      expect(text).toContain(s);
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    const opened: string[] = [];
    el.addEventListener('center-application-open', (e) => opened.push(e.centerId));
    (el.shadowRoot!.querySelector('tbody button') as HTMLButtonElement).focus();
    await userEvent.keyboard('{Enter}');
    expect(opened).toEqual(['c-1']);
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });

  it('the booking detail reads as words, with the note that no ID card was read', async () => {
    const el = document.createElement('center-home-visit-detail');
    el.data = BOOKING.data;
    document.body.append(el);
    await expect.element(page.getByText('替来不了的人预约，没有读取他的身份证')).toBeVisible();
    const field = (f: string): string => el.shadowRoot!.querySelector(`[data-field="${f}"]`)!.textContent.trim();
    expect(field('address')).toBe('演示镇 东坪村 3组');
    expect(field('source')).toBe('法律援助');
    expect(field('mode')).toBe('上门');
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });

  it('the 满意度 table counts per service and per terminal, names nobody; axe clean', async () => {
    fakeCentre();
    const el = document.createElement('center-satisfaction');
    document.body.append(el);
    await expect.element(page.getByRole('heading', { name: '按终端和服务' })).toBeVisible();
    const service = el.shadowRoot!.querySelector('table[data-table="service"] tr[data-service="homeVisit"]')!;
    expect(service.querySelector('[data-score="5"]')!.textContent).toBe('3');
    expect(service.querySelector('[data-score="3"]')!.textContent).toBe('1');
    expect(service.querySelector('[data-average]')!.textContent).toBe('4.5');
    expect(service.textContent).toContain('预约上门');
    const terminal = el.shadowRoot!.querySelector('tr[data-terminal="demo-0002"]')!;
    expect(terminal.textContent).toContain('法律援助');
    expect(terminal.querySelector('[data-score="1"]')!.textContent).toBe('1');
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });
});
