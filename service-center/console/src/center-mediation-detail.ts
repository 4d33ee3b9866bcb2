import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatTime, t } from './i18n.js';
import { disputeKindLabel, tm, type MediationKey } from './mediation-texts.js';
import { consoleStyles } from './styles.js';

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/**
 * @summary A people's mediation application as the committee reads it: the dispute kind, the
 * committee it was routed to, the applicant and the other party (or 不知道), the requests, the
 * description — or, for an oral application, 请回电 — and how she confirmed (signature or 按手印).
 * Everything is text (Lit escapes it).
 */
@customElement('center-mediation-detail')
export class CenterMediationDetail extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: 12rem 1fr;
        gap: 0.4rem 1rem;
        margin: 0;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        white-space: pre-wrap;
        overflow-wrap: anywhere;
      }
      ol {
        margin: 0;
        padding-left: 1.5rem;
      }
      .callback {
        font-weight: 700;
      }
    `,
  ];

  /** The application's answers (without documents). */
  @property({ attribute: false }) data: Record<string, unknown> = {};

  private _row(label: MediationKey, value: TemplateResult | string, attr = ''): TemplateResult {
    return html`<dt>${tm(label)}</dt>
      <dd data-field=${attr || label}>${value || t('detail.none')}</dd>`;
  }

  private _party(p: Record<string, unknown>, other: boolean): TemplateResult {
    const name = other && p['nameUnknown'] === true ? tm('unknown') : str(p['name']);
    const village = str(p['village']) || (other && p['villageUnknown'] === true ? tm('unknown') : '');
    const phone = str(p['phone']) || (other ? tm('unknown') : '');
    return html`<dl>
      ${html`<dt>${t('detail.name')}</dt>
        <dd>${name || t('detail.none')}</dd>`}
      ${
        other
          ? ''
          : html`<dt>${t('detail.idNumber')}</dt>
              <dd>${str(p['idNumber']) || t('detail.none')}</dd>`
      }
      <dt>${t('detail.phone')}</dt>
      <dd>${phone || t('detail.none')}</dd>
      <dt>${tm('village')}</dt>
      <dd>${village || t('detail.none')}</dd>
    </dl>`;
  }

  private _mark(d: Record<string, unknown>): string {
    if (d['mark'] === 'fingerprint') {
      const at = str(d['markedAt']);
      return at ? tm('fingerprint', { at: formatTime(at) }) : tm('fingerprintNoTime');
    }
    return d['mark'] === 'signature' ? tm('signature') : '';
  }

  override render(): TemplateResult {
    const d = obj(this.data);
    const requests = strings(d['requests']);
    const consentAt = str(obj(d['consent'])['at']);
    return html`
      <section class="card" aria-labelledby="mediation-request">
        <h3 id="mediation-request">${tm('request')}</h3>
        <dl>
          ${this._row('kind', disputeKindLabel(str(d['disputeKind'])))}
          ${this._row('committee', str(d['committeeName']) || str(d['committee']))}
          ${this._row(
            'requests',
            requests.length
              ? html`<ol>
                  ${requests.map((r) => html`<li>${r}</li>`)}
                </ol>`
              : '',
          )}
          ${
            d['callMe'] === true
              ? this._row('description', html`<span class="callback">${tm('callMe')}</span>`, 'callMe')
              : this._row('description', str(d['description']))
          }
          ${this._row('mark', this._mark(d))}
          ${consentAt ? this._row('consent', tm('consentAt', { at: formatTime(consentAt) })) : ''}
        </dl>
        <p class="note">${tm('contactNote')}</p>
      </section>
      <section class="card" aria-labelledby="mediation-applicant">
        <h3 id="mediation-applicant">${tm('applicant')}</h3>
        ${this._party(obj(d['applicant']), false)}
      </section>
      <section class="card" aria-labelledby="mediation-other">
        <h3 id="mediation-other">${tm('otherParty')}</h3>
        ${this._party(obj(d['otherParty']), true)}
      </section>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-mediation-detail': CenterMediationDetail;
  }
}
