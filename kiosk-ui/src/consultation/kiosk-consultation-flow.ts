import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import {
  initialConsultationState,
  nextFlow,
  type ConsultationEvent,
  type ConsultationFlowState,
} from '../flows/consultation-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import type { CallClientOptions } from './call-client.js';
import type { ConsultationAnswerEvent } from './consultation-answer-event.js';
import { ConsultationEffects } from './consultation-effects.js';
import './consultation-steps.js';

/**
 * @summary 视频咨询: the one owner of the consultation state (style R3). Feeds the screens' events and
 * the call client's reports into the pure `nextFlow`, hands the streams to the screens, and leaves
 * through `kiosk-flow-exit`. At the end of the visit the call is hung up and every track stopped.
 * @fires kiosk-flow-exit - home (取消, 返回 from the first screen) | done (完成)
 */
@customElement('kiosk-consultation-flow')
export class KioskConsultationFlow extends LitElement {
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

  @state() private _flow: ConsultationFlowState = initialConsultationState();
  @state() private _local: MediaStream | null = null;
  @state() private _remote: MediaStream | null = null;

  /** Test seam: options for the call client (a fake socket, a token source). */
  @property({ attribute: false }) callOptions: Partial<CallClientOptions> = {};

  /** Increases at every step change so each screen mounts fresh (R5). */
  private _round = 0;
  private readonly _effects = new ConsultationEffects(this, {
    dispatch: (e) => this._dispatch(e),
    current: () => this._flow,
    context: () => ({ t: this._t, config: this._config, visit: this._visit }),
    streams: (local, remote) => {
      this._local = local;
      this._remote = remote;
    },
    clientOptions: () => this.callOptions,
  });
  private _unsubscribeVisitEnd: (() => void) | undefined;

  /** The current state (read-only; for tests and diagnostics). */
  get flowState(): ConsultationFlowState {
    return this._flow;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-consultation-answer', this._onAnswer);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-consultation-answer', this._onAnswer);
    this.removeEventListener('kiosk-back-request', this._onBackRequest);
    this._unsubscribeVisitEnd?.();
    this._unsubscribeVisitEnd = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_visit') && this._visit) {
      this._unsubscribeVisitEnd?.();
      this._unsubscribeVisitEnd = this._visit.onVisitEnd(() => {
        this._effects.stopAll();
        this._dispatch({ type: 'reset' });
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    if (!changed.has('_flow')) return;
    const previous = changed.get('_flow') as ConsultationFlowState | undefined;
    this._effects.onTransition(previous, this._flow);
    if (this._flow.step === 'exited' && previous?.step !== 'exited') this.dispatchEvent(new KioskFlowExitEvent('home'));
    if (this._flow.step === 'done' && previous?.step !== 'done') this.dispatchEvent(new KioskFlowExitEvent('done'));
  }

  private _dispatch(event: ConsultationEvent): void {
    const next = nextFlow(this._flow, event);
    if (next === this._flow) return;
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: ConsultationAnswerEvent): void => {
    e.stopPropagation();
    if (nextFlow(this._flow, e.detail) === this._flow) return;
    this._effects.beforeEvent(e.detail);
    this._dispatch(e.detail);
  };

  /** The shell's 返回: step back inside the flow; where the machine says "leave", let the shell leave. */
  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextFlow(this._flow, { type: 'back' });
    // In a call (or after it) 返回 does nothing: 挂断 and 完成 are the ways out.
    e.preventDefault();
    if (next === this._flow) return;
    this._dispatch({ type: 'back' });
  };

  private _screen(): TemplateResult | null {
    const f = this._flow;
    const hotline = this._config.hotline.number;
    switch (f.step) {
      case 'topic':
        return html`<kiosk-consultation-topic hotline=${hotline}></kiosk-consultation-topic>`;
      case 'consent':
        return html`<kiosk-consultation-consent hotline=${hotline}></kiosk-consultation-consent>`;
      case 'callerName':
        return html`<kiosk-consultation-caller-name hotline=${hotline}></kiosk-consultation-caller-name>`;
      case 'deviceCheck':
        return html`<kiosk-consultation-device-check
          hotline=${hotline}
          .stream=${this._local}
        ></kiosk-consultation-device-check>`;
      case 'connecting':
      case 'queue':
        return html`<kiosk-consultation-queue hotline=${hotline} .queue=${f.queue}></kiosk-consultation-queue>`;
      case 'call':
        return html`<kiosk-consultation-call
          hotline=${hotline}
          .call=${f.call}
          .localStream=${this._local}
          .remoteStream=${this._remote}
        ></kiosk-consultation-call>`;
      case 'rating':
        return html`<kiosk-consultation-rating hotline=${hotline}></kiosk-consultation-rating>`;
      case 'summary':
        return html`<kiosk-consultation-summary
          hotline=${hotline}
          .ended=${f.ended}
          .topic=${f.topic}
          .print=${f.print}
          .note=${f.callerNote}
        ></kiosk-consultation-summary>`;
      case 'fallback':
        return html`<kiosk-consultation-fallback
          hotline=${hotline}
          .reason=${f.fallback ?? 'unreachable'}
          .print=${f.print}
        ></kiosk-consultation-fallback>`;
      case 'callback':
        return html`<kiosk-consultation-callback
          hotline=${hotline}
          .status=${f.callbackStatus}
        ></kiosk-consultation-callback>`;
      case 'callbackDone':
        return html`<kiosk-consultation-callback-done
          hotline=${hotline}
          .receiptNo=${f.callbackReceipt ?? ''}
          .booking=${f.callback}
          .print=${f.print}
        ></kiosk-consultation-callback-done>`;
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
    'kiosk-consultation-flow': KioskConsultationFlow;
  }
}
