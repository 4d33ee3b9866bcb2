import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { ServiceName, ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import type { AdminApi } from './admin-api.js';
import { AdminCentreController } from './admin-centre-poll.js';
import { completionText, errorText } from './admin-errors.js';
import { t, tDynamic } from './admin-messages.js';
import { AdminStatusController } from './admin-status-socket.js';
import { adminStyles } from './admin-styles.js';
import { operatorAction, severity } from './operator-action.js';

const SERVICES: readonly ServiceName[] = ['idcard', 'printer', 'camera'];

/**
 * Live device board: one card per device with its state and, for a fault, what to do in words;
 * then the county centre: reachable or not, and how many submissions wait in the outbox.
 * @summary Device status board (status WebSocket) with the centre and outbox card.
 */
@customElement('kiosk-admin-board')
export class KioskAdminBoard extends LitElement {
  static override styles = adminStyles;

  private readonly _status = new AdminStatusController(this);
  private readonly _centre = new AdminCentreController(this, () => this.api);
  @state() private _message: Partial<Record<ServiceName, string>> = {};
  @property({ attribute: false }) api!: AdminApi;

  private async _reconnect(service: ServiceName): Promise<void> {
    try {
      const done = await this.api.command(service, 'reset', {});
      this._message = {
        ...this._message,
        [service]:
          done.header.completionCode === 'success'
            ? t('admin.board.reconnectDone')
            : completionText(done.header, done.payload),
      };
    } catch (err) {
      this._message = { ...this._message, [service]: errorText(err) };
    }
  }

  /** A transport in words ("串口"); one the texts do not know shows as it is. */
  private _transport(transport: string): string {
    const key = `admin.board.transports.${transport}`;
    const words = tDynamic(key);
    return words === key ? transport : words;
  }

  private _detail(service: ServiceName, status: ServiceStatusMap[ServiceName]) {
    const parts: string[] = [tDynamic(`admin.board.device.${status.device}`)];
    if (service === 'printer')
      parts.push(tDynamic(`admin.board.paper.${(status as ServiceStatusMap['printer']).paper}`));
    if (service === 'idcard') parts.push(tDynamic(`admin.board.media.${(status as ServiceStatusMap['idcard']).media}`));
    if (service === 'camera')
      parts.push(tDynamic(`admin.board.presence.${(status as ServiceStatusMap['camera']).presence}`));
    return parts.join(' · ');
  }

  private _card(service: ServiceName) {
    const status = this._status.snapshot.services[service];
    const level = severity(status);
    const action = operatorAction(status);
    return html`<article class="card ${level}" data-service=${service} aria-live="polite">
      <h2>${level === 'ok' ? '✔' : level === 'warn' ? '⚠' : '✖'} ${tDynamic(`admin.board.services.${service}`)}</h2>
      ${
        status
          ? html`<p class="state">${this._detail(service, status)}</p>
              <p class=${action ? 'action' : 'success'}>${action ?? t('admin.board.noAction')}</p>
              ${status.lastError ? html`<p class="muted">${status.lastError.description}</p>` : nothing}
              ${
                status.connection
                  ? html`<p class="muted">
                      ${t('admin.board.transport', { transport: this._transport(status.connection.transport) })}
                      ${t('admin.board.reconnects', { count: status.connection.reconnects })}
                    </p>`
                  : nothing
              }`
          : html`<p>${t('admin.common.working')}</p>`
      }
      ${service !== 'camera' ? html`<button class="secondary" @click=${() => this._reconnect(service)}>${t('admin.board.reconnect')}</button>` : nothing}
      ${this._message[service] ? html`<p role="status">${this._message[service]}</p>` : nothing}
    </article>`;
  }

  private _centreCard() {
    const c = this._centre.value;
    if (!c)
      return html`<article class="card warn" data-centre aria-live="polite">
        <h2>⚠ ${t('admin.centre.title')}</h2>
        <p>${this._centre.failed ? t('admin.board.reconnecting') : t('admin.common.working')}</p>
      </article>`;
    const level = c.reachable === false ? 'fault' : c.reachable === null || c.pending > 0 ? 'warn' : 'ok';
    return html`<article class="card ${level}" data-centre aria-live="polite">
      <h2>${level === 'ok' ? '✔' : level === 'warn' ? '⚠' : '✖'} ${t('admin.centre.title')}</h2>
      <p class="state" data-centre-reachable=${String(c.reachable)}>
        ${c.reachable === null ? t('admin.centre.unknown') : c.reachable ? t('admin.centre.reachable') : t('admin.centre.unreachable')}
      </p>
      <p class="state" data-outbox-pending=${c.pending}>
        ${c.pending === 0 ? t('admin.centre.noPending') : t('admin.centre.pending', { count: c.pending })}
      </p>
      ${
        c.reachable === false
          ? html`<p class="action">${t('admin.centre.unreachableAction')}</p>`
          : c.pending > 0
            ? html`<p class="action">${t('admin.centre.pendingAction')}</p>`
            : html`<p class="success">${t('admin.board.noAction')}</p>`
      }
      ${c.url ? html`<p class="muted">${t('admin.centre.address', { url: c.url })}</p>` : nothing}
    </article>`;
  }

  override render() {
    return html`<section>
      <h1>${t('admin.board.title')}</h1>
      <p class=${this._status.snapshot.connected ? 'success' : 'error'} role="status">
        ${this._status.snapshot.connected ? t('admin.board.live') : t('admin.board.reconnecting')}
      </p>
      ${SERVICES.map((s) => this._card(s))} ${this._centreCard()}
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-board': KioskAdminBoard;
  }
}
