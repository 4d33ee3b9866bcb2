import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { VILLAGE_ELSEWHERE, VILLAGE_UNKNOWN } from '../flows/mediation-machine.js';
import type { Village } from './mediation-content.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary Which village: hers (`party` self) or the other party's (`party` other), from the county's
 * villages as large buttons, plus 不在这些村 — and for the other party 不知道. The villages decide the
 * committee (jurisdiction).
 * @fires kiosk-mediation-answer - villageChosen | otherVillageChosen | back
 */
@customElement('kiosk-mediation-village')
export class KioskMediationVillage extends MediationStepBase {
  @state() private _village = '';

  @property() party: 'self' | 'other' = 'self';
  @property({ attribute: false }) villages: Village[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._village = (this.party === 'self' ? this.answers.village : this.answers.otherVillage) ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak(this.party === 'self' ? 'mediation.steps.village.voice' : 'mediation.steps.otherVillage.voice');
  }

  protected _next(): void {
    if (!this._village) return;
    this._emit(
      this.party === 'self'
        ? { type: 'villageChosen', village: this._village }
        : { type: 'otherVillageChosen', village: this._village },
    );
  }

  private _choice(value: string, label: string) {
    return html`<button
      type="button"
      class="choice"
      data-village=${value}
      aria-pressed=${String(this._village === value)}
      @click=${() => {
        this._village = value;
      }}
    >
      ${label}
    </button>`;
  }

  override render() {
    const t = this._t;
    const self = this.party === 'self';
    return html`<kiosk-step
      heading-key=${self ? 'mediation.steps.village.title' : 'mediation.steps.otherVillage.title'}
      ?next-disabled=${!this._village}
      missing-key=${self ? 'mediation.steps.village.required' : 'mediation.steps.otherVillage.required'}
      @kiosk-step-done=${this._onStepDone}
    >
      <div
        class="choices"
        role="group"
        aria-label=${t(self ? 'mediation.steps.village.label' : 'mediation.steps.otherVillage.label')}
      >
        ${this.villages.map((v) => this._choice(v.id, v.name))}
        ${this._choice(VILLAGE_ELSEWHERE, t('mediation.villageOther'))}
        ${self ? null : this._choice(VILLAGE_UNKNOWN, t('mediation.nav.unknown'))}
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-village': KioskMediationVillage;
  }
}
