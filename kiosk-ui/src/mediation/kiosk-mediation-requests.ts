import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { MAX_REQUESTS } from '../flows/mediation-machine.js';
import { say } from '../i18n/say.js';
import '../inputs/kiosk-pinyin-input.js';
import { mediationKey } from './mediation-messages.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary What she asks for (申请事项): 1–3 items, tapped from the kind's common requests
 * (content/mediation/kinds.json) or one typed with the pinyin keyboard.
 * @fires kiosk-mediation-answer - requestsEntered | back
 */
@customElement('kiosk-mediation-requests')
export class KioskMediationRequests extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      .choices {
        grid-template-columns: repeat(3, minmax(0, 1fr));
        margin: 0.25rem 0 0.75rem;
      }
      @media (orientation: portrait) {
        .choices {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      p {
        margin: 0 0 0.25rem;
      }
    `,
  ];

  /** Picked phrase texts, in the order she tapped them. */
  @state() private _picked: string[] = [];
  @state() private _typed = '';
  @state() private _tooMany = false;

  /** Request phrase ids of the chosen kind. */
  @property({ attribute: false }) phrases: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    const texts = new Set(this.phrases.map((id) => this._text(id)));
    this._picked = this.answers.requests.filter((r) => texts.has(r));
    this._typed = this.answers.requests.find((r) => !texts.has(r)) ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.requests.voice');
  }

  private _text(id: string): string {
    return this._t(mediationKey(`request.${id}`));
  }

  private _requests(): string[] {
    const typed = this._typed.trim();
    return typed && !this._picked.includes(typed) ? [...this._picked, typed] : [...this._picked];
  }

  private _toggle(text: string): void {
    if (this._picked.includes(text)) {
      this._picked = this._picked.filter((p) => p !== text);
      this._tooMany = false;
      return;
    }
    if (this._requests().length >= MAX_REQUESTS) {
      this._tooMany = true;
      this._visit?.speak('mediation.steps.requests.tooMany');
      return;
    }
    this._picked = [...this._picked, text];
  }

  protected _next(): void {
    const requests = this._requests();
    if (requests.length > MAX_REQUESTS) {
      this._tooMany = true;
      this._visit?.speak('mediation.steps.requests.tooMany');
      return;
    }
    if (requests.length) this._emit({ type: 'requestsEntered', requests });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="mediation.steps.requests.title"
      ?next-disabled=${this._requests().length === 0}
      missing-key="mediation.steps.requests.required"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'mediation.steps.requests.body')}</p>
      <div class="choices" role="group" aria-label=${t('mediation.steps.requests.phrasesLabel')}>
        ${this.phrases.map((id) => {
          const text = this._text(id);
          return html`<button
            type="button"
            class="choice"
            data-request=${id}
            aria-pressed=${String(this._picked.includes(text))}
            @click=${() => this._toggle(text)}
          >
            ${text}
          </button>`;
        })}
      </div>
      <kiosk-pinyin-input
        name="typedRequest"
        mode="text"
        .label=${t('mediation.steps.requests.typedLabel')}
        .value=${this._typed}
        @input=${(e: Event) => {
          this._typed = (e.target as HTMLInputElement).value.slice(0, 100);
          this._tooMany = false;
        }}
      ></kiosk-pinyin-input>
      <p class="error" role="alert" ?hidden=${!this._tooMany}>${say(t, 'mediation.steps.requests.tooMany')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-requests': KioskMediationRequests;
  }
}
