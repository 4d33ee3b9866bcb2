import { css, html, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { CallInfo } from '../flows/consultation-machine.js';
import type { MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import '../notarization/notary-interview-messages.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/** Volume steps of the lawyer's voice; every visit starts at the default (accessibility.md: reset after use). */
export const VOLUME_LEVELS = 5;
export const DEFAULT_VOLUME = 4;

/**
 * @summary The call: the lawyer large, herself small, one big 挂断, 声音小一点 / 声音大一点. Honest
 * overlays while connecting, while the media path is repaired and when the lawyer's network is lost;
 * each state is spoken once. The streams come from the owner (the call client's).
 * @fires kiosk-consultation-answer - hangup
 */
@customElement('kiosk-consultation-call')
export class KioskConsultationCall extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      :host {
        height: 100%;
        display: flex;
        flex-direction: column;
      }
      h1 {
        margin: 0 0 0.5rem;
      }
      .layout {
        flex: 1;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) 16rem;
        gap: 1.5rem;
      }
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: 1fr;
          grid-template-rows: minmax(0, 1fr) auto;
        }
      }
      .stage {
        position: relative;
        min-height: 0;
        background: #000000;
        border-radius: var(--kiosk-radius);
        overflow: hidden;
      }
      .remote {
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      .self {
        position: absolute;
        right: 1rem;
        bottom: 1rem;
        width: 22%;
        aspect-ratio: 16 / 9;
        background: #000000;
        border: 0.2rem solid #ffffff;
        border-radius: 0.5rem;
        transform: scaleX(-1);
        object-fit: cover;
      }
      .overlay {
        position: absolute;
        left: 1rem;
        right: 1rem;
        top: 1rem;
        margin: 0;
        padding: 1rem 1.5rem;
        background: #ffffff;
        color: var(--kiosk-text);
        border-radius: var(--kiosk-radius);
        font-weight: 700;
      }
      .controls {
        display: flex;
        flex-direction: column;
        gap: 1.5rem;
        justify-content: flex-end;
      }
      @media (orientation: portrait) {
        .controls {
          flex-direction: row;
          flex-wrap: wrap;
        }
      }
      .hangup {
        min-height: 7rem;
        font-size: calc(2.75rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
      }
      .volume {
        text-align: center;
        margin: 0;
      }
    `,
  ];

  @query('video.remote') private _remoteVideo!: HTMLVideoElement | null;
  @query('video.self') private _selfVideo!: HTMLVideoElement | null;

  @state() private _volume = DEFAULT_VOLUME;

  /** A notary's interview (issue 12): the same call, with 公证员 in the words instead of 律师. */
  @property({ type: Boolean, attribute: 'with-notary' }) withNotary = false;
  @property({ attribute: false }) call: CallInfo | null = null;
  @property({ attribute: false }) localStream: MediaStream | null = null;
  @property({ attribute: false }) remoteStream: MediaStream | null = null;

  protected override updated(changed: PropertyValues): void {
    const remote = this._remoteVideo;
    if (remote && remote.srcObject !== this.remoteStream) {
      // Attached once the peer connection has tracks, then played (§9.3).
      remote.srcObject = this.remoteStream;
      if (this.remoteStream) void remote.play().catch(() => undefined);
    }
    if (remote) remote.volume = this._volume / VOLUME_LEVELS;
    const self = this._selfVideo;
    if (self && self.srcObject !== this.localStream) {
      self.srcObject = this.localStream;
      if (this.localStream) void self.play().catch(() => undefined);
    }
    if (changed.has('call')) this._speakChange(changed.get('call') as CallInfo | null | undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const video of [this._remoteVideo, this._selfVideo]) if (video) video.srcObject = null;
  }

  /** The words that name who is on the other side. */
  private _k(key: 'title' | 'connecting' | 'peerLost' | 'joined' | 'lawyer'): MessageKey {
    if (!this.withNotary) return `consultation.call.${key}`;
    return key === 'lawyer' ? 'notaryInterview.call.notary' : `notaryInterview.call.${key}`;
  }

  private _speakChange(previous: CallInfo | null | undefined): void {
    const call = this.call;
    if (!call) return;
    if (call.link !== previous?.link) {
      switch (call.link) {
        case 'connecting':
          this._visit?.speak(this._k('connecting'));
          break;
        case 'live':
          if (!previous?.connectedOnce)
            this._visit?.speak(
              call.lawyerName && !this.withNotary ? 'consultation.call.joinedNamed' : this._k('joined'),
              call.lawyerName ? { name: call.lawyerName } : undefined,
            );
          break;
        case 'reconnecting':
          this._visit?.speak('consultation.call.reconnecting');
          break;
        case 'peerLost':
          this._visit?.speak(this._k('peerLost'));
          break;
        default: {
          const never: never = call.link;
          return never;
        }
      }
    }
    if (call.audioOnly && !previous?.audioOnly) this._visit?.speak('consultation.call.audioOnly');
  }

  private _overlay() {
    const t = this._t;
    const call = this.call;
    if (!call) return null;
    const key =
      call.link === 'connecting'
        ? this._k('connecting')
        : call.link === 'reconnecting'
          ? 'consultation.call.reconnecting'
          : call.link === 'peerLost'
            ? this._k('peerLost')
            : call.audioOnly
              ? 'consultation.call.audioOnly'
              : null;
    return key ? html`<p class="overlay" role="status" data-link=${call.link}>${say(t, key)}</p>` : null;
  }

  private _setVolume(delta: number): void {
    this._volume = Math.min(VOLUME_LEVELS, Math.max(1, this._volume + delta));
  }

  override render() {
    const t = this._t;
    const name = this.withNotary ? null : (this.call?.lawyerName ?? null);
    return html`<h1>${name ? say(t, 'consultation.call.titleNamed', { name }) : say(t, this._k('title'))}</h1>
      <div class="layout">
        <div class="stage">
          <video class="remote" playsinline aria-label=${t(this._k('lawyer'))}></video>
          <video class="self" muted playsinline aria-label=${t('consultation.call.self')}></video>
          ${this._overlay()}
        </div>
        <div class="controls">
          <button
            type="button"
            class="secondary"
            ?disabled=${this._volume >= VOLUME_LEVELS}
            @click=${() => this._setVolume(1)}
          >
            ${t('consultation.call.volumeUp')}
          </button>
          <p class="volume" data-volume=${this._volume}>${t('consultation.call.volume', { level: this._volume })}</p>
          <button type="button" class="secondary" ?disabled=${this._volume <= 1} @click=${() => this._setVolume(-1)}>
            ${t('consultation.call.volumeDown')}
          </button>
          <button
            type="button"
            class="danger hangup"
            @click=${() => this._emit({ type: 'hangup', at: new Date().toISOString() })}
          >
            ${t('consultation.call.hangup')}
          </button>
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-call': KioskConsultationCall;
  }
}
