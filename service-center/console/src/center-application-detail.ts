import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  KIND_DECIDERS,
  isApplicationKind,
  type ApplicationDetail,
  type StaffRoleName,
} from '@kiosk/contract/staff-api';
import type { StatusDetails } from '@kiosk/contract/kiosk-api';
import { ApiError, changeStatus, documentUrl, getApplication } from './api.js';
import './center-answers.js';
import './center-notarization-detail.js';
import './center-mediation-detail.js';
import './center-home-visit-detail.js';
import './center-status-form.js';
import { CenterBackEvent, CenterSessionLostEvent, type CenterStatusSubmitEvent } from './events.js';
import { dataKey, formatTime, stateLabel, t } from './i18n.js';
import { consoleStyles } from './styles.js';

/**
 * @summary One application: receipt, clock, answers, photos, signature, history and the status
 * change. A change is visible to the terminal at its next status pull.
 * @fires center-back - back to the list
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-application-detail')
export class CenterApplicationDetail extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .photos {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      figure {
        margin: 0;
      }
      figure img {
        max-width: 18rem;
        max-height: 18rem;
        border: 1px solid #888;
        background: #fff;
      }
      .signature img {
        max-width: 24rem;
        background: #fff;
        border: 1px solid #888;
      }
      .meta {
        display: grid;
        grid-template-columns: 16rem 1fr;
        gap: 0.3rem 1rem;
      }
      .state {
        font-size: 1.2rem;
        font-weight: 700;
      }
      ol {
        margin: 0;
        padding-left: 1.5rem;
      }
    `,
  ];

  @state() private _detail: ApplicationDetail | undefined;
  @state() private _error = '';
  @state() private _saved = false;
  @state() private _busy = false;

  /** The centre's id of the application to show. */
  @property() centerId = '';

  /** The login's role: a desk decides its own kinds (KIND_DECIDERS); others read only. Absent: legal-aid staff. */
  @property({ attribute: false }) staffRole: StaffRoleName | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('center-status-submit', (e: CenterStatusSubmitEvent) => void this._change(e));
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('centerId') && this.centerId) void this._load();
  }

  private _failed(err: unknown): string {
    if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
    if (err instanceof ApiError && err.status === 409) return t(dataKey('status.errors', err.code));
    if (err instanceof ApiError && err.status === 403) return t('status.errors.forbidden');
    if (err instanceof ApiError && err.status === 400) return t('status.errors.failed');
    return t('errors.network');
  }

  private async _load(): Promise<void> {
    const id = this.centerId;
    try {
      const detail = await getApplication(id);
      if (id === this.centerId) this._detail = detail;
    } catch (err) {
      this._error = this._failed(err);
    }
  }

  private async _change(e: CenterStatusSubmitEvent): Promise<void> {
    e.stopPropagation();
    this._busy = true;
    this._error = '';
    this._saved = false;
    const version = this._detail?.version;
    try {
      this._detail = await changeStatus(this.centerId, { ...e.change, ...(version !== undefined ? { version } : {}) });
      this._saved = true;
    } catch (err) {
      this._error = this._failed(err);
      // Someone decided first: show what they did before anyone decides again.
      if (err instanceof ApiError && err.code === 'stateChanged') await this._load();
    } finally {
      this._busy = false;
    }
  }

  /** Whether this login decides applications of this kind. */
  private _decides(d: ApplicationDetail): boolean {
    return isApplicationKind(d.kind) && KIND_DECIDERS[d.kind].includes(this.staffRole ?? 'staff');
  }

  /** Who decides this kind, for the read-only note. */
  private _notDecider(d: ApplicationDetail): string {
    const desk = isApplicationKind(d.kind) ? KIND_DECIDERS[d.kind][0] : undefined;
    return desk ? t('detail.notDeciderKind', { desk: t(dataKey('role', desk)) }) : t('detail.notDecider');
  }

  /** The delivery, time and place, or note the state carries (what the villager sees at 查询进度). */
  private _details(x: StatusDetails | undefined): string {
    if (!x) return '';
    const parts = [
      x.delivery ? `${t('detail.delivery')}：${t(`status.deliveries.${x.delivery}`)}` : '',
      x.schedule ? `${t('detail.schedule')}：${formatTime(x.schedule.at)} ${x.schedule.place}` : '',
      x.note ? `${t('detail.note')}：${x.note}` : '',
    ].filter(Boolean);
    return parts.length ? `：${parts.join('；')}` : '';
  }

  private _documents(d: ApplicationDetail): TemplateResult {
    // A notarization request shows its photos in its own section (face crop beside the ID photo).
    const photos = d.kind === 'notarization' ? [] : d.documents.filter((x) => x.role === 'photo');
    const signature = d.documents.find((x) => x.role === 'signature');
    return html`
      <section class="card" aria-labelledby="photos" ?hidden=${!photos.length && d.kind === 'notarization'}>
        <h3 id="photos">${t('detail.photos')}</h3>
        <div class="photos">
          ${photos.map(
            (p) =>
              html`<figure>
                <a href=${documentUrl(d.centerId, 'photo', p.index)} target="_blank" rel="noopener"
                  ><img
                    src=${documentUrl(d.centerId, 'photo', p.index)}
                    alt=${p.label ?? `${t('detail.photos')} ${p.index + 1}`}
                /></a>
                <figcaption>${p.index + 1}. ${p.label ?? ''}</figcaption>
              </figure>`,
          )}
        </div>
      </section>
      ${
        signature
          ? html`<section class="card signature" aria-labelledby="sig">
              <h3 id="sig">${t('detail.signature')}</h3>
              <img src=${documentUrl(d.centerId, 'signature', 0)} alt=${t('detail.signature')} />
            </section>`
          : ''
      }
    `;
  }

  override render(): TemplateResult {
    const d = this._detail;
    if (!d)
      return html`<button type="button" class="secondary" @click=${() => this.dispatchEvent(new CenterBackEvent())}>
          ${t('detail.back')}
        </button>
        <p class="error" role="alert">${this._error}</p>`;
    const notified = d.history.some((h) => h.state === 'needMaterials');
    return html`
      <button type="button" class="secondary" @click=${() => this.dispatchEvent(new CenterBackEvent())}>
        ${t('detail.back')}
      </button>
      <h2>${t('detail.heading')} ${d.receiptNo}</h2>
      <section class="card">
        <p class="state" data-state=${d.state}>${stateLabel(d.kind, d.state)}</p>
        <div class="meta">
          <span>${t('detail.terminal')}</span><span>${d.terminalId}</span> <span>${t('detail.submittedAt')}</span
          ><span>${formatTime(d.submittedAt)}</span> <span>${t('detail.receivedAt')}</span
          ><span>${formatTime(d.receivedAt)}</span>
          ${
            d.decisionDueBy
              ? html`<span>${t(d.kind === 'notarization' ? 'detail.notaryDueBy' : 'detail.dueBy')}</span
                  ><span>${d.decisionDueBy}</span>`
              : ''
          }
          ${d.missingMaterials ? html`<span>${t('detail.missing')}</span><span>${d.missingMaterials.join('；')}</span>` : ''}
          ${d.reason ? html`<span>${t('detail.reason')}</span><span>${d.reason}</span>` : ''}
          ${d.details?.delivery ? html`<span>${t('detail.delivery')}</span><span data-delivery>${t(`status.deliveries.${d.details.delivery}`)}</span>` : ''}
          ${d.details?.schedule ? html`<span>${t('detail.schedule')}</span><span>${formatTime(d.details.schedule.at)} ${d.details.schedule.place}</span>` : ''}
          ${d.details?.note ? html`<span>${t('detail.note')}</span><span>${d.details.note}</span>` : ''}
        </div>
      </section>
      <section class="card" aria-labelledby="status">
        <h3 id="status">${t('status.heading')}</h3>
        ${this._saved ? html`<p class="note" role="status">${t('status.done')}</p>` : ''}
        ${
          this._decides(d)
            ? html`<center-status-form
                .kind=${d.kind}
                .current=${d.state}
                .version=${d.version ?? 0}
                ?materials-notified=${notified}
                ?busy=${this._busy}
                .error=${this._error}
              ></center-status-form>`
            : html`<p class="note">${this._notDecider(d)}</p>`
        }
      </section>
      ${
        d.kind === 'notarization'
          ? html`<center-notarization-detail
              .centerId=${d.centerId}
              .data=${d.data}
              .documents=${d.documents}
            ></center-notarization-detail>`
          : d.kind === 'mediation'
            ? html`<center-mediation-detail .data=${d.data}></center-mediation-detail>`
            : d.kind === 'homeVisit'
              ? html`<center-home-visit-detail .data=${d.data}></center-home-visit-detail>`
              : html`<center-answers .data=${d.data}></center-answers>`
      }
      ${this._documents(d)}
      <section class="card" aria-labelledby="history">
        <h3 id="history">${t('detail.history')}</h3>
        <ol>
          ${d.history.map(
            (h) =>
              html`<li>
                ${formatTime(h.at)}
                ${stateLabel(d.kind, h.state)}${h.by ? `（${h.by}）` : ''}${h.missingMaterials ? `：${h.missingMaterials.join('；')}` : ''}${h.reason ? `：${h.reason}` : ''}${this._details(h.details)}
              </li>`,
          )}
        </ol>
      </section>
      ${this._audit(d)}
    `;
  }

  /** The audit log: every status change with who (and in which role), when, from → to, and why. */
  private _audit(d: ApplicationDetail): TemplateResult | string {
    if (!d.audit?.length) return '';
    return html`<section class="card" aria-labelledby="audit">
      <h3 id="audit">${t('detail.audit')}</h3>
      <ol data-audit>
        ${d.audit.map(
          (a) =>
            html`<li>
              ${t('detail.auditEntry', {
                at: formatTime(a.at),
                by: a.by,
                role: t(dataKey('role', a.role)),
                from: stateLabel(d.kind, a.from),
                to: stateLabel(d.kind, a.to),
              })}${a.missingMaterials ? `：${a.missingMaterials.join('；')}` : ''}${a.reason ? `：${a.reason}` : ''}${this._details(a.details)}
            </li>`,
        )}
      </ol>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-application-detail': CenterApplicationDetail;
  }
}
