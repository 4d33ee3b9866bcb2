import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminCompletion, ReadinessReport } from '@kiosk/contract/admin-api';
import { chinaDateTime } from '@kiosk/domain/china-time';
import type { AdminApi } from './admin-api.js';
import { completionText, errorText } from './admin-errors.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Every check the technician must see pass before leaving, each failure with its fix; printable.
 * @summary Readiness report.
 */
@customElement('kiosk-admin-readiness')
export class KioskAdminReadiness extends LitElement {
  static override styles = adminStyles;

  @state() private _report: ReadinessReport | null = null;
  @state() private _message = '';
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._report = await this.api.get<ReadinessReport>('/readiness', { userAction: true });
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private async _print(): Promise<void> {
    try {
      const done = await this.api.post<AdminCompletion>('/readiness/print');
      this._message = completionText(done.header, done.payload);
    } catch (err) {
      this._message = errorText(err);
    }
  }

  override render() {
    const r = this._report;
    return html`<section>
      <h1>${t('admin.readiness.title')}</h1>
      <div class="row">
        <button class="secondary" @click=${() => this._load()}>${t('admin.readiness.run')}</button>
        <button class="primary" @click=${() => this._print()}>${t('admin.readiness.print')}</button>
      </div>
      <p role="status">${this._message}</p>
      ${
        r
          ? html`<p class=${r.ok ? 'success' : 'action'}>
                ${r.ok ? t('admin.readiness.allPassed') : t('admin.readiness.someFailed')}
              </p>
              <p class="muted" data-generated-at>
                ${t('admin.readiness.generatedAt', { time: chinaDateTime(r.generatedAt) })}
              </p>
              <table>
                ${r.checks.map(
                  (c) =>
                    html`<tr data-check=${c.id}>
                      <td>${c.ok ? t('admin.readiness.pass') : t('admin.readiness.fail')}</td>
                      <td>${c.name}${c.detail ? html` <span class="muted">(${c.detail})</span>` : nothing}</td>
                      <td class=${c.ok ? '' : 'action'}>${c.ok ? '' : c.fix}</td>
                    </tr>`,
                )}
              </table>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-readiness': KioskAdminReadiness;
  }
}
