import { Task } from '@lit/task';
import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement } from 'lit/decorators.js';
import type { SatisfactionCounts } from '@kiosk/contract/staff-api';
import { ApiError, getSatisfaction } from './api.js';
import { CenterSessionLostEvent } from './events.js';
import { t } from './i18n.js';
import { th, thData } from './home-visit-texts.js';
import { consoleStyles } from './styles.js';

/** Columns from 很满意 down to 很不满意. */
const SCORES = [5, 4, 3, 2, 1] as const;

/**
 * @summary 满意度 (好差评): how many times each service was rated 很满意 … 很不满意, overall and per
 * terminal, with the count and the mean. Counts only: nobody is named.
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-satisfaction')
export class CenterSatisfaction extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
        margin-bottom: 1.5rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem 0.6rem;
        border-bottom: 1px solid #bbb;
      }
      td.n {
        text-align: right;
        font-variant-numeric: tabular-nums;
      }
    `,
  ];

  private readonly _table = new Task(this, {
    task: async (_args, { signal }) => {
      try {
        return await getSatisfaction(signal);
      } catch (err) {
        if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
        throw err;
      }
    },
    args: () => [] as const,
  });

  private _cells(c: SatisfactionCounts): TemplateResult {
    return html`${SCORES.map((s) => html`<td class="n" data-score=${s}>${c.counts[s - 1]}</td>`)}
      <td class="n" data-total>${c.total}</td>
      <td class="n" data-average>${c.average.toFixed(1)}</td>`;
  }

  private _head(first: TemplateResult): TemplateResult {
    return html`<thead>
      <tr>
        ${first} ${SCORES.map((s) => html`<th>${thData(`satisfaction.scores.s${s}`, String(s))}</th>`)}
        <th>${th('satisfaction.total')}</th>
        <th>${th('satisfaction.average')}</th>
      </tr>
    </thead>`;
  }

  private _service(id: string): string {
    return thData(`satisfaction.services.${id}`, id);
  }

  override render(): TemplateResult {
    return html`<h2>${th('satisfaction.heading')}</h2>
      <p class="note">${th('satisfaction.intro')}</p>
      <button type="button" class="secondary" @click=${() => void this._table.run()}>${th('refresh')}</button>
      ${this._table.render({
        complete: (table) =>
          table.byTerminal.length
            ? html`<h3 id="by-service">${th('satisfaction.byService')}</h3>
                <table aria-labelledby="by-service" data-table="service">
                  ${this._head(html`<th>${th('satisfaction.service')}</th>`)}
                  <tbody>
                    ${table.byService.map(
                      (c) =>
                        html`<tr data-service=${c.service}>
                          <td>${this._service(c.service)}</td>
                          ${this._cells(c)}
                        </tr>`,
                    )}
                  </tbody>
                </table>
                <h3 id="by-terminal">${th('satisfaction.byTerminal')}</h3>
                <table aria-labelledby="by-terminal" data-table="terminal">
                  ${this._head(
                    html`<th>${th('satisfaction.terminal')}</th>
                      <th>${th('satisfaction.service')}</th>`,
                  )}
                  <tbody>
                    ${table.byTerminal.map(
                      (c) =>
                        html`<tr data-terminal=${c.terminalId} data-service=${c.service}>
                          <td>${c.terminalId}</td>
                          <td>${this._service(c.service)}</td>
                          ${this._cells(c)}
                        </tr>`,
                    )}
                  </tbody>
                </table>`
            : html`<p class="note">${th('satisfaction.empty')}</p>`,
        error: () => html`<p class="error" role="alert">${t('errors.network')}</p>`,
      })}`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-satisfaction': CenterSatisfaction;
  }
}
