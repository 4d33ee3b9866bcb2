import { consume } from '@lit/context';
import { css, html, LitElement, svg, type SVGTemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { KioskSatisfactionRateEvent, type SatisfactionScore } from '../events/kiosk-satisfaction-rate.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';
import './kiosk-step.js';
import './satisfaction-messages.js';

const FACES: ReadonlyArray<{ score: SatisfactionScore; key: MessageKey; mouth: string }> = [
  { score: 5, key: 'satisfaction.scores.s5', mouth: 'M18 40 Q32 56 46 40' },
  { score: 4, key: 'satisfaction.scores.s4', mouth: 'M20 42 Q32 50 44 42' },
  { score: 3, key: 'satisfaction.scores.s3', mouth: 'M20 44 L44 44' },
  { score: 2, key: 'satisfaction.scores.s2', mouth: 'M20 47 Q32 39 44 47' },
  { score: 1, key: 'satisfaction.scores.s1', mouth: 'M18 50 Q32 34 46 50' },
];

const face = (mouth: string): SVGTemplateResult =>
  svg`<circle cx="32" cy="32" r="29" fill="none" stroke="currentColor" stroke-width="4" />
    <circle cx="22" cy="25" r="4" fill="currentColor" />
    <circle cx="42" cy="25" r="4" fill="currentColor" />
    <path d=${mouth} fill="none" stroke="currentColor" stroke-width="4" stroke-linecap="round" />`;

/**
 * @summary 好差评: one screen after a finished service with five large faces, 很满意 … 很不满意, each a
 * ≥ 64 px face with its word under it; the question is spoken when it opens and the word of a
 * tapped face is spoken back with thanks. 不评价 skips. Counts only: the owner sends the score with
 * the service's name and nothing about the person.
 * @fires kiosk-satisfaction-rate - score 1–5, or null for 不评价
 */
@customElement('kiosk-satisfaction')
export class KioskSatisfaction extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .faces {
        display: grid;
        grid-template-columns: repeat(5, minmax(0, 1fr));
        gap: var(--kiosk-gap);
      }
      @media (orientation: portrait) {
        .faces {
          grid-template-columns: repeat(3, minmax(0, 1fr));
        }
      }
      .faces button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        padding: 0.75rem 0.5rem;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
        font-weight: 700;
      }
      .faces button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      svg {
        width: 6rem;
        height: 6rem;
      }
      .note {
        margin: 0.75rem 0 0;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _chosen: SatisfactionScore | null = null;

  override firstUpdated(): void {
    this._visit?.speak('satisfaction.voice');
  }

  private _rate(score: SatisfactionScore): void {
    if (this._chosen !== null) return;
    this._chosen = score;
    this._visit?.speak('satisfaction.thanks');
    this.dispatchEvent(new KioskSatisfactionRateEvent(score));
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="satisfaction.title" without-previous without-next>
      <div class="faces" role="group" aria-label=${t('satisfaction.title')}>
        ${FACES.map(
          ({ score, key, mouth }) =>
            html`<button
              type="button"
              data-score=${score}
              aria-pressed=${String(this._chosen === score)}
              @click=${() => this._rate(score)}
            >
              <svg viewBox="0 0 64 64" aria-hidden="true" focusable="false">${face(mouth)}</svg>
              <span>${t(key)}</span>
            </button>`,
        )}
      </div>
      <p class="note">${say(t, 'satisfaction.note')}</p>
      <button
        slot="actions"
        type="button"
        class="secondary"
        @click=${() => this.dispatchEvent(new KioskSatisfactionRateEvent(null))}
      >
        ${t('satisfaction.skip')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-satisfaction': KioskSatisfaction;
  }
}
