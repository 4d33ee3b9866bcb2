import { CONSULTATION_TOPICS, type ConsultationTopic } from '@kiosk/contract/signalling-api';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import '../components/kiosk-step.js';
import '../home-visit/kiosk-home-visit-offer.js';
import { ConsultationStepBase } from './consultation-step-base.js';
import { topicKey } from './consultation-messages.js';
import { topicIcon } from './topic-icons.js';

/**
 * @summary 您想问哪方面的事？ The consultation topics as six large picture buttons; one tap chooses
 * and moves on, the label spoken on the way.
 * @fires kiosk-consultation-answer - topicChosen
 * @fires kiosk-flow-exit - home (不咨询了)
 */
@customElement('kiosk-consultation-topic')
export class KioskConsultationTopic extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .grid {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: var(--kiosk-gap);
      }
      .grid button {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.25rem;
        padding: 0.75rem;
        min-height: 9rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .grid button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        border-color: var(--kiosk-primary);
      }
      svg {
        width: 4.5rem;
        height: 4.5rem;
      }
    `,
  ];

  /** Like every single-choice question: a tap highlights (and speaks), 下一步 confirms. */
  @state() private _picked: ConsultationTopic | null = null;

  override firstUpdated(): void {
    this._visit?.speak('consultation.topic.voice');
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="consultation.topic.title"
      without-previous
      ?next-disabled=${!this._picked}
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        if (e.direction === 'next' && this._picked) this._emit({ type: 'topicChosen', topic: this._picked });
      }}
    >
      <div class="grid" role="group" aria-label=${t('consultation.topic.title')}>
        ${CONSULTATION_TOPICS.map(
          (topic) =>
            html`<button
              type="button"
              data-topic=${topic}
              aria-pressed=${String(this._picked === topic)}
              @click=${() => {
                this._visit?.speak(topicKey(topic, 'spoken'));
                this._picked = topic;
              }}
            >
              ${topicIcon(topic)}<span>${t(topicKey(topic, 'label'))}</span>
            </button>`,
        )}
      </div>
      <kiosk-home-visit-offer slot="actions" short source="consultation"></kiosk-home-visit-offer>
      <button
        slot="actions"
        type="button"
        class="secondary"
        @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
      >
        ${t('consultation.nav.cancel')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-topic': KioskConsultationTopic;
  }
}
