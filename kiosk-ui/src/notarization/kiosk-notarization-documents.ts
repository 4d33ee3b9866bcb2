import { css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { MAX_NOTARY_PHOTOS } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { CameraController, type CapturedImage } from '../legal-aid/camera-controller.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary The materials photographed one by one with guidance: the list on the right, ticked as she
 * goes (√ 已拍 / 未拍); 拍照 → 用这张 or 重拍. Reuses the legal-aid camera controller. Without a camera the
 * request still goes on (the originals are shown at the interview).
 * @fires kiosk-notarization-answer - photoAdded | photoRemoved | photosDone | back
 */
@customElement('kiosk-notarization-documents')
export class KioskNotarizationDocuments extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: minmax(0, 3fr) minmax(0, 2fr);
        gap: 1.5rem;
      }
      .frame {
        position: relative;
        background: #000;
        border-radius: var(--kiosk-radius);
        aspect-ratio: 4 / 3;
        max-height: 26rem;
        overflow: hidden;
      }
      video,
      .frame img {
        width: 100%;
        height: 100%;
        object-fit: contain;
      }
      .list {
        display: grid;
        gap: 0.5rem;
        align-content: start;
      }
      .list button {
        text-align: left;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
      }
      .list button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
    `,
  ];

  private readonly _camera = new CameraController(this);
  @query('video') private _video!: HTMLVideoElement | null;
  @state() private _preview: CapturedImage | null = null;
  @state() private _materialId = '';
  @property({ attribute: false }) materials: string[] = [];
  @property({ type: Boolean }) proxy = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._materialId = this._firstTodo() ?? this.materials[0] ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak('notarization.steps.documents.voice');
    void this._camera.start();
  }

  protected override updated(): void {
    const video = this._video;
    if (video && this._camera.stream && video.srcObject !== this._camera.stream) {
      video.srcObject = this._camera.stream;
      void video.play().catch(() => undefined);
    }
  }

  private _done(id: string): boolean {
    return this.answers.photos.some((p) => p.materialId === id);
  }

  private _firstTodo(): string | undefined {
    return this.materials.find((m) => !this._done(m));
  }

  protected _next(): void {
    this._camera.stop();
    this._emit({ type: 'photosDone' });
  }

  private _take(): void {
    if (this._video) this._preview = this._camera.capture(this._video);
  }

  private _keep(): void {
    const p = this._preview;
    if (!p) return;
    this._emit({ type: 'photoAdded', photo: { ...p, ...(this._materialId ? { materialId: this._materialId } : {}) } });
    this._preview = null;
    const nextTodo = this.materials.find((m) => m !== this._materialId && !this._done(m));
    if (nextTodo) {
      this._materialId = nextTodo;
      this._visit?.speakText(this._t(notarizationKey(`material.${nextTodo}`)));
    }
  }

  override render() {
    const t = this._t;
    const photos = this.answers.photos;
    const full = photos.length >= MAX_NOTARY_PHOTOS;
    return html`<kiosk-step heading-key="notarization.steps.documents.title" @kiosk-step-done=${this._onStepDone}>
      <p>${say(t, this.proxy ? 'notarization.steps.documents.proxyNote' : 'notarization.steps.documents.body')}</p>
      ${this._camera.state === 'unavailable' ? html`<p class="error" role="alert">${say(t, 'notarization.steps.documents.noCamera')}</p>` : null}
      <div class="layout">
        <div>
          <div class="frame" ?hidden=${this._camera.state === 'unavailable'}>
            ${
              this._preview
                ? html`<img
                    src=${this._preview.dataUrl}
                    alt=${t('notarization.steps.documents.photoAlt', { n: photos.length + 1 })}
                  />`
                : html`<video muted playsinline aria-hidden="true"></video>`
            }
          </div>
          <div class="row">
            ${
              this._preview
                ? html`<button type="button" class="primary" @click=${() => this._keep()}>
                      ${t('notarization.steps.documents.keep')}
                    </button>
                    <button type="button" class="secondary" @click=${() => (this._preview = null)}>
                      ${t('notarization.steps.documents.retake')}
                    </button>`
                : html`<button
                    type="button"
                    class="primary"
                    ?disabled=${this._camera.state !== 'live' || full}
                    @click=${() => this._take()}
                  >
                    ${t('notarization.steps.documents.take')}
                  </button>`
            }
            <span role="status"
              >${full ? t('notarization.steps.documents.full', { max: MAX_NOTARY_PHOTOS }) : t('notarization.steps.documents.count', { count: photos.length, max: MAX_NOTARY_PHOTOS })}</span
            >
          </div>
        </div>
        <div class="list" role="group" aria-label=${t('notarization.steps.documents.listLabel')}>
          ${this.materials.map((m) => {
            const done = this._done(m);
            return html`<button
              type="button"
              data-material=${m}
              data-done=${String(done)}
              aria-pressed=${String(this._materialId === m)}
              @click=${() => (this._materialId = m)}
            >
              ${done ? '√ ' : '□ '}${t(notarizationKey(`material.${m}`))}（${t(done ? 'notarization.steps.documents.done' : 'notarization.steps.documents.todo')}）
            </button>`;
          })}
        </div>
      </div>
      ${
        photos.length
          ? html`<button
              slot="actions"
              type="button"
              class="secondary"
              @click=${() => this._emit({ type: 'photoRemoved', index: photos.length - 1 })}
            >
              ${t('notarization.steps.documents.remove', { n: photos.length })}
            </button>`
          : null
      }
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-documents': KioskNotarizationDocuments;
  }
}
