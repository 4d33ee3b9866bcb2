import { Task } from '@lit/task';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import admin from '../../../content/i18n/zh-CN/admin.json' with { type: 'json' };
import type { FleetFlag, FleetTerminal } from '@kiosk/contract/staff-api';
import { ApiError, listFleet, requestReadiness } from './api.js';
import { CenterSessionLostEvent } from './events.js';
import { formatTime, t, type CenterKey } from './i18n.js';
import { sortFleet, type FleetSort } from './fleet-sort.js';
import { consoleStyles } from './styles.js';

/** How often the page reloads the fleet while it is shown. */
const REFRESH_MS = 15_000;

const key = (k: string): CenterKey => k as CenterKey;

/** A readiness check's name as the terminal's admin page says it (content/i18n/zh-CN/admin.json). */
function checkName(id: string): string {
  const entry = (admin.readiness as Record<string, unknown>)[id];
  const name = entry && typeof entry === 'object' ? (entry as { name?: unknown }).name : undefined;
  return typeof name === 'string' ? name : id;
}

const minutes = (sec: number): number => Math.floor(sec / 60);

/**
 * @summary 终端状态: every terminal of the centre with what needs a technician (offline, out of
 * paper, reader error, growing outbox), sortable by county, and each terminal's readiness report on
 * request (it arrives with the terminal's next heartbeat).
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-fleet-page')
export class CenterFleetPage extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: end;
        justify-content: space-between;
      }
      .bar label {
        margin: 0 0 0.25rem;
      }
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem 0.6rem;
        border-bottom: 1px solid #bbb;
        vertical-align: top;
      }
      .flag {
        display: inline-block;
        margin: 0 0.3rem 0.3rem 0;
        padding: 0.1rem 0.5rem;
        border-radius: 0.3rem;
        background: #8a1c00;
        color: #fff;
        font-weight: 600;
      }
      .flag.mild {
        background: #fff3cd;
        color: #111;
        border: 1px solid #8a6d00;
      }
      .ok {
        color: #0a5c1a;
        font-weight: 600;
      }
      ul.checks {
        margin: 0.3rem 0 0;
        padding-left: 1.2rem;
      }
      .fail {
        color: #a00000;
        font-weight: 600;
      }
    `,
  ];

  private _timer: ReturnType<typeof setInterval> | undefined;

  @state() private _sort: FleetSort = 'county';
  @state() private _asked = new Set<string>();
  @state() private _askFailed = '';

  private readonly _fleet = new Task(this, {
    task: async (_args, { signal }) => {
      try {
        return await listFleet(signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
        throw err;
      }
    },
    args: () => [] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    this._timer = setInterval(() => void this._fleet.run(), REFRESH_MS);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._timer);
  }

  private async _ask(id: string): Promise<void> {
    this._askFailed = '';
    try {
      await requestReadiness(id);
      this._asked = new Set([...this._asked, id]);
      void this._fleet.run();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
      this._askFailed = id;
    }
  }

  private _flags(flags: readonly FleetFlag[]): TemplateResult {
    if (!flags.length) return html`<span class="ok">${t('fleet.ok')}</span>`;
    const mild: FleetFlag[] = ['paperLow', 'clockSkew'];
    return html`${flags.map(
      (f) => html`<span class="flag ${mild.includes(f) ? 'mild' : ''}">${t(key(`fleet.flags.${f}`))}</span>`,
    )}`;
  }

  private _lastSeen(f: FleetTerminal): string {
    if (f.lastSeenAt === null || f.silentSec === null) return t('fleet.never');
    return f.silentSec < 60 ? t('fleet.justNow') : t('fleet.silentFor', { minutes: minutes(f.silentSec) });
  }

  private _readiness(f: FleetTerminal): TemplateResult {
    const waiting = f.readinessRequestedAt !== undefined || (this._asked.has(f.id) && !f.readiness);
    const report = f.readiness;
    const failed = report?.checks.filter((c) => !c.ok) ?? [];
    return html`
      ${
        report
          ? html`<p>
                ${t('fleet.readinessAt', { time: formatTime(report.receivedAt) })}
                ${
                  report.ok
                    ? html`<span class="ok">${t('fleet.readinessOk')}</span>`
                    : html`<span class="fail">${t('fleet.readinessFailed', { n: failed.length })}</span>`
                }
              </p>
              ${
                failed.length
                  ? html`<ul class="checks">
                      ${failed.map((c) => html`<li>${checkName(c.id)}${c.detail ? `（${c.detail}）` : ''}</li>`)}
                    </ul>`
                  : ''
              }`
          : ''
      }
      ${
        waiting
          ? html`<p class="note" role="status">${t('fleet.requested')}</p>`
          : html`<button
              type="button"
              class="secondary"
              aria-label=${`${t('fleet.requestReadiness')}：${f.name}`}
              @click=${() => void this._ask(f.id)}
            >
              ${t('fleet.requestReadiness')}
            </button>`
      }
      ${this._askFailed === f.id ? html`<p class="error" role="alert">${t('errors.network')}</p>` : ''}
    `;
  }

  private _row(f: FleetTerminal): TemplateResult {
    const beat = f.heartbeat;
    const o = beat?.outbox;
    return html`<tr data-terminal-id=${f.id}>
      <th scope="row">${f.name}<br /><span class="note">${f.id}</span></th>
      <td>${f.regionCode ?? ''}</td>
      <td>${this._flags(f.flags)}</td>
      <td>${this._lastSeen(f)}</td>
      <td>
        ${
          beat
            ? html`${t(key(`fleet.device.${beat.devices.printer.device}`))}，${t(
                key(`fleet.paper.${beat.devices.printer.paper}`),
              )}${beat.devices.printer.lastErrorCode ? html`<br /><span class="note">${beat.devices.printer.lastErrorCode}</span>` : ''}`
            : ''
        }
      </td>
      <td>
        ${
          beat
            ? html`${t(key(`fleet.device.${beat.devices.idcard.device}`))}${beat.devices.idcard.lastErrorCode ? html`<br /><span class="note">${beat.devices.idcard.lastErrorCode}</span>` : ''}`
            : ''
        }
      </td>
      <td>
        ${
          o
            ? o.depth
              ? t('fleet.outboxCount', { n: o.depth, minutes: minutes(o.oldestAgeSec ?? 0) })
              : t('fleet.outboxEmpty')
            : ''
        }
        ${o?.lastForwardAt ? html`<br /><span class="note">${t('fleet.lastForward', { time: formatTime(o.lastForwardAt) })}</span>` : ''}
      </td>
      <td>
        ${
          beat
            ? html`<span class="note"
                >${t('fleet.version', { version: beat.agentVersion })}
                ${beat.diskFreeBytes !== null ? html`<br />${t('fleet.disk', { gb: (beat.diskFreeBytes / 1024 ** 3).toFixed(1) })}` : ''}
                ${beat.clockOffsetMs !== undefined ? html`<br />${t('fleet.clock', { seconds: Math.round(beat.clockOffsetMs / 1000) })}` : ''}</span
              >`
            : ''
        }
      </td>
      <td>${this._readiness(f)}</td>
    </tr>`;
  }

  override render(): TemplateResult {
    return html`
      <section class="card" aria-labelledby="fleet-heading">
        <div class="bar">
          <h2 id="fleet-heading">${t('fleet.heading')}</h2>
          <div>
            <label for="fleet-sort">${t('fleet.sortLabel')}</label>
            <select
              id="fleet-sort"
              .value=${this._sort}
              @change=${(e: Event) => (this._sort = (e.target as HTMLSelectElement).value as FleetSort)}
            >
              ${(['county', 'problems', 'id'] as const).map(
                (s) => html`<option value=${s} ?selected=${s === this._sort}>${t(key(`fleet.sort.${s}`))}</option>`,
              )}
            </select>
          </div>
          <button type="button" class="secondary" @click=${() => void this._fleet.run()}>${t('fleet.refresh')}</button>
        </div>
        ${this._fleet.render({
          complete: (list) => {
            const rows = sortFleet(list.terminals, this._sort);
            const problems = rows.filter((f) => f.flags.some((flag) => flag !== 'paperLow')).length;
            return rows.length
              ? html`<p role="status">${t('fleet.summary', { total: rows.length, problems })}</p>
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">${t('fleet.terminal')}</th>
                        <th scope="col" aria-sort=${this._sort === 'county' ? 'ascending' : 'none'}>
                          ${t('fleet.county')}
                        </th>
                        <th scope="col">${t('fleet.problems')}</th>
                        <th scope="col">${t('fleet.lastSeen')}</th>
                        <th scope="col">${t('fleet.printer')}</th>
                        <th scope="col">${t('fleet.reader')}</th>
                        <th scope="col">${t('fleet.outbox')}</th>
                        <th scope="col">${t('fleet.other')}</th>
                        <th scope="col">${t('fleet.readiness')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      ${rows.map((f) => this._row(f))}
                    </tbody>
                  </table>`
              : html`<p class="note">${t('fleet.empty')}</p>`;
          },
          error: () => html`<p class="error" role="alert">${t('errors.network')}</p>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-fleet-page': CenterFleetPage;
  }
}
