import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import { localizeContext, uiConfigContext, visitContext, type VisitApi } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import type { KioskSatisfactionRateEvent } from '../events/kiosk-satisfaction-rate.js';
import '../components/kiosk-satisfaction.js';
import { sendRating } from '../data/rating.js';
import type { KioskPhoneEnteredEvent } from '../events/kiosk-phone-entered.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { initialLegalAidState, type LegalAidAnswers } from '../flows/legal-aid-machine.js';
import {
  COUNTED_MEDIATION_STEPS,
  initialMediationState,
  nextMediation,
  type MediationEvent,
  type MediationState,
} from '../flows/mediation-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { textRuns } from '../i18n/say.js';
import type { LegalAidAnswerEvent } from '../legal-aid/legal-aid-answer-event.js';
import { reprintReceipt } from '../legal-aid/legal-aid-data.js';
import '../legal-aid/kiosk-legal-aid-id-card.js';
import '../legal-aid/kiosk-legal-aid-manual-id.js';
import '../legal-aid/kiosk-legal-aid-submitting.js';
import { tokens } from '../styles/tokens.js';
import type { MediationAnswerEvent } from './mediation-answer-event.js';
import {
  committeeFor,
  isDisputeKind,
  kindSpec,
  MEDIATION_KINDS,
  mediationCountyFor,
  type Committee,
} from './mediation-content.js';
import { printMediationReceipt, submitMediation } from './mediation-data.js';
import { mediationKey } from './mediation-messages.js';
import { knownVillage, toMediationData, toMediationReceipt } from './mediation-submission.js';
import './mediation-steps.js';

/** Legal-aid steps reused here (ID card, typed ID, submitting) report these events, which mean the same. */
const SHARED_EVENTS = new Set(['cardRead', 'typeIdInstead', 'identityTyped', 'retrySubmit', 'back']);

const newClientId = (): string => crypto.randomUUID().replaceAll('-', '');

/**
 * @summary The people's mediation application (在线调解): the one owner of the flow state (style R3).
 * Feeds the steps' events into the pure `nextMediation`, picks the committee from the county's
 * jurisdiction (content/mediation/), submits through the outbox (kind mediation) and prints the
 * mediation-receipt.
 * @fires kiosk-flow-exit - home | done
 */
@customElement('kiosk-mediation-flow')
export class KioskMediationFlow extends LitElement {
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
      /* Landscape: "第n步，共m步" at the right of the step's heading row, not a row of its own. */
      @media (orientation: landscape) {
        :host {
          position: relative;
        }
        .progress {
          position: absolute;
          top: 0;
          right: 0;
          margin: 0;
          line-height: calc(var(--kiosk-font-heading) * 1.3);
        }
      }
      .step {
        flex: 1 1 auto;
        min-height: 0;
      }
    `,
  ];

  /** The 好差评 faces were answered (or skipped) for this application. */
  @state()
  private _rated = false;

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: uiConfigContext, subscribe: true })
  @state()
  private _config: UiConfig = DEFAULT_UI_CONFIG;

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _flow: MediationState = initialMediationState();
  private _round = 0;
  private _clientId = newClientId();
  private _abort = new AbortController();
  private _unsubscribeVisitEnd: (() => void) | undefined;

  /** The current state (read-only; tests and the shell's screen walk read the step). */
  get flowState(): MediationState {
    return this._flow;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-mediation-answer', this._onAnswer);
    this.addEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.addEventListener('kiosk-phone-entered', this._onPhone);
    this.addEventListener('kiosk-step-done', this._onSharedStepDone);
    this.addEventListener('kiosk-back-request', this._onBackRequest);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-mediation-answer', this._onAnswer);
    this.removeEventListener('kiosk-legal-aid-answer', this._onSharedAnswer);
    this.removeEventListener('kiosk-phone-entered', this._onPhone);
    this.removeEventListener('kiosk-step-done', this._onSharedStepDone);
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
    const previous = changed.get('_flow') as MediationState | undefined;
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
  }

  private _dispatch(event: MediationEvent): void {
    const next = nextMediation(this._flow, event);
    if (next === this._flow) return;
    if (next.step !== this._flow.step) this._round++;
    this._flow = next;
  }

  private readonly _onAnswer = (e: MediationAnswerEvent): void => {
    e.stopPropagation();
    if (e.detail.type === 'finished' && this._flow.step === 'done') {
      this.dispatchEvent(new KioskFlowExitEvent('done'));
      return;
    }
    this._dispatch(e.detail);
  };

  private readonly _onSharedAnswer = (e: LegalAidAnswerEvent): void => {
    e.stopPropagation();
    if (SHARED_EVENTS.has(e.detail.type)) this._dispatch(e.detail as MediationEvent);
  };

  /** The shared phone step: her number, or the other party's (or 不知道). */
  private readonly _onPhone = (e: KioskPhoneEnteredEvent): void => {
    e.stopPropagation();
    if (this._flow.step === 'phone' && e.phone) this._dispatch({ type: 'phoneEntered', phone: e.phone });
    if (this._flow.step === 'otherPhone') this._dispatch({ type: 'otherPhoneEntered', phone: e.phone });
  };

  /** 上一步 of a shared step that leaves stepping back to its owner. */
  private readonly _onSharedStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    if (e.direction === 'previous') this._dispatch({ type: 'back' });
  };

  private readonly _onBackRequest = (e: KioskBackRequestEvent): void => {
    const next = nextMediation(this._flow, { type: 'back' });
    if (next.step === 'exited') return;
    e.preventDefault();
    this._dispatch({ type: 'back' });
  };

  private _county() {
    return mediationCountyFor(this._config.county);
  }

  /** The committee for the answers so far (jurisdiction: where the parties live, the kind's route). */
  private _committee(): Committee {
    const a = this._flow.answers;
    return committeeFor(this._county(), MEDIATION_KINDS, {
      kind: a.kind && isDisputeKind(a.kind) ? a.kind : 'other',
      applicantVillage: knownVillage(a.village),
      otherVillage: knownVillage(a.otherVillage),
    });
  }

  private _otherPartyLabel(): string {
    const t = this._t;
    const a = this._flow.answers;
    const name = a.otherName ?? t('mediation.unknownValue');
    const village = this._county().villages.find((v) => v.id === knownVillage(a.otherVillage))?.name;
    return village ? `${name}（${village}）` : name;
  }

  private async _submit(): Promise<void> {
    const data = toMediationData(this._flow.answers, this._county(), this._committee());
    const outcome = await submitMediation(data, this._clientId, this._abort.signal).catch(() => null);
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
    if (!f.submission) throw new Error('receipt before the submission');
    return toMediationReceipt({
      answers: f.answers,
      submission: f.submission,
      county: this._county(),
      committee: this._committee(),
      kindLabel: t(mediationKey(`kind.${f.answers.kind ?? 'other'}`)),
      otherParty: this._otherPartyLabel(),
      markLabel: t(f.answers.mark?.kind === 'fingerprint' ? 'mediation.mark.fingerprint' : 'mediation.mark.signature'),
    });
  }

  private async _print(heldJobId: string | null): Promise<void> {
    this._visit?.pauseIdle('printing');
    try {
      const outcome = heldJobId
        ? await reprintReceipt(heldJobId, this._abort.signal)
        : await printMediationReceipt(this._receiptFields(), this._abort.signal);
      const s = this._flow;
      if (s.step !== 'receipt' || s.print.kind !== 'printing') return;
      if (outcome.kind === 'printed') this._dispatch({ type: 'printSucceeded' });
      else if (outcome.kind === 'paperOut') {
        this._dispatch({ type: 'printPaperOut', heldJobId: outcome.heldJobId });
        this._visit?.speak('mediation.steps.receipt.paperOut');
      } else this._dispatch({ type: 'printFailed' });
    } catch {
      if (this._flow.step === 'receipt' && this._flow.print.kind === 'printing')
        this._dispatch({ type: 'printFailed' });
    } finally {
      this._visit?.resumeIdle('printing');
    }
  }

  /** The answers the reused legal-aid steps read (identity). */
  private _sharedAnswers(): LegalAidAnswers {
    const a = this._flow.answers;
    return { ...initialLegalAidState().answers, identity: a.identity, phone: a.phone };
  }

  private _progress(): TemplateResult | null {
    const i = COUNTED_MEDIATION_STEPS.indexOf(this._flow.step);
    if (i < 0) return null;
    return html`<p class="progress">
      ${textRuns(this._t('mediation.progress', { step: i + 1, total: COUNTED_MEDIATION_STEPS.length }))}
    </p>`;
  }

  private _step(): TemplateResult | null {
    const f = this._flow;
    const a = f.answers;
    const county = this._county();
    const hotline = this._config.hotline.number;
    const spec = kindSpec(MEDIATION_KINDS, a.kind ?? 'other');
    switch (f.step) {
      case 'idCard':
        return html`<kiosk-legal-aid-id-card .answers=${this._sharedAnswers()}></kiosk-legal-aid-id-card>`;
      case 'manualId':
        return html`<kiosk-legal-aid-manual-id .answers=${this._sharedAnswers()}></kiosk-legal-aid-manual-id>`;
      case 'phone':
        return html`<kiosk-phone-step
          .value=${a.phone}
          heading-key="mediation.steps.phone.title"
          body-key="mediation.steps.phone.body"
          label-key="mediation.steps.phone.label"
          voice-key="mediation.steps.phone.voice"
          invalid-key="mediation.steps.phone.invalid"
        ></kiosk-phone-step>`;
      case 'village':
        return html`<kiosk-mediation-village
          party="self"
          .answers=${a}
          .villages=${county.villages}
        ></kiosk-mediation-village>`;
      case 'otherName':
        return html`<kiosk-mediation-other-name .answers=${a}></kiosk-mediation-other-name>`;
      case 'otherVillage':
        return html`<kiosk-mediation-village
          party="other"
          .answers=${a}
          .villages=${county.villages}
        ></kiosk-mediation-village>`;
      case 'otherPhone':
        return html`<kiosk-phone-step
          .value=${a.otherPhone ?? ''}
          with-unknown
          with-landline
          heading-key="mediation.steps.otherPhone.title"
          body-key="mediation.steps.otherPhone.body"
          label-key="mediation.steps.otherPhone.label"
          voice-key="mediation.steps.otherPhone.voice"
          invalid-key="mediation.steps.otherPhone.invalid"
          unknown-key="mediation.nav.unknown"
        ></kiosk-phone-step>`;
      case 'kind':
        return html`<kiosk-mediation-kind .answers=${a} .kinds=${MEDIATION_KINDS.kinds}></kiosk-mediation-kind>`;
      case 'requests':
        return html`<kiosk-mediation-requests
          .answers=${a}
          .phrases=${spec?.requests ?? []}
        ></kiosk-mediation-requests>`;
      case 'description':
        return html`<kiosk-mediation-description
          .answers=${a}
          .phrases=${spec?.descriptions ?? []}
        ></kiosk-mediation-description>`;
      case 'consent':
      case 'declined':
        return html`<kiosk-mediation-consent
          .answers=${a}
          ?declined=${f.step === 'declined'}
          .hotline=${hotline}
          .committee=${this._committee().name}
        ></kiosk-mediation-consent>`;
      case 'mark':
        return html`<kiosk-mediation-mark .answers=${a}></kiosk-mediation-mark>`;
      case 'review':
        return html`<kiosk-mediation-review
          .answers=${a}
          .villages=${county.villages}
          .committee=${this._committee().name}
        ></kiosk-mediation-review>`;
      case 'submitting':
        return html`<kiosk-legal-aid-submitting
          .answers=${this._sharedAnswers()}
          ?failed=${f.submitError}
          .reason=${f.submitReason}
          .hotline=${hotline}
        ></kiosk-legal-aid-submitting>`;
      case 'done':
        // 好差评 once the receipt is taken (issue 16 item 4): counts only, then the closing screen.
        return this._rated
          ? this._receipt(true)
          : html`<kiosk-satisfaction
              @kiosk-satisfaction-rate=${(e: KioskSatisfactionRateEvent) => {
                e.stopPropagation();
                if (e.score !== null) void sendRating('mediation', e.score);
                this._rated = true;
              }}
            ></kiosk-satisfaction>`;
      case 'receipt':
        return this._receipt(false);
      case 'exited':
        return null;
      default: {
        const never: never = f.step;
        return never;
      }
    }
  }

  private _receipt(done: boolean): TemplateResult {
    const f = this._flow;
    const a = f.answers;
    return html`<kiosk-mediation-receipt
      .answers=${a}
      .submission=${f.submission}
      .print=${f.print}
      .committee=${this._committee().name}
      ?done=${done}
    ></kiosk-mediation-receipt>`;
  }

  override render() {
    return html`${this._progress()}
      <div class="step">${keyed(this._round, this._step())}</div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-flow': KioskMediationFlow;
  }
}
