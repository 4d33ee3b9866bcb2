import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import { idNumberSpoken, phoneSpoken, type ReviewItem } from '../components/review-read-back.js';
import '../components/kiosk-review-list.js';
import '../components/kiosk-step.js';
import type { KioskReviewEditEvent } from '../events/kiosk-review-edit.js';
import { NOTARIZATION_EDIT_STEPS, type NotarizationEditStep } from '../flows/notarization-machine.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';
import { interviewLabel } from './notary-slot-label.js';

const isEditStep = (step: string): step is NotarizationEditStep =>
  (NOTARIZATION_EDIT_STEPS as readonly string[]).includes(step);

/**
 * @summary Everything entered, for a last check: one answer a row with 改一下 beside it, and 读给我听
 * reading them one at a time (<kiosk-review-list>). The phone is read digit by digit, the ID number
 * only as masked, the name not at all; 改一下 opens that answer's step, and the flow comes straight
 * back here.
 * @fires kiosk-notarization-answer - reviewConfirmed | editRequested | back
 */
@customElement('kiosk-notarization-review')
export class KioskNotarizationReview extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      kiosk-review-list {
        height: 100%;
      }
    `,
  ];

  @property() feeNote = '';
  @property({ type: Number, attribute: 'working-days' }) workingDays = 15;

  override firstUpdated(): void {
    this._visit?.speak('notarization.steps.review.voice');
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  private readonly _onEdit = (e: KioskReviewEditEvent): void => {
    e.stopPropagation();
    if (isEditStep(e.step)) this._emit({ type: 'editRequested', step: e.step });
  };

  private _items(): ReviewItem[] {
    const t = this._t;
    const a = this.answers;
    const where =
      a.where === 'abroad'
        ? `${t('notarization.steps.purpose.abroad')}（${t(notarizationKey(`country.${a.country ?? 'other'}`))}）`
        : t('notarization.steps.purpose.domestic');
    const who =
      a.role === 'family'
        ? `${t('notarization.steps.applicant.family')}（${t(notarizationKey(`relation.${a.relation ?? 'other'}`))}）`
        : t('notarization.steps.applicant.self');
    const identityEdit = a.identity?.source === 'typed' ? { editStep: 'manualId' } : {};
    // Read as shown: these are short choices from the lists, never free text.
    const item = (id: string, label: string, value: string, editStep?: NotarizationEditStep): ReviewItem => ({
      id,
      label,
      value,
      spoken: value,
      ...(editStep ? { editStep } : {}),
    });
    return [
      item(
        'matter',
        t('notarization.steps.review.matter'),
        t(notarizationKey(`matter.${a.matterId ?? 'education'}.label`)),
        'matter',
      ),
      item('where', t('notarization.steps.review.where'), where, 'purpose'),
      item('use', t('notarization.steps.review.use'), t(notarizationKey(`use.${a.use ?? 'other'}`)), 'purpose'),
      item('who', t('notarization.steps.review.who'), who, 'applicant'),
      {
        id: 'name',
        label: t('notarization.steps.review.name'),
        value: a.identity?.name ?? '',
        spoken: t('app.review.seeScreen'),
        ...identityEdit,
      },
      {
        id: 'idNumber',
        label: t('notarization.steps.review.idNumber'),
        value: maskIdNumber(a.identity?.idNumber ?? ''),
        spoken: idNumberSpoken(t, a.identity?.idNumber ?? ''),
        ...identityEdit,
      },
      {
        id: 'phone',
        label: t('notarization.steps.review.phone'),
        value: a.phone,
        spoken: phoneSpoken(t, a.phone),
        editStep: 'phone',
      },
      item('liveness', t('notarization.steps.review.liveness'), t('notarization.steps.review.livenessPassed')),
      item(
        'photos',
        t('notarization.steps.review.photos'),
        t('notarization.steps.review.photoCount', { count: a.photos.length }),
        'documents',
      ),
      item('interview', t('notarization.steps.review.interview'), interviewLabel(t, a.interview), 'interview'),
      item(
        'time',
        t('notarization.steps.review.time'),
        t('notarization.steps.receipt.clock', { days: this.workingDays }),
      ),
      item('fee', t('notarization.steps.review.fee'), this.feeNote),
    ];
  }

  override render() {
    return html`<kiosk-step heading-key="notarization.steps.review.title" @kiosk-step-done=${this._onStepDone}>
      <kiosk-review-list .items=${this._items()} @kiosk-review-edit=${this._onEdit}></kiosk-review-list>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-review': KioskNotarizationReview;
  }
}
