import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { say } from '../i18n/say.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary The voluntary-application statement and consent to give her data to the committee
 * (人民调解 is voluntary; the committee contacts the other side); 我同意 / 我不同意. After a
 * refusal: the village committee and 12348, and the way home.
 * @fires kiosk-mediation-answer - consentGiven | consentDeclined | back
 * @fires kiosk-flow-exit - home, after a refusal
 */
@customElement('kiosk-mediation-consent')
export class KioskMediationConsent extends MediationStepBase {
  @property({ type: Boolean }) declined = false;
  @property() hotline = '12348';
  /** The committee the application goes to. */
  @property() committee = '';

  override firstUpdated(): void {
    this._visit?.speak(this.declined ? 'mediation.steps.consent.declined' : 'mediation.steps.consent.voice', {
      hotline: this.hotline,
    });
  }

  protected _next(): void {
    this._emit({ type: 'consentGiven', at: new Date().toISOString() });
  }

  override render() {
    const t = this._t;
    if (this.declined)
      return html`<kiosk-step
        heading-key="mediation.steps.consent.title"
        @kiosk-step-done=${this._onStepDone}
        without-next
      >
        <p>${say(t, 'mediation.steps.consent.declined', { hotline: this.hotline })}</p>
        <button
          slot="actions"
          type="button"
          class="primary"
          @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
        >
          ${t('mediation.nav.home')}
        </button>
      </kiosk-step>`;
    return html`<kiosk-step
      heading-key="mediation.steps.consent.title"
      next-key="mediation.steps.consent.agree"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'mediation.steps.consent.body', { committee: this.committee })}</p>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'consentDeclined' })}>
        ${t('mediation.steps.consent.decline')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-consent': KioskMediationConsent;
  }
}
