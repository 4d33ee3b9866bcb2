import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { ConsultationTopic } from '@kiosk/contract/signalling-api';
import type { PropertyValues } from 'lit';
import type { CallerNote, EndedCall, SlipPrint } from '../flows/consultation-machine.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say, sayText } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';
import { topicKey } from './consultation-messages.js';

/** "2026-11-29 10:05" in China time, for the screen. */
export function chinaDateTime(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000).toISOString();
  return `${d.slice(0, 10)} ${d.slice(11, 16)}`;
}

/**
 * @summary 咨询结束: who she talked to, when, about what, and 12348 for later; while the lawyer is
 * still writing her note, "律师正在写给您的建议…" with 不等了，打印; then what the lawyer wrote for her
 * and the summary slip's printing state with 再打一张; 完成 ends the visit (everything wiped).
 * @fires kiosk-consultation-answer - noteWaitEnded | printStarted | finished
 */
@customElement('kiosk-consultation-summary')
export class KioskConsultationSummary extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .note {
        white-space: pre-wrap;
      }
      .hotline {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
        color: var(--kiosk-primary);
      }
    `,
  ];

  @property({ attribute: false }) ended: EndedCall | null = null;
  @property({ attribute: false }) topic: ConsultationTopic | null = null;
  @property({ attribute: false }) print: SlipPrint = { kind: 'idle' };
  @property({ attribute: false }) note: CallerNote = { kind: 'none' };

  override firstUpdated(): void {
    if (this.note.kind === 'waiting') this._visit?.speak('consultation.summary.noteVoice');
    else this._visit?.speak('consultation.summary.voice', { hotline: this.hotline });
  }

  protected override updated(changed: PropertyValues<this>): void {
    const before = changed.get('note');
    // The note came (or the wait ended) while she was on this screen: now the slip prints.
    if (before?.kind === 'waiting' && this.note.kind !== 'waiting')
      this._visit?.speak('consultation.summary.voice', { hotline: this.hotline });
  }

  override render() {
    const t = this._t;
    const e = this.ended;
    return html`<kiosk-step
      heading-key="consultation.summary.title"
      without-previous
      next-key="consultation.nav.done"
      ?next-disabled=${this.print.kind === 'printing'}
      @kiosk-step-done=${(ev: KioskStepDoneEvent) => {
        ev.stopPropagation();
        if (ev.direction === 'next') this._emit({ type: 'finished' });
      }}
    >
      ${
        e
          ? html`<p>
                ${
                  e.lawyerName
                    ? sayText(t('consultation.summary.lawyer', { name: e.lawyerName }))
                    : say(t, 'consultation.summary.lawyerOnDuty')
                }
              </p>
              <p>${say(t, 'consultation.summary.time', { time: chinaDateTime(e.startedAt) })}</p>`
          : null
      }
      ${
        this.topic
          ? html`<p>${say(t, 'consultation.summary.topic', { topic: t(topicKey(this.topic, 'label')) })}</p>`
          : null
      }
      ${
        this.note.kind === 'written'
          ? html`<p>${say(t, 'consultation.summary.forCaller')}</p>
              <p class="note">${this.note.text}</p>`
          : null
      }
      <p class="hotline">${say(t, 'consultation.summary.hotline', { hotline: this.hotline })}</p>
      ${
        this.note.kind === 'waiting'
          ? html`<p role="status" data-note="waiting">${say(t, 'consultation.summary.noteWaiting')}</p>`
          : this._printLine(this.print)
      }
      <button
        slot="actions"
        type="button"
        ?hidden=${this.note.kind !== 'waiting'}
        @click=${() => this._emit({ type: 'noteWaitEnded' })}
      >
        ${t('consultation.summary.stopWaiting')}
      </button>
      <button
        slot="actions"
        type="button"
        class="secondary"
        ?hidden=${this.print.kind !== 'printed' && this.print.kind !== 'failed'}
        @click=${() => this._emit({ type: 'printStarted' })}
      >
        ${t('consultation.print.again')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-summary': KioskConsultationSummary;
  }
}
