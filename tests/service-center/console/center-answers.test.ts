import { afterEach, describe, expect, it } from 'vitest';
import '../../../service-center/console/src/center-answers.js';

const settle = (el: Element): Promise<unknown> =>
  (el as unknown as { updateComplete: Promise<unknown> }).updateComplete;

describe('<center-answers>', () => {
  afterEach(() => document.body.replaceChildren());

  it('item 10: renders any stored record without throwing (citations: [null], wrong types, nesting)', async () => {
    const el = document.createElement('center-answers');
    el.data = {
      applicant: { name: ['not', 'a', 'name'], idNumber: 0, phone: null },
      proxy: 'a string where an object belongs',
      matter: 'wages',
      stage: { nested: { deeper: true } },
      facts: '<img src=x onerror=alert(1)>老板欠工资',
      circumstances: [null, 7, { id: 'x' }, 'disabledPerson'],
      exemption: null,
      urgency: [],
      eligibility: {
        matterId: 42,
        citations: [null, 'Art. 31', { article: 'x' }, { article: 31, item: 5 }, { article: -1 }, [1]],
        economic: { groupId: { not: 'a string' } },
      },
      extra: { a: [1, { b: null }] },
    };
    document.body.append(el);
    await expect(settle(el)).resolves.toBeDefined();
    const text = el.shadowRoot!.textContent ?? '';
    expect(text).toContain('<img src=x onerror=alert(1)>老板欠工资');
    expect(text).toContain('第三十一条（五）');
    expect(text).toContain('Art. 31');
    expect(el.shadowRoot!.querySelector('img')).toBeNull();
  });

  it('item 10: renders a record whose data is not even an object', async () => {
    const el = document.createElement('center-answers');
    el.data = null as unknown as Record<string, unknown>;
    document.body.append(el);
    await expect(settle(el)).resolves.toBeDefined();
  });
});
