import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { durationText, topicLabel } from './call-format.js';
import { CenterCallActionEvent } from './events.js';
import { t } from './i18n.js';
import type { ActiveCall, CallPhase } from './lawyer-call.js';
import { consoleStyles } from './styles.js';

const PHASE_TEXT: Record<CallPhase, Parameters<typeof t>[0]> = {
  connecting: 'lawyer.call.connecting',
  connected: 'lawyer.call.connected',
  reconnecting: 'lawyer.call.reconnecting',
  'peer-lost': 'lawyer.call.peerLost',
};

/**
 * @summary The call in progress: the villager large, the lawyer's own picture small, mute and hang
 * up, the caller's topic and — only when she consented — her name.
 * @fires center-call-action - mute, unmute or hang-up
 */
@customElement('center-call-view')
export class CenterCallView extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .stage {
        position: relative;
        background: #000;
        border-radius: 0.5rem;
        overflow: hidden;
        aspect-ratio: 16 / 9;
        max-height: 70vh;
      }
      video.remote {
        width: 100%;
        height: 100%;
        object-fit: contain;
        display: block;
      }
      video.self {
        position: absolute;
        right: 1rem;
        bottom: 1rem;
        width: 22%;
        border: 2px solid #fff;
        border-radius: 0.3rem;
        background: #222;
        transform: scaleX(-1);
      }
      .bar {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
        margin: 0.75rem 0;
      }
      .phase {
        font-weight: 700;
      }
      .phase.warn {
        color: #a00000;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.25rem 1rem;
        margin: 0 0 0.75rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
      }
      button.hang-up {
        background: #a00000;
        border-color: #a00000;
      }
    `,
  ];

  private _ticker: ReturnType<typeof setInterval> | undefined;

  @query('video.remote') private _remote!: HTMLVideoElement;
  @query('video.self') private _self!: HTMLVideoElement;

  @state() private _now = Date.now();

  @property({ attribute: false }) call: ActiveCall | undefined;
  @property({ attribute: false }) remoteStream: MediaStream | undefined;
  @property({ attribute: false }) localStream: MediaStream | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._ticker = setInterval(() => (this._now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._ticker);
  }

  protected override updated(changed: PropertyValues<this>): void {
    // Attach streams only once they exist, then play (reference §3.1 step 4, §9.3).
    if (changed.has('remoteStream') && this._remote.srcObject !== (this.remoteStream ?? null)) {
      this._remote.srcObject = this.remoteStream ?? null;
      if (this.remoteStream) void this._remote.play().catch(() => undefined);
    }
    if (changed.has('localStream') && this._self.srcObject !== (this.localStream ?? null)) {
      this._self.srcObject = this.localStream ?? null;
      if (this.localStream) void this._self.play().catch(() => undefined);
    }
  }

  private _action(action: 'hang-up' | 'mute' | 'unmute'): void {
    this.dispatchEvent(new CenterCallActionEvent(action));
  }

  override render(): TemplateResult {
    const call = this.call;
    const phase = call?.phase ?? 'connecting';
    return html`
      <section class="card" aria-labelledby="call-heading">
        <h3 id="call-heading">${t('lawyer.call.heading')}</h3>
        ${
          call
            ? html`<dl>
                <dt>${t('lawyer.call.terminal')}</dt>
                <dd>${call.peer.terminalName ?? call.peer.kioskId}</dd>
                <dt>${t('lawyer.call.topic')}</dt>
                <dd class="topic">${topicLabel(call.peer.topic)}</dd>
                <dt>${t('lawyer.call.caller')}</dt>
                <dd class="caller">
                  ${
                    call.peer.callerName
                      ? html`${call.peer.callerName}<span class="note">${t('lawyer.call.nameNote')}</span>`
                      : html`<span class="note">${t('lawyer.call.noName')}</span>`
                  }
                </dd>
              </dl>`
            : ''
        }
        <div class="stage">
          <video class="remote" playsinline aria-label=${t('lawyer.call.remote')}></video>
          <video class="self" muted playsinline aria-label=${t('lawyer.call.self')}></video>
        </div>
        <div class="bar">
          <span class="phase ${phase === 'connected' ? '' : 'warn'}" role="status">${t(PHASE_TEXT[phase])}</span>
          ${
            call
              ? html`<span
                  >${t('lawyer.call.duration', { time: durationText((this._now - call.startedAt) / 1000) })}</span
                >`
              : ''
          }
          <button type="button" class="secondary" @click=${() => this._action(call?.muted ? 'unmute' : 'mute')}>
            ${call?.muted ? t('lawyer.call.unmute') : t('lawyer.call.mute')}
          </button>
          <button type="button" class="hang-up" @click=${() => this._action('hang-up')}>
            ${t('lawyer.call.hangUp')}
          </button>
        </div>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-call-view': CenterCallView;
  }
}
