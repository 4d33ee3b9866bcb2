import { css, html, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LegalStage } from '../eligibility/types.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-choice-cards.js';
import '../inputs/kiosk-pinyin-input.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

const STAGES: LegalStage[] = ['notStarted', 'litigation', 'arbitration', 'mediation', 'administrative'];

/** One question per screen (issue 15): where the case stands, the other party, what happened. */
const QUESTIONS = ['stage', 'otherParty', 'what'] as const;
type Question = (typeof QUESTIONS)[number];
const QUESTION_LABEL = {
  stage: 'legalAid.steps.details.stageLabel',
  otherParty: 'legalAid.steps.details.otherPartyLabel',
  what: 'legalAid.steps.details.whatLabel',
} as const;

/**
 * @summary A few questions, one per screen: where the case stands, the other party, what happened
 * — common phrases to tap (content/legal-aid/rules.json `phrases`) or typing with the pinyin
 * keyboard. 下一步 goes to the next question and 上一步 to the previous one; the step's event is
 * emitted after the last. Back from the next step, it opens at the last question.
 * @fires kiosk-legal-aid-answer - detailsEntered | back
 */
@customElement('kiosk-legal-aid-details')
export class KioskLegalAidDetails extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
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
        --kiosk-choice-columns: 2;
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
  /** Which question is on screen. */
  @state() private _question: Question = 'stage';

  override connectedCallback(): void {
    super.connectedCallback();
    this._stage = this.answers.stage ?? '';
    this._otherParty = this.answers.otherParty;
    this._what = this.answers.what;
    // Back from the next step: the last question, where she left.
    if (this._what) this._question = 'what';
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.details.voice');
  }

  protected override updated(changed: PropertyValues): void {
    // Each next question is spoken (the step's voice covered the first).
    if (changed.has('_question') && changed.get('_question')) this._visit?.speak(QUESTION_LABEL[this._question]);
  }

  /** Wired to <kiosk-step>: 上一步 / 下一步 move between the questions first. */
  protected override _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    const i = QUESTIONS.indexOf(this._question);
    if (e.direction === 'previous') {
      if (i > 0) this._question = QUESTIONS[i - 1]!;
      else this._emit({ type: 'back' });
    } else if (i < QUESTIONS.length - 1) this._question = QUESTIONS[i + 1]!;
    else this._next();
  };

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

  private _renderQuestion() {
    const t = this._t;
    switch (this._question) {
      case 'stage':
        return html`<kiosk-choice-cards
          name="stage"
          .label=${t('legalAid.steps.details.stageLabel')}
          .choices=${STAGES.map((s) => ({ value: s, label: t(legalAidKey(`stage.${s}`)) }))}
          .value=${this._stage}
          @change=${(e: Event) => (this._stage = (e.target as HTMLInputElement).value as LegalStage)}
        ></kiosk-choice-cards>`;
      case 'otherParty':
        return html`<kiosk-pinyin-input
            name="otherParty"
            mode="name"
            .label=${t('legalAid.steps.details.otherPartyLabel')}
            .value=${this._otherParty}
            @input=${(e: Event) => (this._otherParty = (e.target as HTMLInputElement).value)}
          ></kiosk-pinyin-input>
          <p>${say(t, 'legalAid.steps.details.otherPartyHint')}</p>`;
      case 'what': {
        const parts = this._what.split('；');
        return html`<kiosk-pinyin-input
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
          <p class="error" role="alert" ?hidden=${!this._error}>${say(t, 'legalAid.steps.details.whatRequired')}</p>`;
      }
      default: {
        const never: never = this._question;
        return never;
      }
    }
  }

  override render() {
    return html`<kiosk-step heading-key="legalAid.steps.details.title" @kiosk-step-done=${this._onStepDone}>
      ${this._renderQuestion()}
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-details': KioskLegalAidDetails;
  }
}
