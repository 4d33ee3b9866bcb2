import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { PrintState, SubmissionResult } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { digitByDigit } from '../legal-aid/legal-aid-submission.js';
import { NotarizationStepBase } from './notarization-step-base.js';
import { slotLabel } from './notary-slot-label.js';

/**
 * @summary 申请已提交: the 受理编号 large and read digit by digit, the upload state, the 15-working-day
 * rule, the printing state with 重新打印 after a paper-out. With 现在就和公证员视频 the next step is the
 * interview (开始视频面谈), said after the number. With `done`: 办好了, take the card and receipt.
 * @fires kiosk-notarization-answer - reprintRequested | finished
 */
@customElement('kiosk-notarization-receipt')
export class KioskNotarizationReceipt extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      .number {
        font-size: 4.5rem;
        font-weight: 700;
        letter-spacing: 0.12em;
        margin: 0 0 1rem;
      }
    `,
  ];

  @property({ attribute: false }) submission: SubmissionResult | null = null;
  @property({ attribute: false }) print: PrintState = { kind: 'idle' };
  @property({ type: Number, attribute: 'working-days' }) workingDays = 15;
  @property({ type: Boolean }) done = false;

  override firstUpdated(): void {
    if (this.done) this._visit?.speak('notarization.steps.done.voice');
    else this._speakNumber();
  }

  private _now(): boolean {
    return this.answers.interview?.kind === 'now';
  }

  private _speakNumber(): void {
    const s = this.submission;
    if (!s) return;
    const t = this._t;
    const number = t('notarization.steps.receipt.spoken', {
      digits: digitByDigit(
        s.receiptNo,
        t('notarization.steps.receipt.digits'),
        t('notarization.steps.receipt.separator'),
      ),
    });
    // One piece of speech stays under 20 s: the number, then only what to tap next.
    this._visit?.speakText(this._now() ? `${number}${t('notarization.steps.receipt.interviewNowSpoken')}` : number);
  }

  protected _next(): void {
    this._emit({ type: 'finished' });
  }

  private _printLine() {
    const t = this._t;
    switch (this.print.kind) {
      case 'idle':
      case 'printing':
        return html`<p role="status">${t('notarization.steps.receipt.printing')}</p>`;
      case 'printed':
        return html`<p role="status">${say(t, 'notarization.steps.receipt.printed')}</p>`;
      case 'paperOut':
        return html`<p class="error" role="alert">${say(t, 'notarization.steps.receipt.paperOut')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${say(t, 'notarization.steps.receipt.printFailed')}</p>`;
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
        heading-key="notarization.steps.done.title"
        without-previous
        next-key="notarization.steps.done.finish"
        @kiosk-step-done=${this._onStepDone}
      >
        <p>${say(t, 'notarization.steps.done.body')}</p>
      </kiosk-step>`;
    const s = this.submission;
    if (!s) return null;
    return html`<kiosk-step
      heading-key="notarization.steps.receipt.title"
      without-previous
      next-key=${this._now() ? 'notarization.steps.receipt.startInterview' : 'notarization.steps.receipt.done'}
      ?next-disabled=${this.print.kind === 'printing' || this.print.kind === 'idle'}
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${t('notarization.steps.receipt.numberLabel')}</p>
      <p class="number" data-receipt-no>${s.receiptNo}</p>
      <p>${say(t, s.uploaded ? 'notarization.steps.receipt.uploaded' : 'notarization.steps.receipt.pending')}</p>
      <p>${say(t, 'notarization.steps.receipt.clock', { days: this.workingDays })}</p>
      ${
        this.answers.interview?.kind === 'slot'
          ? html`<p data-interview>
              ${say(t, 'notarization.steps.receipt.interviewSlot', { when: slotLabel(t, this.answers.interview.slot) })}
            </p>`
          : this._now()
            ? html`<p data-interview="now">${say(t, 'notarization.steps.receipt.interviewNow')}</p>`
            : null
      }
      ${this._printLine()}
      ${
        this.print.kind === 'paperOut'
          ? html`<button
              slot="actions"
              type="button"
              class="primary"
              @click=${() => this._emit({ type: 'reprintRequested' })}
            >
              ${t('notarization.steps.receipt.reprint')}
            </button>`
          : null
      }
      <button slot="actions" type="button" class="secondary" @click=${() => this._speakNumber()}>
        ${t('notarization.nav.listen')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-receipt': KioskNotarizationReceipt;
  }
}
