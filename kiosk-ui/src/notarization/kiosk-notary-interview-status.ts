import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import type { NotaryFallback } from '../flows/notary-interview-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { say, sayText } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../consultation/kiosk-tel-qr.js';
import { tokens } from '../styles/tokens.js';
import { NotaryInterviewAnswerEvent } from './notary-interview-answer-event.js';
import './notary-interview-messages.js';

/**
 * @summary The notary's interview while not in the call: waiting for the notary (receipt number, whether
 * a notary is online, 不等了), the end of the interview (完成), or why it cannot go on — the fallback
 * ladder: the reason (the office phones her to arrange another time), the hotline large with a `tel:`
 * QR, then 回首页 (知道了 when she came straight from her receipt, `now`). Each state is spoken once.
 * @fires kiosk-notary-interview-answer - cancel | finished
 */
@customElement('kiosk-notary-interview-status')
export class KioskNotaryInterviewStatus extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .status {
        font-weight: 700;
      }
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
      .qr p {
        margin: 0;
      }
      kiosk-tel-qr {
        --kiosk-qr-size: 10rem;
        margin-bottom: 0.5rem;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @property() mode: 'waiting' | 'ended' | 'fallback' = 'waiting';
  @property() receiptNo = '';
  @property({ type: Number, attribute: 'notaries-online' }) notariesOnline = -1;
  @property() reason: NotaryFallback = 'unreachable';
  @property() hotline = '';
  /** She came straight from her receipt (现在就和公证员视频): the fallback ends with 知道了, not 回首页. */
  @property({ type: Boolean }) now = false;

  override firstUpdated(): void {
    if (this.mode === 'waiting') this._visit?.speak('notaryInterview.waiting.voice');
    else if (this.mode === 'ended') this._visit?.speak('notaryInterview.ended.voice');
    else this._visit?.speak(this._reasonKey(), { hotline: this.hotline });
  }

  private _reasonKey(): MessageKey {
    return `notaryInterview.fallback.${this.reason}`;
  }

  private readonly _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    const type = this.mode === 'ended' ? 'finished' : 'cancel';
    this.dispatchEvent(new NotaryInterviewAnswerEvent({ type }));
  };

  override render() {
    const t = this._t;
    if (this.mode === 'waiting')
      return html`<kiosk-step
        heading-key="notaryInterview.waiting.title"
        without-previous
        next-key="notaryInterview.waiting.cancel"
        @kiosk-step-done=${this._onStepDone}
      >
        <p>${t('notaryInterview.waiting.receipt', { receiptNo: this.receiptNo })}</p>
        <p class="status" role="status">
          ${
            this.notariesOnline > 0
              ? say(t, 'notaryInterview.waiting.notaryOnline')
              : this.notariesOnline === 0
                ? say(t, 'notaryInterview.waiting.noNotary')
                : say(t, 'notaryInterview.call.connecting')
          }
        </p>
      </kiosk-step>`;
    if (this.mode === 'ended')
      return html`<kiosk-step
        heading-key="notaryInterview.ended.title"
        without-previous
        next-key="notaryInterview.ended.done"
        @kiosk-step-done=${this._onStepDone}
      >
        <p role="status">${say(t, 'notaryInterview.ended.voice')}</p>
      </kiosk-step>`;
    return html`<kiosk-step
      heading-key="notaryInterview.fallback.title"
      without-previous
      next-key=${this.now ? 'notaryInterview.fallback.ok' : 'notaryInterview.fallback.home'}
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="layout">
        <div>
          <p role="alert" data-reason=${this.reason}>${say(t, this._reasonKey(), { hotline: this.hotline })}</p>
          <p>${say(t, 'notaryInterview.fallback.hotline')}</p>
          <p class="number" data-hotline>${sayText(this.hotline)}</p>
        </div>
        <div class="qr">
          <kiosk-tel-qr
            number=${this.hotline}
            label=${t('notaryInterview.fallback.qr', { hotline: this.hotline })}
          ></kiosk-tel-qr>
          <p>${say(t, 'notaryInterview.fallback.qr', { hotline: this.hotline })}</p>
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notary-interview-status': KioskNotaryInterviewStatus;
  }
}
