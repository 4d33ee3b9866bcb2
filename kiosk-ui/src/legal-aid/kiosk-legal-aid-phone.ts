import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * @summary The applicant's mobile number on the digit pad (11 digits starting with 1).
 * @fires kiosk-legal-aid-answer - phoneEntered | back
 */
@customElement('kiosk-legal-aid-phone')
export class KioskLegalAidPhone extends LegalAidStepBase {
  @state() private _phone = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._phone = this.answers.phone;
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.phone.voice');
  }

  protected _next(): void {
    if (!PHONE_PATTERN.test(this._phone)) {
      this._error = true;
      this._visit?.speak('legalAid.steps.phone.invalid');
      return;
    }
    this._emit({ type: 'phoneEntered', phone: this._phone });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="legalAid.steps.phone.title" @kiosk-step-done=${this._onStepDone}>
      <p>${say(t, 'legalAid.steps.phone.body')}</p>
      <kiosk-digit-pad
        beside
        name="phone"
        .label=${t('legalAid.steps.phone.label')}
        maxlength="11"
        minlength="11"
        required
        .value=${this._phone}
        @input=${(e: Event) => {
          this._phone = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-digit-pad>
      <p class="error" role="alert" ?hidden=${!this._error}>${t('legalAid.steps.phone.invalid')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-phone': KioskLegalAidPhone;
  }
}
