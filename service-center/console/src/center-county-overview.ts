import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CountyQueueSummary } from '@kiosk/contract/signalling-api';
import { durationText } from './call-format.js';
import { CenterTakeNextEvent } from './events.js';
import { t } from './i18n.js';
import { consoleStyles } from './styles.js';

/**
 * @summary Province staff's view of every county's queue (issue 14 item 2): how many wait, the
 * longest wait, the county's own lawyers online, and a button to take that county's next caller.
 * @fires center-take-next - with the county, when she helps that county
 */
@customElement('center-county-overview')
export class CenterCountyOverview extends LitElement {
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
      }
      td.number {
        font-variant-numeric: tabular-nums;
      }
      tr.unserved td.lawyers {
        color: #a00;
        font-weight: 700;
      }
    `,
  ];

  /** Each county as the centre last sent it. */
  @property({ attribute: false }) counties: CountyQueueSummary[] = [];
  /** Taking a caller is possible (online, no call in progress). */
  @property({ type: Boolean, attribute: 'can-take' }) canTake = false;

  override render(): TemplateResult {
    return html`
      <section class="card" aria-labelledby="counties-heading">
        <h3 id="counties-heading">${t('lawyer.counties.heading')}</h3>
        <table>
          <thead>
            <tr>
              <th>${t('lawyer.counties.county')}</th>
              <th>${t('lawyer.counties.waiting')}</th>
              <th>${t('lawyer.counties.longest')}</th>
              <th>${t('lawyer.counties.lawyers')}</th>
              <th></th>
            </tr>
          </thead>
          <tbody>
            ${this.counties.map((c) => {
              const name = c.name ?? c.county;
              return html`<tr data-county=${c.county} class=${c.waiting > 0 && c.lawyersOnline === 0 ? 'unserved' : ''}>
                <td>${name}</td>
                <td class="number">${c.waiting}</td>
                <td class="number">${c.waiting ? durationText(c.longestWaitS) : '—'}</td>
                <td class="number lawyers">${c.lawyersOnline}</td>
                <td>
                  <button
                    type="button"
                    class="secondary"
                    aria-label=${t('lawyer.counties.takeLabel', { name })}
                    ?disabled=${!this.canTake || c.waiting === 0}
                    @click=${() => this.dispatchEvent(new CenterTakeNextEvent(c.county))}
                  >
                    ${t('lawyer.counties.take')}
                  </button>
                </td>
              </tr>`;
            })}
          </tbody>
        </table>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-county-overview': CenterCountyOverview;
  }
}
