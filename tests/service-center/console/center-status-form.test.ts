import { afterEach, describe, expect, it } from 'vitest';
import '../../../service-center/console/src/center-status-form.js';
import '../../../service-center/console/src/center-answers.js';
import type { CenterStatusSubmitEvent } from '../../../service-center/console/src/events.js';

const settle = (el: Element): Promise<unknown> =>
  (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

describe('<center-status-form>', () => {
  afterEach(() => document.body.replaceChildren());

  it('sends 补充材料 with the one-time list, one item per line', async () => {
    const form = document.createElement('center-status-form');
    document.body.append(form);
    await settle(form);
    const root = form.shadowRoot!;
    const radio = [...root.querySelectorAll<HTMLInputElement>('input[type=radio]')].find(
      (r) => r.value === 'needMaterials',
    )!;
    radio.click();
    await settle(form);
    root.querySelector<HTMLTextAreaElement>('#missing')!.value = '劳动合同\n\n  工资欠条原件  ';
    const got = new Promise<CenterStatusSubmitEvent>((done) =>
      form.addEventListener('center-status-submit', done, { once: true }),
    );
    root.querySelector<HTMLButtonElement>('button[type=submit]')!.click();
    expect((await got).change).toEqual({ state: 'needMaterials', missingMaterials: ['劳动合同', '工资欠条原件'] });
  });

  it('no longer offers 补充材料 once the applicant was notified, and nothing for a final state', async () => {
    const form = document.createElement('center-status-form');
    form.materialsNotified = true;
    form.current = 'needMaterials';
    document.body.append(form);
    await settle(form);
    const values = [...form.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')].map((r) => r.value);
    expect(values).toEqual(['accepted', 'approved', 'rejected']);
    form.current = 'approved';
    await settle(form);
    expect(form.shadowRoot!.querySelectorAll('input[type=radio]')).toHaveLength(0);
    expect(form.shadowRoot!.textContent).toContain('此申请已办结');
  });
});

describe('<center-answers>', () => {
  afterEach(() => document.body.replaceChildren());

  it('shows text as text and cites the articles in statute form', async () => {
    const el = document.createElement('center-answers');
    el.data = {
      applicant: { name: '韦秀兰', idNumber: '45010219580301123X', phone: '13907710001' },
      matter: { code: 'wages' },
      facts: '<img src=x onerror="window.hit=1">欠工资',
      eligibility: { matterId: 'wages', citations: [{ article: 31, item: 5 }, { article: 43 }] },
    };
    document.body.append(el);
    await settle(el);
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).toContain('<img src=x onerror="window.hit=1">欠工资');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
    expect(text).toContain('第三十一条（五）');
    expect(text).toContain('第四十三条');
  });
});
