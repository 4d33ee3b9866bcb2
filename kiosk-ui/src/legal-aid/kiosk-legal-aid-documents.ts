import { css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { MAX_PHOTOS } from '../flows/legal-aid-machine.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-pager.js';
import '../components/kiosk-step.js';
import { CameraController, type CapturedImage } from './camera-controller.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary Guided capture of the materials with the camera: pick which material, aim, 拍照, look at
 * the preview, 用这张 or 重拍; up to 10 photos, each a compressed JPEG. Without a camera the
 * application still goes on (materials can be handed in later).
 * @fires kiosk-legal-aid-answer - photoAdded | photoRemoved | photosDone | back
 */
@customElement('kiosk-legal-aid-documents')
export class KioskLegalAidDocuments extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      /* The screen fills the step's content area; the camera frame takes what is left, so 拍照 and the
         material buttons are always on screen (issue 15). */
      .screen {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      .screen > p {
        margin-bottom: 0.5rem;
      }
      .layout {
        flex: 1 1 auto;
        min-height: 0;
        display: grid;
        grid-template-columns: minmax(0, 1fr) minmax(0, 1fr);
        gap: var(--kiosk-gap);
      }
      .camera,
      .side {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        min-height: 0;
      }
      .frame {
        position: relative;
        flex: 1 1 0;
        min-height: 0;
        background: #000;
        border-radius: var(--kiosk-radius);
        overflow: hidden;
      }
      video,
      .frame img {
        display: block;
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      .guide {
        position: absolute;
        inset: 8%;
        border: 0.25rem dashed #ffffff;
        border-radius: 0.5rem;
        pointer-events: none;
      }
      /* 拍照 is the action of this screen: a wide button, like 下一步. */
      .camera .row button {
        min-width: 12rem;
      }
      .materials {
        display: grid;
        gap: 0.5rem;
      }
      .materials button {
        text-align: left;
        padding: 0.25rem 1rem;
        line-height: 1.3;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .materials button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      kiosk-pager {
        flex: 1 1 0;
        min-height: 0;
      }
      .thumb {
        display: flex;
        align-items: center;
        gap: var(--kiosk-gap);
        margin-bottom: 0.5rem;
      }
      .thumb img {
        width: 6rem;
        height: 4.5rem;
        object-fit: cover;
        border: 0.15rem solid var(--kiosk-border);
      }
      /* Portrait: one column, the frame on top. */
      @media (orientation: portrait) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
          grid-template-rows: minmax(0, 3fr) minmax(0, 2fr);
        }
      }
    `,
  ];

  private readonly _camera = new CameraController(this);

  @query('video') private _video!: HTMLVideoElement | null;

  @state() private _preview: CapturedImage | null = null;
  /** The live stream has produced a frame (a tap before that would capture nothing). */
  @state() private _frameReady = false;
  @state() private _materialId = '';

  /** Materials the engine listed; the villager says which one each photo shows. */
  @property({ attribute: false }) materials: string[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._materialId = this.materials[0] ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.documents.voice', { max: MAX_PHOTOS });
    void this._camera.start();
  }

  protected override updated(): void {
    const video = this._video;
    if (video && this._camera.stream && video.srcObject !== this._camera.stream) {
      this._frameReady = false;
      video.srcObject = this._camera.stream;
      void whenFrame(video).then(() => {
        if (this._video === video) this._frameReady = true;
      });
      void video.play().catch(() => undefined);
    }
  }

  protected _next(): void {
    this._camera.stop();
    this._emit({ type: 'photosDone' });
  }

  private async _take(): Promise<void> {
    const video = this._video;
    if (!video) return;
    let photo = this._camera.capture(video);
    if (!photo) {
      // No frame at this instant (the stream hiccupped): take the next one rather than nothing.
      await whenFrame(video);
      photo = this._camera.capture(video);
    }
    this._preview = photo;
  }

  private _keep(): void {
    const p = this._preview;
    if (!p) return;
    this._emit({ type: 'photoAdded', photo: { ...p, ...(this._materialId ? { materialId: this._materialId } : {}) } });
    this._preview = null;
  }

  override render() {
    const t = this._t;
    const photos = this.answers.photos;
    const full = photos.length >= MAX_PHOTOS;
    const live = this._camera.state === 'live';
    return html`<kiosk-step heading-key="legalAid.steps.documents.title" @kiosk-step-done=${this._onStepDone}>
      <div class="screen">
        <p>${say(t, 'legalAid.steps.documents.body', { max: MAX_PHOTOS })}</p>
        ${this._camera.state === 'unavailable' ? html`<p class="error" role="alert">${say(t, 'legalAid.steps.documents.noCamera')}</p>` : null}
        <div class="layout">
          <div class="camera">
            <div class="frame" ?hidden=${this._camera.state === 'unavailable'}>
              ${
                this._preview
                  ? html`<img
                      src=${this._preview.dataUrl}
                      alt=${t('legalAid.steps.documents.photoAlt', { n: photos.length + 1 })}
                    />`
                  : html`<video muted playsinline aria-hidden="true"></video>
                      <div class="guide"></div>`
              }
            </div>
            <div class="row">
              ${
                this._preview
                  ? html`<button type="button" class="primary" @click=${() => this._keep()}>
                        ${t('legalAid.steps.documents.keep')}
                      </button>
                      <button type="button" class="secondary" @click=${() => (this._preview = null)}>
                        ${t('legalAid.steps.documents.retake')}
                      </button>`
                  : html`<button
                      type="button"
                      class="primary"
                      ?disabled=${!live || !this._frameReady || full}
                      @click=${() => void this._take()}
                    >
                      ${t('legalAid.steps.documents.take')}
                    </button>`
              }
              <span role="status"
                >${full ? t('legalAid.steps.documents.full', { max: MAX_PHOTOS }) : t('legalAid.steps.documents.count', { count: photos.length, max: MAX_PHOTOS })}</span
              >
            </div>
          </div>
          <div class="side">
            <div class="materials" role="group" aria-label=${t('legalAid.steps.assessment.materialsLabel')}>
              ${this.materials.map(
                (m) =>
                  html`<button
                    type="button"
                    aria-pressed=${String(this._materialId === m)}
                    @click=${() => (this._materialId = m)}
                  >
                    ${t(legalAidKey(`material.${m}`))}
                  </button>`,
              )}
            </div>
            ${
              photos.length
                ? html`<kiosk-pager>
                    ${photos.map(
                      (p, i) =>
                        html`<div class="thumb">
                          <img src=${p.dataUrl} alt=${t('legalAid.steps.documents.photoAlt', { n: i + 1 })} />
                          <button
                            type="button"
                            class="secondary"
                            @click=${() => this._emit({ type: 'photoRemoved', index: i })}
                          >
                            ${t('legalAid.steps.documents.remove', { n: i + 1 })}
                          </button>
                        </div>`,
                    )}
                  </kiosk-pager>`
                : null
            }
          </div>
        </div>
      </div>
    </kiosk-step>`;
  }
}

/** Resolves once the video has a decoded frame to draw (the first, or the next one). */
function whenFrame(video: HTMLVideoElement): Promise<void> {
  return new Promise((resolve) => {
    let done = false;
    const check = (): void => {
      if (done || !video.videoWidth || !video.videoHeight) return;
      done = true;
      video.removeEventListener('loadeddata', check);
      video.removeEventListener('resize', check);
      resolve();
    };
    video.addEventListener('loadeddata', check);
    video.addEventListener('resize', check);
    if ('requestVideoFrameCallback' in video) video.requestVideoFrameCallback(() => check());
    check();
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-documents': KioskLegalAidDocuments;
  }
}
