import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/**
 * @summary Spoken consent to the video call (PIPL: face and voice are sensitive): 同意 / 不同意.
 * @fires kiosk-consultation-answer - consentGiven | consentDeclined | back
 */
@customElement('kiosk-consultation-consent')
export class KioskConsultationConsent extends ConsultationStepBase {
  override firstUpdated(): void {
    this._visit?.speak('consultation.consent.voice');
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="consultation.consent.title"
      next-key="consultation.consent.agree"
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        this._emit(e.direction === 'next' ? { type: 'consentGiven', at: new Date().toISOString() } : { type: 'back' });
      }}
    >
      <p>${say(t, 'consultation.consent.body')}</p>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'consentDeclined' })}>
        ${t('consultation.consent.decline')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-consent': KioskConsultationConsent;
  }
}
