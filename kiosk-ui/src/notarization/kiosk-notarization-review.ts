import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { maskIdNumber } from '@kiosk/domain/mask';
import '../components/kiosk-step.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

/**
 * @summary Everything entered, for a last check, with 读给我听 (matter, use, for whom, counts and the
 * interview are read; name, ID number and phone only shown).
 * @fires kiosk-notarization-answer - reviewConfirmed | back
 */
@customElement('kiosk-notarization-review')
export class KioskNotarizationReview extends NotarizationStepBase {
  static override styles = [
    ...NotarizationStepBase.styles,
    css`
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.4rem 2rem;
        margin: 0;
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

  @property() feeNote = '';
  @property({ type: Number, attribute: 'working-days' }) workingDays = 15;

  override firstUpdated(): void {
    this._visit?.speak('notarization.steps.review.voice');
  }

  private _labels() {
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
    return {
      matter: t(notarizationKey(`matter.${a.matterId ?? 'education'}.label`)),
      where,
      use: t(notarizationKey(`use.${a.use ?? 'other'}`)),
      who,
      interview: t(notarizationKey(`interviewKind.${a.interview?.kind === 'now' ? 'now' : 'phone'}`)),
    };
  }

  protected _next(): void {
    this._emit({ type: 'reviewConfirmed' });
  }

  override render() {
    const t = this._t;
    const a = this.answers;
    const l = this._labels();
    const row = (label: string, value: unknown) =>
      html`<dt>${label}</dt>
        <dd>${value}</dd>`;
    return html`<kiosk-step heading-key="notarization.steps.review.title" @kiosk-step-done=${this._onStepDone}>
      <dl>
        ${row(t('notarization.steps.review.matter'), l.matter)} ${row(t('notarization.steps.review.where'), l.where)}
        ${row(t('notarization.steps.review.use'), l.use)} ${row(t('notarization.steps.review.who'), l.who)}
        ${row(t('notarization.steps.review.name'), a.identity?.name ?? '')}
        ${row(t('notarization.steps.review.idNumber'), html`<span class="num">${maskIdNumber(a.identity?.idNumber ?? '')}</span>`)}
        ${row(t('notarization.steps.review.phone'), html`<span class="num">${a.phone}</span>`)}
        ${row(t('notarization.steps.review.liveness'), t('notarization.steps.review.livenessPassed'))}
        ${row(t('notarization.steps.review.photos'), t('notarization.steps.review.photoCount', { count: a.photos.length }))}
        ${row(t('notarization.steps.review.interview'), l.interview)}
        ${row(t('notarization.steps.review.time'), t('notarization.steps.receipt.clock', { days: this.workingDays }))}
        ${row(t('notarization.steps.review.fee'), this.feeNote)}
      </dl>
      <button
        slot="actions"
        type="button"
        class="secondary"
        @click=${() => this._visit?.speakText(t('notarization.steps.review.spoken', { ...l, photos: a.photos.length }))}
      >
        ${t('notarization.steps.review.readAloud')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-review': KioskNotarizationReview;
  }
}
