import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import type { EligibilityDecision } from '../eligibility/types.js';
import type { KioskReviewEditEvent } from '../events/kiosk-review-edit.js';
import { LEGAL_AID_EDIT_STEPS, type LegalAidEditStep } from '../flows/legal-aid-machine.js';
import { clipSpoken, idNumberSpoken, phoneSpoken, type ReviewItem } from '../components/review-read-back.js';
import '../components/kiosk-review-list.js';
import '../components/kiosk-step.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

const isEditStep = (step: string): step is LegalAidEditStep =>
  (LEGAL_AID_EDIT_STEPS as readonly string[]).includes(step);

/**
 * @summary Everything entered, for a last check: one answer a row with 改一下 beside it, and 读给我听
 * reading them one at a time (<kiosk-review-list>). The phone is read digit by digit, the ID number
 * only as masked, the name not at all (a public room); 改一下 opens that answer's step, and the flow
 * comes straight back here.
 * @fires kiosk-legal-aid-answer - reviewConfirmed | editRequested | back
 */
@customElement('kiosk-legal-aid-review')
export class KioskLegalAidReview extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      kiosk-review-list {
        height: 100%;
      }
    `,
  ];

  @property({ attribute: false }) decision: EligibilityDecision | null = null;

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.review.voice');
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  private readonly _onEdit = (e: KioskReviewEditEvent): void => {
    e.stopPropagation();
    if (isEditStep(e.step)) this._emit({ type: 'editRequested', step: e.step });
  };

  /** The economic line as shown, and whether it tells her income (not read aloud then). */
  private _economic(): { text: string; income: boolean } {
    const t = this._t;
    const e = this.decision?.economic;
    if (!e) return { text: '', income: false };
    if (e.kind === 'checkExempt') return { text: t(legalAidKey(`group.${e.groupId}`)), income: false };
    if (e.kind === 'noEconomicTest') return { text: t(legalAidKey(`circumstance.${e.circumstanceId}`)), income: false };
    const income = this.answers.monthlyIncomeYuan;
    return income === null
      ? { text: t('legalAid.decision.economic.pledge'), income: false }
      : {
          text: `${t('legalAid.steps.review.income')} ${t('legalAid.steps.review.incomeValue', { income })}`,
          income: true,
        };
  }

  private _items(): ReviewItem[] {
    const t = this._t;
    const a = this.answers;
    const typed = a.identity?.source === 'typed';
    const identityEdit = typed ? { editStep: 'manualId' } : {};
    const matter = a.matterId ?? 'other';
    const stage = a.stage ? t(legalAidKey(`stage.${a.stage}`)) : '';
    const urgent = this.decision?.urgency.urgent ? t('legalAid.nav.yes') : t('legalAid.nav.no');
    const photos = t('legalAid.steps.review.photoCount', { count: a.photos.length });
    const economic = this._economic();
    const items: ReviewItem[] = [
      {
        id: 'name',
        label: t('legalAid.steps.review.name'),
        value: a.identity?.name ?? '',
        spoken: t('app.review.seeScreen'),
        ...identityEdit,
      },
      {
        id: 'idNumber',
        label: t('legalAid.steps.review.idNumber'),
        value: maskIdNumber(a.identity?.idNumber ?? ''),
        spoken: idNumberSpoken(t, a.identity?.idNumber ?? ''),
        ...identityEdit,
      },
      {
        id: 'phone',
        label: t('legalAid.steps.review.phone'),
        value: a.phone,
        spoken: phoneSpoken(t, a.phone),
        editStep: 'phone',
      },
      {
        id: 'matter',
        label: t('legalAid.steps.review.matter'),
        value: t(legalAidKey(`matter.${matter}.label`)),
        spoken: t(legalAidKey(`matter.${matter}.spoken`)),
        editStep: 'matter',
      },
      { id: 'stage', label: t('legalAid.steps.review.stage'), value: stage, spoken: stage, editStep: 'details' },
    ];
    if (a.otherParty)
      items.push({
        id: 'otherParty',
        label: t('legalAid.steps.review.otherParty'),
        value: a.otherParty,
        spoken: clipSpoken(t, a.otherParty),
        editStep: 'details',
      });
    items.push(
      {
        id: 'what',
        label: t('legalAid.steps.review.what'),
        value: a.what,
        spoken: clipSpoken(t, a.what),
        editStep: 'details',
      },
      {
        id: 'economic',
        label: t('legalAid.steps.review.economic'),
        value: economic.text,
        spoken: economic.income ? t('app.review.seeScreen') : clipSpoken(t, economic.text),
        editStep: 'circumstances',
      },
      { id: 'urgent', label: t('legalAid.steps.review.urgent'), value: urgent, spoken: urgent, editStep: 'urgency' },
      { id: 'photos', label: t('legalAid.steps.review.photos'), value: photos, spoken: photos, editStep: 'documents' },
    );
    return items;
  }

  override render() {
    return html`<kiosk-step heading-key="legalAid.steps.review.title" @kiosk-step-done=${this._onStepDone}>
      <kiosk-review-list .items=${this._items()} @kiosk-review-edit=${this._onEdit}></kiosk-review-list>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-review': KioskLegalAidReview;
  }
}
