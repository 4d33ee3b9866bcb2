import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { InterviewChoice } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary The notary's video interview: "now" when a notary is online; otherwise the office phones her
 * to book a time. The centre publishes no slots yet, which the screen says (slots come with the
 * notary desk, issue 12 part 2).
 * @fires kiosk-notarization-answer - interviewChosen | back
 */
@customElement('kiosk-notarization-interview')
export class KioskNotarizationInterview extends NotarizationStepBase {
  @property({ type: Boolean, attribute: 'notary-online' }) notaryOnline = false;
  @state() private _choice: InterviewChoice['kind'] | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    const prev = this.answers.interview?.kind ?? null;
    this._choice = prev === 'now' && !this.notaryOnline ? null : prev;
  }

  override firstUpdated(): void {
    this._visit?.speak(
      this.notaryOnline ? 'notarization.steps.interview.voice' : 'notarization.steps.interview.noSlots',
    );
  }

  protected _next(): void {
    if (this._choice === 'now') this._emit({ type: 'interviewChosen', choice: { kind: 'now' } });
    else if (this._choice === 'phone') this._emit({ type: 'interviewChosen', choice: { kind: 'phone' } });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="notarization.steps.interview.title"
      ?next-disabled=${!this._choice}
      missing-key="notarization.steps.interview.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(t, 'notarization.steps.interview.body')}</p>
      ${this.notaryOnline ? null : html`<p>${say(t, 'notarization.steps.interview.noSlots')}</p>`}
      <div class="cards">
        ${
          this.notaryOnline
            ? html`<button
                type="button"
                class="card"
                data-choice="now"
                aria-pressed=${String(this._choice === 'now')}
                @click=${() => (this._choice = 'now')}
              >
                <span>${t('notarization.steps.interview.now')}</span>
                <small>${t('notarization.steps.interview.nowDetail')}</small>
              </button>`
            : null
        }
        <button
          type="button"
          class="card"
          data-choice="phone"
          aria-pressed=${String(this._choice === 'phone')}
          @click=${() => (this._choice = 'phone')}
        >
          <span>${t('notarization.steps.interview.phone')}</span>
          <small>${t('notarization.steps.interview.phoneDetail')}</small>
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-interview': KioskNotarizationInterview;
  }
}
