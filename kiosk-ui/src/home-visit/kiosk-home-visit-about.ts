import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { AGE_GROUPS, DISABILITY_ANSWERS, type AgeGroup, type Disability } from '../flows/home-visit-machine.js';
import { homeVisitKey } from './home-visit-messages.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary The absent person's age group (four buttons) and whether she has a disability
 * (有 / 没有 / 不清楚). Both are asked so staff know what help to bring.
 * @fires kiosk-home-visit-answer - aboutChosen | back
 */
@customElement('kiosk-home-visit-about')
export class KioskHomeVisitAbout extends HomeVisitStepBase {
  static override styles = [
    ...HomeVisitStepBase.styles,
    css`
      .ages {
        --home-visit-columns: 4;
      }
      .disability {
        --home-visit-columns: 3;
        --home-visit-columns-portrait: 3;
      }
    `,
  ];

  @state() private _age: AgeGroup | null = null;
  @state() private _disability: Disability | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._age = this.answers.ageGroup;
    this._disability = this.answers.disability;
  }

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.about.voice');
  }

  protected _next(): void {
    if (this._age && this._disability)
      this._emit({ type: 'aboutChosen', ageGroup: this._age, disability: this._disability });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="homeVisit.steps.about.title"
      ?next-disabled=${!this._age || !this._disability}
      missing-key="homeVisit.steps.about.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <h2 id="age">${t('homeVisit.steps.about.ageLabel')}</h2>
      <div class="options ages" role="group" aria-labelledby="age">
        ${AGE_GROUPS.map(
          (a) =>
            html`<button
              type="button"
              class="option"
              aria-pressed=${String(this._age === a)}
              @click=${() => (this._age = a)}
            >
              ${t(homeVisitKey(`age.${a}`))}
            </button>`,
        )}
      </div>
      <h2 id="disability">${t('homeVisit.steps.about.disabilityLabel')}</h2>
      <div class="options disability" role="group" aria-labelledby="disability">
        ${DISABILITY_ANSWERS.map(
          (d) =>
            html`<button
              type="button"
              class="option"
              aria-pressed=${String(this._disability === d)}
              @click=${() => (this._disability = d)}
            >
              ${t(homeVisitKey(`disability.${d}`))}
            </button>`,
        )}
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-about': KioskHomeVisitAbout;
  }
}
