import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { say } from '../i18n/say.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary Consent to the use of personal data for the notary office (PIPL), including one face photo;
 * 我同意 / 我不同意. After a refusal: the office and 12348, and the way home.
 * @fires kiosk-notarization-answer - consentGiven | consentDeclined | back
 * @fires kiosk-flow-exit - home, after a refusal
 */
@customElement('kiosk-notarization-consent')
export class KioskNotarizationConsent extends NotarizationStepBase {
  @property({ type: Boolean }) declined = false;
  @property() hotline = '12348';
  @property() office = '';

  override firstUpdated(): void {
    this._visit?.speak(this.declined ? 'notarization.steps.consent.declined' : 'notarization.steps.consent.voice', {
      hotline: this.hotline,
    });
  }

  protected _next(): void {
    this._emit({ type: 'consentGiven', at: new Date().toISOString() });
  }

  override render() {
    const t = this._t;
    if (this.declined)
      return html`<kiosk-step heading-key="notarization.steps.consent.title" without-previous without-next>
        <p>${say(t, 'notarization.steps.consent.declined', { hotline: this.hotline })}</p>
        <button
          slot="actions"
          type="button"
          class="primary"
          @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
        >
          ${t('notarization.nav.home')}
        </button>
      </kiosk-step>`;
    return html`<kiosk-step
      heading-key="notarization.steps.consent.title"
      next-key="notarization.steps.consent.agree"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'notarization.steps.consent.body', { office: this.office })}</p>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'consentDeclined' })}>
        ${t('notarization.steps.consent.decline')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-consent': KioskNotarizationConsent;
  }
}
