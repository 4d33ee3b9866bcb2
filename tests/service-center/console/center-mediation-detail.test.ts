// The committee's reading of a mediation application: kind, committee, requests, the description or
// 请回电, how she confirmed, both parties (不知道 where she did not know); junk records render as text.
import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import '../../../service-center/console/src/center-mediation-detail.js';

const settle = (el: Element): Promise<unknown> =>
  (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

async function mount(data: unknown): Promise<HTMLElement> {
  const el = document.createElement('center-mediation-detail');
  el.data = data as Record<string, unknown>;
  document.body.append(el);
  await settle(el);
  return el;
}

const field = (el: HTMLElement, name: string): string =>
  el.shadowRoot!.querySelector(`[data-field="${name}"]`)?.textContent?.trim() ?? '';

describe('<center-mediation-detail>', () => {
  afterEach(() => document.body.replaceChildren());

  it('a written application: kind, committee, the requests in order, the description, the signature', async () => {
    const el = await mount({
      applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', village: '演示村' },
      otherParty: { name: '李四', village: '东坪村', phone: '07711234567' },
      disputeKind: 'land',
      requests: ['确认土地边界', '退还占用的地'],
      description: '两家地界说不清',
      committee: 'yanshiTown',
      committeeName: '演示镇人民调解委员会',
      mark: 'signature',
      consent: { accepted: true, at: '2026-12-02T03:00:00.000Z' },
    });
    expect(field(el, 'kind')).toBe('土地、宅基地');
    expect(field(el, 'committee')).toBe('演示镇人民调解委员会');
    expect([...el.shadowRoot!.querySelectorAll('[data-field="requests"] li')].map((li) => li.textContent)).toEqual([
      '确认土地边界',
      '退还占用的地',
    ]);
    expect(field(el, 'description')).toBe('两家地界说不清');
    expect(field(el, 'mark')).toContain('手写签名');
    const text = el.shadowRoot!.textContent ?? '';
    for (const s of ['张三', '11010519491231002X', '李四', '东坪村', '07711234567']) expect(text).toContain(s);
    const result = await axe.run(el, { resultTypes: ['violations'] });
    expect(result.violations.map((v) => v.id)).toEqual([]);
  });

  it('the oral application says 请回电; the other party unknown says so; 按手印 with its time', async () => {
    const el = await mount({
      applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000' },
      otherParty: { nameUnknown: true, villageUnknown: true },
      disputeKind: 'family',
      requests: ['每月给赡养费'],
      callMe: true,
      committee: 'yanshi',
      committeeName: '演示村人民调解委员会',
      mark: 'fingerprint',
      markedAt: '2026-12-02T03:01:00.000Z',
      consent: { accepted: true, at: '2026-12-02T03:00:00.000Z' },
    });
    expect(field(el, 'callMe')).toContain('请回电');
    expect(field(el, 'mark')).toContain('按手印');
    expect(field(el, 'mark')).toMatch(/2026/);
    const other = el.shadowRoot!.querySelector('[aria-labelledby="mediation-other"]')?.textContent ?? '';
    expect(other.match(/申请人不知道/g)?.length).toBe(3);
  });

  it('a junk record renders as text without throwing (no HTML, unknown kind shown as it is)', async () => {
    const el = await mount({
      applicant: 'not an object',
      otherParty: [1, 2],
      disputeKind: '<b>x</b>',
      requests: [null, 7, '<img src=x onerror=alert(1)>'],
      description: { nested: true },
      mark: 42,
    });
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(el.shadowRoot!.textContent).toContain('<img src=x onerror=alert(1)>');
    expect(field(el, 'kind')).toBe('<b>x</b>');
  });
});
