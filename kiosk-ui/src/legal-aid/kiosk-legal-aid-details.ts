import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LegalStage } from '../eligibility/types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-choice-cards.js';
import '../inputs/kiosk-pinyin-input.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

const STAGES: LegalStage[] = ['notStarted', 'litigation', 'arbitration', 'mediation', 'administrative'];

/**
 * @summary A few questions: where the case stands, the other party, what happened — common phrases
 * to tap (content/legal-aid/rules.json `phrases`) or typing with the pinyin keyboard.
 * @fires kiosk-legal-aid-answer - detailsEntered | back
 */
@customElement('kiosk-legal-aid-details')
export class KioskLegalAidDetails extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      section {
        margin-bottom: 1.5rem;
      }
      .phrases {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kiosk-gap);
        margin: 0.5rem 0 1rem;
      }
      .phrases button {
        padding: 0.5rem 1.25rem;
        background: var(--kiosk-muted-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .phrases button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      kiosk-choice-cards {
        --kiosk-choice-columns: 3;
      }
      .label {
        font-weight: 700;
      }
    `,
  ];

  /** Phrase ids offered for this matter. */
  @property({ attribute: false }) phrases: string[] = [];

  @state() private _stage: LegalStage | '' = '';
  @state() private _otherParty = '';
  @state() private _what = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._stage = this.answers.stage ?? '';
    this._otherParty = this.answers.otherParty;
    this._what = this.answers.what;
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.details.voice');
  }

  private _togglePhrase(text: string): void {
    const parts = this._what ? this._what.split('；') : [];
    this._what = parts.includes(text) ? parts.filter((p) => p !== text).join('；') : [...parts, text].join('；');
    this._error = false;
  }

  protected _next(): void {
    if (!this._what.trim()) {
      this._error = true;
      this._visit?.speak('legalAid.steps.details.whatRequired');
      return;
    }
    this._emit({
      type: 'detailsEntered',
      stage: this._stage || 'notStarted',
      otherParty: this._otherParty.trim(),
      what: this._what.trim(),
    });
  }

  override render() {
    const t = this._t;
    const parts = this._what.split('；');
    return html`<kiosk-step heading-key="legalAid.steps.details.title" @kiosk-step-done=${this._onStepDone}>
      <section>
        <kiosk-choice-cards
          name="stage"
          .label=${t('legalAid.steps.details.stageLabel')}
          .choices=${STAGES.map((s) => ({ value: s, label: t(legalAidKey(`stage.${s}`)) }))}
          .value=${this._stage}
          @change=${(e: Event) => (this._stage = (e.target as HTMLInputElement).value as LegalStage)}
        ></kiosk-choice-cards>
      </section>
      <section>
        <kiosk-pinyin-input
          name="otherParty"
          mode="name"
          .label=${t('legalAid.steps.details.otherPartyLabel')}
          .value=${this._otherParty}
          @input=${(e: Event) => (this._otherParty = (e.target as HTMLInputElement).value)}
        ></kiosk-pinyin-input>
        <p>${say(t, 'legalAid.steps.details.otherPartyHint')}</p>
      </section>
      <section>
        <span class="label" id="phrases-label">${t('legalAid.steps.details.phrasesLabel')}</span>
        <div class="phrases" role="group" aria-labelledby="phrases-label">
          ${this.phrases.map((id) => {
            const text = t(legalAidKey(`phrases.${id}`));
            return html`<button
              type="button"
              aria-pressed=${String(parts.includes(text))}
              @click=${() => this._togglePhrase(text)}
            >
              ${text}
            </button>`;
          })}
        </div>
        <kiosk-pinyin-input
          name="what"
          mode="text"
          required
          .label=${t('legalAid.steps.details.whatLabel')}
          .value=${this._what}
          @input=${(e: Event) => {
            this._what = (e.target as HTMLInputElement).value;
            this._error = false;
          }}
        ></kiosk-pinyin-input>
        <p class="error" role="alert" ?hidden=${!this._error}>${say(t, 'legalAid.steps.details.whatRequired')}</p>
      </section>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-details': KioskLegalAidDetails;
  }
}
