import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { MAX_DESCRIPTION_CHARS } from '../flows/mediation-machine.js';
import '../inputs/kiosk-pinyin-input.js';
import { mediationKey } from './mediation-messages.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary What happened (纠纷简要情况), in two equal halves: on one side common phrases to tap and the
 * pinyin keyboard; on the other 请调解员打电话给我 — the oral application, as large as the written one.
 * @fires kiosk-mediation-answer - descriptionEntered | callMeChosen | back
 */
@customElement('kiosk-mediation-description')
export class KioskMediationDescription extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      .halves {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1.5rem;
        height: 100%;
        min-height: 0;
      }
      .write {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        min-height: 0;
      }
      .write .choices {
        grid-template-columns: repeat(2, minmax(0, 1fr));
      }
      .call {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.75rem;
        min-height: var(--kiosk-target);
        padding: 1rem;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.2rem solid var(--kiosk-primary);
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
      }
      .call[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .call small {
        font-size: var(--kiosk-font-body);
        font-weight: 400;
      }
      .call svg {
        width: 4rem;
        height: 4rem;
      }
      @media (orientation: portrait) {
        .halves {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: minmax(0, 1fr) auto;
        }
      }
    `,
  ];

  @state() private _what = '';

  /** Description phrase ids of the chosen kind. */
  @property({ attribute: false }) phrases: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._what = this.answers.description;
  }

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.description.voice');
  }

  private _toggle(text: string): void {
    const parts = this._what ? this._what.split('；') : [];
    this._what = (parts.includes(text) ? parts.filter((p) => p !== text) : [...parts, text])
      .join('；')
      .slice(0, MAX_DESCRIPTION_CHARS);
  }

  protected _next(): void {
    if (this._what.trim()) this._emit({ type: 'descriptionEntered', description: this._what.trim() });
  }

  override render() {
    const t = this._t;
    const parts = this._what.split('；');
    return html`<kiosk-step
      heading-key="mediation.steps.description.title"
      ?next-disabled=${!this._what.trim()}
      missing-key="mediation.steps.description.required"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="halves">
        <div class="write">
          <kiosk-pinyin-input
            name="description"
            mode="text"
            .label=${t('mediation.steps.description.label')}
            .value=${this._what}
            @input=${(e: Event) => (this._what = (e.target as HTMLInputElement).value.slice(0, MAX_DESCRIPTION_CHARS))}
          ></kiosk-pinyin-input>
          <span class="label" id="phrases-label">${t('mediation.steps.description.phrasesLabel')}</span>
          <div class="choices" role="group" aria-labelledby="phrases-label">
            ${this.phrases.map((id) => {
              const text = t(mediationKey(`description.${id}`));
              return html`<button
                type="button"
                class="choice"
                data-description=${id}
                aria-pressed=${String(parts.includes(text))}
                @click=${() => this._toggle(text)}
              >
                ${text}
              </button>`;
            })}
          </div>
        </div>
        <button
          type="button"
          class="call"
          data-call-me
          aria-pressed=${String(this.answers.callMe)}
          @click=${() => this._emit({ type: 'callMeChosen' })}
        >
          <svg
            viewBox="0 0 48 48"
            aria-hidden="true"
            fill="none"
            stroke="currentColor"
            stroke-width="2.5"
            stroke-linecap="round"
            stroke-linejoin="round"
          >
            <path d="M14 6l6 9-4 4c2 5 6 9 11 11l4-4 9 6-3 7C22 39 9 26 7 9z" />
          </svg>
          <span>${t('mediation.steps.description.callMe')}</span>
          <small>${t('mediation.steps.description.callMeDetail')}</small>
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-description': KioskMediationDescription;
  }
}
