import { Task } from '@lit/task';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { VisitApi } from '../context/contexts.js';
import type { CountyRules, LegalAidRules } from '../eligibility/types.js';
import type { LegalAidEvent, LegalAidFlowState } from '../flows/legal-aid-machine.js';
import { lookupSubmission } from '../data/submissions.js';
import type { Localize } from '../i18n/message-types.js';
import {
  printLegalAidReceipt,
  reprintReceipt,
  submitLegalAid,
  type PrintOutcome,
  type SubmitOutcome,
} from './legal-aid-data.js';
import { legalAidKey } from './legal-aid-messages.js';
import { decide, toReceiptFields, toSubmissionData } from './legal-aid-submission.js';

export interface EffectsDeps {
  dispatch(event: LegalAidEvent): void;
  current(): LegalAidFlowState;
  context(): { t: Localize; rules: LegalAidRules; county: CountyRules; visit: VisitApi | undefined };
}

function newClientId(): string {
  return crypto.randomUUID().replaceAll('-', '');
}

/**
 * The flow's side effects (submission, receipt printing) as tasks (style R5), started by state
 * transitions. Every result is checked against the state it was started for, so a late answer after
 * a reset or a back never changes the flow.
 */
export class LegalAidEffects implements ReactiveController {
  /** One per signed application: a retried POST is answered with the same receipt (agent idempotency). */
  private _clientId = newClientId();

  private readonly _submit: Task<[], SubmitOutcome>;
  private readonly _print: Task<[string | null], PrintOutcome>;

  constructor(
    host: ReactiveControllerHost,
    private readonly _deps: EffectsDeps,
  ) {
    host.addController(this);
    this._submit = new Task(host, {
      autoRun: false,
      args: () => [] as [],
      task: async (_args, { signal }) => {
        const { t, rules, county } = this._deps.context();
        const state = this._deps.current();
        const decision = decide(rules, county, state.answers, new Date());
        const data = toSubmissionData({
          answers: state.answers,
          decision,
          materialLabel: (m) => t(legalAidKey(`material.${m}`)),
        });
        return submitLegalAid(data, this._clientId, signal);
      },
      onComplete: (outcome) => {
        if (this._deps.current().step !== 'submitting') return;
        if (outcome.kind === 'stored') {
          const { receiptNo, storedAt, uploaded } = outcome.accepted;
          this._deps.dispatch({ type: 'submitSucceeded', result: { receiptNo, storedAt, uploaded } });
        } else
          this._deps.dispatch(
            outcome.kind === 'rejected'
              ? {
                  type: 'submitFailed',
                  reason: { key: outcome.error, ...(outcome.n === undefined ? {} : { n: outcome.n }) },
                }
              : { type: 'submitFailed' },
          );
      },
      onError: () => {
        if (this._deps.current().step === 'submitting') this._deps.dispatch({ type: 'submitFailed' });
      },
    });
    this._print = new Task(host, {
      autoRun: false,
      args: () => [null] as [string | null],
      task: async ([heldJobId], { signal }) => {
        const visit = this._deps.context().visit;
        visit?.pauseIdle('printing');
        try {
          if (heldJobId) return await reprintReceipt(heldJobId, signal);
          return await printLegalAidReceipt(this._receiptFields(await this._centreDueDate(signal)), signal);
        } finally {
          visit?.resumeIdle('printing');
        }
      },
      onComplete: (outcome) => {
        const s = this._deps.current();
        if (s.step !== 'receipt' || s.print.kind !== 'printing') return;
        if (outcome.kind === 'printed') this._deps.dispatch({ type: 'printSucceeded' });
        else if (outcome.kind === 'paperOut') {
          this._deps.dispatch({ type: 'printPaperOut', heldJobId: outcome.heldJobId });
          this._deps.context().visit?.speak('legalAid.steps.receipt.paperOut');
        } else this._deps.dispatch({ type: 'printFailed' });
      },
      onError: () => {
        const s = this._deps.current();
        if (s.step === 'receipt' && s.print.kind === 'printing') this._deps.dispatch({ type: 'printFailed' });
      },
    });
  }

  hostConnected(): void {}

  hostDisconnected(): void {
    this._submit.abort();
    this._print.abort();
  }

  /** Once the centre has the application, its due date (counted from its receipt) is the one to print. */
  private async _centreDueDate(signal: AbortSignal): Promise<string | undefined> {
    const s = this._deps.current();
    const idNumber = s.answers.identity?.idNumber;
    if (!s.submission?.uploaded || !idNumber) return undefined;
    const found = await lookupSubmission(s.submission.receiptNo, idNumber.slice(-4), signal);
    return found.kind === 'found' ? found.status.decisionDueBy : undefined;
  }

  private _receiptFields(centreDecisionDueBy: string | undefined): Record<string, unknown> {
    const { t, rules, county } = this._deps.context();
    const s = this._deps.current();
    const a = s.answers;
    const decision = decide(rules, county, a, new Date());
    const photographed = new Set(a.photos.map((p) => p.materialId).filter((m): m is string => Boolean(m)));
    const submitted = [
      t('legalAid.receiptForm.identity'),
      ...(a.photos.length ? [t('legalAid.receiptForm.photos', { count: a.photos.length })] : []),
      t('legalAid.receiptForm.signature'),
      ...(decision.economic.kind === 'pledge' && a.pledgedAt ? [t('legalAid.receiptForm.pledge')] : []),
    ];
    const later = decision.materials
      .filter((m) => m !== 'idCard' && !photographed.has(m))
      .map((m) => t(legalAidKey(`material.${m}`)));
    if (!s.submission) throw new Error('receipt fields before the submission was stored');
    return toReceiptFields({
      answers: a,
      decision,
      submission: s.submission,
      county,
      matterLabel: t(legalAidKey(`matter.${a.matterId ?? 'other'}.label`)),
      submittedLabels: submitted,
      laterLabels: later,
      ...(centreDecisionDueBy ? { centreDecisionDueBy } : {}),
    });
  }

  /** Called by the owner after every state change. */
  onTransition(previous: LegalAidFlowState | undefined, next: LegalAidFlowState): void {
    // A fresh id for each signed application; 再试一次 keeps it, so a lost answer is not a second application.
    if (next.step === 'submitting' && previous?.step === 'signature') this._clientId = newClientId();
    const startedSubmitting =
      next.step === 'submitting' && !next.submitError && (previous?.step !== 'submitting' || previous.submitError);
    if (startedSubmitting) void this._submit.run([]);
    if (next.step === 'receipt' && next.print.kind === 'idle') this._deps.dispatch({ type: 'printStarted' });
    const startedPrinting =
      next.step === 'receipt' && next.print.kind === 'printing' && previous?.print.kind !== 'printing';
    if (startedPrinting) {
      const held = previous?.print.kind === 'paperOut' ? previous.print.heldJobId : null;
      void this._print.run([held]);
    }
  }
}
