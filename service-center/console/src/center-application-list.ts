import { Task } from '@lit/task';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { APPLICATION_STATES, type ApplicationState, type ApplicationSummary } from '@kiosk/contract/staff-api';
import { ApiError, listApplications } from './api.js';
import { CenterApplicationOpenEvent, CenterSessionLostEvent } from './events.js';
import { formText } from './form-value.js';
import { contentLabel, dataKey, formatTime, notarizationLabel, stateLabel, t } from './i18n.js';
import { consoleStyles } from './styles.js';

/** Every state the centre lists, then 全部. */
const FILTERS: ReadonlyArray<ApplicationState | ''> = [...APPLICATION_STATES, ''];

/**
 * @summary Applications at the centre, filtered by state; urgent ones (Art. 44) first.
 * @fires center-application-open - when a row is opened
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-application-list')
export class CenterApplicationList extends LitElement {
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
      }
      .urgent {
        color: #a00000;
        font-weight: 700;
      }
    `,
  ];

  @state() private _filter: ApplicationState | '' = 'received';
  /** The search as last submitted: receipt number beginning or a part of the name, and the submission date. */
  @state() private _q = '';
  @state() private _date = '';

  /** The page's heading: 申请列表, or the desk's own (公证申请). */
  @property() heading = t('list.heading');

  private readonly _items = new Task(this, {
    task: async ([filter, q, date], { signal }) => {
      try {
        return await listApplications(filter, signal, { q, date });
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
        throw err;
      }
    },
    args: () => [this._filter, this._q, this._date] as const,
  });

  /** A search lists every state (a receipt number is looked for wherever it is); 清除 goes back to 待受理. */
  private _search(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this._q = formText(form, 'q').trim();
    this._date = formText(form, 'date');
    if (this._q || this._date) this._filter = '';
  }

  private _clearSearch(): void {
    this.renderRoot.querySelector<HTMLFormElement>('form[role=search]')?.reset();
    this._q = '';
    this._date = '';
    this._filter = 'received';
  }

  private _searchForm(): TemplateResult {
    return html`<form role="search" class="bar" @submit=${(e: SubmitEvent) => this._search(e)}>
        <div>
          <label for="q">${t('list.searchLabel')}</label>
          <input id="q" name="q" type="search" maxlength="40" aria-describedby="search-hint" autocomplete="off" />
        </div>
        <div>
          <label for="date">${t('list.dateLabel')}</label>
          <input id="date" name="date" type="date" />
        </div>
        <button type="submit">${t('list.search')}</button>
        ${
          this._q || this._date
            ? html`<button type="button" class="secondary" @click=${() => this._clearSearch()}>
                ${t('list.clearSearch')}
              </button>`
            : ''
        }
      </form>
      <p id="search-hint" class="note">${t('list.searchHint')}</p>`;
  }

  private _row(a: ApplicationSummary): TemplateResult {
    return html`
      <tr data-center-id=${a.centerId}>
        <td>${a.receiptNo}</td>
        <td>${a.applicantName ?? ''}</td>
        <td>
          ${t(dataKey('kind', a.kind))}${a.matter ? html` · ${(a.kind === 'notarization' ? notarizationLabel : contentLabel)(`matter.${a.matter}.label`, a.matter)}` : ''}
        </td>
        <td>${formatTime(a.receivedAt)}</td>
        <td>${a.decisionDueBy ?? ''}</td>
        <td>${stateLabel(a.kind, a.state)} ${a.urgent ? html`<span class="urgent">${t('list.urgent')}</span>` : ''}</td>
        <td>
          <button type="button" @click=${() => this.dispatchEvent(new CenterApplicationOpenEvent(a.centerId))}>
            ${t('list.open')}
          </button>
        </td>
      </tr>
    `;
  }

  override render(): TemplateResult {
    return html`
      <h2>${this.heading}</h2>
      <div class="bar">
        <div>
          <label for="filter">${t('list.filter')}</label>
          <select
            id="filter"
            .value=${this._filter}
            @change=${(e: Event) => (this._filter = (e.target as HTMLSelectElement).value as ApplicationState | '')}
          >
            ${FILTERS.map((f) => html`<option value=${f} ?selected=${f === this._filter}>${f ? t(dataKey('state', f)) : t('list.all')}</option>`)}
          </select>
        </div>
        <button type="button" class="secondary" @click=${() => void this._items.run()}>${t('list.refresh')}</button>
      </div>
      ${this._searchForm()}
      ${this._items.render({
        complete: (items) =>
          items.length
            ? html`${this._q || this._date ? html`<p role="status" class="note">${t('list.found', { count: items.length })}</p>` : ''}
                <table>
                  <thead>
                    <tr>
                      <th>${t('list.receiptNo')}</th>
                      <th>${t('list.applicant')}</th>
                      <th>${t('list.matter')}</th>
                      <th>${t('list.receivedAt')}</th>
                      <th>${t('list.dueBy')}</th>
                      <th>${t('list.state')}</th>
                      <th><span class="visually-hidden">${t('list.actions')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    ${items.map((a) => this._row(a))}
                  </tbody>
                </table>`
            : html`<p class="note">${t('list.empty')}</p>`,
        error: () => html`<p class="error" role="alert">${t('errors.network')}</p>`,
      })}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-application-list': CenterApplicationList;
  }
}
