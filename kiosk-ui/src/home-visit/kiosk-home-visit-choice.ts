import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { HomeVisitEvent } from '../flows/home-visit-machine.js';
import type { MessageKey } from '../i18n/message-types.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

export interface HomeVisitOption {
  value: string;
  /** Already localized. */
  label: string;
  detail?: string;
}

/**
 * @summary One single-choice question of the booking (which service, 预约 or 上门, the village, the
 * group): large buttons, the chosen one marked ✓, then 下一步. The owner says what each choice means
 * (`toEvent`), so one renderer serves every choice step (style R4).
 * @fires kiosk-home-visit-answer - the owner's event for the chosen value | back
 */
@customElement('kiosk-home-visit-choice')
export class KioskHomeVisitChoice extends HomeVisitStepBase {
  @property({ attribute: false }) headingKey!: MessageKey;
  @property({ attribute: false }) voiceKey!: MessageKey;
  @property({ attribute: false }) missingKey!: MessageKey;
  @property({ attribute: false }) options: HomeVisitOption[] = [];
  /** The value chosen before (kept when she comes back). */
  @property({ attribute: false }) value: string | null = null;
  @property({ type: Number }) columns = 2;
  @property({ attribute: false }) toEvent!: (value: string) => HomeVisitEvent;

  @state() private _chosen: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._chosen = this.value;
  }

  override firstUpdated(): void {
    this._visit?.speak(this.voiceKey);
  }

  protected _next(): void {
    if (this._chosen !== null) this._emit(this.toEvent(this._chosen));
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      .headingKey=${this.headingKey}
      ?next-disabled=${this._chosen === null}
      .missingKey=${this.missingKey}
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="options" style="--home-visit-columns: ${this.columns}" role="group" aria-label=${t(this.headingKey)}>
        ${this.options.map(
          (o) =>
            html`<button
              type="button"
              class="option"
              data-value=${o.value}
              aria-pressed=${String(this._chosen === o.value)}
              @click=${() => (this._chosen = o.value)}
            >
              <span>${o.label}</span>${o.detail ? html`<small>${o.detail}</small>` : null}
            </button>`,
        )}
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-choice': KioskHomeVisitChoice;
  }
}
