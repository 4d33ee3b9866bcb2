import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatTime, t } from './i18n.js';
import { homeVisitLines, th, type HomeVisitTextKey } from './home-visit-texts.js';
import { consoleStyles } from './styles.js';

/**
 * @summary A 上门服务 booking as the staff read it: who needs the service (name, age group,
 * disability), which service, 预约 or 上门, the address as words (township, village, group), the
 * phone to call back, the preferred days, where it was booked. Everything is text (Lit escapes it).
 */
@customElement('center-home-visit-detail')
export class CenterHomeVisitDetail extends LitElement {
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
        overflow-wrap: anywhere;
      }
    `,
  ];

  /** The booking's answers. */
  @property({ attribute: false }) data: Record<string, unknown> = {};

  private _row(label: HomeVisitTextKey, value: string, field: string): TemplateResult {
    return html`<dt>${th(label)}</dt>
      <dd data-field=${field}>${value || t('detail.none')}</dd>`;
  }

  override render(): TemplateResult {
    const l = homeVisitLines(this.data);
    return html`<section class="card" aria-labelledby="home-visit">
      <h3 id="home-visit">${th('detail.heading')}</h3>
      <p class="note">${th('detail.noIdCard')}</p>
      <dl>
        ${this._row('columns.person', l.person, 'person')} ${this._row('columns.ageGroup', l.ageGroup, 'ageGroup')}
        ${this._row('columns.disability', l.disability, 'disability')}
        ${this._row('columns.service', l.service, 'service')} ${this._row('columns.mode', l.mode, 'mode')}
        ${this._row('columns.address', l.address, 'address')} ${this._row('columns.phone', l.phone, 'phone')}
        ${this._row('columns.days', l.days, 'days')} ${this._row('detail.source', l.source, 'source')}
        ${this._row('detail.consentAt', l.consentAt ? formatTime(l.consentAt) : '', 'consentAt')}
      </dl>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-home-visit-detail': CenterHomeVisitDetail;
  }
}
