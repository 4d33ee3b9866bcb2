import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';

/** Slotted items off the current page carry this attribute. */
const OFF = 'data-pager-off';

/**
 * @summary Reading matter that may not fit its area (issue 15: never a scrollbar): the slotted
 * items (paragraphs, list items, headings — each a direct child) are laid out in pages that fit
 * the pager's height, turned with big 上一页 / 下一页 buttons and a "第 n 页，共 m 页" line. With
 * one page the buttons are not shown. It pages again when its size or the text size (大字)
 * changes, keeping the item at the top of the current page on screen. A heading never ends a
 * page (it moves to the next one with what it introduces).
 * @slot - the items, in reading order
 */
@customElement('kiosk-pager')
export class KioskPager extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      /* Items flow row by row; --kiosk-pager-columns lays them in columns (cards side by side). */
      .page {
        flex: 1 1 auto;
        min-height: 0;
        overflow: hidden;
        display: grid;
        grid-template-columns: repeat(var(--kiosk-pager-columns, 1), minmax(0, 1fr));
        align-content: start;
        gap: var(--kiosk-pager-gap, 0);
      }
      ::slotted([data-pager-off]) {
        display: none !important;
      }
      .turn {
        display: flex;
        align-items: center;
        justify-content: space-between;
        gap: var(--kiosk-gap);
        padding-top: 0.5rem;
      }
      :host(:not([paged])) .turn {
        display: none;
      }
      .turn button {
        min-width: 12rem;
      }
      .turn button:disabled {
        color: #374151;
        border-style: dashed;
        border-color: #4b5563;
        cursor: default;
      }
      .turn span {
        font-weight: 700;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @state() private _page = 0;
  /** Index of the first item of every page. */
  @state() private _starts: number[] = [0];

  @query('.page') private _area!: HTMLElement;
  @query('.turn') private _turn!: HTMLElement;

  private _resize: ResizeObserver | undefined;
  private _rootStyle: MutationObserver | undefined;
  private _frame = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    // 大字 is a root custom property: re-page when the root style changes.
    this._rootStyle = new MutationObserver(() => this._schedule());
    this._rootStyle.observe(document.documentElement, { attributes: true, attributeFilter: ['style'] });
    void document.fonts?.ready.then(() => this._schedule());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._resize?.disconnect();
    this._rootStyle?.disconnect();
    cancelAnimationFrame(this._frame);
  }

  override firstUpdated(): void {
    this._resize = new ResizeObserver(() => this._schedule());
    this._resize.observe(this);
    this._layout();
  }

  /** Pages again, for content that changed without a resize. */
  relayout(): void {
    this._layout();
  }

  /** Turns to the page that holds the item (a slotted child), e.g. the one being read aloud. */
  reveal(item: Element): void {
    const i = this._items().indexOf(item as HTMLElement);
    if (i < 0) return;
    let page = 0;
    for (let p = 0; p < this._starts.length; p++) if (this._starts[p] <= i) page = p;
    if (page !== this._page) this._turnTo(page);
  }

  private _schedule(): void {
    cancelAnimationFrame(this._frame);
    this._frame = requestAnimationFrame(() => this._layout());
  }

  private _items(): HTMLElement[] {
    const slot = this.renderRoot.querySelector('slot');
    return (slot?.assignedElements({ flatten: true }) ?? []).filter((e): e is HTMLElement => e instanceof HTMLElement);
  }

  private _layout(): void {
    const items = this._items();
    const area = this._area;
    if (!area) return;
    const firstOfPage = items[this._starts[this._page] ?? 0];
    for (const el of items) el.removeAttribute(OFF);
    this.removeAttribute('paged');
    const top = area.getBoundingClientRect().top;
    const full = area.clientHeight;
    const boxes = items.map((el) => {
      const r = el.getBoundingClientRect();
      return { top: r.top - top, bottom: r.bottom - top, heading: /^H[1-6]$/.test(el.tagName) };
    });
    const last = boxes.at(-1);
    let starts = [0];
    if (last && last.bottom > full + 1) {
      this.setAttribute('paged', '');
      const height = full - this._turn.getBoundingClientRect().height;
      const lead = boxes[0].top;
      starts = [];
      let start = 0;
      while (start < boxes.length) {
        starts.push(start);
        let end = start + 1;
        while (end < boxes.length && boxes[end].bottom - boxes[start].top + lead <= height + 1) end++;
        // A heading does not end a page: it goes with what follows it.
        while (end - 1 > start && end < boxes.length && boxes[end - 1].heading) end--;
        start = end;
      }
    }
    this._starts = starts;
    const keep = firstOfPage ? items.indexOf(firstOfPage) : 0;
    let page = 0;
    for (let i = 0; i < starts.length; i++) if (starts[i] <= keep) page = i;
    this._page = page;
    this._show(items);
  }

  private _show(items = this._items()): void {
    const from = this._starts[this._page] ?? 0;
    const to = this._starts[this._page + 1] ?? items.length;
    items.forEach((el, i) => el.toggleAttribute(OFF, i < from || i >= to));
  }

  private _turnTo(page: number): void {
    this._page = Math.max(0, Math.min(page, this._starts.length - 1));
    this._show();
  }

  override render() {
    const t = this._t;
    const pages = this._starts.length;
    return html`
      <div class="page"><slot @slotchange=${() => this._schedule()}></slot></div>
      <div class="turn">
        <button
          type="button"
          class="secondary"
          data-pager="previous"
          ?disabled=${this._page === 0}
          @click=${() => this._turnTo(this._page - 1)}
        >
          ${t('app.pager.previous')}
        </button>
        <span role="status">${t('app.pager.position', { page: this._page + 1, pages })}</span>
        <button
          type="button"
          class="secondary"
          data-pager="next"
          ?disabled=${this._page >= pages - 1}
          @click=${() => this._turnTo(this._page + 1)}
        >
          ${t('app.pager.next')}
        </button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-pager': KioskPager;
  }
}
