import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { citationText, contentLabel, t, type CenterKey } from './i18n.js';
import { consoleStyles } from './styles.js';

const KNOWN = new Set([
  'applicant',
  'proxy',
  'matter',
  'stage',
  'otherParty',
  'facts',
  'urgency',
  'exemption',
  'circumstances',
  'pledge',
  'eligibility',
  'consent',
]);

const obj = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
const str = (v: unknown): string =>
  typeof v === 'string' ? v : v === undefined || v === null ? '' : JSON.stringify(v);
const isArticleNumber = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 1 && (v as number) <= 999;

/**
 * "第三十一条（五）" for a well-formed citation, the raw value as text otherwise: a stored record is
 * shown whatever it holds (records from before the centre checked them, issue 13 item 10).
 */
function citationLabel(c: unknown): string {
  const { article, item } = obj(c);
  if (!isArticleNumber(article)) return str(c);
  return citationText(isArticleNumber(item) ? { article, item } : { article });
}

/**
 * @summary What the applicant entered on the kiosk and the kiosk's pre-check with the articles it
 * cites. Everything is shown as text (Lit escapes it), never as HTML.
 */
@customElement('center-answers')
export class CenterAnswers extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      dl {
        display: grid;
        grid-template-columns: 14rem 1fr;
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
      .citations span {
        display: inline-block;
        border: 1px solid #0b3d91;
        border-radius: 0.3rem;
        padding: 0.1rem 0.5rem;
        margin: 0 0.4rem 0.3rem 0;
      }
    `,
  ];

  /** The application's answers (without documents). */
  @property({ attribute: false }) data: Record<string, unknown> = {};

  private _row(label: CenterKey, value: TemplateResult | string): TemplateResult {
    return html`<dt>${t(label)}</dt>
      <dd>${value || t('detail.none')}</dd>`;
  }

  private _eligibility(): TemplateResult {
    const e = obj(obj(this.data)['eligibility']);
    const citations = (Array.isArray(e['citations']) ? (e['citations'] as unknown[]) : []).map(citationLabel);
    const economic = obj(e['economic']);
    const group =
      typeof economic['groupId'] === 'string'
        ? contentLabel(`group.${economic['groupId']}`, economic['groupId'])
        : str(economic['kind']);
    return html`
      <section class="card" aria-labelledby="elig">
        <h3 id="elig">${t('detail.eligibility')}</h3>
        <dl>
          ${this._row('detail.matter', contentLabel(`matter.${str(e['matterId'])}.label`, str(e['matterId'])))}
          ${group ? this._row('detail.exemption', group) : ''}
          ${this._row('detail.citations', html`<span class="citations">${citations.map((c) => html`<span>${c}</span>`)}</span>`)}
        </dl>
      </section>
    `;
  }

  override render(): TemplateResult {
    const d = obj(this.data);
    const applicant = obj(d['applicant']);
    const proxy = obj(d['proxy']);
    const other = obj(d['otherParty']);
    const urgency = obj(d['urgency']);
    const exemption = obj(d['exemption']);
    const pledge = obj(d['pledge']);
    const matter = str(obj(d['matter'])['code']);
    const circumstances = (Array.isArray(d['circumstances']) ? (d['circumstances'] as unknown[]) : []).map(str);
    const urgent = [
      urgency['deadlineWithin7Days'] === true ? t('detail.deadlineSoon') : '',
      urgency['preservationNeeded'] === true ? t('detail.preservation') : '',
    ]
      .filter(Boolean)
      .join('；');
    const rest = Object.entries(d).filter(([k]) => !KNOWN.has(k));
    return html`
      <section class="card" aria-labelledby="applicant">
        <h3 id="applicant">${t('detail.applicant')}</h3>
        <dl>
          ${this._row('detail.name', str(applicant['name']))}
          ${this._row('detail.idNumber', str(applicant['idNumber']))}
          ${this._row('detail.phone', str(applicant['phone']))}
          ${this._row('detail.address', str(applicant['address']))}
          ${Object.keys(proxy).length ? this._row('detail.proxy', `${str(proxy['name'])}（${str(proxy['role'])}）`) : ''}
        </dl>
      </section>
      <section class="card" aria-labelledby="matter">
        <h3 id="matter">${t('detail.matter')}</h3>
        <dl>
          ${matter ? this._row('detail.matter', contentLabel(`matter.${matter}.label`, matter)) : ''}
          ${d['stage'] ? this._row('detail.stage', contentLabel(`stage.${str(d['stage'])}`, str(d['stage']))) : ''}
          ${Object.keys(other).length ? this._row('detail.otherParty', [str(other['name']), str(other['address'])].filter(Boolean).join('，')) : ''}
          ${this._row('detail.facts', str(d['facts']))} ${this._row('detail.urgency', urgent)}
          ${'exemption' in d ? this._row('detail.exemption', exemption['group'] ? contentLabel(`group.${str(exemption['group'])}`, str(exemption['group'])) : '') : ''}
          ${circumstances.length ? this._row('detail.circumstances', circumstances.map((c) => contentLabel(`circumstance.${c}`, c)).join('；')) : ''}
          ${pledge['accepted'] === true ? this._row('detail.pledge', t('detail.pledged')) : ''}
          ${rest.map(
            ([k, v]) =>
              html`<dt>${k}</dt>
                <dd>${str(v)}</dd>`,
          )}
        </dl>
      </section>
      ${'eligibility' in d ? this._eligibility() : ''}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-answers': CenterAnswers;
  }
}
