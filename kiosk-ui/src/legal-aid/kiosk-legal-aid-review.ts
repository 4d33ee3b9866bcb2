import { css, html, type TemplateResult } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import type { EligibilityDecision } from '../eligibility/types.js';
import '../components/kiosk-step.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary Everything entered, for a last check, with 读给我听 (the matter, the facts and the
 * counts are read; name, ID number and phone are only shown, so bystanders do not hear them).
 * @fires kiosk-legal-aid-answer - reviewConfirmed | back
 */
@customElement('kiosk-legal-aid-review')
export class KioskLegalAidReview extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.5rem 2rem;
        margin: 0;
      }
      /* Landscape: two label–value pairs a row, so the whole review fits in 大字 without paging. */
      @media (orientation: landscape) {
        dl {
          grid-template-columns: max-content 1fr max-content 1fr;
        }
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) decision: EligibilityDecision | null = null;

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.review.voice');
  }

  private _readAloud(): void {
    const t = this._t;
    const a = this.answers;
    this._visit?.speakText(
      t('legalAid.steps.review.spoken', {
        matter: t(legalAidKey(`matter.${a.matterId ?? 'other'}.spoken`)),
        stage: a.stage ? t(legalAidKey(`stage.${a.stage}`)) : '',
        what: a.what,
        urgent: this.decision?.urgency.urgent ? t('legalAid.nav.yes') : t('legalAid.nav.no'),
        photos: a.photos.length,
      }),
    );
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  private _economic(): string {
    const t = this._t;
    const e = this.decision?.economic;
    if (!e) return '';
    if (e.kind === 'checkExempt') return t(legalAidKey(`group.${e.groupId}`));
    if (e.kind === 'noEconomicTest') return t(legalAidKey(`circumstance.${e.circumstanceId}`));
    const income = this.answers.monthlyIncomeYuan;
    return income === null
      ? t('legalAid.decision.economic.pledge')
      : `${t('legalAid.steps.review.income')} ${t('legalAid.steps.review.incomeValue', { income })}`;
  }

  override render() {
    const t = this._t;
    const a = this.answers;
    const row = (label: string, value: string | number | TemplateResult) =>
      html`<dt>${label}</dt>
        <dd>${value}</dd>`;
    return html`<kiosk-step heading-key="legalAid.steps.review.title" @kiosk-step-done=${this._onStepDone}>
      <dl>
        ${row(t('legalAid.steps.review.name'), a.identity?.name ?? '')}
        ${row(t('legalAid.steps.review.idNumber'), html`<span class="num">${maskIdNumber(a.identity?.idNumber ?? '')}</span>`)}
        ${row(t('legalAid.steps.review.phone'), html`<span class="num">${a.phone}</span>`)}
        ${row(t('legalAid.steps.review.matter'), t(legalAidKey(`matter.${a.matterId ?? 'other'}.label`)))}
        ${row(t('legalAid.steps.review.stage'), a.stage ? t(legalAidKey(`stage.${a.stage}`)) : '')}
        ${a.otherParty ? row(t('legalAid.steps.review.otherParty'), a.otherParty) : null}
        ${row(t('legalAid.steps.review.what'), a.what)} ${row(t('legalAid.steps.review.economic'), this._economic())}
        ${row(t('legalAid.steps.review.urgent'), this.decision?.urgency.urgent ? t('legalAid.nav.yes') : t('legalAid.nav.no'))}
        ${row(t('legalAid.steps.review.photos'), t('legalAid.steps.review.photoCount', { count: a.photos.length }))}
      </dl>
      <button slot="actions" type="button" class="secondary" @click=${() => this._readAloud()}>
        ${t('legalAid.steps.review.readAloud')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-review': KioskLegalAidReview;
  }
}
