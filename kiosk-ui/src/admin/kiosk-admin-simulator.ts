import { LitElement, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type {
  IdCardSimulatorAction,
  PrinterSimulatorAction,
  SimulatorAnswer,
  SimulatorAvailability,
} from '@kiosk/contract/admin-api';

/** The action body each simulated device takes. */
interface SimulatorBodies {
  idcard: IdCardSimulatorAction;
  printer: PrinterSimulatorAction;
}
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { t, tDynamic } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Controls of the simulated devices (transport "simulated"): cards, paper, cover, unplug.
 * @summary Simulator controls.
 */
@customElement('kiosk-admin-simulator')
export class KioskAdminSimulator extends LitElement {
  static override styles = adminStyles;

  @state() private _sims: SimulatorAvailability | null = null;
  @state() private _message = '';
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this.api
      .get<SimulatorAvailability>('/simulators', { userAction: true })
      .then((s) => (this._sims = s))
      .catch((err: unknown) => (this._message = errorText(err)));
  }

  private async _do<S extends keyof SimulatorBodies>(service: S, body: SimulatorBodies[S]): Promise<void> {
    try {
      await this.api.post<SimulatorAnswer>(`/simulator/${service}`, body);
      this._message = t('admin.simulator.done');
    } catch (err) {
      this._message = errorText(err);
    }
  }

  private _button<S extends keyof SimulatorBodies>(label: string, service: S, body: SimulatorBodies[S]) {
    return html`<button class="secondary" @click=${() => this._do(service, body)}>${label}</button>`;
  }

  override render() {
    const sims = this._sims;
    return html`<section>
      <h1>${t('admin.simulator.title')}</h1>
      <p role="status">${this._message}</p>
      ${sims && !sims.idcard && !sims.printer ? html`<p>${t('admin.simulator.none')}</p>` : nothing}
      ${
        sims?.idcard
          ? html`<div class="card">
              <h2>${t('admin.simulator.idcard')}</h2>
              <div class="row">
                ${sims.cardTypes.map((type) =>
                  this._button(
                    t('admin.simulator.placeCard', { type: tDynamic(`admin.simulator.cardTypes.${type}`) }),
                    'idcard',
                    { action: 'placeCard', cardType: type },
                  ),
                )}
                ${this._button(t('admin.simulator.removeCard'), 'idcard', { action: 'removeCard' })}
                ${this._button(t('admin.simulator.unplug'), 'idcard', { action: 'unplug' })}
                ${this._button(t('admin.simulator.plug'), 'idcard', { action: 'plug' })}
              </div>
            </div>`
          : nothing
      }
      ${
        sims?.printer
          ? html`<div class="card">
              <h2>${t('admin.simulator.printer')}</h2>
              <div class="row">
                ${this._button(t('admin.simulator.paperFull'), 'printer', { action: 'setPaper', paper: 'full' })}
                ${this._button(t('admin.simulator.paperLow'), 'printer', { action: 'setPaper', paper: 'low' })}
                ${this._button(t('admin.simulator.paperOut'), 'printer', { action: 'setPaper', paper: 'out' })}
                ${this._button(t('admin.simulator.coverOpen'), 'printer', { action: 'setCoverOpen', open: true })}
                ${this._button(t('admin.simulator.coverClose'), 'printer', { action: 'setCoverOpen', open: false })}
                ${this._button(t('admin.simulator.unplug'), 'printer', { action: 'unplug' })}
                ${this._button(t('admin.simulator.plug'), 'printer', { action: 'plug' })}
              </div>
            </div>`
          : nothing
      }
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-simulator': KioskAdminSimulator;
  }
}
