import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminCompletion, SelfTestAnswer, SelfTestResult } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';
import { completionText, errorText } from './admin-errors.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Test print with the receipt preview next to it, and the self-test with raw status bytes.
 * @summary Printer tools.
 */
@customElement('kiosk-admin-printer')
export class KioskAdminPrinter extends LitElement {
  static override styles = adminStyles;

  @state() private _busy = false;
  @state() private _message = '';
  @state() private _previewAt = 0;
  @state() private _previewMissing = false;
  @state() private _selfTest: SelfTestResult | null = null;
  @property({ attribute: false }) api!: AdminApi;

  private async _testPrint(): Promise<void> {
    this._busy = true;
    this._message = t('admin.printer.printing');
    try {
      const done = await this.api.post<AdminCompletion>('/printer/test-print');
      this._message = completionText(done.header, done.payload);
      this._previewMissing = false;
      this._previewAt = Date.now();
    } catch (err) {
      this._message = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  private async _runSelfTest(): Promise<void> {
    this._busy = true;
    try {
      const res = await this.api.post<SelfTestAnswer>('/printer/self-test');
      this._selfTest = 'result' in res ? res.result : null;
      this._message = 'message' in res ? res.message : '';
      this._previewAt = Date.now();
    } catch (err) {
      this._message = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<section>
      <h1>${t('admin.printer.title')}</h1>
      <div class="row">
        <button class="primary" @click=${() => this._testPrint()} ?disabled=${this._busy}>
          ${t('admin.printer.testPrint')}
        </button>
        <button class="secondary" @click=${() => this._runSelfTest()} ?disabled=${this._busy}>
          ${t('admin.printer.selfTest')}
        </button>
      </div>
      <p role="status">${this._message}</p>
      <div class="row" style="align-items: flex-start">
        <figure class="card">
          <figcaption>${t('admin.printer.preview')}</figcaption>
          ${
            this._previewAt && !this._previewMissing
              ? html`<img
                  src=${this.api.url(`/printer/preview?at=${this._previewAt}`)}
                  alt=${t('admin.printer.preview')}
                  style="max-width: 40rem; border: 0.1rem solid var(--kiosk-border)"
                  @error=${() => (this._previewMissing = true)}
                />`
              : html`<p class="muted">${t('admin.printer.noPreview')}</p>`
          }
        </figure>
        ${
          this._selfTest
            ? html`<div class="card">
                <h2>${t('admin.printer.selfTestResult')}</h2>
                <table>
                  <tr>
                    <th>${t('admin.printer.rawStatus')}</th>
                    <th></th>
                  </tr>
                  ${this._selfTest.statusReplies.map(
                    (r) =>
                      html`<tr>
                        <td><code>${r.command}</code></td>
                        <td class="num">${r.replyHex || '—'}</td>
                      </tr>`,
                  )}
                </table>
              </div>`
            : nothing
        }
      </div>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-printer': KioskAdminPrinter;
  }
}
