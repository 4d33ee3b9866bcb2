import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { LogLines } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { formText } from './admin-form.js';
import { chinaDateTime } from '@kiosk/domain/china-time';
import { t, tDynamic } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

const MAX_LINES = 500;

/** A pino level number in words ("警告"); an unknown level shows as it is. */
const levelName = (level: unknown): string =>
  ['10', '20', '30', '40', '50', '60'].includes(String(level))
    ? tDynamic(`admin.logs.levelNames.${String(level)}`)
    : typeof level === 'string' || typeof level === 'number'
      ? String(level)
      : '';

/**
 * One pino line as "2026-12-02 15:04:05 警告 message {rest}" in China time (the agent logs UTC ISO
 * instants); lines that are not JSON pass through.
 */
export function formatLogLine(line: string): string {
  try {
    const { time, level, msg, ...rest } = JSON.parse(line) as Record<string, unknown>;
    const extra = Object.keys(rest).length ? ` ${JSON.stringify(rest)}` : '';
    const instant = typeof time === 'string' || typeof time === 'number' ? new Date(time) : null;
    const when = instant && !Number.isNaN(instant.getTime()) ? chinaDateTime(instant) : '';
    return `${when} ${levelName(level)} ${typeof msg === 'string' ? msg : ''}${extra}`.trim();
  } catch {
    return line;
  }
}

/**
 * The agent's log (personal data already removed at the source), filterable and live.
 * @summary Log viewer.
 */
@customElement('kiosk-admin-logs')
export class KioskAdminLogs extends LitElement {
  static override styles = adminStyles;

  private _source: EventSource | null = null;
  @state() private _lines: string[] = [];
  @state() private _level = 'info';
  @state() private _q = '';
  @state() private _paused = false;
  @state() private _error = '';
  @property({ attribute: false }) api!: AdminApi;

  override connectedCallback(): void {
    super.connectedCallback();
    void this._reload();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._source?.close();
  }

  private _query(): string {
    const params = new URLSearchParams();
    if (this._level !== 'all') params.set('level', this._level);
    if (this._q) params.set('q', this._q);
    return params.toString();
  }

  private async _reload(): Promise<void> {
    this._source?.close();
    try {
      this._lines = (await this.api.get<LogLines>(`/logs?${this._query()}`, { userAction: true })).lines;
      this._error = '';
    } catch (err) {
      this._error = errorText(err);
    }
    // Live tail: the stream does not keep the login alive.
    this._source = new EventSource(this.api.url(`/logs/stream?${this._query()}`));
    this._source.onmessage = (ev: MessageEvent<string>) => {
      if (this._paused) return;
      this._lines = [...this._lines, ev.data].slice(-MAX_LINES);
    };
  }

  private _apply(ev: SubmitEvent): void {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    this._level = formText(data, 'level');
    this._q = formText(data, 'q');
    void this._reload();
  }

  override render() {
    return html`<section>
      <h1>${t('admin.logs.title')}</h1>
      <p class="muted">${t('admin.logs.hint')}</p>
      <form class="row" @submit=${(e: SubmitEvent) => this._apply(e)}>
        <label
          >${t('admin.logs.level')}
          <select name="level">
            ${(['all', 'info', 'warn', 'error'] as const).map(
              (l) => html`<option value=${l} ?selected=${l === this._level}>${t(`admin.logs.levels.${l}`)}</option>`,
            )}
          </select>
        </label>
        <label>${t('admin.logs.filter')}<input name="q" .value=${this._q} /></label>
        <button class="primary" type="submit">${t('admin.logs.apply')}</button>
        <button class="secondary" type="button" @click=${() => (this._paused = !this._paused)}>
          ${this._paused ? t('admin.logs.resume') : t('admin.logs.pause')}
        </button>
      </form>
      <p class="error">${this._error}</p>
      <pre class="card" aria-live="off">
${this._lines.length ? this._lines.map((l) => `${formatLogLine(l)}\n`) : t('admin.logs.empty')}</pre>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-logs': KioskAdminLogs;
  }
}
