import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { RatingScore } from '../flows/consultation-machine.js';
import type { MessageKey } from '../i18n/message-types.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';

const SCORES: ReadonlyArray<{ score: RatingScore; key: MessageKey }> = [
  { score: 5, key: 'consultation.rating.s5' },
  { score: 4, key: 'consultation.rating.s4' },
  { score: 3, key: 'consultation.rating.s3' },
  { score: 2, key: 'consultation.rating.s2' },
  { score: 1, key: 'consultation.rating.s1' },
];

/**
 * @summary 好差评 after the call: five large buttons from 非常满意 to 非常不满意 (spoken), or 不评价.
 * @fires kiosk-consultation-answer - rated | ratingSkipped
 */
@customElement('kiosk-consultation-rating')
export class KioskConsultationRating extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .scores {
        display: grid;
        grid-template-columns: repeat(5, 1fr);
        gap: var(--kiosk-gap);
      }
      @media (orientation: portrait) {
        .scores {
          grid-template-columns: 1fr;
        }
      }
      .scores button {
        min-height: 7rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
        font-weight: 700;
      }
    `,
  ];

  override firstUpdated(): void {
    this._visit?.speak('consultation.rating.voice');
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="consultation.rating.title" without-previous without-next>
      <div class="scores" role="group" aria-label=${t('consultation.rating.title')}>
        ${SCORES.map(
          ({ score, key }) =>
            html`<button
              type="button"
              data-score=${score}
              @click=${() => {
                this._visit?.speak('consultation.rating.thanks');
                this._emit({ type: 'rated', score });
              }}
            >
              ${t(key)}
            </button>`,
        )}
      </div>
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'ratingSkipped' })}>
        ${t('consultation.rating.skip')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-rating': KioskConsultationRating;
  }
}
