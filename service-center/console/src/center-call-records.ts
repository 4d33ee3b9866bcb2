import { Task } from '@lit/task';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CallRecord } from '@kiosk/contract/signalling-api';
import { ApiError, listCalls } from './api.js';
import { durationText, referralLabel, topicLabel } from './call-format.js';
import { CenterSessionLostEvent } from './events.js';
import { formatTime, t } from './i18n.js';
import { consoleStyles } from './styles.js';

/**
 * @summary Past video consultations: when, which terminal, topic, length, referral and rating.
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-call-records')
export class CenterCallRecords extends LitElement {
  static override styles = [
    consoleStyles,
    css`
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
      .bar {
        display: flex;
        justify-content: space-between;
        align-items: center;
      }
    `,
  ];

  /** Changing it reloads the list (the desk bumps it after a call or a saved note). */
  @property({ type: Number }) revision = 0;

  private readonly _records = new Task(this, {
    task: async ([_revision], { signal }) => {
      try {
        return await listCalls(signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
        throw err;
      }
    },
    args: () => [this.revision] as const,
  });

  private _row(r: CallRecord): TemplateResult {
    return html`<tr data-call-id=${r.callId}>
      <td>${formatTime(r.startedAt)}</td>
      <td>${r.terminalName ?? r.kioskId}</td>
      <td>${topicLabel(r.note?.topic ?? r.topic)}</td>
      <td>${r.durationS === undefined ? '' : durationText(r.durationS)}</td>
      <td>${r.note ? referralLabel(r.note.referral) : ''}</td>
      <td>${r.rating ?? ''}</td>
      <td class="advice">${r.note ? r.note.advice : html`<span class="note">${t('lawyer.records.missing')}</span>`}</td>
    </tr>`;
  }

  override render(): TemplateResult {
    return html`
      <section class="card" aria-labelledby="records-heading">
        <div class="bar">
          <h3 id="records-heading">${t('lawyer.records.heading')}</h3>
          <button type="button" class="secondary" @click=${() => void this._records.run()}>
            ${t('lawyer.records.refresh')}
          </button>
        </div>
        ${this._records.render({
          complete: (items) =>
            items.length
              ? html`<table>
                  <thead>
                    <tr>
                      <th>${t('lawyer.records.startedAt')}</th>
                      <th>${t('lawyer.records.terminal')}</th>
                      <th>${t('lawyer.records.topic')}</th>
                      <th>${t('lawyer.records.duration')}</th>
                      <th>${t('lawyer.records.referral')}</th>
                      <th>${t('lawyer.records.rating')}</th>
                      <th>${t('lawyer.records.noted')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    ${items.map((r) => this._row(r))}
                  </tbody>
                </table>`
              : html`<p class="note">${t('lawyer.records.empty')}</p>`,
          error: () => html`<p class="error" role="alert">${t('errors.network')}</p>`,
        })}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-call-records': CenterCallRecords;
  }
}
