import { html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { say } from '../i18n/say.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary Consent to pass the name, age, address and phone to the county's staff (PIPL); 我同意 /
 * 我不同意. After a refusal: the hotline, and the way home.
 * @fires kiosk-home-visit-answer - consentGiven | consentDeclined | back
 * @fires kiosk-flow-exit - home, after a refusal
 */
@customElement('kiosk-home-visit-consent')
export class KioskHomeVisitConsent extends HomeVisitStepBase {
  @property({ type: Boolean }) declined = false;
  @property() hotline = '12348';

  override firstUpdated(): void {
    if (this.declined) this._visit?.speak('homeVisit.steps.consent.declined', { hotline: this.hotline });
    else this._visit?.speak('homeVisit.steps.consent.voice');
  }

  protected _next(): void {
    this._emit({ type: 'consentGiven', at: new Date().toISOString() });
  }

  override render() {
    const t = this._t;
    if (this.declined)
      return html`<kiosk-step heading-key="homeVisit.steps.consent.title" without-previous without-next>
        <p>${say(t, 'homeVisit.steps.consent.declined', { hotline: this.hotline })}</p>
        <button
          slot="actions"
          type="button"
          class="primary"
          @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
        >
          ${t('app.home')}
        </button>
      </kiosk-step>`;
    return html`<kiosk-step
      heading-key="homeVisit.steps.consent.title"
      next-key="homeVisit.steps.consent.agree"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'homeVisit.steps.consent.body')}</p>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'consentDeclined' })}>
        ${t('homeVisit.steps.consent.decline')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-consent': KioskHomeVisitConsent;
  }
}
