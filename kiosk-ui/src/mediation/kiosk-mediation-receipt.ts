import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { PrintState, SubmissionResult } from '../flows/mediation-machine.js';
import { say, sayText } from '../i18n/say.js';
import { digitByDigit } from '../legal-aid/legal-aid-submission.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary 申请已提交: the 受理编号 large and read digit by digit, the committee it goes to, "调解委员会将联系
 * 对方，一般一个月内办结", the upload state, the printing state with 重新打印 after a paper-out. With
 * `done`: 办好了, take the card and the receipt.
 * @fires kiosk-mediation-answer - reprintRequested | finished
 */
@customElement('kiosk-mediation-receipt')
export class KioskMediationReceipt extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      .number {
        font-size: 4.5rem;
        font-weight: 700;
        letter-spacing: 0.12em;
        margin: 0 0 0.5rem;
      }
      p {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  @property({ attribute: false }) submission: SubmissionResult | null = null;
  @property({ attribute: false }) print: PrintState = { kind: 'idle' };
  @property() committee = '';
  @property({ type: Boolean }) done = false;

  override firstUpdated(): void {
    if (this.done) this._visit?.speak('mediation.steps.done.voice');
    else this._speakNumber();
  }

  private _speakNumber(): void {
    const s = this.submission;
    if (!s) return;
    const t = this._t;
    this._visit?.speakText(
      t('mediation.steps.receipt.spoken', {
        digits: digitByDigit(s.receiptNo, t('mediation.steps.receipt.digits'), t('mediation.steps.receipt.separator')),
        committee: this.committee,
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
        return html`<p role="status">${t('mediation.steps.receipt.printing')}</p>`;
      case 'printed':
        return html`<p role="status">${say(t, 'mediation.steps.receipt.printed')}</p>`;
      case 'paperOut':
        return html`<p class="error" role="alert">${say(t, 'mediation.steps.receipt.paperOut')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${say(t, 'mediation.steps.receipt.printFailed')}</p>`;
      default: {
        const never: never = this.print;
        return never;
      }
    }
  }

  override render() {
    const t = this._t;
    if (this.done)
      return html`<kiosk-step
        heading-key="mediation.steps.done.title"
        without-previous
        next-key="mediation.steps.done.finish"
        @kiosk-step-done=${this._onStepDone}
      >
        <p>${say(t, 'mediation.steps.done.body')}</p>
      </kiosk-step>`;
    const s = this.submission;
    if (!s) return null;
    return html`<kiosk-step
      heading-key="mediation.steps.receipt.title"
      without-previous
      next-key="mediation.steps.receipt.done"
      ?next-disabled=${this.print.kind === 'printing' || this.print.kind === 'idle'}
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${t('mediation.steps.receipt.numberLabel')}</p>
      <p class="number" data-receipt-no>${s.receiptNo}</p>
      <p data-committee>${sayText(t('mediation.steps.receipt.committee', { committee: this.committee }))}</p>
      <p>${say(t, 'mediation.steps.receipt.clock')}</p>
      <p>${say(t, s.uploaded ? 'mediation.steps.receipt.uploaded' : 'mediation.steps.receipt.pending')}</p>
      ${this._printLine()}
      ${
        this.print.kind === 'paperOut'
          ? html`<button
              slot="actions"
              type="button"
              class="primary"
              @click=${() => this._emit({ type: 'reprintRequested' })}
            >
              ${t('mediation.steps.receipt.reprint')}
            </button>`
          : null
      }
      <button slot="actions" type="button" class="secondary" @click=${() => this._speakNumber()}>
        ${t('mediation.nav.listen')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-receipt': KioskMediationReceipt;
  }
}
