import { LitElement, html } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Camera preview in the page itself (getUserMedia); the stream stops when the page is left.
 * @summary Camera preview.
 */
@customElement('kiosk-admin-camera')
export class KioskAdminCamera extends LitElement {
  static override styles = adminStyles;

  private _stream: MediaStream | null = null;
  @query('video') private _video!: HTMLVideoElement;
  @state() private _on = false;
  @state() private _error = '';

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stop();
  }

  private async _start(): Promise<void> {
    this._error = '';
    try {
      this._stream = await navigator.mediaDevices.getUserMedia({ video: true, audio: false });
      this._video.srcObject = this._stream;
      this._on = true;
    } catch (err) {
      this._error = t('admin.camera.error', { message: (err as Error).message });
    }
  }

  private _stop(): void {
    for (const track of this._stream?.getTracks() ?? []) track.stop();
    this._stream = null;
    if (this._video) this._video.srcObject = null;
    this._on = false;
  }

  override render() {
    return html`<section>
      <h1>${t('admin.camera.title')}</h1>
      <div class="row">
        ${
          this._on
            ? html`<button class="secondary" @click=${() => this._stop()}>${t('admin.camera.stop')}</button>`
            : html`<button class="primary" @click=${() => this._start()}>${t('admin.camera.start')}</button>`
        }
      </div>
      <p class="error" role="alert">${this._error}</p>
      <video autoplay muted playsinline style="max-width: 48rem; background: #000"></video>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-camera': KioskAdminCamera;
  }
}
