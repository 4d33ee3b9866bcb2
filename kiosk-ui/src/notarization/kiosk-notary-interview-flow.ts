import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import type { CallInfo } from '../flows/consultation-machine.js';
import {
  initialNotaryInterviewState,
  nextNotaryInterview,
  nowInterviewState,
  type NotaryInterviewEvent,
  type NotaryInterviewState,
} from '../flows/notary-interview-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { CallClient, type CallClientEvent, type CallClientOptions } from '../consultation/call-client.js';
import { requestSignallingToken } from '../consultation/consultation-data.js';
import '../consultation/kiosk-consultation-call.js';
import type { NotaryInterviewAnswerEvent } from './notary-interview-answer-event.js';
import './kiosk-notary-interview-receipt.js';
import './kiosk-notary-interview-status.js';

/**
 * @summary The notary's video interview (issue 12), the one owner of joining it: from home with 我预约了
 * 公证视频 she types the receipt number; from the notarization flow (现在就和公证员视频) `receipt-no` is
 * given and she starts in the waiting room. The kiosk opens camera and microphone, waits for the notary
 * with `join-interview` on the consultation call stack, and the call runs in the same call screen as a
 * consultation (with 公证员 in its words) and the same reconnects; fallbacks name the hotline large with
 * a `tel:` QR. "Now" waits a minute for a request still on its way through the outbox, and nobody online
 * is a fallback at once. At the end of the visit the call is hung up and every track stopped.
 * @fires kiosk-flow-exit - home | done
 */
@customElement('kiosk-notary-interview-flow')
export class KioskNotaryInterviewFlow extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100%;
        box-sizing: border-box;
      }
      .screen {
        height: 100%;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: uiConfigContext, subscribe: true })
  @state()
  private _config: UiConfig = DEFAULT_UI_CONFIG;

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _flow: NotaryInterviewState = initialNotaryInterviewState();
  @state() private _local: MediaStream | null = null;
  @state() private _remote: MediaStream | null = null;

  /** Test seam: options for the call client. */
  @property({ attribute: false }) callOptions: Partial<CallClientOptions> = {};
  /** The request just submitted with 现在就和公证员视频: no receipt step, straight into the waiting room. */
  @property({ attribute: 'receipt-no' }) receiptNo = '';
  /** Test seam: how often and how long "now" asks again while her request is on its way to the centre. */
  @property({ attribute: false }) arrival = { retryMs: 3000, waitMs: 60_000 };

  private _round = 0;
  private _arrivalUntil = 0;
  private _arrivalTimer: ReturnType<typeof setTimeout> | undefined;
  private _client: CallClient | null = null;
  private _unsubscribe: (() => void) | undefined;
  private _unsubscribeVisitEnd: (() => void) | undefined;
  private _paused = false;

  /** The current state (read-only; tests read the step). */
  get flowState(): NotaryInterviewState {
    return this._flow;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-notary-interview-answer', this._onAnswer);
    this.addEventListener('kiosk-consultation-answer', this._onCallAnswer);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
    if (this.receiptNo && this._flow.step === 'receipt') this._flow = nowInterviewState(this.receiptNo);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-notary-interview-answer', this._onAnswer);
    this.removeEventListener('kiosk-consultation-answer', this._onCallAnswer);
    this.removeEventListener('kiosk-back-request', this._onBackRequest);
    this._unsubscribeVisitEnd?.();
    this._stopAll();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_visit') && this._visit) {
      this._unsubscribeVisitEnd?.();
      this._unsubscribeVisitEnd = this._visit.onVisitEnd(() => {
        this._stopAll();
        this._dispatch({ type: 'reset' });
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('_flow')) return;
    const previous = changed.get('_flow') as NotaryInterviewState | undefined;
    const f = this._flow;
    const entered = (step: NotaryInterviewState['step']): boolean => f.step === step && previous?.step !== step;
    this._setPaused(f.step === 'waiting' || f.step === 'call');
    if (entered('waiting')) void this._join();
    if (entered('ended') || entered('fallback') || entered('exited') || entered('done')) this._stopAll();
    if (entered('exited')) this.dispatchEvent(new KioskFlowExitEvent('home'));
    if (entered('done')) this.dispatchEvent(new KioskFlowExitEvent('done'));
  }

  private _dispatch(event: NotaryInterviewEvent): void {
    const next = nextNotaryInterview(this._flow, event);
    if (next === this._flow) return;
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: NotaryInterviewAnswerEvent): void => {
    e.stopPropagation();
    this._dispatch(e.detail);
  };

  /** The shared call screen's 挂断. */
  private readonly _onCallAnswer = (e: Event & { detail?: { type?: string } }): void => {
    e.stopPropagation();
    if (e.detail?.type !== 'hangup' || this._flow.step !== 'call') return;
    this._client?.hangup('hangup');
    this._dispatch({ type: 'hangup' });
  };

  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextNotaryInterview(this._flow, { type: 'back' });
    if (next.step === 'exited') return;
    e.preventDefault();
  };

  private _setPaused(paused: boolean): void {
    if (paused === this._paused) return;
    this._paused = paused;
    if (paused) this._visit?.pauseIdle('call');
    else this._visit?.resumeIdle('call');
  }

  private _stopAll(): void {
    clearTimeout(this._arrivalTimer);
    this._unsubscribe?.();
    this._unsubscribe = undefined;
    this._client?.close();
    this._client = null;
    this._local = null;
    this._remote = null;
    this._setPaused(false);
  }

  private async _join(): Promise<void> {
    const receiptNo = this._flow.receiptNo;
    if (!receiptNo) return;
    this._stopAll();
    const client = new CallClient({ requestToken: requestSignallingToken, ...this.callOptions });
    this._client = client;
    this._unsubscribe = client.subscribe((e) => this._onClientEvent(client, e));
    try {
      this._local = await client.openMedia();
    } catch {
      if (client === this._client) this._dispatch({ type: 'failed', reason: 'devices' });
      return;
    }
    if (client !== this._client || this._flow.step !== 'waiting') return;
    this._arrivalUntil = Date.now() + this.arrival.waitMs;
    client.connect(this._request(receiptNo));
  }

  private _request(receiptNo: string): { receiptNo: string; consent: boolean; terminalName?: string } {
    const name = this._config.terminal.name;
    return { receiptNo, consent: true, ...(name ? { terminalName: name } : {}) };
  }

  /** The centre does not know the receipt: "now" asks again while the outbox may still be sending it. */
  private _unknownReceipt(client: CallClient): void {
    const f = this._flow;
    if (!f.now || !f.receiptNo) return this._dispatch({ type: 'failed', reason: 'unknownReceipt' });
    if (Date.now() + this.arrival.retryMs > this._arrivalUntil)
      return this._dispatch({ type: 'failed', reason: 'notArrived' });
    const request = this._request(f.receiptNo);
    clearTimeout(this._arrivalTimer);
    this._arrivalTimer = setTimeout(() => {
      if (client === this._client && this._flow.step === 'waiting') client.connect(request);
    }, this.arrival.retryMs);
  }

  private _onClientEvent(client: CallClient, e: CallClientEvent): void {
    if (client !== this._client) return;
    const d = (event: NotaryInterviewEvent): void => this._dispatch(event);
    switch (e.type) {
      case 'queued':
        return d({ type: 'waiting', notariesOnline: e.lawyersOnline });
      case 'unknown-receipt':
        return this._unknownReceipt(client);
      case 'no-answer':
        return d({ type: 'failed', reason: 'timeout' });
      case 'unreachable':
        return d({ type: 'failed', reason: 'unreachable' });
      case 'matched':
        d({ type: 'matched', callId: e.callId, at: new Date().toISOString() });
        this._local = client.localStream;
        this._remote = client.remoteStream;
        return;
      case 'remote-stream':
        this._remote = e.stream;
        return;
      case 'media-connected':
        return d({ type: 'mediaConnected' });
      case 'media-interrupted':
        return d({ type: 'mediaInterrupted' });
      case 'peer-lost':
        return d({ type: 'peerLost', callId: e.callId });
      case 'peer-reconnected':
        return d({ type: 'peerReconnected', callId: e.callId });
      case 'hangup':
        return d({ type: 'remoteHangup', callId: e.callId });
      case 'call-failed':
        return d({ type: 'failed', reason: 'mediaLost' });
      case 'audio-only':
        return d({ type: 'audioOnly' });
      case 'presence':
        return;
      default: {
        const never: never = e;
        return never;
      }
    }
  }

  private _callInfo(): CallInfo | null {
    const c = this._flow.call;
    return c
      ? {
          callId: c.callId,
          lawyerName: null,
          startedAt: c.startedAt,
          link: c.link,
          audioOnly: c.audioOnly,
          connectedOnce: c.link === 'live',
        }
      : null;
  }

  private _screen(): TemplateResult | null {
    const f = this._flow;
    const hotline = this._config.hotline.number;
    switch (f.step) {
      case 'receipt':
        return html`<kiosk-notary-interview-receipt></kiosk-notary-interview-receipt>`;
      case 'waiting':
        return html`<kiosk-notary-interview-status
          mode="waiting"
          receiptNo=${f.receiptNo ?? ''}
          notaries-online=${f.notariesOnline ?? -1}
          hotline=${hotline}
        ></kiosk-notary-interview-status>`;
      case 'call':
        return html`<kiosk-consultation-call
          with-notary
          hotline=${hotline}
          .call=${this._callInfo()}
          .localStream=${this._local}
          .remoteStream=${this._remote}
        ></kiosk-consultation-call>`;
      case 'ended':
        return html`<kiosk-notary-interview-status mode="ended" hotline=${hotline}></kiosk-notary-interview-status>`;
      case 'fallback':
        return html`<kiosk-notary-interview-status
          mode="fallback"
          ?now=${f.now}
          reason=${f.fallback ?? 'unreachable'}
          hotline=${hotline}
        ></kiosk-notary-interview-status>`;
      case 'done':
      case 'exited':
        return null;
      default: {
        const never: never = f.step;
        return never;
      }
    }
  }

  override render() {
    return html`<div class="screen">${keyed(this._round, this._screen())}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notary-interview-flow': KioskNotaryInterviewFlow;
  }
}
