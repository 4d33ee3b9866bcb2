import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';
import { toggleStyles } from './legal-aid-toggle-styles.js';

/**
 * @summary Art. 32: the circumstances with no economic test, as toggles (several may apply), or 都没有;
 * nothing is preselected and 下一步 confirms (it says what is missing until she has answered).
 * @fires kiosk-legal-aid-answer - circumstancesChosen | back
 */
@customElement('kiosk-legal-aid-circumstances')
export class KioskLegalAidCircumstances extends LegalAidStepBase {
  static override styles = [...LegalAidStepBase.styles, toggleStyles];

  /** Every Art. 32 circumstance id (content/legal-aid/rules.json). */
  @property({ attribute: false }) circumstances: string[] = [];
  /** The ids that lift the economic test for the chosen matter (computed by the engine). */
  @property({ attribute: false }) applicable: string[] = [];
  /** The matter itself needs no economic test (e.g. domestic violence). */
  @property({ type: Boolean, attribute: 'matter-exempt' }) matterExempt = false;

  @state() private _picked: string[] = [];
  /** 都没有 was tapped (an answer, unlike an empty selection nobody made). */
  @state() private _none = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._picked = [...this.answers.circumstances];
    // Coming back with 上一步 after answering 都没有: show that answer again.
    this._none = this.answers.exemptGroupId !== null && this._picked.length === 0;
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.circumstances.voice');
  }

  private _toggle(id: string): void {
    this._picked = this._picked.includes(id) ? this._picked.filter((x) => x !== id) : [...this._picked, id];
    this._none = false;
  }

  protected _next(): void {
    if (!this._none && this._picked.length === 0) return;
    const noEconomicTest = this.matterExempt || this._picked.some((id) => this.applicable.includes(id));
    this._emit({ type: 'circumstancesChosen', ids: this._picked, noEconomicTest });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="legalAid.steps.circumstances.title"
      ?next-disabled=${!this._none && this._picked.length === 0}
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'legalAid.steps.circumstances.body')}</p>
      <div class="options" role="group" aria-label=${t('legalAid.steps.circumstances.title')}>
        ${this.circumstances.map(
          (id) =>
            html`<button
              type="button"
              aria-pressed=${String(this._picked.includes(id))}
              @click=${() => this._toggle(id)}
            >
              ${t(legalAidKey(`circumstance.${id}`))}
            </button>`,
        )}
        <button
          type="button"
          aria-pressed=${String(this._none)}
          @click=${() => {
            this._picked = [];
            this._none = true;
          }}
        >
          ${t('legalAid.steps.circumstances.none')}
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-circumstances': KioskLegalAidCircumstances;
  }
}
