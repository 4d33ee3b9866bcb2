import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { receiptFromDigits } from '../data/submissions.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { tokens } from '../styles/tokens.js';
import { NotaryInterviewAnswerEvent } from './notary-interview-answer-event.js';
import './notary-interview-messages.js';

/**
 * @summary 我预约了公证视频, first screen: the digits of the receipt number (受理编号 without its GZ), on
 * the same digit pad as 查询进度.
 * @fires kiosk-notary-interview-answer - receiptEntered | back
 */
@customElement('kiosk-notary-interview-receipt')
export class KioskNotaryInterviewReceipt extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .body {
        display: flex;
        flex-wrap: wrap;
        gap: 2rem;
        align-items: flex-start;
      }
      .body p {
        flex: 1 1 20rem;
        margin: 0;
      }
      kiosk-digit-pad {
        flex: 0 1 32rem;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _digits = '';

  override firstUpdated(): void {
    this._visit?.speak('notaryInterview.receipt.voice');
  }

  private _receiptNo(): string | null {
    return receiptFromDigits('notarization', this._digits);
  }

  private readonly _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    const receiptNo = this._receiptNo();
    if (e.direction === 'previous') this.dispatchEvent(new NotaryInterviewAnswerEvent({ type: 'back' }));
    else if (receiptNo) this.dispatchEvent(new NotaryInterviewAnswerEvent({ type: 'receiptEntered', receiptNo }));
  };

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="notaryInterview.title"
      ?next-disabled=${!this._receiptNo()}
      missing-key="notaryInterview.receipt.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="body">
        <p>${say(t, 'notaryInterview.receipt.prompt')}<br />${say(t, 'notaryInterview.receipt.hint')}</p>
        <kiosk-digit-pad
          name="receiptNo"
          required
          minlength="14"
          maxlength="16"
          .label=${t('notaryInterview.receipt.label')}
          .value=${this._digits}
          @input=${(e: Event) => (this._digits = (e.target as HTMLInputElement).value)}
        ></kiosk-digit-pad>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notary-interview-receipt': KioskNotaryInterviewReceipt;
  }
}
