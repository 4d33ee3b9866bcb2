import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-choice-cards.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

type YesNo = '' | 'yes' | 'no' | 'unknown';

const toYesNo = (v: boolean | null): YesNo => (v === null ? '' : v ? 'yes' : 'no');

/**
 * @summary Art. 44 urgency: a deadline within 7 days, or immediate preservation — 是 / 不是 / 不清楚
 * for each, nothing preselected. 不清楚 is never a silent no: it is sent as urgent, so staff look at
 * the application first and check the deadline themselves.
 * @fires kiosk-legal-aid-answer - urgencyAnswered | back
 */
@customElement('kiosk-legal-aid-urgency')
export class KioskLegalAidUrgency extends LegalAidStepBase {
  @state() private _deadline: YesNo = '';
  @state() private _preservation: YesNo = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this._deadline = toYesNo(this.answers.deadlineSoon);
    this._preservation = toYesNo(this.answers.preservationNeeded);
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.urgency.voice');
  }

  protected _next(): void {
    if (!this._deadline || !this._preservation) return;
    this._emit({
      type: 'urgencyAnswered',
      deadlineSoon: this._deadline !== 'no',
      preservationNeeded: this._preservation !== 'no',
    });
  }

  override render() {
    const t = this._t;
    const choices = [
      { value: 'yes', label: t('legalAid.nav.yes') },
      { value: 'no', label: t('legalAid.nav.no') },
      { value: 'unknown', label: t('legalAid.nav.unknown') },
    ];
    return html`<kiosk-step
      heading-key="legalAid.steps.urgency.title"
      ?next-disabled=${!this._deadline || !this._preservation}
      style="--kiosk-choice-columns: 3"
      @kiosk-step-done=${this._onStepDone}
    >
      <kiosk-choice-cards
        name="deadlineSoon"
        required
        .label=${t('legalAid.steps.urgency.deadlineQuestion')}
        .choices=${choices}
        .value=${this._deadline}
        @change=${(e: Event) => (this._deadline = (e.target as HTMLInputElement).value as YesNo)}
      ></kiosk-choice-cards>
      <kiosk-choice-cards
        name="preservationNeeded"
        required
        .label=${t('legalAid.steps.urgency.preservationQuestion')}
        .choices=${choices}
        .value=${this._preservation}
        @change=${(e: Event) => (this._preservation = (e.target as HTMLInputElement).value as YesNo)}
      ></kiosk-choice-cards>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-urgency': KioskLegalAidUrgency;
  }
}
