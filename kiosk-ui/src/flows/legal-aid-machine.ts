// The legal-aid application flow as a pure state machine (style R3): nextFlow(state, event) → state.
// No DOM, no I/O, no timers. An event that does not belong to the current step returns the same object.
// Economic outcomes (Art. 32 / Art. 42) arrive in the events, computed by the owner with the pure
// eligibility engine, so this module needs no rule tables.
import type { LegalStage } from '../eligibility/types.js';

export const LEGAL_AID_STEPS = [
  'consent',
  'declined',
  'idCard',
  'manualId',
  'phone',
  'matter',
  'details',
  'circumstances',
  'group',
  'pledge',
  'urgency',
  'assessment',
  'documents',
  'review',
  'signature',
  'submitting',
  'receipt',
  'done',
  'exited',
] as const;
export type LegalAidStep = (typeof LEGAL_AID_STEPS)[number];

export const MAX_PHOTOS = 10;

export interface Identity {
  source: 'card' | 'typed';
  name: string;
  idNumber: string;
  gender?: string;
  ethnicity?: string;
  birthDate?: string;
  address?: string;
  /**
   * The card's own photo, only where the terminal has a WLT decoder plugin (idcard-reader.md §8). Only
   * the notarization request sends it (for the notary to compare); it goes with the visit's answers.
   */
  cardPhoto?: { mimeType: 'image/bmp' | 'image/png'; base64: string };
}

export interface Photo {
  /** JPEG data URL produced by the camera step (canvas, compressed). */
  dataUrl: string;
  width: number;
  height: number;
  bytes: number;
  /** Which material (content/legal-aid material id) the villager said this photo shows. */
  materialId?: string;
}

export interface LegalAidAnswers {
  /** When the villager agreed to the use of the data (PIPL consent), ISO time. */
  consentAt: string | null;
  identity: Identity | null;
  phone: string;
  matterId: string | null;
  stage: LegalStage | null;
  otherParty: string;
  what: string;
  circumstances: string[];
  /** null: not answered yet; 'none': none of the groups. */
  exemptGroupId: string | null;
  /** Art. 41 statement: the household's monthly income in yuan. */
  monthlyIncomeYuan: number | null;
  /** When the Art. 41 pledge was made, ISO time; null while not made. */
  pledgedAt: string | null;
  deadlineSoon: boolean | null;
  preservationNeeded: boolean | null;
  photos: Photo[];
  /** PNG data URL of the on-screen signature. */
  signature: string | null;
}

export interface SubmissionResult {
  receiptNo: string;
  storedAt: string;
  uploaded: boolean;
}

export type PrintState =
  | { kind: 'idle' }
  | { kind: 'printing' }
  | { kind: 'printed' }
  | { kind: 'paperOut'; heldJobId: string }
  | { kind: 'failed' };

export interface SubmitReason {
  key: string;
  /** 1-based photo number for the photo messages. */
  n?: number;
}

/**
 * Steps the review's 改一下 can open (issue 15 item 4). After the edit the flow returns straight to
 * the review, unless the change needs later questions answered again (a different matter).
 */
export const LEGAL_AID_EDIT_STEPS = [
  'manualId',
  'phone',
  'matter',
  'details',
  'circumstances',
  'urgency',
  'documents',
] as const;
export type LegalAidEditStep = (typeof LEGAL_AID_EDIT_STEPS)[number];

export interface LegalAidFlowState {
  step: LegalAidStep;
  /** Steps visited before the current one; `back` pops it. */
  history: LegalAidStep[];
  /** The step opened from the review with 改一下, while that edit lasts; null otherwise. */
  editing: LegalAidEditStep | null;
  answers: LegalAidAnswers;
  /** Set once the agent stored the application; never cleared by printing problems. */
  submission: SubmissionResult | null;
  submitError: boolean;
  /** Why the agent refused it (a key of the submissions namespace, and the photo number), when it said. */
  submitReason: SubmitReason | null;
  print: PrintState;
}

export type LegalAidEvent =
  | { type: 'consentGiven'; at: string }
  | { type: 'consentDeclined' }
  | { type: 'cardRead'; identity: Identity }
  | { type: 'typeIdInstead' }
  | { type: 'identityTyped'; idNumber: string; name: string }
  | { type: 'phoneEntered'; phone: string }
  | { type: 'matterChosen'; matterId: string }
  | { type: 'detailsEntered'; stage: LegalStage; otherParty: string; what: string }
  | { type: 'circumstancesChosen'; ids: string[]; noEconomicTest: boolean }
  | { type: 'groupChosen'; groupId: string; exempt: boolean }
  | { type: 'pledgeMade'; monthlyIncomeYuan: number; at: string }
  | { type: 'urgencyAnswered'; deadlineSoon: boolean; preservationNeeded: boolean }
  | { type: 'assessmentSeen' }
  | { type: 'photoAdded'; photo: Photo }
  | { type: 'photoRemoved'; index: number }
  | { type: 'photosDone' }
  | { type: 'reviewConfirmed' }
  | { type: 'editRequested'; step: LegalAidEditStep }
  | { type: 'signed'; signature: string }
  | { type: 'submitSucceeded'; result: SubmissionResult }
  | { type: 'submitFailed'; reason?: SubmitReason }
  | { type: 'retrySubmit' }
  | { type: 'printStarted' }
  | { type: 'printSucceeded' }
  | { type: 'printPaperOut'; heldJobId: string }
  | { type: 'printFailed' }
  | { type: 'reprintRequested' }
  | { type: 'finished' }
  | { type: 'back' }
  | { type: 'reset' };

export type LegalAidEventType = LegalAidEvent['type'];

export function initialLegalAidState(): LegalAidFlowState {
  return {
    step: 'consent',
    history: [],
    editing: null,
    answers: {
      consentAt: null,
      identity: null,
      phone: '',
      matterId: null,
      stage: null,
      otherParty: '',
      what: '',
      circumstances: [],
      exemptGroupId: null,
      monthlyIncomeYuan: null,
      pledgedAt: null,
      deadlineSoon: null,
      preservationNeeded: null,
      photos: [],
      signature: null,
    },
    submission: null,
    submitError: false,
    submitReason: null,
    print: { kind: 'idle' },
  };
}

/** Steps after which going back would undo something already sent or printed. */
const NO_BACK: readonly LegalAidStep[] = ['receipt', 'done', 'exited', 'declined'];

function go(state: LegalAidFlowState, step: LegalAidStep, answers: Partial<LegalAidAnswers> = {}): LegalAidFlowState {
  return { ...state, step, history: [...state.history, state.step], answers: { ...state.answers, ...answers } };
}

function back(state: LegalAidFlowState): LegalAidFlowState {
  if (NO_BACK.includes(state.step)) return state;
  if (state.step === 'submitting' && !state.submitError) return state;
  if (state.history.length === 0) return { ...state, step: 'exited' };
  const step = state.history[state.history.length - 1];
  return {
    ...state,
    step,
    history: state.history.slice(0, -1),
    // 上一步 from the step opened by 改一下 lands on the review: the edit is over.
    editing: step === 'review' ? null : state.editing,
    submitError: false,
    submitReason: null,
  };
}

/**
 * While an edit from the review lasts: the normal next steps at which the edited answers are complete
 * again, so the flow goes back to the review instead (the later answers are kept).
 */
const EDIT_RETURNS: Record<LegalAidEditStep, readonly LegalAidStep[]> = {
  manualId: ['phone'],
  phone: ['matter'],
  // A different matter asks the details and the economic questions again (they depend on it).
  matter: ['urgency'],
  details: ['circumstances'],
  circumstances: ['urgency'],
  urgency: ['assessment'],
  documents: ['review'],
};

/** Back to the review with the changed answers; its history is the one it had before the edit. */
function backToReview(state: LegalAidFlowState, answers: Partial<LegalAidAnswers>): LegalAidFlowState {
  const at = state.history.lastIndexOf('review');
  return {
    ...state,
    step: 'review',
    history: at >= 0 ? state.history.slice(0, at) : [...state.history],
    editing: null,
    answers: { ...state.answers, ...answers },
  };
}

/** `go`, except that an edit from the review returns to it as soon as its answers are complete. */
function forward(
  state: LegalAidFlowState,
  step: LegalAidStep,
  answers: Partial<LegalAidAnswers> = {},
): LegalAidFlowState {
  if (state.editing && EDIT_RETURNS[state.editing].includes(step)) return backToReview(state, answers);
  return go(state, step, answers);
}

/** 改一下 on the review: the step of that answer, typed identity only (a card is read, not edited). */
function edit(state: LegalAidFlowState, step: LegalAidEditStep): LegalAidFlowState {
  if (state.step !== 'review' || !LEGAL_AID_EDIT_STEPS.includes(step)) return state;
  if (step === 'manualId' && state.answers.identity?.source !== 'typed') return state;
  return { ...go(state, step), editing: step };
}

export function nextFlow(state: LegalAidFlowState, event: LegalAidEvent): LegalAidFlowState {
  const at = (...steps: LegalAidStep[]): boolean => steps.includes(state.step);
  switch (event.type) {
    case 'reset':
      return initialLegalAidState();
    case 'back':
      return back(state);
    case 'consentGiven':
      return at('consent') ? go(state, 'idCard', { consentAt: event.at }) : state;
    case 'consentDeclined':
      return at('consent') ? go(state, 'declined') : state;
    case 'cardRead':
      return at('idCard') ? go(state, 'phone', { identity: event.identity }) : state;
    case 'typeIdInstead':
      return at('idCard') ? go(state, 'manualId') : state;
    case 'identityTyped':
      return at('manualId')
        ? forward(state, 'phone', {
            identity: { source: 'typed', idNumber: event.idNumber.toUpperCase(), name: event.name },
          })
        : state;
    case 'phoneEntered':
      return at('phone') ? forward(state, 'matter', { phone: event.phone }) : state;
    case 'matterChosen':
      if (!at('matter')) return state;
      // The same matter again: nothing after it changes.
      if (state.editing === 'matter' && event.matterId === state.answers.matterId) return backToReview(state, {});
      return go(state, 'details', { matterId: event.matterId });
    case 'detailsEntered':
      return at('details')
        ? forward(state, 'circumstances', { stage: event.stage, otherParty: event.otherParty, what: event.what })
        : state;
    case 'circumstancesChosen':
      return at('circumstances')
        ? forward(state, event.noEconomicTest ? 'urgency' : 'group', { circumstances: [...event.ids] })
        : state;
    case 'groupChosen':
      return at('group')
        ? forward(state, event.exempt ? 'urgency' : 'pledge', { exemptGroupId: event.groupId })
        : state;
    case 'pledgeMade':
      return at('pledge')
        ? forward(state, 'urgency', { monthlyIncomeYuan: event.monthlyIncomeYuan, pledgedAt: event.at })
        : state;
    case 'urgencyAnswered':
      return at('urgency')
        ? forward(state, 'assessment', {
            deadlineSoon: event.deadlineSoon,
            preservationNeeded: event.preservationNeeded,
          })
        : state;
    case 'assessmentSeen':
      return at('assessment') ? go(state, 'documents') : state;
    case 'photoAdded':
      return at('documents') && state.answers.photos.length < MAX_PHOTOS
        ? { ...state, answers: { ...state.answers, photos: [...state.answers.photos, event.photo] } }
        : state;
    case 'photoRemoved':
      return at('documents') && event.index >= 0 && event.index < state.answers.photos.length
        ? { ...state, answers: { ...state.answers, photos: state.answers.photos.filter((_, i) => i !== event.index) } }
        : state;
    case 'photosDone':
      return at('documents') ? forward(state, 'review') : state;
    case 'reviewConfirmed':
      return at('review') ? go(state, 'signature') : state;
    case 'editRequested':
      return edit(state, event.step);
    case 'signed':
      return at('signature')
        ? { ...go(state, 'submitting', { signature: event.signature }), submitError: false }
        : state;
    case 'submitSucceeded':
      return at('submitting') && !state.submitError
        ? {
            ...state,
            step: 'receipt',
            history: [...state.history, state.step],
            submission: event.result,
            print: { kind: 'idle' },
          }
        : state;
    case 'submitFailed':
      return at('submitting') && !state.submitError
        ? { ...state, submitError: true, submitReason: event.reason ?? null }
        : state;
    case 'retrySubmit':
      return at('submitting') && state.submitError ? { ...state, submitError: false, submitReason: null } : state;
    case 'printStarted':
      return at('receipt') && state.print.kind === 'idle' ? { ...state, print: { kind: 'printing' } } : state;
    case 'printSucceeded':
      return at('receipt') && state.print.kind === 'printing' ? { ...state, print: { kind: 'printed' } } : state;
    case 'printPaperOut':
      return at('receipt') && state.print.kind === 'printing'
        ? { ...state, print: { kind: 'paperOut', heldJobId: event.heldJobId } }
        : state;
    case 'printFailed':
      return at('receipt') && state.print.kind === 'printing' ? { ...state, print: { kind: 'failed' } } : state;
    case 'reprintRequested':
      return at('receipt') && state.print.kind === 'paperOut' ? { ...state, print: { kind: 'printing' } } : state;
    case 'finished':
      return at('receipt') && state.print.kind !== 'printing' ? go(state, 'done') : state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** Steps the progress line counts ("第3步，共12步"); terminal and error-only steps are not counted. */
export const COUNTED_STEPS: readonly LegalAidStep[] = [
  'consent',
  'idCard',
  'phone',
  'matter',
  'details',
  'circumstances',
  'group',
  'urgency',
  'assessment',
  'documents',
  'review',
  'signature',
];
