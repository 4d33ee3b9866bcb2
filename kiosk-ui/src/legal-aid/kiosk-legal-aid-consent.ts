import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-service-notice.js';
import '../components/kiosk-step.js';
import '../home-visit/kiosk-home-visit-offer.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary Consent to the use of personal data (PIPL), read aloud; 我同意 / 我不同意. After a
 * refusal it says where else to apply (hotline, the station's window).
 * @fires kiosk-legal-aid-answer - consentGiven | consentDeclined | back
 * @fires kiosk-flow-exit - home, after a refusal
 */
@customElement('kiosk-legal-aid-consent')
export class KioskLegalAidConsent extends LegalAidStepBase {
  /** Shows the "no problem, here is what else you can do" page. */
  @property({ type: Boolean }) declined = false;
  @property() hotline = '12348';

  override firstUpdated(): void {
    this._visit?.speak(this.declined ? 'legalAid.steps.consent.declined' : 'legalAid.steps.consent.voice', {
      hotline: this.hotline,
    });
  }

  protected _next(): void {
    this._emit({ type: 'consentGiven', at: new Date().toISOString() });
  }

  override render() {
    const t = this._t;
    if (this.declined) {
      return html`<kiosk-step heading-key="legalAid.steps.consent.title" without-previous without-next>
        <p>${say(t, 'legalAid.steps.consent.declined', { hotline: this.hotline })}</p>
        <button
          slot="actions"
          type="button"
          class="primary"
          @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
        >
          ${t('legalAid.nav.cancel')}
        </button>
      </kiosk-step>`;
    }
    return html`<kiosk-step
      heading-key="legalAid.steps.consent.title"
      next-key="legalAid.steps.consent.agree"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'legalAid.steps.consent.body')}</p>
      <p>${say(t, 'legalAid.steps.consent.bodyUse')}</p>
      <p>${say(t, 'legalAid.steps.consent.bodyWipe')}</p>
      <kiosk-service-notice></kiosk-service-notice>
      <kiosk-home-visit-offer slot="actions" short source="legalAid"></kiosk-home-visit-offer>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'consentDeclined' })}>
        ${t('legalAid.steps.consent.decline')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-consent': KioskLegalAidConsent;
  }
}
