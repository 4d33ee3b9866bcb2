import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { say } from '../i18n/say.js';
import { PHONE_PATTERN } from '../legal-aid/kiosk-legal-aid-phone.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary Her mobile number on the digit pad; the notary office calls it.
 * @fires kiosk-notarization-answer - phoneEntered | back
 */
@customElement('kiosk-notarization-phone')
export class KioskNotarizationPhone extends NotarizationStepBase {
  @state() private _phone = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._phone = this.answers.phone;
  }

  override firstUpdated(): void {
    this._visit?.speak('notarization.steps.phone.voice');
  }

  protected _next(): void {
    if (!PHONE_PATTERN.test(this._phone)) {
      this._error = true;
      this._visit?.speak('notarization.steps.phone.invalid');
      return;
    }
    this._emit({ type: 'phoneEntered', phone: this._phone });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="notarization.steps.phone.title" @kiosk-step-done=${this._onStepDone}>
      <p>${say(t, 'notarization.steps.phone.body')}</p>
      <kiosk-digit-pad
        name="phone"
        .label=${t('notarization.steps.phone.label')}
        maxlength="11"
        minlength="11"
        required
        .value=${this._phone}
        @input=${(e: Event) => {
          this._phone = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-digit-pad>
      <p class="error" role="alert" ?hidden=${!this._error}>${t('notarization.steps.phone.invalid')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-phone': KioskNotarizationPhone;
  }
}
