import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { t, tDynamic } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import type { PortCandidate, PortScanResult } from '@kiosk/contract/admin-api';
import { patchForPort } from './port-patch.js';

/**
 * Serial and HID candidates with VID:PID, stable names and a match score; "use this port" saves it.
 * @summary Port scan.
 */
@customElement('kiosk-admin-ports')
export class KioskAdminPorts extends LitElement {
  static override styles = adminStyles;

  @state() private _candidates: PortCandidate[] | null = null;
  @state() private _errors: string[] = [];
  @state() private _message = '';
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._scan();
  }

  private async _scan(): Promise<void> {
    this._candidates = null;
    try {
      const result = await this.api.get<PortScanResult>('/ports', {
        userAction: true,
      });
      this._candidates = result.candidates;
      this._errors = result.errors;
    } catch (err) {
      this._candidates = [];
      this._errors = [errorText(err)];
    }
  }

  private async _use(candidate: PortCandidate, service: 'idcard' | 'printer'): Promise<void> {
    // A printer keeps its configured paper width.
    let width = 80;
    try {
      const current = await this.api.get<{ config: { devices?: { printer?: { paperWidthMm?: number } } } }>('/config');
      width = current.config.devices?.printer?.paperWidthMm ?? 80;
      await this.api.patch('/config', patchForPort(candidate, service, width));
      this._message = t('admin.ports.saved');
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private _row(c: PortCandidate) {
    return html`<article class="card">
      <p><strong>${c.kind === 'hid' ? 'HID' : t('admin.ports.path')}</strong> <code>${c.path}</code></p>
      ${c.byId ? html`<p>${t('admin.ports.byId')}: <code>${c.byId}</code></p>` : nothing}
      ${c.byPath ? html`<p>${t('admin.ports.byPath')}: <code>${c.byPath}</code></p>` : nothing}
      ${c.vid ? html`<p>${t('admin.ports.vidPid')}: <code>${c.vid}:${c.pid}</code> ${c.manufacturer ?? ''} ${c.product ?? ''}</p>` : nothing}
      <p>${t('admin.ports.score')}: ${tDynamic(`admin.ports.scores.${c.matchScore}`)}</p>
      ${c.label ? html`<p class="muted">${t('admin.ports.suggested', { label: c.label })}</p>` : nothing}
      <div class="row">
        <button
          class=${c.suggestedService === 'idcard' ? 'primary' : 'secondary'}
          @click=${() => this._use(c, 'idcard')}
        >
          ${t('admin.ports.useIdcard')}
        </button>
        ${
          c.kind === 'serial'
            ? html`<button
                class=${c.suggestedService === 'printer' ? 'primary' : 'secondary'}
                @click=${() => this._use(c, 'printer')}
              >
                ${t('admin.ports.usePrinter')}
              </button>`
            : nothing
        }
      </div>
    </article>`;
  }

  override render() {
    return html`<section>
      <h1>${t('admin.ports.title')}</h1>
      <div class="row"><button class="secondary" @click=${() => this._scan()}>${t('admin.ports.scan')}</button></div>
      ${this._message ? html`<p role="status" class="success">${this._message}</p>` : nothing}
      ${this._errors.map((e) => html`<p class="error">${e}</p>`)}
      ${
        this._candidates === null
          ? html`<p>${t('admin.ports.scanning')}</p>`
          : this._candidates.length === 0
            ? html`<p>${t('admin.ports.none')}</p>`
            : this._candidates.map((c) => this._row(c))
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-ports': KioskAdminPorts;
  }
}
