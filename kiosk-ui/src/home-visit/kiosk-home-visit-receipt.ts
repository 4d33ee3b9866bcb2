import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { PrintState, SubmissionResult } from '../flows/legal-aid-machine.js';
import { say, textRuns } from '../i18n/say.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary The booking is stored: its number, "工作人员会在两个工作日内给您回电", the receipt printing
 * (再打印一次 when the printer failed), then 下一步 to the satisfaction screen.
 * @fires kiosk-home-visit-answer - reprintRequested | receiptSeen
 */
@customElement('kiosk-home-visit-receipt')
export class KioskHomeVisitReceipt extends HomeVisitStepBase {
  static override styles = [
    ...HomeVisitStepBase.styles,
    css`
      .number {
        font-size: var(--kiosk-font-heading);
        font-weight: 700;
        letter-spacing: 0.05em;
      }
      .promise {
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) submission: SubmissionResult | null = null;
  @property({ attribute: false }) print: PrintState = { kind: 'idle' };

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.receipt.voice');
  }

  protected _next(): void {
    this._emit({ type: 'receiptSeen' });
  }

  private _printLine() {
    const t = this._t;
    switch (this.print.kind) {
      case 'idle':
      case 'printing':
        return html`<p role="status">${t('homeVisit.steps.receipt.printing')}</p>`;
      case 'printed':
        return html`<p role="status">${say(t, 'homeVisit.steps.receipt.printed')}</p>`;
      case 'paperOut':
        return html`<p class="error" role="alert">${say(t, 'homeVisit.steps.receipt.paperOut')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${say(t, 'homeVisit.steps.receipt.printFailed')}</p>`;
      default: {
        const never: never = this.print;
        return never;
      }
    }
  }

  override render() {
    const t = this._t;
    const s = this.submission;
    const canReprint = this.print.kind === 'paperOut' || this.print.kind === 'failed';
    return html`<kiosk-step
      heading-key="homeVisit.steps.receipt.title"
      without-previous
      ?next-disabled=${this.print.kind === 'printing' || this.print.kind === 'idle'}
      @kiosk-step-done=${this._onStepDone}
    >
      <p class="promise">${say(t, 'homeVisit.steps.receipt.body')}</p>
      <p>${t('homeVisit.steps.receipt.receiptNo')}</p>
      <p class="number" data-receipt-no>${textRuns(s?.receiptNo ?? '')}</p>
      ${s && !s.uploaded ? html`<p>${say(t, 'homeVisit.steps.receipt.pending')}</p>` : null} ${this._printLine()}
      <button
        slot="actions"
        type="button"
        class="secondary"
        ?hidden=${!canReprint}
        @click=${() => this._emit({ type: 'reprintRequested' })}
      >
        ${t('homeVisit.steps.receipt.reprint')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-receipt': KioskHomeVisitReceipt;
  }
}
