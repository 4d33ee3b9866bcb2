import { css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { ConsultationStepBase } from './consultation-step-base.js';
import { MicLevelController } from './mic-level-controller.js';

/**
 * @summary Camera and microphone check before queueing: her live self view and a microphone level
 * bar (Web Audio). The stream comes from the owner (the call client opens it once, the call reuses it).
 * @fires kiosk-consultation-answer - devicesReady | back
 */
@customElement('kiosk-consultation-device-check')
export class KioskConsultationDeviceCheck extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 2rem;
        align-items: start;
      }
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: 1fr;
        }
      }
      video {
        width: 100%;
        max-height: 26rem;
        aspect-ratio: 16 / 9;
        background: #000000;
        border-radius: var(--kiosk-radius);
        transform: scaleX(-1);
      }
      .meter {
        height: 3rem;
        border: 0.15rem solid var(--kiosk-border);
        border-radius: var(--kiosk-radius);
        background: var(--kiosk-muted-bg);
        overflow: hidden;
        margin-bottom: 1rem;
      }
      .fill {
        height: 100%;
        background: var(--kiosk-primary);
        transition: width 0.1s linear;
      }
    `,
  ];

  private readonly _mic = new MicLevelController(this);

  @query('video') private _video!: HTMLVideoElement | null;

  /** Her camera and microphone, or null while they are being opened. */
  @property({ attribute: false }) stream: MediaStream | null = null;

  override firstUpdated(): void {
    this._visit?.speak('consultation.check.voice');
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('stream')) {
      const video = this._video;
      if (video && video.srcObject !== this.stream) {
        video.srcObject = this.stream;
        if (this.stream) void video.play().catch(() => undefined);
      }
      this._mic.attach(this.stream);
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    if (this._video) this._video.srcObject = null;
  }

  override render() {
    const t = this._t;
    const level = Math.round(this._mic.level * 100);
    return html`<kiosk-step
      heading-key="consultation.check.title"
      next-key="consultation.check.ok"
      ?next-disabled=${!this.stream}
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        this._emit(e.direction === 'next' ? { type: 'devicesReady' } : { type: 'back' });
      }}
    >
      <div class="layout">
        <video muted playsinline aria-label=${t('consultation.check.self')}></video>
        <div>
          <p class="status" role="status">
            ${this.stream ? say(t, 'consultation.check.speak') : say(t, 'consultation.check.starting')}
          </p>
          <div
            class="meter"
            role="meter"
            aria-label=${t('consultation.check.meter')}
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=${level}
          >
            <div class="fill" style="width: ${level}%"></div>
          </div>
          <p ?hidden=${!this._mic.heard}>${say(t, 'consultation.check.heard')}</p>
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-device-check': KioskConsultationDeviceCheck;
  }
}
