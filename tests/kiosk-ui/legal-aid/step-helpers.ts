import axe from 'axe-core';
import { render, type TemplateResult } from 'lit';
import { expect } from 'vitest';
import type { LegalAidEvent } from '../../../kiosk-ui/src/flows/legal-aid-machine.js';

export async function mount<T extends HTMLElement>(template: TemplateResult, selector: string): Promise<T> {
  const host = document.createElement('div');
  document.body.append(host);
  render(template, host);
  const el = host.querySelector(selector) as T & { updateComplete?: Promise<unknown> };
  await el.updateComplete;
  await settle();
  return el;
}

/** Waits until every nested Lit element has rendered. */
export async function settle(): Promise<void> {
  for (let i = 0; i < 4; i++) await new Promise((r) => requestAnimationFrame(() => r(undefined)));
}

/** Records the legal-aid events a step fires. */
export function recordEvents(el: HTMLElement): LegalAidEvent[] {
  const seen: LegalAidEvent[] = [];
  el.addEventListener('kiosk-legal-aid-answer', (e) => seen.push(e.detail));
  return seen;
}

/** Every element in the tree, through open shadow roots. */
export function deepElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot): void => {
    for (const child of Array.from(node.children)) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

const visible = (el: Element): boolean => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};

/** Buttons ≥ 64 px both ways; every element with its own text ≥ 28 px (accessibility.md). */
export function expectKioskSizes(root: HTMLElement): void {
  const all = deepElements(root).filter(visible);
  const buttons = all.filter((e) => e.tagName === 'BUTTON');
  expect(buttons.length).toBeGreaterThan(0);
  for (const b of buttons) {
    const r = b.getBoundingClientRect();
    expect({ button: b.textContent?.trim(), h: r.height >= 64, w: r.width >= 64 }).toEqual({
      button: b.textContent?.trim(),
      h: true,
      w: true,
    });
  }
  for (const e of all) {
    const ownText = Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
    if (!ownText) continue;
    const size = parseFloat(getComputedStyle(e).fontSize);
    expect({ text: e.textContent?.trim().slice(0, 20), big: size >= 28 }).toEqual({
      text: e.textContent?.trim().slice(0, 20),
      big: true,
    });
  }
}

export async function expectAxeClean(el: HTMLElement): Promise<void> {
  const result = await axe.run(el, { resultTypes: ['violations'] });
  expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** A button inside the element's (nested) shadow roots by its visible text. */
export function button(root: HTMLElement, text: string): HTMLButtonElement {
  const found = deepElements(root).find(
    (e) => e.tagName === 'BUTTON' && e.textContent?.trim().includes(text) && visible(e),
  );
  if (!found) throw new Error(`no visible button "${text}"`);
  return found as HTMLButtonElement;
}

export function deepText(root: HTMLElement): string {
  return deepElements(root)
    .filter(visible)
    .map((e) =>
      Array.from(e.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent)
        .join(''),
    )
    .join('');
}

export function buttons(root: HTMLElement, text: string): HTMLButtonElement[] {
  return deepElements(root).filter(
    (e) => e.tagName === 'BUTTON' && e.textContent?.trim() === text && visible(e),
  ) as HTMLButtonElement[];
}
