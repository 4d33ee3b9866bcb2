import axe from 'axe-core';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { page, userEvent } from 'vitest/browser';
import type { NotaryInterview, NotarySlot, PublishNotarySlots } from '@kiosk/contract/notary-api';
import '../../../service-center/console/src/center-app.js';

// The notary's 面谈时段 page (issue 12) against a staff API faked at the fetch boundary that keeps the
// centre's rules (a slot already starting at a time is 409 `exists`; a booked slot cannot be
// withdrawn, 409 `notAllowed`): publish a run for a date, the slots with booked/held/free seats,
// 撤回 a free one, the refusals in words, the interviews booked that day; keyboard and axe.

const DAY = '2026-12-09';
const at = (hhmm: string): string => new Date(`${DAY}T${hhmm}:00+08:00`).toISOString();

let slots: NotarySlot[];
let interviews: NotaryInterview[];
let published: PublishNotarySlots[];
let role: 'notary' | 'admin';

beforeEach(() => {
  role = 'notary';
  published = [];
  slots = [
    {
      slotId: '00000000-0000-4000-8000-000000000001',
      startsAt: at('14:00'),
      lengthMin: 30,
      capacity: 2,
      booked: 1,
      held: 1,
      publishedBy: 'notary1',
      publishedAt: '2026-12-01T01:00:00.000Z',
    },
  ];
  interviews = [
    {
      bookingId: 'b1',
      slotId: slots[0].slotId,
      startsAt: at('14:00'),
      lengthMin: 30,
      terminalId: 'demo-0001',
      receiptNo: 'GZ261202-0001-0004',
      matter: 'education',
    },
  ];
  let n = 10;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input.toString(), location.href);
    const path = url.pathname.replace(/^.*\/api\/v1\/staff/, '');
    const method = init?.method ?? 'GET';
    if (path === '/me') return json({ name: `${role}1`, role, mustChange: false, csrfToken: 'x' });
    if (path === '/applications') return json({ items: [] });
    if (path === '/notary-slots' && method === 'GET') {
      const from = url.searchParams.get('from');
      return json({ items: slots.filter((s) => from === DAY && s.startsAt.startsWith('2026-12-0')) });
    }
    if (path === '/notary-slots' && method === 'POST') {
      const run = JSON.parse(init!.body as string) as PublishNotarySlots;
      published.push(run);
      const first = new Date(`${run.date}T${run.start}:00+08:00`).getTime();
      const fresh: NotarySlot[] = Array.from({ length: run.count }, (_, i) => ({
        slotId: `00000000-0000-4000-8000-${String(n++).padStart(12, '0')}`,
        startsAt: new Date(first + i * run.lengthMin * 60_000).toISOString(),
        lengthMin: run.lengthMin,
        capacity: run.capacity ?? 1,
        booked: 0,
        held: 0,
        publishedBy: 'notary1',
        publishedAt: '2026-12-02T01:00:00.000Z',
      }));
      const clash = fresh.find((f) => slots.some((s) => !s.withdrawnAt && s.startsAt === f.startsAt));
      if (clash) return json({ error: 'exists', detail: `a slot already starts at ${clash.startsAt}` }, 409);
      slots.push(...fresh);
      return json({ items: fresh }, 201);
    }
    const del = /^\/notary-slots\/([0-9a-f-]{36})$/.exec(path);
    if (del && method === 'DELETE') {
      const slot = slots.find((s) => s.slotId === del[1] && !s.withdrawnAt);
      if (!slot) return json({ error: 'notFound' }, 404);
      if (slot.booked + slot.held > 0) return json({ error: 'notAllowed' }, 409);
      slot.withdrawnAt = '2026-12-02T02:00:00.000Z';
      return json({ withdrawn: true });
    }
    if (path === '/notary-interviews')
      return json({
        date: url.searchParams.get('date'),
        items: url.searchParams.get('date') === DAY ? interviews : [],
      });
    return json({ error: 'notFound' }, 404);
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  document.body.replaceChildren();
});

function slotsPage(): HTMLElement {
  const el = document.querySelector('center-app')?.shadowRoot?.querySelector('center-notary-slots');
  if (!el) throw new Error('no slots page');
  return el;
}

async function openSlots(): Promise<void> {
  document.body.append(document.createElement('center-app'));
  await userEvent.click(page.getByRole('button', { name: '面谈时段' }));
  await expect.element(page.getByRole('heading', { name: '面谈时段', level: 2 })).toBeVisible();
}

async function showDay(date: string): Promise<void> {
  await userEvent.fill(page.getByLabelText('查看日期'), date);
  await userEvent.click(page.getByRole('button', { name: '查看' }));
}

describe('面谈时段 (the notary publishes interview slots)', () => {
  it('publishes a run, lists the slots with booked/held/free seats and the booked interviews, withdraws a free one', async () => {
    await openSlots();
    await showDay(DAY);
    await expect.element(page.getByRole('heading', { name: `${DAY} 已发布的时段` })).toBeVisible();
    // The booked interview of that day: time, receipt number, matter by its name.
    const booked = page.getByRole('row').filter({ hasText: 'GZ261202-0001-0004' });
    await expect.element(booked).toHaveTextContent(/12月9日 14:00.*GZ261202-0001-0004.*学历公证.*demo-0001/);

    await userEvent.fill(page.getByLabelText('日期', { exact: true }), DAY);
    await userEvent.fill(page.getByLabelText('第一段开始时间'), '09:00');
    await userEvent.selectOptions(page.getByLabelText('每段时长'), '20');
    await userEvent.fill(page.getByLabelText(/连续几段/), '3');
    await userEvent.fill(page.getByLabelText(/每段可约人数/), '2');
    await userEvent.click(page.getByRole('button', { name: '发布' }));
    await expect.element(page.getByText('已发布 3 个时段：12月9日 09:00 起。')).toBeVisible();
    expect(published).toEqual([{ date: DAY, start: '09:00', lengthMin: 20, count: 3, capacity: 2 }]);

    const rows = [...slotsPage().shadowRoot!.querySelectorAll('tr[data-slot]')];
    expect(rows.map((r) => [...r.querySelectorAll('td')].slice(0, 6).map((td) => td.textContent.trim()))).toEqual([
      ['09:00', '20 分钟', '2', '0', '0', '2'],
      ['09:20', '20 分钟', '2', '0', '0', '2'],
      ['09:40', '20 分钟', '2', '0', '0', '2'],
      ['14:00', '30 分钟', '2', '1', '1', '0'],
    ]);

    // A free slot goes; the booked one stays, with the reason in words.
    await userEvent.click(page.getByRole('button', { name: '撤回 12月9日 09:20 的时段' }));
    await expect.element(page.getByText('已撤回 12月9日 09:20 的时段。')).toBeVisible();
    await vi.waitFor(() => expect(slotsPage().shadowRoot!.querySelectorAll('tr[data-slot]')).toHaveLength(3));
    await userEvent.click(page.getByRole('button', { name: '撤回 12月9日 14:00 的时段' }));
    await expect
      .element(page.getByRole('alert').filter({ hasText: '这个时段已经有人预约或正在预约，不能撤回' }))
      .toBeVisible();
    expect(slotsPage().shadowRoot!.querySelector(`tr[data-slot="${slots[0].slotId}"]`)).not.toBeNull();

    const result = await axe.run(slotsPage(), { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('a run that overlaps published slots is refused in words; the form keeps what was typed', async () => {
    await openSlots();
    await userEvent.fill(page.getByLabelText('日期', { exact: true }), DAY);
    await userEvent.fill(page.getByLabelText('第一段开始时间'), '13:00');
    await userEvent.selectOptions(page.getByLabelText('每段时长'), '60');
    await userEvent.fill(page.getByLabelText(/连续几段/), '2');
    await userEvent.click(page.getByRole('button', { name: '发布' }));
    await expect.element(page.getByRole('alert').filter({ hasText: '这组时段和已发布的时段重叠了' })).toBeVisible();
    expect(slots).toHaveLength(1);
    expect((page.getByLabelText('第一段开始时间').element() as HTMLInputElement).value).toBe('13:00');
  });

  it('works from the keyboard: Enter in the form publishes', async () => {
    await openSlots();
    const date = page.getByLabelText('日期', { exact: true });
    await userEvent.fill(date, DAY);
    await userEvent.fill(page.getByLabelText('第一段开始时间'), '10:30');
    await userEvent.fill(page.getByLabelText(/连续几段/), '1');
    (page.getByLabelText(/连续几段/).element() as HTMLInputElement).focus();
    await userEvent.keyboard('{Enter}');
    await expect.element(page.getByText('已发布 1 个时段：12月9日 10:30 起。')).toBeVisible();
    expect(published).toEqual([{ date: DAY, start: '10:30', lengthMin: 30, count: 1, capacity: 1 }]);
  });

  it('an administrator reads the slots but has no publish form and no 撤回', async () => {
    role = 'admin';
    await openSlots();
    await showDay(DAY);
    await expect.element(page.getByRole('row').filter({ hasText: '14:00' }).first()).toBeVisible();
    expect(slotsPage().shadowRoot!.querySelector('form.publish')).toBeNull();
    expect(page.getByRole('button', { name: /撤回/ }).elements()).toHaveLength(0);
  });
});
