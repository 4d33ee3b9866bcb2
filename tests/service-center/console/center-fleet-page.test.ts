import axe from 'axe-core';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { FleetList, FleetTerminal } from '@kiosk/contract/staff-api';
import '../../../service-center/console/src/center-fleet-page.js';

// The 终端状态 page against the staff API's answers: problems in words, sorting by county, the
// readiness report asked for and shown, axe clean.

const now = Date.now();
const ago = (s: number): string => new Date(now - s * 1000).toISOString();
const beat = (
  over: Partial<NonNullable<FleetTerminal['heartbeat']>> = {},
): NonNullable<FleetTerminal['heartbeat']> => ({
  agentVersion: '0.1.0',
  uptimeSec: 3600,
  sentAt: ago(10),
  regionCode: '450100',
  devices: { idcard: { device: 'online' }, printer: { device: 'online', paper: 'full' }, camera: { device: 'online' } },
  outbox: { depth: 0, oldestAgeSec: null, lastForwardAt: null },
  diskFreeBytes: 8 * 1024 ** 3,
  clockOffsetMs: 120,
  ...over,
});

const FLEET: FleetList = {
  generatedAt: new Date(now).toISOString(),
  silentAfterSec: 300,
  terminals: [
    { id: 'cz-0009', name: '城中村', lastSeenAt: null, silentSec: null, flags: ['neverSeen'] },
    {
      id: 'wm-0002',
      name: '武鸣区某村',
      regionCode: '450122',
      lastSeenAt: ago(1200),
      silentSec: 1200,
      flags: ['silent'],
      heartbeat: beat({ regionCode: '450122' }),
    },
    {
      id: 'xn-0001',
      name: '兴宁区某村',
      regionCode: '450102',
      lastSeenAt: ago(20),
      silentSec: 20,
      flags: ['paperOut', 'outboxGrowing'],
      heartbeat: beat({
        regionCode: '450102',
        devices: {
          idcard: { device: 'online' },
          printer: { device: 'online', paper: 'out', lastErrorCode: 'printer.paperOut', lastErrorAction: 'clear' },
          camera: { device: 'online' },
        },
        outbox: { depth: 4, oldestAgeSec: 1500, lastForwardAt: ago(3600) },
      }),
      readiness: {
        generatedAt: ago(400),
        receivedAt: ago(400),
        ok: false,
        checks: [
          { id: 'printer', ok: false, detail: '缺纸' },
          { id: 'password', ok: true },
        ],
      },
    },
  ],
};

function fakeCentre(): Array<{ url: string; method: string; csrf: string | null }> {
  const calls: Array<{ url: string; method: string; csrf: string | null }> = [];
  vi.spyOn(window, 'fetch').mockImplementation(async (input, init) => {
    const url = input instanceof Request ? input.url : input.toString();
    const method = init?.method ?? 'GET';
    calls.push({ url, method, csrf: new Headers(init?.headers).get('x-csrf-token') });
    const json = (body: unknown): Response =>
      new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (url.endsWith('/api/v1/staff/fleet') && method === 'GET') return json(FLEET);
    if (/\/fleet\/[^/]+\/readiness$/.test(url) && method === 'POST')
      return json({ requestedAt: new Date().toISOString() });
    return new Response('{"error":"notFound"}', { status: 404 });
  });
  return calls;
}

async function mount(): Promise<HTMLElement> {
  const el = document.createElement('center-fleet-page');
  document.body.append(el);
  await expect.element(page.getByRole('table')).toBeVisible();
  return el;
}

const rowOrder = (el: HTMLElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('tbody tr')].map((tr) => tr.getAttribute('data-terminal-id') ?? '');

describe('<center-fleet-page>', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('shows which terminals need a technician, in words, sorted by county; axe clean', async () => {
    fakeCentre();
    const el = await mount();
    await expect.element(page.getByRole('heading', { name: '终端状态' })).toBeVisible();
    await expect.element(page.getByText('共 3 台终端，3 台需要处理')).toBeVisible();
    expect(rowOrder(el)).toEqual(['xn-0001', 'wm-0002', 'cz-0009']);
    const xn = page.getByRole('row', { name: /兴宁区某村/ });
    await expect.element(xn.getByText('缺纸', { exact: true }).first()).toBeVisible();
    await expect.element(xn.getByText('待上传在增加')).toBeVisible();
    await expect.element(xn.getByText('4 件，最早 25 分钟前')).toBeVisible();
    await expect.element(page.getByRole('row', { name: /武鸣区某村/ }).getByText('失联')).toBeVisible();
    await expect.element(page.getByRole('row', { name: /武鸣区某村/ }).getByText('20 分钟前')).toBeVisible();
    await expect
      .element(
        page
          .getByRole('row', { name: /城中村/ })
          .getByText('从未报告')
          .first(),
      )
      .toBeVisible();
    const result = await axe.run(el);
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
  });

  it('sorts by the number of problems or by terminal id on request', async () => {
    fakeCentre();
    const el = await mount();
    await userEvent.selectOptions(page.getByLabelText('排序'), 'problems');
    await vi.waitFor(() => expect(rowOrder(el)).toEqual(['xn-0001', 'cz-0009', 'wm-0002']));
    await userEvent.selectOptions(page.getByLabelText('排序'), 'id');
    await vi.waitFor(() => expect(rowOrder(el)).toEqual(['cz-0009', 'wm-0002', 'xn-0001']));
  });

  it('shows the last readiness report by check name and asks a terminal for a new one', async () => {
    const calls = fakeCentre();
    await mount();
    const xn = page.getByRole('row', { name: /兴宁区某村/ });
    await expect.element(xn.getByText('有 1 项未通过')).toBeVisible();
    await expect.element(xn.getByRole('listitem')).toHaveTextContent(/打印机.*（缺纸）/);
    await page.getByRole('button', { name: '请求就绪报告：武鸣区某村' }).click();
    await expect
      .element(page.getByRole('row', { name: /武鸣区某村/ }).getByText('已请求，等终端下次报告'))
      .toBeVisible();
    const post = calls.find((c) => c.method === 'POST');
    expect(post?.url).toMatch(/\/api\/v1\/staff\/fleet\/wm-0002\/readiness$/);
  });
});
