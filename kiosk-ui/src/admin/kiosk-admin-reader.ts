import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ProbeAnswer } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';
import { completionText, errorText } from './admin-errors.js';
import { t, tDynamic } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Reader probe (raw bytes) and a test read whose values the agent has already masked.
 * @summary ID card reader tools.
 */
@customElement('kiosk-admin-reader')
export class KioskAdminReader extends LitElement {
  static override styles = adminStyles;

  @state() private _probe = '';
  @state() private _reading = false;
  @state() private _fields: Record<string, unknown> | null = null;
  @state() private _message = '';
  @property({ attribute: false }) api!: AdminApi;

  private async _runProbe(): Promise<void> {
    try {
      const res = await this.api.post<ProbeAnswer>('/idcard/probe');
      this._probe =
        'result' in res
          ? t('admin.reader.probeResult', { sent: res.result.sent, reply: res.result.reply || '—' })
          : res.message;
    } catch (err) {
      this._probe = errorText(err);
    }
  }

  private async _testRead(): Promise<void> {
    this._reading = true;
    this._fields = null;
    this._message = '';
    try {
      const done = await this.api.command<Record<string, unknown>>('idcard', 'read', {}, 30_000);
      if (done.header.completionCode === 'success') this._fields = done.payload;
      else this._message = completionText(done.header, done.payload);
    } catch (err) {
      this._message = errorText(err);
    } finally {
      this._reading = false;
    }
  }

  override render() {
    return html`<section>
      <h1>${t('admin.reader.title')}</h1>
      <div class="row">
        <button class="secondary" @click=${() => this._runProbe()}>${t('admin.reader.probe')}</button>
        <button class="primary" @click=${() => this._testRead()} ?disabled=${this._reading}>
          ${t('admin.reader.testRead')}
        </button>
      </div>
      ${this._probe ? html`<p><code>${this._probe}</code></p>` : nothing}
      ${this._reading ? html`<p role="status">${t('admin.reader.reading')}</p>` : nothing}
      ${this._message ? html`<p class="error" role="alert">${this._message}</p>` : nothing}
      ${
        this._fields
          ? html`<div class="card ok" data-test-read>
              <p class="success">${t('admin.reader.resultTitle')}</p>
              <table>
                ${Object.entries(this._fields).map(
                  ([k, v]) =>
                    html`<tr>
                      <th scope="row">${tDynamic(`admin.reader.fields.${k}`)}</th>
                      <td class="num" data-field=${k}>${String(v)}</td>
                    </tr>`,
                )}
              </table>
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-reader': KioskAdminReader;
  }
}
