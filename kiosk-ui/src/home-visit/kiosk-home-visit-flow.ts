import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { sendRating } from '../data/rating.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import type { KioskSatisfactionRateEvent } from '../events/kiosk-satisfaction-rate.js';
import {
  COUNTED_HOME_VISIT_STEPS,
  HOME_VISIT_MODES,
  HOME_VISIT_SERVICES,
  initialHomeVisitState,
  isHomeVisitSource,
  maskPhone,
  nextHomeVisit,
  type HomeVisitEvent,
  type HomeVisitState,
} from '../flows/home-visit-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { textRuns } from '../i18n/say.js';
import type { LegalAidAnswerEvent } from '../legal-aid/legal-aid-answer-event.js';
import { reprintReceipt } from '../legal-aid/legal-aid-data.js';
import { notaryCountyFor } from '../notarization/catalogue.js';
import { tokens } from '../styles/tokens.js';
import type { HomeVisitAnswerEvent } from './home-visit-answer-event.js';
import { printHomeVisitReceipt, submitHomeVisit } from './home-visit-data.js';
import { nextDays, type OfferedDay } from './home-visit-days.js';
import { homeVisitKey } from './home-visit-messages.js';
import './home-visit-steps.js';
import { toHomeVisitData, toHomeVisitReceipt } from './home-visit-submission.js';
import type { HomeVisitOption } from './kiosk-home-visit-choice.js';
import type { HomeVisitReviewRow } from './kiosk-home-visit-review.js';
import { villageById, villagesFor, type Village } from './villages.js';

const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');

/**
 * @summary 绿色通道 预约/上门 (法律援助法 Art. 45): a relative or neighbour books a call-back and a visit
 * for an elderly or disabled person who cannot come — no ID card of that person. The one owner of the
 * flow state (style R3): feeds the steps' events into the pure `nextHomeVisit`, submits through the
 * outbox (kind homeVisit), prints the home-visit-receipt, then asks for a rating (counts only). The
 * shell sets `data-service` to `homeVisit.<source>` when a service's first screen offered it.
 * @fires kiosk-flow-exit - home | done
 */
@customElement('kiosk-home-visit-flow')
export class KioskHomeVisitFlow extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
        box-sizing: border-box;
      }
      .progress {
        margin: 0 0 0.25rem;
      }
      .step {
        flex: 1 1 auto;
        min-height: 0;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: uiConfigContext, subscribe: true })
  @state()
  private _config: UiConfig = DEFAULT_UI_CONFIG;

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _flow: HomeVisitState = initialHomeVisitState();
  private _round = 0;
  private _days: OfferedDay[] = nextDays(new Date());
  private _clientId = newClientId();
  private _abort = new AbortController();
  private _unsubscribeVisitEnd: (() => void) | undefined;

  /** The current state (read-only; tests and the shell's screen walk read the step). */
  get flowState(): HomeVisitState {
    return this._flow;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    const source = (this.dataset['service'] ?? '').split('.')[1];
    if (isHomeVisitSource(source) && this._flow.step === 'person' && this._flow.history.length === 0)
      this._flow = initialHomeVisitState(source);
    this.addEventListener('kiosk-home-visit-answer', this._onAnswer);
    this.addEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.addEventListener('kiosk-satisfaction-rate', this._onRate);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-home-visit-answer', this._onAnswer);
    this.removeEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.removeEventListener('kiosk-satisfaction-rate', this._onRate);
    this.removeEventListener('kiosk-back-request', this._onBackRequest);
    this._unsubscribeVisitEnd?.();
    this._abort.abort();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_visit') && this._visit) {
      this._unsubscribeVisitEnd?.();
      this._unsubscribeVisitEnd = this._visit.onVisitEnd(() => this._dispatch({ type: 'reset' }));
    }
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('_flow') as HomeVisitState | undefined;
    if (!changed.has('_flow')) return;
    const f = this._flow;
    if (f.step === 'exited') this.dispatchEvent(new KioskFlowExitEvent('home'));
    if (f.step === 'submitting' && previous?.step === 'review') this._clientId = newClientId();
    const startedSubmitting =
      f.step === 'submitting' && !f.submitError && (previous?.step !== 'submitting' || previous.submitError);
    if (startedSubmitting) void this._submit();
    if (f.step === 'receipt' && f.print.kind === 'idle') this._dispatch({ type: 'printStarted' });
    if (f.step === 'receipt' && f.print.kind === 'printing' && previous?.print.kind !== 'printing')
      void this._print(previous?.print.kind === 'paperOut' ? previous.print.heldJobId : null);
    if (f.step === 'done' && previous?.step === 'rating' && f.rating !== null)
      void sendRating('homeVisit', f.rating, this._abort.signal);
  }

  private _dispatch(event: HomeVisitEvent): void {
    const next = nextHomeVisit(this._flow, event);
    if (next === this._flow) return;
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: HomeVisitAnswerEvent): void => {
    e.stopPropagation();
    this._dispatch(e.detail);
  };

  /** The reused legal-aid submitting step reports 再试一次. */
  private readonly _onSharedAnswer = (e: LegalAidAnswerEvent): void => {
    e.stopPropagation();
    if (e.detail.type === 'retrySubmit') this._dispatch({ type: 'retrySubmit' });
  };

  private readonly _onRate = (e: KioskSatisfactionRateEvent): void => {
    e.stopPropagation();
    this._dispatch(e.score === null ? { type: 'ratingSkipped' } : { type: 'rated', score: e.score });
  };

  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextHomeVisit(this._flow, { type: 'back' });
    if (next.step === 'exited') return;
    e.preventDefault();
    this._dispatch({ type: 'back' });
  };

  private _villages(): readonly Village[] {
    return villagesFor(this._config.county);
  }

  private _village(): Village | undefined {
    return villageById(this._villages(), this._flow.answers.villageId);
  }

  private _groupLabel(): string | null {
    const g = this._flow.answers.group;
    if (!g) return null;
    return g === 'unknown' ? this._t('homeVisit.groupUnknown') : this._t('homeVisit.groupNumber', { n: g });
  }

  private _dayLabels(): string[] {
    const t = this._t;
    return this._flow.answers.days.map((date) => {
      const d = this._days.find((o) => o.date === date);
      if (!d) return date;
      return t('homeVisit.dayLabel', {
        month: d.month,
        day: d.day,
        weekday: t(homeVisitKey(`weekdays.d${d.weekday}`)),
      });
    });
  }

  private _forWhom(): string {
    const t = this._t;
    const a = this._flow.answers;
    return t('homeVisit.receiptForm.forWhom', {
      name: a.name,
      age: t(homeVisitKey(`age.${a.ageGroup ?? 'under60'}`)),
      disability: t(homeVisitKey(`disability.${a.disability ?? 'unknown'}`)),
    });
  }

  private async _submit(): Promise<void> {
    const f = this._flow;
    let data;
    try {
      data = toHomeVisitData(f.answers, f.source, this._village(), this._groupLabel());
    } catch {
      this._dispatch({ type: 'submitFailed' });
      return;
    }
    const outcome = await submitHomeVisit(data, this._clientId, this._abort.signal).catch(() => null);
    if (this._flow.step !== 'submitting') return;
    if (outcome?.kind === 'stored') {
      const { receiptNo, storedAt, uploaded } = outcome.accepted;
      this._dispatch({ type: 'submitSucceeded', result: { receiptNo, storedAt, uploaded } });
    } else if (outcome?.kind === 'rejected') this._dispatch({ type: 'submitFailed', reason: { key: outcome.error } });
    else this._dispatch({ type: 'submitFailed' });
  }

  private _receiptFields(): Record<string, unknown> {
    const t = this._t;
    const f = this._flow;
    const a = f.answers;
    if (!f.submission) throw new Error('receipt before the submission');
    return toHomeVisitReceipt({
      data: toHomeVisitData(a, f.source, this._village(), this._groupLabel()),
      submission: f.submission,
      forWhom: this._forWhom(),
      serviceLabel: t(homeVisitKey(`services.${a.service ?? 'legalAid'}`)),
      modeLabel: t(homeVisitKey(`modes.${a.mode ?? 'homeVisit'}`)),
      dayLabels: this._dayLabels(),
      progressUrl: notaryCountyFor(this._config.county).progressUrl,
    });
  }

  private async _print(heldJobId: string | null): Promise<void> {
    this._visit?.pauseIdle('printing');
    try {
      const outcome = heldJobId
        ? await reprintReceipt(heldJobId, this._abort.signal)
        : await printHomeVisitReceipt(this._receiptFields(), this._abort.signal);
      const s = this._flow;
      if (s.step !== 'receipt' || s.print.kind !== 'printing') return;
      if (outcome.kind === 'printed') this._dispatch({ type: 'printSucceeded' });
      else if (outcome.kind === 'paperOut') {
        this._dispatch({ type: 'printPaperOut', heldJobId: outcome.heldJobId });
        this._visit?.speak('homeVisit.steps.receipt.paperOut');
      } else this._dispatch({ type: 'printFailed' });
    } catch {
      if (this._flow.step === 'receipt' && this._flow.print.kind === 'printing')
        this._dispatch({ type: 'printFailed' });
    } finally {
      this._visit?.resumeIdle('printing');
    }
  }

  private _reviewRows(): HomeVisitReviewRow[] {
    const t = this._t;
    const a = this._flow.answers;
    const v = this._village();
    return [
      { labelKey: 'homeVisit.steps.review.person', value: a.name },
      {
        labelKey: 'homeVisit.steps.review.about',
        value: `${t(homeVisitKey(`age.${a.ageGroup ?? 'under60'}`))}，${t(homeVisitKey(`disability.${a.disability ?? 'unknown'}`))}`,
      },
      { labelKey: 'homeVisit.steps.review.service', value: t(homeVisitKey(`services.${a.service ?? 'legalAid'}`)) },
      { labelKey: 'homeVisit.steps.review.mode', value: t(homeVisitKey(`modes.${a.mode ?? 'homeVisit'}`)) },
      {
        labelKey: 'homeVisit.steps.review.address',
        value: [v?.township, v?.name, this._groupLabel()].filter(Boolean).join(' '),
      },
      { labelKey: 'homeVisit.steps.review.phone', value: maskPhone(a.phone) },
      { labelKey: 'homeVisit.steps.review.days', value: this._dayLabels().join('、') },
    ];
  }

  private _progress(): TemplateResult | null {
    const steps = COUNTED_HOME_VISIT_STEPS.filter((s) => s !== 'group' || (this._village()?.groups ?? 1) > 0);
    const i = steps.indexOf(this._flow.step);
    if (i < 0) return null;
    return html`<p class="progress">
      ${textRuns(this._t('homeVisit.progress', { step: i + 1, total: steps.length }))}
    </p>`;
  }

  private _choice(
    headingKey: 'service' | 'mode' | 'village' | 'group',
    options: HomeVisitOption[],
    value: string | null,
    columns: number,
    toEvent: (v: string) => HomeVisitEvent,
  ): TemplateResult {
    return html`<kiosk-home-visit-choice
      .answers=${this._flow.answers}
      .headingKey=${homeVisitKey(`steps.${headingKey}.title`)}
      .voiceKey=${homeVisitKey(`steps.${headingKey}.voice`)}
      .missingKey=${homeVisitKey(`steps.${headingKey}.missing`)}
      .options=${options}
      .value=${value}
      .columns=${columns}
      .toEvent=${toEvent}
    ></kiosk-home-visit-choice>`;
  }

  private _step(): TemplateResult | null {
    const t = this._t;
    const f = this._flow;
    const a = f.answers;
    const hotline = this._config.hotline.number;
    switch (f.step) {
      case 'person':
        return html`<kiosk-home-visit-person .answers=${a}></kiosk-home-visit-person>`;
      case 'about':
        return html`<kiosk-home-visit-about .answers=${a}></kiosk-home-visit-about>`;
      case 'service':
        return this._choice(
          'service',
          HOME_VISIT_SERVICES.map((s) => ({ value: s, label: t(homeVisitKey(`services.${s}`)) })),
          a.service,
          2,
          (v) => ({ type: 'serviceChosen', service: v as (typeof HOME_VISIT_SERVICES)[number] }),
        );
      case 'mode':
        return this._choice(
          'mode',
          HOME_VISIT_MODES.map((m) => ({
            value: m,
            label: t(homeVisitKey(`modes.${m}`)),
            detail: t(homeVisitKey(`modes.${m}Detail`)),
          })),
          a.mode,
          2,
          (v) => ({ type: 'modeChosen', mode: v as (typeof HOME_VISIT_MODES)[number] }),
        );
      case 'village': {
        const villages = this._villages();
        return this._choice(
          'village',
          villages.map((v) => ({ value: v.id, label: v.name, detail: v.township })),
          a.villageId,
          3,
          (id) => ({ type: 'villageChosen', villageId: id, groups: villageById(villages, id)?.groups ?? 0 }),
        );
      }
      case 'group': {
        const n = this._village()?.groups ?? 0;
        const options: HomeVisitOption[] = [
          ...Array.from({ length: n }, (_, i) => ({
            value: String(i + 1),
            label: t('homeVisit.groupNumber', { n: i + 1 }),
          })),
          { value: 'unknown', label: t('homeVisit.groupUnknown') },
        ];
        return this._choice('group', options, a.group, n + 1 > 8 ? 5 : 4, (g) => ({ type: 'groupChosen', group: g }));
      }
      case 'phone':
        return html`<kiosk-home-visit-phone .answers=${a}></kiosk-home-visit-phone>`;
      case 'days':
        return html`<kiosk-home-visit-days .answers=${a} .days=${this._days}></kiosk-home-visit-days>`;
      case 'consent':
      case 'declined':
        return html`<kiosk-home-visit-consent
          .answers=${a}
          ?declined=${f.step === 'declined'}
          .hotline=${hotline}
        ></kiosk-home-visit-consent>`;
      case 'review':
        return html`<kiosk-home-visit-review .answers=${a} .rows=${this._reviewRows()}></kiosk-home-visit-review>`;
      case 'submitting':
        return html`<kiosk-legal-aid-submitting
          ?failed=${f.submitError}
          .reason=${f.submitReason}
          .hotline=${hotline}
        ></kiosk-legal-aid-submitting>`;
      case 'receipt':
        return html`<kiosk-home-visit-receipt
          .answers=${a}
          .submission=${f.submission}
          .print=${f.print}
        ></kiosk-home-visit-receipt>`;
      case 'rating':
        return html`<kiosk-satisfaction></kiosk-satisfaction>`;
      case 'done':
        return html`<kiosk-home-visit-done .answers=${a}></kiosk-home-visit-done>`;
      case 'exited':
        return null;
      default: {
        const never: never = f.step;
        return never;
      }
    }
  }

  override render() {
    return html`${this._progress()}
      <div class="step">${keyed(this._round, this._step())}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-flow': KioskHomeVisitFlow;
  }
}
