import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import { clipSpoken, idNumberSpoken, phoneSpoken, type ReviewItem } from '../components/review-read-back.js';
import '../components/kiosk-review-list.js';
import '../components/kiosk-step.js';
import type { KioskReviewEditEvent } from '../events/kiosk-review-edit.js';
import { MEDIATION_EDIT_STEPS, VILLAGE_ELSEWHERE, type MediationEditStep } from '../flows/mediation-machine.js';
import type { Village } from './mediation-content.js';
import { mediationKey } from './mediation-messages.js';
import { MediationStepBase } from './mediation-step-base.js';

const isEditStep = (step: string): step is MediationEditStep =>
  (MEDIATION_EDIT_STEPS as readonly string[]).includes(step);

/**
 * @summary Everything entered, for a last check before 确认提交: one answer a row with 改一下 beside it,
 * and 读给我听 reading them one at a time (<kiosk-review-list>). Names are not read aloud, the ID
 * number only as masked, phones digit by digit; the committee it goes to is shown and read.
 * @fires kiosk-mediation-answer - reviewConfirmed | editRequested | back
 */
@customElement('kiosk-mediation-review')
export class KioskMediationReview extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      kiosk-review-list {
        height: 100%;
      }
    `,
  ];

  @property({ attribute: false }) villages: Village[] = [];
  /** The committee the application goes to (jurisdiction). */
  @property() committee = '';

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.review.voice');
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  private readonly _onEdit = (e: KioskReviewEditEvent): void => {
    e.stopPropagation();
    if (isEditStep(e.step)) this._emit({ type: 'editRequested', step: e.step });
  };

  private _village(id: string | null): string {
    if (id === VILLAGE_ELSEWHERE) return this._t('mediation.villageOther');
    return this.villages.find((v) => v.id === id)?.name ?? this._t('mediation.unknownValue');
  }

  private _items(): ReviewItem[] {
    const t = this._t;
    const a = this.answers;
    const unknown = t('mediation.unknownValue');
    const item = (id: string, label: string, value: string, editStep?: MediationEditStep): ReviewItem => ({
      id,
      label,
      value,
      spoken: value,
      ...(editStep ? { editStep } : {}),
    });
    const identityEdit = a.identity?.source === 'typed' ? { editStep: 'manualId' } : {};
    const requests = a.requests.join('；');
    const description = a.callMe ? t('mediation.callMeValue') : a.description;
    return [
      {
        id: 'name',
        label: t('mediation.steps.review.applicant'),
        value: a.identity?.name ?? '',
        spoken: t('app.review.seeScreen'),
        ...identityEdit,
      },
      {
        id: 'idNumber',
        label: t('mediation.steps.review.idNumber'),
        value: maskIdNumber(a.identity?.idNumber ?? ''),
        spoken: idNumberSpoken(t, a.identity?.idNumber ?? ''),
        ...identityEdit,
      },
      {
        id: 'phone',
        label: t('mediation.steps.review.phone'),
        value: a.phone,
        spoken: phoneSpoken(t, a.phone),
        editStep: 'phone',
      },
      item('village', t('mediation.steps.review.village'), this._village(a.village), 'village'),
      {
        id: 'otherName',
        label: t('mediation.steps.review.otherName'),
        value: a.otherName ?? unknown,
        spoken: a.otherName ? t('app.review.seeScreen') : unknown,
        editStep: 'otherName',
      },
      item('otherVillage', t('mediation.steps.review.otherVillage'), this._village(a.otherVillage), 'otherVillage'),
      {
        id: 'otherPhone',
        label: t('mediation.steps.review.otherPhone'),
        value: a.otherPhone ?? unknown,
        spoken: a.otherPhone ? phoneSpoken(t, a.otherPhone) : unknown,
        editStep: 'otherPhone',
      },
      item('kind', t('mediation.steps.review.kind'), t(mediationKey(`kind.${a.kind ?? 'other'}`)), 'kind'),
      {
        ...item('requests', t('mediation.steps.review.requests'), requests, 'requests'),
        spoken: clipSpoken(t, requests),
      },
      {
        ...item('description', t('mediation.steps.review.description'), description, 'description'),
        spoken: clipSpoken(t, description),
      },
      item(
        'mark',
        t('mediation.steps.review.mark'),
        t(a.mark?.kind === 'fingerprint' ? 'mediation.steps.review.fingerprint' : 'mediation.steps.review.signed'),
        'mark',
      ),
      item('committee', t('mediation.steps.review.committee'), this.committee),
    ];
  }

  override render() {
    return html`<kiosk-step
      heading-key="mediation.steps.review.title"
      next-key="mediation.steps.review.confirm"
      @kiosk-step-done=${this._onStepDone}
    >
      <kiosk-review-list .items=${this._items()} @kiosk-review-edit=${this._onEdit}></kiosk-review-list>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-review': KioskMediationReview;
  }
}
