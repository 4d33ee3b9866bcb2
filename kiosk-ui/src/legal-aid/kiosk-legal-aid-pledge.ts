import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary Art. 41 honesty pledge instead of a hardship certificate: the household's monthly income
 * on the digit pad, the pledge text with the Art. 64 consequence, and 我承诺.
 * @fires kiosk-legal-aid-answer - pledgeMade | back
 */
@customElement('kiosk-legal-aid-pledge')
export class KioskLegalAidPledge extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: 1fr auto;
        gap: 2rem;
      }
      /* Portrait: the pledge above the (larger, centred) pad, never squeezed beside it. */
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          gap: 0;
        }
      }
      .pledge {
        border: 0.15rem solid var(--kiosk-border);
        border-radius: var(--kiosk-radius);
        padding: 1rem 1.5rem;
        background: var(--kiosk-muted-bg);
      }
    `,
  ];

  @property({ type: Number, attribute: 'max-fine' }) maxFine = 3000;

  @state() private _income = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._income = this.answers.monthlyIncomeYuan === null ? '' : String(this.answers.monthlyIncomeYuan);
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.pledge.voice');
  }

  protected _next(): void {
    if (!/^\d{1,7}$/.test(this._income)) {
      this._error = true;
      this._visit?.speak('legalAid.steps.pledge.incomeRequired');
      return;
    }
    this._emit({ type: 'pledgeMade', monthlyIncomeYuan: Number(this._income), at: new Date().toISOString() });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="legalAid.steps.pledge.title"
      next-key="legalAid.steps.pledge.agree"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="layout">
        <div>
          <p>${say(t, 'legalAid.steps.pledge.body')}</p>
          <p class="pledge">${say(t, 'legalAid.steps.pledge.text', { maxFine: this.maxFine })}</p>
        </div>
        <div>
          <kiosk-digit-pad
            name="monthlyIncomeYuan"
            .label=${t('legalAid.steps.pledge.incomeLabel')}
            maxlength="7"
            required
            .value=${this._income}
            @input=${(e: Event) => {
              this._income = (e.target as HTMLInputElement).value;
              this._error = false;
            }}
          ></kiosk-digit-pad>
          <p class="error" role="alert" ?hidden=${!this._error}>${t('legalAid.steps.pledge.incomeRequired')}</p>
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-pledge': KioskLegalAidPledge;
  }
}
