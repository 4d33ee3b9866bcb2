import { css, html, svg } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { MAX_LIVENESS_ATTEMPTS, type LivenessFailure } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { cropFace, loadFaceDetector, type FaceDetection, type FaceDetectorLike } from './face-detector.js';
import type { FaceFrame } from './face-worker-protocol.js';
import {
  DEFAULT_LIVENESS,
  failureReason,
  initialLiveness,
  livenessStep,
  randomOrder,
  type FaceBox,
  type LivenessHint,
  type LivenessParams,
  type LivenessState,
} from './liveness.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

type Phase = 'loading' | 'checking' | 'failed' | 'noCamera';

/** Pictures for the prompts: a head turning left or right, a face in the frame. */
function hintPicture(hint: LivenessHint) {
  const dx = hint === 'turnLeft' ? -14 : hint === 'turnRight' ? 14 : 0;
  return html`<svg viewBox="0 0 120 120" width="160" height="160" aria-hidden="true">
    <ellipse cx="60" cy="62" rx="34" ry="44" fill="none" stroke="currentColor" stroke-width="6" />
    ${svg`<circle cx=${48 + dx} cy="55" r="5" fill="currentColor" /><circle cx=${72 + dx} cy="55" r="5" fill="currentColor" />`}
    ${svg`<path d="M${60 + dx} 60 l${dx > 0 ? 6 : dx < 0 ? -6 : 0} 14" stroke="currentColor" stroke-width="5" fill="none" />`}
    ${
      dx
        ? svg`<path d=${dx < 0 ? 'M30 20 h-22 l10 -10 M8 20 l10 10' : 'M90 20 h22 l-10 -10 M112 20 l-10 10'} stroke="currentColor" stroke-width="6" fill="none" />`
        : null
    }
  </svg>`;
}

/**
 * @summary The live-person check: the camera preview (mirrored for her, analysed unmirrored), one face,
 * centred, facing forward, then turn left and right in a random order, each prompt spoken with a
 * picture. A failure says why and offers 再试一次; the flow sends her to the office after three.
 * Detection runs in a worker: this element only grabs a frame (one in flight; camera frames that
 * arrive meanwhile are dropped) and feeds the faces to the pure `livenessStep`. Only the result and
 * one face crop (of the frame that passed) leave the page; no video is stored. A presence check, not
 * certified anti-spoofing (said on screen).
 * @fires kiosk-notarization-answer - livenessPassed | livenessFailed | back
 */
@customElement('kiosk-notarization-liveness')
export class KioskNotarizationLiveness extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        grid-template-rows: minmax(0, 1fr);
        gap: 1.5rem;
        height: 100%;
        min-height: 0;
      }
      /* Sized from the height the step leaves (4:3), never taller than the content area. */
      .frame {
        position: relative;
        background: #000;
        border-radius: var(--kiosk-radius);
        aspect-ratio: 4 / 3;
        height: 100%;
        width: auto;
        max-width: 100%;
        justify-self: start;
        min-height: 0;
        overflow: hidden;
      }
      video {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: contain;
        transform: scaleX(-1);
      }
      .oval {
        position: absolute;
        inset: 12% 30%;
        border: 0.3rem dashed #ffffff;
        border-radius: 50%;
        pointer-events: none;
      }
      .hint {
        font-size: var(--kiosk-font-heading);
        font-weight: 700;
        margin: 0;
      }
      .side {
        display: flex;
        flex-direction: column;
        gap: 1rem;
      }
    `,
  ];

  /** Failures so far (the flow's count); shown as 第n次. */
  @property({ type: Number }) failures = 0;
  @property() office = '';
  @property() hotline = '12348';
  /** The office page after three failures. */
  @property({ type: Boolean, attribute: 'to-office' }) toOffice = false;
  @property({ attribute: false }) params: LivenessParams = DEFAULT_LIVENESS;

  @query('video') private _video!: HTMLVideoElement | null;
  @state() private _phase: Phase = 'loading';
  @state() private _hint: LivenessHint = 'noFace';
  @state() private _failure: LivenessFailure | null = null;

  private _stream: MediaStream | null = null;
  private _detector: FaceDetectorLike | null = null;
  private _live: LivenessState = initialLiveness(randomOrder(Math.random()));
  private _frameHandle = 0;
  private _stopped = false;
  /** Bumped by every start and stop: a detection answering for an older run is dropped. */
  private _run = 0;
  private _lastSpoken: LivenessHint | null = null;
  private _lastFace: FaceBox | null = null;

  override firstUpdated(): void {
    if (this.toOffice) {
      this._visit?.speak('notarization.steps.liveness.office.voice');
      return;
    }
    this._visit?.speak('notarization.steps.liveness.voice');
    void this._start();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
    this._visit?.resumeIdle('cameraCapture');
  }

  protected _next(): void {
    if (this._phase === 'failed') this._retry();
  }

  private async _start(): Promise<void> {
    this._stopped = false;
    const run = ++this._run;
    this._phase = 'loading';
    this._visit?.pauseIdle('cameraCapture');
    try {
      const [stream, detector] = await Promise.all([
        navigator.mediaDevices.getUserMedia({ video: { width: 640, height: 480, facingMode: 'user' }, audio: false }),
        loadFaceDetector(),
      ]);
      if (this._stopped || run !== this._run || !this.isConnected) {
        for (const tr of stream.getTracks()) tr.stop();
        return;
      }
      this._stream = stream;
      this._detector = detector;
      this._phase = 'checking';
      await this.updateComplete;
      const video = this._video;
      if (!video) return;
      video.srcObject = stream;
      await video.play().catch(() => undefined);
      this._live = initialLiveness(randomOrder(Math.random()));
      this._loop(run);
    } catch {
      if (!this._stopped && run === this._run) this._phase = 'noCamera';
      this._visit?.resumeIdle('cameraCapture');
    }
  }

  /** Waits for the next camera frame; the next wait starts only when this frame's answer is in. */
  private _loop(run: number): void {
    const video = this._video;
    if (!video || this._stopped || run !== this._run) return;
    this._frameHandle = video.requestVideoFrameCallback((now) => void this._analyse(video, now, run));
  }

  private async _analyse(video: HTMLVideoElement, now: number, run: number): Promise<void> {
    const detector = this._detector;
    if (this._stopped || run !== this._run || !detector) return;
    let result: FaceDetection | null = null;
    try {
      // A VideoFrame wraps the frame on screen without copying it (createImageBitmap(video) would
      // convert it on this thread); the worker converts and analyses it.
      if (video.videoWidth)
        result = await detector.detect(new VideoFrame(video, { timestamp: Math.round(now * 1000) }), now);
    } catch {
      if (run === this._run && !this._stopped) this._fail('camera');
      return;
    }
    if (this._stopped || run !== this._run) {
      result?.frame.close();
      return;
    }
    const faces = result?.faces ?? [];
    if (faces.length === 1) this._lastFace = faces[0] ?? null;
    this._live = livenessStep(
      this._live,
      faces,
      { width: video.videoWidth || 640, height: video.videoHeight || 480, now },
      this.params,
    );
    this._setHint(this._live.hint);
    if (this._live.phase === 'passed') this._pass(result?.frame ?? null, faces[0] ?? this._lastFace);
    else if (this._live.phase === 'failed') this._fail(failureReason(this._live));
    else this._loop(run);
    result?.frame.close();
  }

  private _setHint(hint: LivenessHint): void {
    if (hint === this._hint && this._lastSpoken === hint) return;
    this._hint = hint;
    // Speak the changes that ask her to do something; positioning chatter is shown, spoken once each.
    if (hint !== this._lastSpoken && hint !== 'timeout') {
      this._lastSpoken = hint;
      this._visit?.speak(notarizationKey(`steps.liveness.hint.${hint}`));
    }
  }

  /** The crop is taken from the very frame whose detection passed the check. */
  private _pass(frame: FaceFrame | null, face: FaceBox | null): void {
    const crop = frame && face ? cropFace(frame, face) : null;
    this._stop();
    if (!crop) {
      this._fail('noFace');
      return;
    }
    this._emit({
      type: 'livenessPassed',
      result: { passedAt: new Date().toISOString(), faceCrop: crop, order: [...this._live.order] },
    });
  }

  private _fail(reason: LivenessFailure): void {
    this._stop();
    this._failure = reason;
    this._phase = 'failed';
    this._visit?.speak(notarizationKey(`steps.liveness.failed.${reason}`));
    this._emit({ type: 'livenessFailed', reason });
  }

  private _retry(): void {
    this._failure = null;
    this._lastSpoken = null;
    void this._start();
  }

  private _stop(): void {
    this._stopped = true;
    this._run++;
    if (this._video && this._frameHandle) this._video.cancelVideoFrameCallback(this._frameHandle);
    for (const tr of this._stream?.getTracks() ?? []) tr.stop();
    this._stream = null;
    if (this._video) this._video.srcObject = null;
    this._visit?.resumeIdle('cameraCapture');
  }

  override render() {
    const t = this._t;
    if (this.toOffice)
      return html`<kiosk-step heading-key="notarization.steps.liveness.office.title" without-previous without-next>
        <p class="error" role="alert">
          ${say(t, 'notarization.steps.liveness.office.body', { office: this.office, hotline: this.hotline })}
        </p>
        <button
          slot="actions"
          type="button"
          class="primary"
          @click=${() => this.dispatchEvent(new KioskFlowExitEvent('home'))}
        >
          ${t('notarization.nav.home')}
        </button>
      </kiosk-step>`;
    const failed = this._phase === 'failed';
    return html`<kiosk-step
      heading-key="notarization.steps.liveness.title"
      ?without-next=${!failed}
      next-key="notarization.nav.retry"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="layout">
        <div class="frame">
          <video muted playsinline aria-hidden="true"></video>
          <div class="oval"></div>
        </div>
        <div class="side">
          ${
            this._phase === 'loading'
              ? html`<p role="status">${say(t, 'notarization.steps.liveness.loading')}</p>`
              : this._phase === 'noCamera'
                ? html`<p class="error" role="alert">${say(t, 'notarization.steps.liveness.noCamera')}</p>`
                : failed && this._failure
                  ? html`<p class="error" role="alert" data-failure=${this._failure}>
                      ${say(t, notarizationKey(`steps.liveness.failed.${this._failure}`))}
                    </p>`
                  : html`${hintPicture(this._hint)}
                      <p class="hint" role="status" data-hint=${this._hint}>
                        ${say(t, notarizationKey(`steps.liveness.hint.${this._hint === 'timeout' ? 'noFace' : this._hint}`))}
                      </p>`
          }
          <p>
            ${t('notarization.steps.liveness.attempt', { n: Math.min(this.failures + 1, MAX_LIVENESS_ATTEMPTS), max: MAX_LIVENESS_ATTEMPTS })}
          </p>
          <p>${say(t, 'notarization.steps.liveness.notice')}</p>
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-liveness': KioskNotarizationLiveness;
  }
}
