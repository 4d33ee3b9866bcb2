import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { say } from '../i18n/say.js';
import { PHONE_PATTERN } from '../legal-aid/kiosk-legal-aid-phone.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary The phone staff call back (hers or the absent person's), on the digit pad.
 * @fires kiosk-home-visit-answer - phoneEntered | back
 */
@customElement('kiosk-home-visit-phone')
export class KioskHomeVisitPhone extends HomeVisitStepBase {
  @state() private _phone = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._phone = this.answers.phone;
  }

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.phone.voice');
  }

  protected _next(): void {
    if (!PHONE_PATTERN.test(this._phone)) {
      this._error = true;
      this._visit?.speak('homeVisit.steps.phone.invalid');
      return;
    }
    this._emit({ type: 'phoneEntered', phone: this._phone });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="homeVisit.steps.phone.title" @kiosk-step-done=${this._onStepDone}>
      <p>${say(t, 'homeVisit.steps.phone.body')}</p>
      <kiosk-digit-pad
        beside
        name="phone"
        .label=${t('homeVisit.steps.phone.label')}
        maxlength="11"
        minlength="11"
        required
        .value=${this._phone}
        @input=${(e: Event) => {
          this._phone = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-digit-pad>
      <p class="error" role="alert" ?hidden=${!this._error}>${t('homeVisit.steps.phone.invalid')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-phone': KioskHomeVisitPhone;
  }
}
