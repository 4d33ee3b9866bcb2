import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CallbackBooking, SlipPrint } from '../flows/consultation-machine.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say, sayText } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/**
 * @summary 预约好了: the booking number, the window, the slip's printing state with 再打一张, and 完成.
 * @fires kiosk-consultation-answer - printStarted | finished
 */
@customElement('kiosk-consultation-callback-done')
export class KioskConsultationCallbackDone extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .number {
        font-size: 3.5rem;
        font-weight: 700;
        letter-spacing: 0.08em;
        margin: 0 0 1rem;
      }
      .hotline {
        font-weight: 700;
        color: var(--kiosk-primary);
      }
    `,
  ];

  @property({ attribute: false }) receiptNo = '';
  @property({ attribute: false }) booking: CallbackBooking | null = null;
  @property({ attribute: false }) print: SlipPrint = { kind: 'idle' };

  private _windowLabel(): string {
    return this.booking ? this._t(`consultation.callback.window.${this.booking.window}`) : '';
  }

  override firstUpdated(): void {
    this._visit?.speak('consultation.callbackDone.voice', { window: this._windowLabel() });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="consultation.callbackDone.title"
      without-previous
      next-key="consultation.nav.done"
      ?next-disabled=${this.print.kind === 'printing'}
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        if (e.direction === 'next') this._emit({ type: 'finished' });
      }}
    >
      <p>${say(t, 'consultation.callbackDone.number')}</p>
      <p class="number" data-receipt-no>${sayText(this.receiptNo)}</p>
      <p>${say(t, 'consultation.callbackDone.body', { window: this._windowLabel() })}</p>
      <p class="hotline">${say(t, 'consultation.summary.hotline', { hotline: this.hotline })}</p>
      ${this._printLine(this.print)}
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
    'kiosk-consultation-callback-done': KioskConsultationCallbackDone;
  }
}
