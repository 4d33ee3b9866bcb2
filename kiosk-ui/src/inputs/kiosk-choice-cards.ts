import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { tokens } from '../styles/tokens.js';
import { FormControl } from './form-control.js';

export interface Choice {
  value: string;
  /** Already localized text (the caller owns its keys). */
  label: string;
  detail?: string;
}

/**
 * @summary Large single-choice cards (case type, matter, yes/no): a form-associated input whose
 * value is the chosen card's value. Each card is a ≥ 16 mm toggle button with aria-pressed.
 * @fires input - when a card is chosen
 * @fires change - when a card is chosen
 */
@customElement('kiosk-choice-cards')
export class KioskChoiceCards extends FormControl {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .label {
        display: block;
        font-weight: 700;
        margin-bottom: 0.5rem;
      }
      .cards {
        display: grid;
        grid-template-columns: repeat(var(--kiosk-choice-columns, 2), 1fr);
        gap: 1rem;
      }
      button {
        text-align: left;
        padding: 1rem 1.5rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        border-color: var(--kiosk-primary);
      }
      button[aria-pressed='true']::before {
        content: '✓ ';
      }
      .detail {
        display: block;
      }
    `,
  ];

  @property({ attribute: false }) choices: Choice[] = [];

  protected _validate() {
    if (this.required && !this.value) return { flags: { valueMissing: true }, message: this.label };
    return null;
  }

  override render() {
    return html`
      <span class="label" id="label">${this.label}</span>
      <div class="cards" role="group" aria-labelledby="label">
        ${this.choices.map(
          (c) =>
            html`<button
              type="button"
              aria-pressed=${String(c.value === this.value)}
              ?disabled=${this.disabled}
              @click=${() => this._commit(c.value)}
            >
              ${c.label}${c.detail ? html`<span class="detail">${c.detail}</span>` : null}
            </button>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-choice-cards': KioskChoiceCards;
  }
}
