import { consume } from '@lit/context';
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { FormControl } from './form-control.js';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/**
 * @summary On-screen digit pad for phone numbers, receipt numbers and the ID's last four: a
 * form-associated input (style R10) with large keys; the typed value shows above in digit size.
 * Attribute `beside`: in landscape the keys stand beside the display, not under it.
 * @fires input - after every key
 * @fires change - after every key
 */
@customElement('kiosk-digit-pad')
export class KioskDigitPad extends FormControl {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .label {
        display: block;
        font-weight: 700;
      }
      .display {
        font-size: var(--kiosk-font-digits);
        min-height: 4.5rem;
        border: 0.15rem solid var(--kiosk-border);
        border-radius: var(--kiosk-radius);
        padding: 0.5rem 1rem;
        letter-spacing: 0.15em;
        background: var(--kiosk-bg);
        margin-bottom: 1rem;
      }
      .empty {
        font-size: var(--kiosk-font-body);
        color: #374151;
        letter-spacing: normal;
      }
      .keys {
        display: grid;
        grid-template-columns: repeat(3, 6rem);
        gap: 1rem;
      }
      /* line-height 1.1: 大字 digits fit the 16 mm key instead of stretching it. */
      .keys button {
        line-height: 1.1;
        min-height: 4.5rem;
        font-size: var(--kiosk-font-digits);
        background: var(--kiosk-muted-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .keys .word {
        font-size: var(--kiosk-font-body);
      }
      /* beside: in landscape the keys stand to the right of the label and display (steps with
         little height left, 大字). */
      @media (orientation: landscape) {
        :host([beside]) {
          display: grid;
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-rows: auto auto 1fr;
          column-gap: 2rem;
        }
        :host([beside]) .keys {
          grid-column: 2;
          grid-row: 1 / span 3;
        }
      }
      /* Portrait has the height: bigger keys, the pad centred in its column (issue 15). */
      @media (orientation: portrait) {
        .keys {
          grid-template-columns: repeat(3, 8.5rem);
          justify-content: center;
        }
        .keys button {
          min-height: 5.5rem;
        }
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @property({ type: Number }) maxlength = 20;
  @property({ type: Number }) minlength = 0;
  /** Adds an X key (the ID number's check digit). */
  @property({ type: Boolean, attribute: 'with-x' }) withX = false;

  protected _validate() {
    if (this.required && !this.value)
      return { flags: { valueMissing: true }, message: this._t('input.invalid.required') };
    if (this.value && this.value.length < this.minlength)
      return { flags: { tooShort: true }, message: this._t('input.invalid.tooShort') };
    return null;
  }

  private _press(key: string): void {
    if (this.disabled || this.value.length >= this.maxlength) return;
    this._commit(this.value + key);
  }

  override render() {
    const t = this._t;
    return html`
      <span class="label" id="label">${this.label}</span>
      <div class="display" role="textbox" aria-readonly="true" aria-labelledby="label" data-value>
        ${this.value ? html`<span class="num">${this.value}</span>` : html`<span class="empty">${t('input.digitPad.empty')}</span>`}
      </div>
      <div class="keys" role="group" aria-labelledby="label">
        ${DIGITS.map((d) => html`<button type="button" ?disabled=${this.disabled} @click=${() => this._press(d)}>${d}</button>`)}
        ${
          this.withX
            ? html`<button type="button" ?disabled=${this.disabled} @click=${() => this._press('X')}>
                ${t('input.digitPad.x')}
              </button>`
            : html`<button type="button" class="word" ?disabled=${this.disabled} @click=${() => this._commit('')}>
                ${t('input.digitPad.clear')}
              </button>`
        }
        <button type="button" ?disabled=${this.disabled} @click=${() => this._press('0')}>0</button>
        <button
          type="button"
          class="word"
          ?disabled=${this.disabled}
          @click=${() => this._commit(this.value.slice(0, -1))}
        >
          ${t('input.digitPad.delete')}
        </button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-digit-pad': KioskDigitPad;
  }
}
