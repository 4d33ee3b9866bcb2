import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CountyQueueSummary, QueueEntry } from '@kiosk/contract/signalling-api';
import { durationText, topicLabel } from './call-format.js';
import { CenterTakeNextEvent } from './events.js';
import { t } from './i18n.js';
import { consoleStyles } from './styles.js';

/**
 * @summary The villagers waiting for a lawyer, oldest first: terminal, topic and how long each has
 * waited (counting on every second between the centre's updates); for province staff, the county too.
 * @fires center-take-next - when the lawyer takes the next caller
 */
@customElement('center-call-queue')
export class CenterCallQueue extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      table {
        width: 100%;
        border-collapse: collapse;
        background: #fff;
        margin-bottom: 1rem;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem 0.6rem;
        border-bottom: 1px solid #bbb;
      }
      .take {
        font-size: 1.2rem;
      }
    `,
  ];

  private _ticker: ReturnType<typeof setInterval> | undefined;

  @state() private _now = Date.now();

  /** The queue as the centre last sent it. */
  @property({ attribute: false }) queue: QueueEntry[] = [];
  /** Date.now() when `queue` arrived. */
  @property({ type: Number }) receivedAt = 0;
  /** Taking a caller is possible (online, no call in progress). */
  @property({ type: Boolean, attribute: 'can-take' }) canTake = false;
  /** Province staff of a centre with several counties: every county (its name); empty otherwise. */
  @property({ attribute: false }) counties: CountyQueueSummary[] = [];

  override connectedCallback(): void {
    super.connectedCallback();
    this._ticker = setInterval(() => (this._now = Date.now()), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this._ticker);
  }

  private _county(entry: QueueEntry): string {
    const county = this.counties.find((c) => c.county === entry.county);
    return county?.name ?? entry.county ?? '';
  }

  private _waiting(entry: QueueEntry): string {
    return durationText(entry.waitingS + Math.max(0, this._now - this.receivedAt) / 1000);
  }

  override render(): TemplateResult {
    return html`
      <section class="card" aria-labelledby="queue-heading">
        <h3 id="queue-heading">${t('lawyer.queue.heading')}</h3>
        ${
          this.queue.length
            ? html`<table>
                <thead>
                  <tr>
                    ${this.counties.length ? html`<th>${t('lawyer.queue.county')}</th>` : ''}
                    <th>${t('lawyer.queue.terminal')}</th>
                    <th>${t('lawyer.queue.topic')}</th>
                    <th>${t('lawyer.queue.waiting')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${this.queue.map(
                    (e) =>
                      html`<tr data-ticket=${e.ticket}>
                        ${this.counties.length ? html`<td>${this._county(e)}</td>` : ''}
                        <td>${e.terminalName ?? e.kioskId}</td>
                        <td>${topicLabel(e.topic)}</td>
                        <td class="waiting">${this._waiting(e)}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
            : html`<p class="note">${t('lawyer.queue.empty')}</p>`
        }
        <button
          type="button"
          class="take"
          ?disabled=${!this.canTake || this.queue.length === 0}
          @click=${() => this.dispatchEvent(new CenterTakeNextEvent())}
        >
          ${t('lawyer.queue.takeNext')}
        </button>
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-call-queue': CenterCallQueue;
  }
}
