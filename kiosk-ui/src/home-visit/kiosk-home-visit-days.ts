import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { homeVisitKey } from './home-visit-messages.js';
import type { OfferedDay } from './home-visit-days.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary Which of the next 7 days suit (several may be chosen; 哪天都行 chooses all). Each day is a
 * large toggle with its date and weekday (今天 / 明天 for the first two).
 * @fires kiosk-home-visit-answer - daysChosen | back
 */
@customElement('kiosk-home-visit-days')
export class KioskHomeVisitDays extends HomeVisitStepBase {
  static override styles = [
    ...HomeVisitStepBase.styles,
    css`
      .options {
        --home-visit-columns: 4;
      }
      .option {
        align-items: center;
        text-align: center;
      }
    `,
  ];

  /** The days offered (the owner computes them from the clock). */
  @property({ attribute: false }) days: OfferedDay[] = [];

  @state() private _chosen = new Set<string>();

  override connectedCallback(): void {
    super.connectedCallback();
    this._chosen = new Set(this.answers.days);
  }

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.days.voice');
  }

  protected _next(): void {
    const days = this.days.map((d) => d.date).filter((d) => this._chosen.has(d));
    if (days.length) this._emit({ type: 'daysChosen', days });
  }

  private _toggle(date: string): void {
    const next = new Set(this._chosen);
    if (next.has(date)) next.delete(date);
    else next.add(date);
    this._chosen = next;
  }

  private _label(d: OfferedDay): string {
    const t = this._t;
    const weekday =
      d.offset === 0
        ? t('homeVisit.today')
        : d.offset === 1
          ? t('homeVisit.tomorrow')
          : t(homeVisitKey(`weekdays.d${d.weekday}`));
    return t('homeVisit.dayLabel', { month: d.month, day: d.day, weekday });
  }

  override render() {
    const t = this._t;
    const all = this.days.length > 0 && this.days.every((d) => this._chosen.has(d.date));
    return html`<kiosk-step
      heading-key="homeVisit.steps.days.title"
      ?next-disabled=${!this.days.some((d) => this._chosen.has(d.date))}
      missing-key="homeVisit.steps.days.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="options" role="group" aria-label=${t('homeVisit.steps.days.title')}>
        ${this.days.map(
          (d) =>
            html`<button
              type="button"
              class="option"
              data-date=${d.date}
              aria-pressed=${String(this._chosen.has(d.date))}
              @click=${() => this._toggle(d.date)}
            >
              ${this._label(d)}
            </button>`,
        )}
        <button
          type="button"
          class="option"
          aria-pressed=${String(all)}
          @click=${() => (this._chosen = all ? new Set() : new Set(this.days.map((d) => d.date)))}
        >
          ${t('homeVisit.steps.days.any')}
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-days': KioskHomeVisitDays;
  }
}
