import { Task } from '@lit/task';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { ApplicationDetail, ApplicationState } from '@kiosk/contract/staff-api';
import { ApiError, getApplication, listApplicationsOfKind } from './api.js';
import { CenterApplicationOpenEvent, CenterSessionLostEvent } from './events.js';
import { formatTime, t } from './i18n.js';
import { homeVisitLines, th, thData } from './home-visit-texts.js';
import { consoleStyles } from './styles.js';

/** The states a booking goes through (STATUS_FLOW.homeVisit), then 全部. */
const FILTERS: ReadonlyArray<ApplicationState | ''> = [
  'received',
  'calledBack',
  'scheduled',
  'approved',
  'rejected',
  '',
];

/** How many bookings the list reads in full (a county has a few a day). */
const MAX_ROWS = 100;

/**
 * @summary 上门服务 (绿色通道): the bookings made at the terminals for elderly or disabled people who
 * cannot come — who, age group, disability, which service, 预约 or 上门, village and group, phone,
 * preferred days — all as text, no map. 办理 opens the booking with its status form (已回电,
 * 约定上门时间, 已上门服务). Oldest waiting first.
 * @fires center-application-open - when a booking is opened
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-home-visit-list')
export class CenterHomeVisitList extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .bar {
        display: flex;
        gap: 1rem;
        align-items: end;
        margin-bottom: 1rem;
      }
      .bar label {
        margin: 0;
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
    `,
  ];

  @state() private _filter: ApplicationState | '' = 'received';

  private readonly _items = new Task(this, {
    task: async ([filter], { signal }): Promise<ApplicationDetail[]> => {
      try {
        const rows = (await listApplicationsOfKind('homeVisit', filter, signal)).slice(0, MAX_ROWS);
        return await Promise.all(rows.map((r) => getApplication(r.centerId, signal)));
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
        throw err;
      }
    },
    args: () => [this._filter] as const,
  });

  private _row(d: ApplicationDetail): TemplateResult {
    const l = homeVisitLines(d.data);
    return html`<tr data-receipt=${d.receiptNo}>
      <td>${d.receiptNo}</td>
      <td>${l.person}</td>
      <td>${l.ageGroup}</td>
      <td>${l.disability}</td>
      <td>${l.service}</td>
      <td>${l.mode}</td>
      <td>${l.address}</td>
      <td>${l.phone}</td>
      <td>${l.days}</td>
      <td>${formatTime(d.receivedAt)}</td>
      <td data-state=${d.state}>${thData(`state.${d.state}`, d.state)}</td>
      <td>
        <button type="button" @click=${() => this.dispatchEvent(new CenterApplicationOpenEvent(d.centerId))}>
          ${th('open')}
        </button>
      </td>
    </tr>`;
  }

  override render(): TemplateResult {
    return html`
      <h2>${th('heading')}</h2>
      <p class="note">${th('intro')}</p>
      <div class="bar">
        <div>
          <label for="filter">${th('filter')}</label>
          <select
            id="filter"
            .value=${this._filter}
            @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as ApplicationState | '')}
          >
            ${FILTERS.map(
              (f) =>
                html`<option value=${f} ?selected=${f === this._filter}>
                  ${f ? thData(`state.${f}`, f) : th('all')}
                </option>`,
            )}
          </select>
        </div>
        <button type="button" class="secondary" @click=${() => void this._items.run()}>${th('refresh')}</button>
      </div>
      ${this._items.render({
        pending: () => html`<p class="note" role="status">${th('loading')}</p>`,
        complete: (items) =>
          items.length
            ? html`<table>
                <thead>
                  <tr>
                    <th>${th('columns.receiptNo')}</th>
                    <th>${th('columns.person')}</th>
                    <th>${th('columns.ageGroup')}</th>
                    <th>${th('columns.disability')}</th>
                    <th>${th('columns.service')}</th>
                    <th>${th('columns.mode')}</th>
                    <th>${th('columns.address')}</th>
                    <th>${th('columns.phone')}</th>
                    <th>${th('columns.days')}</th>
                    <th>${th('columns.receivedAt')}</th>
                    <th>${th('columns.state')}</th>
                    <th><span class="visually-hidden">${th('columns.actions')}</span></th>
                  </tr>
                </thead>
                <tbody>
                  ${items.map((d) => this._row(d))}
                </tbody>
              </table>`
            : html`<p class="note">${th('empty')}</p>`,
        error: () => html`<p class="error" role="alert">${t('errors.network')}</p>`,
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-home-visit-list': CenterHomeVisitList;
  }
}
