import { consume } from '@lit/context';
import { css, html, LitElement, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { KioskReviewEditEvent } from '../events/kiosk-review-edit.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { readBackText, type ReviewItem } from './review-read-back.js';
import type { KioskPager } from './kiosk-pager.js';
import './kiosk-pager.js';

/** A value that is a number only (a phone, a masked ID number): one run at the digit size. */
const NUMBER = /^[0-9*Xx -]+$/;

/**
 * @summary The answers of a review step, one per row with 改一下 beside each, paged with 上一页 /
 * 下一页 when they do not fit (never a scrollbar). 读给我听 reads them one item at a time: the item
 * being read is highlighted (and its page shown), and 重听 / 改一下 / 下一项 let her stop at any
 * item (issue 15 item 4). What each item says comes from `review-read-back.ts`.
 * @fires kiosk-review-edit - 改一下 on an item with an `editStep`
 * @cssproperty --kiosk-review-label-width - width of the label column (default 6.5em)
 */
@customElement('kiosk-review-list')
export class KioskReviewList extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        height: 100%;
        min-height: 0;
      }
      /* Its rows' height where the review has no set height; what is left of it where it has. */
      kiosk-pager {
        flex: 1 1 auto;
        min-height: 0;
        --kiosk-pager-gap: 0.25rem 2rem;
      }
      /* Landscape: two answers a row, so a review pages less (rows of a grid row share their height,
         so every page starts at the left column). */
      @media (orientation: landscape) {
        kiosk-pager {
          --kiosk-pager-columns: 2;
        }
      }
      .row {
        display: grid;
        grid-template-columns: var(--kiosk-review-label-width, 6.5em) minmax(0, 1fr) auto;
        align-items: center;
        gap: 0 1.5rem;
        padding: 0.1rem 0.75rem;
        border: 0.3rem solid transparent;
        border-radius: var(--kiosk-radius);
      }
      /* The item being read: a thick frame and a tinted ground (not colour alone). */
      .row[aria-current='true'] {
        border-color: var(--kiosk-primary);
        background: #fff7d6;
      }
      .label {
        font-weight: 700;
      }
      .value {
        overflow-wrap: anywhere;
      }
      .edit {
        padding: 0.25rem 1rem;
      }
      .none {
        min-width: var(--kiosk-target);
      }
      .read {
        flex: none;
        display: flex;
        align-items: center;
        justify-content: flex-end;
        gap: var(--kiosk-gap);
      }
      .read .where {
        margin-right: auto;
        font-weight: 700;
      }
      .read button {
        min-width: 9rem;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @query('kiosk-pager') private _pager!: KioskPager;

  /** The item being read aloud; -1 while not reading. */
  @state() private _reading = -1;

  /** The answers in reading order. */
  @property({ attribute: false }) items: ReviewItem[] = [];

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('items') && this._reading >= this.items.length) this._reading = -1;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_reading') && this._reading >= 0) {
      const row = this.renderRoot.querySelector(`[data-index="${this._reading}"]`);
      if (row) this._pager?.reveal(row);
    }
  }

  private _speak(index: number): void {
    this._reading = index;
    this._visit?.speakText(readBackText(this._t, this.items, index));
  }

  private _next(): void {
    if (this._reading < this.items.length - 1) this._speak(this._reading + 1);
    else this._reading = -1;
  }

  private _edit(item: ReviewItem | undefined): void {
    if (!item?.editStep) return;
    this._visit?.stopSpeech();
    this.dispatchEvent(new KioskReviewEditEvent(item.id, item.editStep));
  }

  private _controls() {
    const t = this._t;
    if (this._reading < 0)
      return html`<button type="button" class="secondary" data-review="read" @click=${() => this._speak(0)}>
        ${t('app.review.readAloud')}
      </button>`;
    const item = this.items[this._reading];
    const last = this._reading === this.items.length - 1;
    return html`<span class="where" role="status">
        ${t('app.review.position', { n: this._reading + 1, total: this.items.length })}
      </span>
      <button type="button" class="secondary" data-review="repeat" @click=${() => this._speak(this._reading)}>
        ${t('app.review.repeat')}
      </button>
      <button
        type="button"
        class="secondary"
        data-review="edit"
        ?hidden=${!item?.editStep}
        aria-label=${item ? t('app.review.editItem', { label: item.label }) : nothing}
        @click=${() => this._edit(item)}
      >
        ${t('app.review.edit')}
      </button>
      <button type="button" class="secondary" data-review="next" @click=${() => this._next()}>
        ${last ? t('app.review.finish') : t('app.review.nextItem')}
      </button>`;
  }

  override render() {
    const t = this._t;
    return html`<kiosk-pager>
        ${this.items.map(
          (item, i) =>
            html`<div
              class="row"
              data-index=${i}
              data-item=${item.id}
              aria-current=${i === this._reading ? 'true' : 'false'}
            >
              <span class="label">${item.label}</span>
              <span class="value"
                >${NUMBER.test(item.value) ? html`<span class="num">${item.value}</span>` : item.value}</span
              >
              ${
                item.editStep
                  ? html`<button
                      type="button"
                      class="secondary edit"
                      data-review-edit=${item.id}
                      aria-label=${t('app.review.editItem', { label: item.label })}
                      @click=${() => this._edit(item)}
                    >
                      ${t('app.review.edit')}
                    </button>`
                  : html`<span class="none"></span>`
              }
            </div>`,
        )}
      </kiosk-pager>
      <div class="read">${this._controls()}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-review-list': KioskReviewList;
  }
}
