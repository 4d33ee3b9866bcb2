import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { FallbackReason, SlipPrint } from '../flows/consultation-machine.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say, sayText } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';
import { fallbackReasonKey } from './consultation-messages.js';
import './kiosk-tel-qr.js';

/**
 * @summary The fallback ladder's screen (reference/video-consultation.md §4): why, in plain words; the
 * hotline number large with a `tel:` QR code; 预约回电; 打印热线小票; and, by reason, 继续等待 (her
 * place is kept) or 重新排队.
 * @fires kiosk-consultation-answer - keepWaiting | requeue | callbackRequested | printStarted | finished
 */
@customElement('kiosk-consultation-fallback')
export class KioskConsultationFallback extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 2rem;
        align-items: start;
      }
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      .number {
        font-size: 6rem;
        font-weight: 700;
        line-height: 1.1;
        color: var(--kiosk-primary);
        margin: 0 0 0.5rem;
      }
      .qr {
        display: flex;
        flex-direction: column;
        align-items: center;
        max-width: 16rem;
        text-align: center;
      }
      kiosk-tel-qr {
        --kiosk-qr-size: 12rem;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) reason: FallbackReason = 'unreachable';
  @property({ attribute: false }) print: SlipPrint = { kind: 'idle' };

  override firstUpdated(): void {
    this._visit?.speak(fallbackReasonKey(this.reason), { hotline: this.hotline });
  }

  override render() {
    const t = this._t;
    const canRequeue = this.reason === 'lawyerLost' || this.reason === 'mediaLost';
    return html`<kiosk-step
      heading-key="consultation.fallback.title"
      without-previous
      next-key="consultation.nav.done"
      ?next-disabled=${this.print.kind === 'printing'}
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        if (e.direction === 'next') this._emit({ type: 'finished' });
      }}
    >
      <div class="layout">
        <div>
          <p data-reason=${this.reason}>${say(t, fallbackReasonKey(this.reason), { hotline: this.hotline })}</p>
          <p>${say(t, 'consultation.fallback.hotline')}</p>
          <p class="number" data-hotline>${sayText(this.hotline)}</p>
          ${this._printLine(this.print)}
        </div>
        <div class="qr">
          <kiosk-tel-qr
            number=${this.hotline}
            label=${t('consultation.fallback.qr', { hotline: this.hotline })}
          ></kiosk-tel-qr>
          <p>${say(t, 'consultation.fallback.qr', { hotline: this.hotline })}</p>
        </div>
      </div>
      ${
        this.reason === 'timeout'
          ? html`<button
              slot="actions"
              type="button"
              class="primary"
              @click=${() => this._emit({ type: 'keepWaiting' })}
            >
              ${t('consultation.fallback.keepWaiting')}
            </button>`
          : null
      }
      ${
        canRequeue
          ? html`<button slot="actions" type="button" class="primary" @click=${() => this._emit({ type: 'requeue' })}>
              ${t('consultation.fallback.requeue')}
            </button>`
          : null
      }
      <button slot="actions" type="button" class="secondary" @click=${() => this._emit({ type: 'callbackRequested' })}>
        ${t('consultation.fallback.callback')}
      </button>
      <button
        slot="actions"
        type="button"
        class="secondary"
        ?disabled=${this.print.kind === 'printing'}
        @click=${() => this._emit({ type: 'printStarted' })}
      >
        ${t('consultation.fallback.print')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-fallback': KioskConsultationFallback;
  }
}
