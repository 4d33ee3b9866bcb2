import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  NOTARY_SLOT_LENGTHS,
  NOTARY_SLOT_MAX_CAPACITY,
  NOTARY_SLOT_MAX_RUN,
  type NotaryInterview,
  type NotarySlot,
  type PublishNotarySlots,
} from '@kiosk/contract/notary-api';
import { chinaDate } from '@kiosk/domain/china-time';
import { ApiError, listNotaryInterviews, listNotarySlots, publishNotarySlots, withdrawNotarySlot } from './api.js';
import { CenterSessionLostEvent } from './events.js';
import { notarizationLabel } from './i18n.js';
import { chinaSlotTime, tn, type NotaryKey } from './notary-texts.js';
import { consoleStyles } from './styles.js';

/** "09:30" of an instant, China time. */
const chinaClock = (iso: string): string => chinaSlotTime(iso).split(' ')[1] ?? iso;

/** A text field of a submitted form ('' when absent or a file). */
const field = (data: FormData, name: string): string => {
  const v = data.get(name);
  return typeof v === 'string' ? v : '';
};

/** The words for a refused request. */
function errorKey(err: unknown, when: 'publish' | 'withdraw' | 'load'): NotaryKey {
  if (!(err instanceof ApiError)) return 'slots.errors.failed';
  if (err.status === 0) return 'slots.errors.network';
  if (err.status === 403) return 'slots.errors.forbidden';
  if (err.status === 409) return when === 'publish' ? 'slots.errors.overlap' : 'slots.errors.booked';
  if (err.status === 404 && when === 'withdraw') return 'slots.errors.notFound';
  if (err.status === 400) return 'slots.errors.invalid';
  return when === 'load' ? 'slots.errors.load' : 'slots.errors.failed';
}

/**
 * @summary The notary office's interview slots (issue 12): publish a run of slots for a date (first
 * start, length, how many in a row, seats each), the slots of a date with their booked, held and
 * free seats, 撤回 for a slot nobody booked or holds, and the interviews booked that day (time,
 * receipt number, matter, terminal). Refusals are said in words (overlap, booked, not allowed).
 * Only a notary publishes and withdraws; an administrator reads.
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-notary-slots')
export class CenterNotarySlots extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      form.publish {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0 1.5rem;
        align-items: end;
      }
      form.publish .actions {
        grid-column: 1 / -1;
        margin-top: 1rem;
      }
      form.publish input,
      form.publish select {
        width: 100%;
      }
      .day {
        display: flex;
        gap: 1rem;
        align-items: end;
        flex-wrap: wrap;
      }
      .day label {
        margin: 0 0 0.25rem;
      }
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid #c8c8c8;
      }
      td.num {
        font-variant-numeric: tabular-nums;
      }
      .ok {
        color: #0a5a1e;
        font-weight: 600;
      }
    `,
  ];

  /** Whether this staff member may publish and withdraw (a notary); an administrator only reads. */
  @property({ type: Boolean, attribute: 'can-edit' }) canEdit = false;

  @state() private _day = chinaDate(Date.now());
  @state() private _slots: NotarySlot[] | null = null;
  @state() private _interviews: NotaryInterview[] | null = null;
  @state() private _loadError: NotaryKey | null = null;
  @state() private _publishError: NotaryKey | null = null;
  @state() private _publishDone = '';
  @state() private _rowMessage: { ok: boolean; text: string } | null = null;
  @state() private _busy = false;

  private _abort: AbortController | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._load();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
  }

  private _sessionLost(err: unknown): boolean {
    if (err instanceof ApiError && err.status === 401) {
      this.dispatchEvent(new CenterSessionLostEvent());
      return true;
    }
    return false;
  }

  private async _load(): Promise<void> {
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    const day = this._day;
    try {
      const [slots, interviews] = await Promise.all([
        listNotarySlots(day, 1, abort.signal),
        listNotaryInterviews(day, abort.signal),
      ]);
      if (abort.signal.aborted) return;
      this._slots = slots.items.filter((s) => !s.withdrawnAt).sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      this._interviews = [...interviews.items].sort((a, b) => a.startsAt.localeCompare(b.startsAt));
      this._loadError = null;
    } catch (err) {
      if (abort.signal.aborted || this._sessionLost(err)) return;
      this._loadError = errorKey(err, 'load');
    }
  }

  private async _publish(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    if (this._busy) return;
    const form = e.target as HTMLFormElement;
    const data = new FormData(form);
    const run: PublishNotarySlots = {
      date: field(data, 'date'),
      start: field(data, 'start'),
      lengthMin: Number(field(data, 'lengthMin')) as PublishNotarySlots['lengthMin'],
      count: Number(field(data, 'count')),
      capacity: Number(field(data, 'capacity')),
    };
    this._busy = true;
    this._publishError = null;
    this._publishDone = '';
    try {
      const out = await publishNotarySlots(run);
      const first = out.items.map((s) => s.startsAt).sort()[0];
      this._publishDone = tn('slots.publish.done', {
        count: out.items.length,
        first: first ? chinaSlotTime(first) : run.date,
      });
      this._day = run.date;
      await this._load();
    } catch (err) {
      if (!this._sessionLost(err)) this._publishError = errorKey(err, 'publish');
    } finally {
      this._busy = false;
    }
  }

  private async _withdraw(slot: NotarySlot): Promise<void> {
    if (this._busy) return;
    this._busy = true;
    this._rowMessage = null;
    try {
      await withdrawNotarySlot(slot.slotId);
      this._rowMessage = { ok: true, text: tn('slots.list.withdrawn', { time: chinaSlotTime(slot.startsAt) }) };
    } catch (err) {
      if (!this._sessionLost(err)) this._rowMessage = { ok: false, text: tn(errorKey(err, 'withdraw')) };
    } finally {
      this._busy = false;
    }
    await this._load();
  }

  private _showDay(e: SubmitEvent): void {
    e.preventDefault();
    const value = field(new FormData(e.target as HTMLFormElement), 'day');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return;
    this._day = value;
    this._rowMessage = null;
    void this._load();
  }

  private _publishForm(): TemplateResult {
    return html`<section class="card" aria-labelledby="publish-heading">
      <h3 id="publish-heading">${tn('slots.publish.heading')}</h3>
      <form class="publish" @submit=${(e: SubmitEvent) => void this._publish(e)}>
        <div>
          <label for="p-date">${tn('slots.publish.date')}</label>
          <input id="p-date" name="date" type="date" required .value=${this._day} />
        </div>
        <div>
          <label for="p-start">${tn('slots.publish.start')}</label>
          <input id="p-start" name="start" type="time" required min="07:00" max="20:45" step="300" value="09:00" />
        </div>
        <div>
          <label for="p-length">${tn('slots.publish.length')}</label>
          <select id="p-length" name="lengthMin">
            ${NOTARY_SLOT_LENGTHS.map(
              (min) =>
                html`<option value=${min} ?selected=${min === 30}>
                  ${tn('slots.publish.lengthOption', { min })}
                </option>`,
            )}
          </select>
        </div>
        <div>
          <label for="p-count">${tn('slots.publish.count')}</label>
          <input id="p-count" name="count" type="number" required min="1" max=${NOTARY_SLOT_MAX_RUN} value="4" />
        </div>
        <div>
          <label for="p-capacity">${tn('slots.publish.capacity')}</label>
          <input
            id="p-capacity"
            name="capacity"
            type="number"
            required
            min="1"
            max=${NOTARY_SLOT_MAX_CAPACITY}
            value="1"
          />
        </div>
        <div class="actions">
          <button type="submit" ?disabled=${this._busy || !this.canEdit}>${tn('slots.publish.submit')}</button>
        </div>
      </form>
      ${this._publishError ? html`<p class="error" role="alert">${tn(this._publishError)}</p>` : ''}
      ${this._publishDone ? html`<p class="ok" role="status">${this._publishDone}</p>` : ''}
    </section>`;
  }

  private _slotTable(): TemplateResult {
    const slots = this._slots;
    return html`<section class="card" aria-labelledby="slots-heading">
      <h3 id="slots-heading">${tn('slots.list.heading', { date: this._day })}</h3>
      <form class="day" @submit=${(e: SubmitEvent) => this._showDay(e)}>
        <div>
          <label for="day">${tn('slots.list.date')}</label>
          <input id="day" name="day" type="date" required .value=${this._day} />
        </div>
        <button type="submit" class="secondary">${tn('slots.list.show')}</button>
      </form>
      ${this._loadError ? html`<p class="error" role="alert">${tn(this._loadError)}</p>` : ''}
      ${this._rowMessage ? html`<p class=${this._rowMessage.ok ? 'ok' : 'error'} role="alert">${this._rowMessage.text}</p>` : ''}
      ${
        !slots
          ? ''
          : slots.length === 0
            ? html`<p role="status">${tn('slots.list.empty')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${tn('slots.list.time')}</th>
                    <th scope="col">${tn('slots.list.length')}</th>
                    <th scope="col">${tn('slots.list.capacity')}</th>
                    <th scope="col">${tn('slots.list.booked')}</th>
                    <th scope="col">${tn('slots.list.held')}</th>
                    <th scope="col">${tn('slots.list.free')}</th>
                    <th scope="col">${tn('slots.list.action')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${slots.map((s) => {
                    const free = Math.max(0, s.capacity - s.booked - s.held);
                    const time = chinaSlotTime(s.startsAt);
                    return html`<tr data-slot=${s.slotId}>
                      <td>${chinaClock(s.startsAt)}</td>
                      <td>${tn('slots.list.minutes', { min: s.lengthMin })}</td>
                      <td class="num">${s.capacity}</td>
                      <td class="num" data-booked>${s.booked}</td>
                      <td class="num">${s.held}</td>
                      <td class="num" data-free>${free}</td>
                      <td>
                        ${
                          this.canEdit
                            ? html`<button
                                type="button"
                                class="secondary"
                                ?disabled=${this._busy}
                                aria-label=${tn('slots.list.withdrawLabel', { time })}
                                @click=${() => void this._withdraw(s)}
                              >
                                ${tn('slots.list.withdraw')}
                              </button>`
                            : ''
                        }
                      </td>
                    </tr>`;
                  })}
                </tbody>
              </table>`
      }
    </section>`;
  }

  private _bookedTable(): TemplateResult {
    const rows = this._interviews;
    return html`<section class="card" aria-labelledby="booked-heading">
      <h3 id="booked-heading">${tn('slots.booked.heading', { date: this._day })}</h3>
      ${
        !rows
          ? ''
          : rows.length === 0
            ? html`<p role="status">${tn('slots.booked.empty')}</p>`
            : html`<table>
                <thead>
                  <tr>
                    <th scope="col">${tn('slots.booked.time')}</th>
                    <th scope="col">${tn('slots.booked.receiptNo')}</th>
                    <th scope="col">${tn('slots.booked.matter')}</th>
                    <th scope="col">${tn('slots.booked.terminal')}</th>
                  </tr>
                </thead>
                <tbody>
                  ${rows.map(
                    (r) =>
                      html`<tr data-receipt=${r.receiptNo}>
                        <td>${chinaSlotTime(r.startsAt)}</td>
                        <td>${r.receiptNo}</td>
                        <td>${r.matter ? notarizationLabel(`matter.${r.matter}.label`, r.matter) : ''}</td>
                        <td>${r.terminalId}</td>
                      </tr>`,
                  )}
                </tbody>
              </table>`
      }
    </section>`;
  }

  override render(): TemplateResult {
    return html`
      <h2>${tn('slots.heading')}</h2>
      <p class="note">${tn('slots.intro')}</p>
      ${this.canEdit ? this._publishForm() : ''} ${this._slotTable()} ${this._bookedTable()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-notary-slots': CenterNotarySlots;
  }
}
