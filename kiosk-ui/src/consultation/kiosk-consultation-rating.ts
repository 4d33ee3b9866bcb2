import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../components/kiosk-satisfaction.js';
import type { KioskSatisfactionRateEvent } from '../events/kiosk-satisfaction-rate.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/**
 * @summary 好差评 after the call: the shared five-face satisfaction screen (很满意 … 很不满意, spoken), or
 * 不评价; the consultation sends the score with its call id.
 * @fires kiosk-consultation-answer - rated | ratingSkipped
 */
@customElement('kiosk-consultation-rating')
export class KioskConsultationRating extends ConsultationStepBase {
  private _onRate(e: KioskSatisfactionRateEvent): void {
    e.stopPropagation();
    this._emit(e.score === null ? { type: 'ratingSkipped' } : { type: 'rated', score: e.score });
  }

  override render() {
    return html`<kiosk-satisfaction
      @kiosk-satisfaction-rate=${(e: KioskSatisfactionRateEvent) => this._onRate(e)}
    ></kiosk-satisfaction>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-rating': KioskConsultationRating;
  }
}
