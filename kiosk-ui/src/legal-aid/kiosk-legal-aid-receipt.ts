import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { PrintState, SubmissionResult } from '../flows/legal-aid-machine.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { digitByDigit } from './legal-aid-submission.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary 申请已提交: the 申请编号 in large digits, read aloud with its letters, digit by digit; the upload state; the
 * receipt printing state with 重新打印 after a paper-out (the submission itself is not affected).
 * @fires kiosk-legal-aid-answer - reprintRequested | finished
 */
@customElement('kiosk-legal-aid-receipt')
export class KioskLegalAidReceipt extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      .number {
        font-size: 4.5rem;
        font-weight: 700;
        letter-spacing: 0.12em;
        font-variant-numeric: tabular-nums;
        margin: 0 0 1rem;
      }
      .label {
        font-size: var(--kiosk-font-heading);
      }
      .status {
        font-weight: 700;
      }
    `,
  ];

  @property({ attribute: false }) submission: SubmissionResult | null = null;
  @property({ attribute: false }) print: PrintState = { kind: 'idle' };
  @property({ type: Number, attribute: 'decide-days' }) decideDays = 7;

  override firstUpdated(): void {
    this._speakNumber();
  }

  private _speakNumber(): void {
    if (this.submission)
      this._visit?.speakText(
        this._t('legalAid.steps.receipt.spoken', {
          digits: digitByDigit(
            this.submission.receiptNo,
            this._t('legalAid.steps.receipt.digits'),
            this._t('legalAid.steps.receipt.separator'),
          ),
        }),
      );
  }

  protected _next(): void {
    this._emit({ type: 'finished' });
  }

  private _printLine() {
    const t = this._t;
    switch (this.print.kind) {
      case 'idle':
      case 'printing':
        return html`<p class="status" role="status">${t('legalAid.steps.receipt.printing')}</p>`;
      case 'printed':
        return html`<p class="status" role="status">${say(t, 'legalAid.steps.receipt.printed')}</p>`;
      case 'paperOut':
        return html`<p class="error" role="alert">${say(t, 'legalAid.steps.receipt.paperOut')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${say(t, 'legalAid.steps.receipt.printFailed')}</p>`;
      default: {
        const never: never = this.print;
        return never;
      }
    }
  }

  override render() {
    const t = this._t;
    const s = this.submission;
    if (!s) return null;
    return html`<kiosk-step
      heading-key="legalAid.steps.receipt.title"
      without-previous
      next-key="legalAid.steps.receipt.done"
      ?next-disabled=${this.print.kind === 'printing' || this.print.kind === 'idle'}
      @kiosk-step-done=${this._onStepDone}
    >
      <p class="label">${t('legalAid.steps.receipt.numberLabel')}</p>
      <p class="number" data-receipt-no>${s.receiptNo}</p>
      <p>${say(t, s.uploaded ? 'legalAid.steps.receipt.uploaded' : 'legalAid.steps.receipt.pending')}</p>
      <p>${say(t, 'legalAid.steps.receipt.decisionRule', { decideDays: this.decideDays })}</p>
      ${this._printLine()}
      ${
        this.print.kind === 'paperOut'
          ? html`<button
              slot="actions"
              type="button"
              class="primary"
              @click=${() => this._emit({ type: 'reprintRequested' })}
            >
              ${t('legalAid.steps.receipt.reprint')}
            </button>`
          : null
      }
      <button slot="actions" type="button" class="secondary" @click=${() => this._speakNumber()}>
        ${t('legalAid.nav.listen')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-receipt': KioskLegalAidReceipt;
  }
}
