// Helpers that look through open shadow roots, as a villager's eyes (and axe) do.

/** Every element in the composed tree under `root`, shadow roots included. */
export function deepElements(root: Element | ShadowRoot | Document = document): Element[] {
  const out: Element[] = [];
  const visit = (node: Element | ShadowRoot | Document): void => {
    for (const el of Array.from(node.querySelectorAll('*'))) {
      out.push(el);
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return out;
}

/** Text nodes a person can see (non-empty, laid out, not hidden). */
export function visibleTextNodes(): Text[] {
  const texts: Text[] = [];
  for (const el of deepElements()) {
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent?.trim()) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      const style = getComputedStyle(el);
      if (rect.width > 0 && rect.height > 0 && style.visibility !== 'hidden' && style.display !== 'none')
        texts.push(node as Text);
    }
  }
  return texts;
}

/** All text in the composed tree, visible or not (what a later user could reach). */
export function deepText(): string {
  return deepElements()
    .flatMap((el) =>
      Array.from(el.childNodes)
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? ''),
    )
    .join(' ');
}

export function isShown(el: Element): boolean {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
}

/** Tappable things: buttons and elements with a button-like role. */
export function tappables(): HTMLElement[] {
  return deepElements().filter(
    (el): el is HTMLElement =>
      el instanceof HTMLElement &&
      (el.tagName === 'BUTTON' || ['button', 'checkbox', 'radio', 'tab'].includes(el.getAttribute('role') ?? '')) &&
      isShown(el),
  );
}

export function findDeep(predicate: (el: HTMLElement) => boolean): HTMLElement | undefined {
  return deepElements().find((el): el is HTMLElement => el instanceof HTMLElement && predicate(el) && isShown(el));
}

/** A visible button whose text contains `label`. */
export function button(label: string): HTMLElement {
  const el = findDeep(
    (e) => e.tagName === 'BUTTON' && (e.textContent ?? '').replace(/\s+/g, '').includes(label.replace(/\s+/g, '')),
  );
  if (!el) throw new Error(`no visible button "${label}"`);
  return el;
}

export async function until(check: () => boolean, timeoutMs = 5000): Promise<void> {
  const start = performance.now();
  while (!check()) {
    if (performance.now() - start > timeoutMs) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const settle = () => new Promise((r) => setTimeout(r, 60));

function parseRgb(color: string): [number, number, number, number] | null {
  const m = /rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? (?:\/ )?([\d.]+))?\)/.exec(color);
  return m ? [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])] : null;
}

function luminance([r, g, b]: [number, number, number, number]): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** The first (nearly) opaque background behind an element, walking out through shadow hosts. */
function backgroundOf(el: Element): [number, number, number, number] {
  for (
    let node: Element | null = el;
    node;
    node = node.parentElement ?? (node.getRootNode() as ShadowRoot).host ?? null
  ) {
    const bg = parseRgb(getComputedStyle(node).backgroundColor);
    if (bg && bg[3] >= 0.9) return bg;
  }
  return [255, 255, 255, 1];
}

/** WCAG contrast ratio of a text node's colour against what is behind it. */
export function contrastOf(text: Text): number {
  const el = text.parentElement!;
  const fg = parseRgb(getComputedStyle(el).color) ?? [0, 0, 0, 1];
  const [a, b] = [luminance(fg), luminance(backgroundOf(el))];
  return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
}
