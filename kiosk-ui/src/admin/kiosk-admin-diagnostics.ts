import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { DiagnosticsReport } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { t, tDynamic } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Permissions, udev rules, interferers and port holders: why a device the agent cannot open is missing.
 * @summary Diagnostics.
 */
@customElement('kiosk-admin-diagnostics')
export class KioskAdminDiagnostics extends LitElement {
  static override styles = adminStyles;

  @state() private _d: DiagnosticsReport | null = null;
  @state() private _error = '';
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  private async _load(): Promise<void> {
    try {
      this._d = await this.api.get<DiagnosticsReport>('/diagnostics', { userAction: true });
    } catch (err) {
      this._error = errorText(err);
    }
  }

  override render() {
    const d = this._d;
    return html`<section>
      <h1>${t('admin.diagnostics.title')}</h1>
      <div class="row">
        <button class="secondary" @click=${() => this._load()}>${t('admin.diagnostics.refresh')}</button>
      </div>
      <p class="error">${this._error}</p>
      ${
        d
          ? html`<div class="card ${d.missingGroups.length ? 'fault' : 'ok'}">
                <p>${t('admin.diagnostics.user', { user: d.user })}</p>
                <p>${t('admin.diagnostics.groups', { groups: d.groups.join(' ') })}</p>
                ${d.missingGroups.length ? html`<p class="action">${t('admin.diagnostics.missingGroups', { groups: d.missingGroups.join(' ') })}</p>` : nothing}
              </div>
              <div class="card">
                <h2>${t('admin.diagnostics.udev')}</h2>
                ${d.udev.map((u) => html`<p><code>${u.file}</code> ${u.installed ? t('admin.diagnostics.installed') : t('admin.diagnostics.notInstalled')}</p>`)}
              </div>
              <div class="card ${d.interferers.brltty || d.interferers.modemManager ? 'warn' : 'ok'}">
                <p>
                  ${t('admin.diagnostics.brltty')}：${d.interferers.brltty ? t('admin.diagnostics.present') : t('admin.diagnostics.absent')}
                </p>
                <p>
                  ${t('admin.diagnostics.modemManager')}：${d.interferers.modemManager ? t('admin.diagnostics.present') : t('admin.diagnostics.absent')}
                </p>
              </div>
              <div class="card">
                <h2>${t('admin.diagnostics.ports')}</h2>
                ${d.ports.map(
                  (p) =>
                    html`<p>
                      <code>${p.path}</code>
                      ${
                        !p.exists
                          ? t('admin.diagnostics.portMissing')
                          : p.heldBy.length
                            ? html`<span class="action"
                                >${t('admin.diagnostics.heldBy', { holders: p.heldBy.map((h) => `${h.command} (PID ${h.pid})`).join(', ') })}</span
                              >`
                            : t('admin.diagnostics.free')
                      }
                    </p>`,
                )}
              </div>
              <div class="card ${Object.values(d.services).every((s) => s.ok) ? 'ok' : 'warn'}">
                <h2>${t('admin.diagnostics.devices')}</h2>
                ${Object.entries(d.services).map(
                  ([name, s]) =>
                    html`<p data-service=${name} data-ok=${String(s.ok)}>
                      ${tDynamic(`admin.board.services.${name}`)}：${s.words}
                      <span class=${s.ok ? 'success' : 'action'}
                        >（${s.ok ? t('admin.diagnostics.usable') : t('admin.diagnostics.notUsable')}）</span
                      >
                      ${s.lastError ? html`<span class="muted">${t('admin.diagnostics.lastError', { description: s.lastError.description })}</span>` : nothing}
                    </p>`,
                )}
                <p data-centre data-ok=${String(d.centre.reachable === true)}>
                  ${t('admin.centre.title')}：${d.centre.words}
                </p>
                <p>
                  ${
                    d.heartbeatAgeSec === null
                      ? t('admin.diagnostics.noHeartbeat')
                      : t('admin.diagnostics.heartbeat', {
                          age: t('admin.diagnostics.seconds', { seconds: d.heartbeatAgeSec }),
                        })
                  }
                </p>
              </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-diagnostics': KioskAdminDiagnostics;
  }
}
