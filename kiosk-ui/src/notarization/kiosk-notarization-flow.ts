import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import type { CallClientOptions } from '../consultation/call-client.js';
import {
  COUNTED_NOTARIZATION_STEPS,
  droppedHold,
  initialNotarizationState,
  nextNotarization,
  unsubmittedHold,
  type NotarizationEvent,
  type NotarizationState,
} from '../flows/notarization-machine.js';
import { createLocalize } from '../i18n/localize.js';
import { textRuns } from '../i18n/say.js';
import type { Localize } from '../i18n/message-types.js';
import { initialLegalAidState, type LegalAidAnswers } from '../flows/legal-aid-machine.js';
import type { LegalAidAnswerEvent } from '../legal-aid/legal-aid-answer-event.js';
import { reprintReceipt } from '../legal-aid/legal-aid-data.js';
import '../legal-aid/kiosk-legal-aid-id-card.js';
import '../legal-aid/kiosk-legal-aid-manual-id.js';
import '../legal-aid/kiosk-legal-aid-signature.js';
import '../legal-aid/kiosk-legal-aid-submitting.js';
import { tokens } from '../styles/tokens.js';
import {
  materialsToPhotograph,
  matterFor,
  NOTARIZATION_CATALOGUE,
  notaryCountyFor,
  workingDaysFor,
  type NotarizationMatter,
} from './catalogue.js';
import { cardPhotoDataUrl } from './card-photo.js';
import { loadFaceDetector, wipeFaceDetector } from './face-detector.js';
import type { NotarizationAnswerEvent } from './notarization-answer-event.js';
import { printNotarizationReceipt, submitNotarization } from './notarization-data.js';
import { notarizationKey } from './notarization-messages.js';
import { interviewLabel } from './notary-slot-label.js';
import { releaseNotarySlotHold } from './notary-slots-data.js';
import { toNotarizationData, toNotarizationReceipt } from './notarization-submission.js';
import './notarization-steps.js';
import './kiosk-notary-interview-flow.js';

/** Legal-aid steps reused here report these events, which mean the same in this flow. */
const SHARED_EVENTS = new Set(['cardRead', 'typeIdInstead', 'identityTyped', 'signed', 'retrySubmit', 'back']);

const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');

/**
 * @summary The remote-notarization request (远程公证): the one owner of the flow state (style R3). Feeds
 * the steps' events into the pure `nextNotarization`, warms the face detector when the flow starts,
 * submits through the outbox (kind notarization) and prints the notarization-receipt; with 现在就和公证员
 * 视频 the receipt leads straight into the notary's interview (`kiosk-notary-interview-flow` with the
 * receipt number: waiting room, call, or the fallback ladder), then 办好了. A seat held at
 * the interview step and given up before the request is sent (another slot, now or the phone, 首页,
 * the end of the visit) is released at the centre.
 * @fires kiosk-flow-exit - home | done
 */
@customElement('kiosk-notarization-flow')
export class KioskNotarizationFlow extends LitElement {
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

  @state() private _flow: NotarizationState = initialNotarizationState();
  private _round = 0;

  /** Test seam: the state the flow opens in (a later step without walking the ones before it). */
  @property({ attribute: false }) startState: NotarizationState | null = null;
  /** Test seam: options for the interview's call client (现在就和公证员视频). */
  @property({ attribute: false }) callOptions: Partial<CallClientOptions> = {};

  /** The current state (read-only; tests and the shell's screen walk read the step). */
  get flowState(): NotarizationState {
    return this._flow;
  }
  private _clientId = newClientId();
  private _abort = new AbortController();
  private _unsubscribeVisitEnd: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-notarization-answer', this._onAnswer);
    this.addEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
    if (this.startState && this._flow.step === 'matter' && !this._flow.history.length) this._flow = this.startState;
    // Create and warm the detector now, while she picks the matter (creation takes seconds).
    void loadFaceDetector().catch(() => undefined);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-notarization-answer', this._onAnswer);
    this.removeEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.removeEventListener('kiosk-back-request', this._onBackRequest);
    this._unsubscribeVisitEnd?.();
    this._abort.abort();
    // 首页 or 返回 out of the flow: the seat she held goes back to the office's list.
    const held = unsubmittedHold(this._flow);
    if (held) void releaseNotarySlotHold(held);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('_visit') && this._visit) {
      this._unsubscribeVisitEnd?.();
      this._unsubscribeVisitEnd = this._visit.onVisitEnd(() => {
        this._dispatch({ type: 'reset' });
        void wipeFaceDetector();
      });
    }
  }

  protected override updated(changed: PropertyValues): void {
    const previous = changed.get('_flow') as NotarizationState | undefined;
    if (!changed.has('_flow')) return;
    const f = this._flow;
    if (f.step === 'exited') this.dispatchEvent(new KioskFlowExitEvent('home'));
    if (f.step === 'submitting' && previous?.step === 'signature') this._clientId = newClientId();
    const startedSubmitting =
      f.step === 'submitting' && !f.submitError && (previous?.step !== 'submitting' || previous.submitError);
    if (startedSubmitting) void this._submit();
    if (f.step === 'receipt' && f.print.kind === 'idle') this._dispatch({ type: 'printStarted' });
    if (f.step === 'receipt' && f.print.kind === 'printing' && previous?.print.kind !== 'printing')
      void this._print(previous?.print.kind === 'paperOut' ? previous.print.heldJobId : null);
  }

  private _dispatch(event: NotarizationEvent): void {
    const next = nextNotarization(this._flow, event);
    if (next === this._flow) return;
    const dropped = droppedHold(this._flow, next);
    if (dropped) void releaseNotarySlotHold(dropped);
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: NotarizationAnswerEvent): void => {
    e.stopPropagation();
    if (e.detail.type === 'finished' && this._flow.step === 'done') {
      this.dispatchEvent(new KioskFlowExitEvent('done'));
      return;
    }
    this._dispatch(e.detail);
  };

  private readonly _onSharedAnswer = (e: LegalAidAnswerEvent): void => {
    e.stopPropagation();
    if (SHARED_EVENTS.has(e.detail.type)) this._dispatch(e.detail as NotarizationEvent);
  };

  /** The interview's own exit (完成, 不等了, 知道了) ends that step here, not the whole flow. */
  private readonly _onInterviewExit = (e: KioskFlowExitEvent): void => {
    e.stopPropagation();
    this._dispatch({ type: 'interviewOver' });
  };

  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextNotarization(this._flow, { type: 'back' });
    if (next.step === 'exited') return;
    e.preventDefault();
    this._dispatch({ type: 'back' });
  };

  private _county() {
    return notaryCountyFor(this._config.county);
  }

  private _matter(): NotarizationMatter | undefined {
    const id = this._flow.answers.matterId;
    return id ? matterFor(NOTARIZATION_CATALOGUE, this._county(), id) : undefined;
  }

  private _materials(): string[] {
    const m = this._matter();
    const a = this._flow.answers;
    return m ? materialsToPhotograph(m, { cardRead: a.identity?.source === 'card', proxy: a.role === 'family' }) : [];
  }

  private _workingDays(): number {
    return workingDaysFor(NOTARIZATION_CATALOGUE, this._county(), this._flow.answers.matterId ?? '');
  }

  private _feeNote(): string {
    return this._t(notarizationKey(`fee.${this._matter()?.fee ?? 'byOffice'}`));
  }

  private async _submit(): Promise<void> {
    const t = this._t;
    const a = this._flow.answers;
    const photo = a.identity?.source === 'card' ? a.identity.cardPhoto : undefined;
    const cardPhoto = photo ? await cardPhotoDataUrl(photo) : null;
    if (this._flow.step !== 'submitting' || this._flow.answers !== a) return;
    const data = toNotarizationData(
      a,
      this._materials(),
      {
        material: (id) => t(notarizationKey(`material.${id}`)),
        use: (id) => t(notarizationKey(`use.${id}`)),
        country: (id) => t(notarizationKey(`country.${id}`)),
        faceCrop: t('notarization.receiptForm.liveness'),
        cardPhoto: t('notarization.receiptForm.cardPhoto'),
      },
      cardPhoto,
    );
    const outcome = await submitNotarization(data, this._clientId, this._abort.signal).catch(() => null);
    if (this._flow.step !== 'submitting') return;
    if (outcome?.kind === 'stored') {
      const { receiptNo, storedAt, uploaded } = outcome.accepted;
      this._dispatch({ type: 'submitSucceeded', result: { receiptNo, storedAt, uploaded } });
    } else if (outcome?.kind === 'rejected')
      this._dispatch({
        type: 'submitFailed',
        reason: { key: outcome.error, ...(outcome.n === undefined ? {} : { n: outcome.n }) },
      });
    else this._dispatch({ type: 'submitFailed' });
  }

  private _receiptFields(): Record<string, unknown> {
    const t = this._t;
    const f = this._flow;
    const a = f.answers;
    const matter = this._matter();
    if (!f.submission || !matter) throw new Error('receipt before the submission');
    const photographed = new Set(a.photos.map((p) => p.materialId));
    return toNotarizationReceipt({
      answers: a,
      submission: f.submission,
      matter,
      county: this._county(),
      workingDays: this._workingDays(),
      matterLabel: t(notarizationKey(`matter.${matter.id}.label`)),
      useLabel:
        t(notarizationKey(`use.${a.use ?? 'other'}`)) +
        (a.where === 'abroad' ? `（${t(notarizationKey(`country.${a.country ?? 'other'}`))}）` : ''),
      forWhom:
        a.role === 'family'
          ? `${t('notarization.steps.applicant.family')}（${t(notarizationKey(`relation.${a.relation ?? 'other'}`))}）`
          : t('notarization.steps.applicant.self'),
      interviewLabel: interviewLabel(t, a.interview),
      received: [
        t('notarization.receiptForm.identity'),
        t('notarization.receiptForm.liveness'),
        ...a.photos.flatMap((p) => (p.materialId ? [t(notarizationKey(`material.${p.materialId}`))] : [])),
        t('notarization.receiptForm.signature'),
      ],
      later: this._materials()
        .filter((m) => !photographed.has(m))
        .map((m) => t(notarizationKey(`material.${m}`))),
      feeNote: this._feeNote(),
    });
  }

  private async _print(heldJobId: string | null): Promise<void> {
    this._visit?.pauseIdle('printing');
    try {
      const outcome = heldJobId
        ? await reprintReceipt(heldJobId, this._abort.signal)
        : await printNotarizationReceipt(this._receiptFields(), this._abort.signal);
      const s = this._flow;
      if (s.step !== 'receipt' || s.print.kind !== 'printing') return;
      if (outcome.kind === 'printed') this._dispatch({ type: 'printSucceeded' });
      else if (outcome.kind === 'paperOut') {
        this._dispatch({ type: 'printPaperOut', heldJobId: outcome.heldJobId });
        this._visit?.speak('notarization.steps.receipt.paperOut');
      } else this._dispatch({ type: 'printFailed' });
    } catch {
      if (this._flow.step === 'receipt' && this._flow.print.kind === 'printing')
        this._dispatch({ type: 'printFailed' });
    } finally {
      this._visit?.resumeIdle('printing');
    }
  }

  /** The answers the reused legal-aid steps read (identity, signature). */
  private _sharedAnswers(): LegalAidAnswers {
    const a = this._flow.answers;
    return { ...initialLegalAidState().answers, identity: a.identity, signature: a.signature, phone: a.phone };
  }

  private _progress(): TemplateResult | null {
    const i = COUNTED_NOTARIZATION_STEPS.indexOf(this._flow.step);
    if (i < 0) return null;
    // Digits in their own span at the digit size (accessibility.md: digits ≥ 36 px).
    return html`<p class="progress">
      ${textRuns(this._t('notarization.progress', { step: i + 1, total: COUNTED_NOTARIZATION_STEPS.length }))}
    </p>`;
  }

  private _step(): TemplateResult | null {
    const f = this._flow;
    const a = f.answers;
    const county = this._county();
    const hotline = this._config.hotline.number;
    const matter = this._matter();
    switch (f.step) {
      case 'matter':
        return html`<kiosk-notarization-matter
          .answers=${a}
          .catalogue=${NOTARIZATION_CATALOGUE}
          .county=${county}
        ></kiosk-notarization-matter>`;
      case 'notHere':
        return html`<kiosk-notarization-not-here
          .answers=${a}
          .matter=${matter ?? null}
          .county=${county}
          .hotline=${hotline}
        ></kiosk-notarization-not-here>`;
      case 'purpose':
        return html`<kiosk-notarization-purpose .answers=${a}></kiosk-notarization-purpose>`;
      case 'applicant':
      case 'proxyBlocked':
        return html`<kiosk-notarization-applicant
          .answers=${a}
          ?blocked=${f.step === 'proxyBlocked'}
          .office=${county.office}
          .hotline=${hotline}
          .matterLabel=${this._t(notarizationKey(`matter.${a.matterId ?? 'education'}.label`))}
        ></kiosk-notarization-applicant>`;
      case 'consent':
      case 'declined':
        return html`<kiosk-notarization-consent
          .answers=${a}
          ?declined=${f.step === 'declined'}
          .hotline=${hotline}
          .office=${county.office}
        ></kiosk-notarization-consent>`;
      case 'idCard':
        return html`<kiosk-legal-aid-id-card .answers=${this._sharedAnswers()}></kiosk-legal-aid-id-card>`;
      case 'manualId':
        return html`<kiosk-legal-aid-manual-id .answers=${this._sharedAnswers()}></kiosk-legal-aid-manual-id>`;
      case 'liveness':
      case 'livenessOffice':
        return html`<kiosk-notarization-liveness
          .answers=${a}
          ?to-office=${f.step === 'livenessOffice'}
          .failures=${a.livenessFailures.length}
          .office=${county.office}
          .hotline=${hotline}
        ></kiosk-notarization-liveness>`;
      case 'documents':
        return html`<kiosk-notarization-documents
          .answers=${a}
          .materials=${this._materials()}
          ?proxy=${a.role === 'family'}
        ></kiosk-notarization-documents>`;
      case 'phone':
        return html`<kiosk-notarization-phone .answers=${a}></kiosk-notarization-phone>`;
      case 'interview':
        return html`<kiosk-notarization-interview
          .answers=${a}
          ?with-slots=${county.slotsPublished}
        ></kiosk-notarization-interview>`;
      case 'review':
        return html`<kiosk-notarization-review
          .answers=${a}
          .feeNote=${this._feeNote()}
          .workingDays=${this._workingDays()}
        ></kiosk-notarization-review>`;
      case 'signature':
        return html`<kiosk-legal-aid-signature .answers=${this._sharedAnswers()}></kiosk-legal-aid-signature>`;
      case 'submitting':
        return html`<kiosk-legal-aid-submitting
          .answers=${this._sharedAnswers()}
          ?failed=${f.submitError}
          .reason=${f.submitReason}
          .hotline=${hotline}
        ></kiosk-legal-aid-submitting>`;
      case 'notaryCall':
        return html`<kiosk-notary-interview-flow
          receipt-no=${f.submission?.receiptNo ?? ''}
          .callOptions=${this.callOptions}
          @kiosk-flow-exit=${this._onInterviewExit}
        ></kiosk-notary-interview-flow>`;
      case 'receipt':
      case 'done':
        return html`<kiosk-notarization-receipt
          .answers=${a}
          .submission=${f.submission}
          .print=${f.print}
          .workingDays=${this._workingDays()}
          ?done=${f.step === 'done'}
        ></kiosk-notarization-receipt>`;
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
    'kiosk-notarization-flow': KioskNotarizationFlow;
  }
}
