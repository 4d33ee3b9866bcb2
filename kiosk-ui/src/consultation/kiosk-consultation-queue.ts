import { css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { EMPTY_QUEUE, type QueueInfo } from '../flows/consultation-machine.js';
import type { MessageParams } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/** Minutes to say for an estimate: rounded up, at least 1. */
export function estimateMinutes(seconds: number): number {
  return Math.max(1, Math.ceil(seconds / 60));
}

/**
 * @summary 排队中: her place in the queue and an honest estimate (or "说不准"), spoken on every
 * change, the lawyers online, and 取消排队. While connecting it says so.
 * @fires kiosk-consultation-answer - leaveQueue
 */
@customElement('kiosk-consultation-queue')
export class KioskConsultationQueue extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .position {
        font-size: 3.5rem;
        font-weight: 700;
        color: var(--kiosk-primary);
        margin: 0.5rem 0 1rem;
      }
      .facts {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem 3rem;
      }
    `,
  ];

  @property({ attribute: false }) queue: QueueInfo = EMPTY_QUEUE;

  private _spokenFor = '';

  protected override updated(changed: PropertyValues): void {
    if (changed.has('queue')) this._speak();
  }

  private _estimateText(): string {
    const s = this.queue.estimatedWaitS;
    return s === null
      ? this._t('consultation.queue.noEstimate')
      : this._t('consultation.queue.estimate', { minutes: estimateMinutes(s) });
  }

  /** Spoken when she arrives and at every change of position or estimate. */
  private _speak(): void {
    const q = this.queue;
    if (q.position === null) {
      if (this._spokenFor !== 'connecting') this._visit?.speak('consultation.queue.connecting');
      this._spokenFor = 'connecting';
      return;
    }
    const what = `${q.position}:${q.estimatedWaitS === null ? '-' : estimateMinutes(q.estimatedWaitS)}`;
    if (what === this._spokenFor) return;
    this._spokenFor = what;
    const params: MessageParams = { position: q.position, estimate: this._estimateText() };
    this._visit?.speak(q.position <= 1 ? 'consultation.queue.spokenFirst' : 'consultation.queue.spoken', params);
  }

  override render() {
    const t = this._t;
    const q = this.queue;
    return html`<kiosk-step heading-key="consultation.queue.title" without-previous without-next>
      ${
        q.position === null
          ? html`<p class="status" role="status">${say(t, 'consultation.queue.connecting')}</p>`
          : html`<p class="position" role="status" data-position=${q.position}>
                ${
                  q.position <= 1
                    ? say(t, 'consultation.queue.first')
                    : say(t, 'consultation.queue.position', { position: q.position })
                }
              </p>
              <div class="facts">
                <p>
                  ${
                    q.estimatedWaitS === null
                      ? say(t, 'consultation.queue.noEstimate')
                      : say(t, 'consultation.queue.estimate', { minutes: estimateMinutes(q.estimatedWaitS) })
                  }
                </p>
                ${
                  q.lawyersOnline === null
                    ? null
                    : html`<p>${say(t, 'consultation.queue.lawyers', { count: q.lawyersOnline })}</p>`
                }
              </div>
              <p>${say(t, 'consultation.queue.stay')}</p>`
      }
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'leaveQueue' })}>
        ${t('consultation.queue.leave')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-queue': KioskConsultationQueue;
  }
}
