import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { MessageKey } from '../i18n/message-types.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/** One line of the review: a label key and the value already in words. */
export interface HomeVisitReviewRow {
  labelKey: MessageKey;
  value: string;
}

/**
 * @summary The booking read back before it is sent: who, age and disability, service, how, address,
 * phone, days. 上一步 goes back to change; 确认提交 sends it.
 * @fires kiosk-home-visit-answer - reviewConfirmed | back
 */
@customElement('kiosk-home-visit-review')
export class KioskHomeVisitReview extends HomeVisitStepBase {
  static override styles = [
    ...HomeVisitStepBase.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto minmax(0, 1fr);
        gap: 0.25rem 1rem;
        margin: 0;
      }
      @media (orientation: portrait) {
        dl {
          grid-template-columns: auto minmax(0, 1fr);
        }
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) rows: HomeVisitReviewRow[] = [];

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.review.voice');
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="homeVisit.steps.review.title"
      next-key="homeVisit.steps.review.submit"
      @kiosk-step-done=${this._onStepDone}
    >
      <dl>
        ${this.rows.map(
          (r) =>
            html`<dt>${t(r.labelKey)}</dt>
              <dd>${r.value}</dd>`,
        )}
      </dl>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-review': KioskHomeVisitReview;
  }
}
