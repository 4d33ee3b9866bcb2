import axe from 'axe-core';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import '../../../kiosk-ui/src/inputs/kiosk-choice-cards.js';
import '../../../kiosk-ui/src/inputs/kiosk-digit-pad.js';
import '../../../kiosk-ui/src/inputs/kiosk-pinyin-input.js';
import type { FormControl } from '../../../kiosk-ui/src/inputs/form-control.js';

type Setup = {
  tag: string;
  fill: (el: FormControl) => Promise<void>;
  expected: string;
  setup?: (el: FormControl) => void;
};

function shadowButton(el: Element, label: string): HTMLButtonElement {
  const b = [...el.shadowRoot!.querySelectorAll('button')].find((x) => x.textContent.trim() === label);
  if (!b) throw new Error(`no button ${label}`);
  return b;
}

/** One shared suite for every form-associated input (style R10). */
const CONTROLS: Setup[] = [
  {
    tag: 'kiosk-digit-pad',
    expected: '139',
    fill: async (el) => {
      for (const d of '139') await userEvent.click(shadowButton(el, d));
    },
  },
  {
    tag: 'kiosk-choice-cards',
    expected: 'wage',
    setup: (el) => {
      (el as unknown as { choices: unknown[] }).choices = [
        { value: 'wage', label: '拖欠工资' },
        { value: 'injury', label: '工伤' },
      ];
    },
    fill: async (el) => {
      await userEvent.click(shadowButton(el, '拖欠工资'));
    },
  },
  {
    tag: 'kiosk-pinyin-input',
    expected: '工资',
    fill: async (el) => {
      await userEvent.click(el.shadowRoot!.querySelector('button')!);
      const kb = await new Promise<Element>((done) => {
        const poll = () => {
          const k = el.shadowRoot!.querySelector('kiosk-pinyin-keyboard');
          if (k?.shadowRoot && !shadowButton(k, 'g').disabled) done(k);
          else setTimeout(poll, 30);
        };
        poll();
      });
      for (const k of 'gongzi') await userEvent.click(shadowButton(kb, k));
      await new Promise((r) => setTimeout(r, 50));
      await userEvent.click(shadowButton(kb, '工资'));
    },
  },
];

describe.each(CONTROLS)('$tag as a form control', ({ tag, fill, expected, setup }) => {
  afterEach(() => document.body.replaceChildren());

  async function mount(): Promise<{ form: HTMLFormElement; el: FormControl }> {
    const form = document.createElement('form');
    const el = document.createElement(tag) as FormControl;
    el.name = 'field';
    el.label = '字段';
    el.required = true;
    setup?.(el);
    form.append(el);
    document.body.append(form);
    await el.updateComplete;
    return { form, el };
  }

  it('is missing a value until filled, then submits it in FormData', async () => {
    const { form, el } = await mount();
    expect(el.checkValidity()).toBe(false);
    expect(el.validity.valueMissing).toBe(true);
    expect(el.validationMessage).not.toBe('');
    await fill(el);
    await el.updateComplete;
    expect(el.value).toBe(expected);
    expect(new FormData(form).get('field')).toBe(expected);
    expect(el.checkValidity()).toBe(true);
  });

  it('passes axe once filled: what it shows is part of its accessible name', async () => {
    const { form, el } = await mount();
    await fill(el);
    await el.updateComplete;
    const result = await axe.run(form);
    expect(result.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => n.html).join(' | ')}`)).toEqual([]);
  });

  it('resets to its default value with the form', async () => {
    const { form, el } = await mount();
    await fill(el);
    form.reset();
    await el.updateComplete;
    expect(el.value).toBe('');
    expect(new FormData(form).get('field')).toBe('');
  });

  it('is left out of FormData when disabled, and its buttons cannot be used', async () => {
    const { form, el } = await mount();
    el.disabled = true;
    await el.updateComplete;
    expect(new FormData(form).has('field')).toBe(false);
    expect([...el.shadowRoot!.querySelectorAll('button')].every((b) => b.disabled)).toBe(true);
  });
});

describe('kiosk-digit-pad limits', () => {
  afterEach(() => document.body.replaceChildren());

  it('stops at maxlength and reports a too-short value', async () => {
    const el = document.createElement('kiosk-digit-pad');
    el.maxlength = 4;
    el.minlength = 4;
    el.withX = true;
    document.body.append(el);
    await el.updateComplete;
    for (const d of '12') await userEvent.click(shadowButton(el, d));
    await el.updateComplete;
    expect(el.validity.tooShort).toBe(true);
    for (const d of '3X9') await userEvent.click(shadowButton(el, d));
    await el.updateComplete;
    expect(el.value).toBe('123X');
    expect(el.checkValidity()).toBe(true);
  });
});
