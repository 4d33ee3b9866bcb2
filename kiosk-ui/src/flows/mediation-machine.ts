// The people's mediation application (在线调解) as a pure state machine (style R3): next(state, event) →
// state. No DOM, no I/O, no timers. Content facts (the kinds, the villages) are looked up by the owner;
// this module only checks the shape of what the steps report. An event that does not belong to the
// current step returns the same object.
import type { Identity, PrintState, SubmissionResult, SubmitReason } from './legal-aid-machine.js';

export type { Identity, PrintState, SubmissionResult, SubmitReason };

export const MEDIATION_STEPS = [
  'idCard',
  'manualId',
  'phone',
  'village',
  'otherName',
  'otherVillage',
  'otherPhone',
  'kind',
  'requests',
  'description',
  'consent',
  'declined',
  'mark',
  'review',
  'submitting',
  'receipt',
  'done',
  'exited',
] as const;
export type MediationStep = (typeof MEDIATION_STEPS)[number];

/** 申请事项: 1–3 items (legal-content.md §5). */
export const MAX_REQUESTS = 3;
export const MAX_REQUEST_CHARS = 100;
export const MAX_DESCRIPTION_CHARS = 500;

/** Not one of the county's villages: she lives elsewhere, or does not know where the other party lives. */
export const VILLAGE_ELSEWHERE = 'elsewhere';
export const VILLAGE_UNKNOWN = 'unknown';

/** How she confirmed: a drawn signature, or the tap-and-hold 按手印 mark. */
export type Mark = { kind: 'signature'; signature: string } | { kind: 'fingerprint'; at: string };

export interface MediationAnswers {
  identity: Identity | null;
  phone: string;
  /** Her village id, or VILLAGE_ELSEWHERE; null until answered. */
  village: string | null;
  /** The other party's name; null when she picked 不知道 (see otherNameAnswered). */
  otherName: string | null;
  otherNameAnswered: boolean;
  /** The other party's village id, VILLAGE_ELSEWHERE or VILLAGE_UNKNOWN; null until answered. */
  otherVillage: string | null;
  /** The other party's phone; null when unknown (see otherPhoneAnswered). */
  otherPhone: string | null;
  otherPhoneAnswered: boolean;
  kind: string | null;
  /** The request texts (phrases or typed), 1–3. */
  requests: string[];
  description: string;
  /** 请调解员打电话给我: an oral application instead of a written description. */
  callMe: boolean;
  consentAt: string | null;
  mark: Mark | null;
}

/** Steps the review's 改一下 can open; after the answer the flow returns to the review. */
export const MEDIATION_EDIT_STEPS = [
  'manualId',
  'phone',
  'village',
  'otherName',
  'otherVillage',
  'otherPhone',
  'kind',
  'requests',
  'description',
  'mark',
] as const;
export type MediationEditStep = (typeof MEDIATION_EDIT_STEPS)[number];

export interface MediationState {
  step: MediationStep;
  history: MediationStep[];
  editing: MediationEditStep | null;
  answers: MediationAnswers;
  submission: SubmissionResult | null;
  submitError: boolean;
  submitReason: SubmitReason | null;
  print: PrintState;
}

export type MediationEvent =
  | { type: 'cardRead'; identity: Identity }
  | { type: 'typeIdInstead' }
  | { type: 'identityTyped'; idNumber: string; name: string }
  | { type: 'phoneEntered'; phone: string }
  | { type: 'villageChosen'; village: string }
  | { type: 'otherNameEntered'; name: string | null }
  | { type: 'otherVillageChosen'; village: string }
  | { type: 'otherPhoneEntered'; phone: string | null }
  | { type: 'kindChosen'; kind: string }
  | { type: 'requestsEntered'; requests: string[] }
  | { type: 'descriptionEntered'; description: string }
  | { type: 'callMeChosen' }
  | { type: 'consentGiven'; at: string }
  | { type: 'consentDeclined' }
  | { type: 'marked'; mark: Mark }
  | { type: 'reviewConfirmed' }
  | { type: 'editRequested'; step: MediationEditStep }
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

export function initialMediationState(): MediationState {
  return {
    step: 'idCard',
    history: [],
    editing: null,
    answers: {
      identity: null,
      phone: '',
      village: null,
      otherName: null,
      otherNameAnswered: false,
      otherVillage: null,
      otherPhone: null,
      otherPhoneAnswered: false,
      kind: null,
      requests: [],
      description: '',
      callMe: false,
      consentAt: null,
      mark: null,
    },
    submission: null,
    submitError: false,
    submitReason: null,
    print: { kind: 'idle' },
  };
}

const PHONE = /^1[3-9]\d{9}$/;
/** The other party's phone may be a landline (区号 + number). */
const OTHER_PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** Steps after which going back would undo something sent or printed. */
const NO_BACK: readonly MediationStep[] = ['receipt', 'done', 'exited'];

function go(state: MediationState, step: MediationStep, answers: Partial<MediationAnswers> = {}): MediationState {
  return { ...state, step, history: [...state.history, state.step], answers: { ...state.answers, ...answers } };
}

function back(state: MediationState): MediationState {
  if (NO_BACK.includes(state.step)) return state;
  if (state.step === 'submitting' && !state.submitError) return state;
  if (state.history.length === 0) return { ...state, step: 'exited' };
  const target = state.history[state.history.length - 1];
  const editing = target === 'review' ? null : state.editing;
  return {
    ...state,
    step: target,
    history: state.history.slice(0, -1),
    editing,
    submitError: false,
    submitReason: null,
  };
}

function backToReview(state: MediationState, answers: Partial<MediationAnswers>): MediationState {
  const at = state.history.lastIndexOf('review');
  return {
    ...state,
    step: 'review',
    history: at >= 0 ? state.history.slice(0, at) : [...state.history],
    editing: null,
    answers: { ...state.answers, ...answers },
  };
}

/**
 * `go`, except while an edit from the review lasts: back to the review with the new answer. A
 * different kind asks its requests again first (the old phrases belong to the old kind).
 */
function forward(state: MediationState, step: MediationStep, answers: Partial<MediationAnswers> = {}): MediationState {
  if (!state.editing) return go(state, step, answers);
  if (state.editing === 'kind' && step === 'requests' && answers.kind !== state.answers.kind)
    return { ...go(state, 'requests', { ...answers, requests: [] }), editing: 'requests' };
  return backToReview(state, answers);
}

function edit(state: MediationState, step: MediationEditStep): MediationState {
  if (state.step !== 'review' || !MEDIATION_EDIT_STEPS.includes(step)) return state;
  if (step === 'manualId' && state.answers.identity?.source !== 'typed') return state;
  return { ...go(state, step), editing: step };
}

function cleanRequests(requests: string[]): string[] | null {
  const clean = requests.map((r) => r.trim()).filter((r) => r.length > 0);
  if (clean.length < 1 || clean.length > MAX_REQUESTS) return null;
  if (new Set(clean).size !== clean.length) return null;
  if (clean.some((r) => r.length > MAX_REQUEST_CHARS)) return null;
  return clean;
}

export function nextMediation(state: MediationState, event: MediationEvent): MediationState {
  const at = (...steps: MediationStep[]): boolean => steps.includes(state.step);
  const a = state.answers;
  switch (event.type) {
    case 'reset':
      return initialMediationState();
    case 'back':
      return back(state);
    case 'cardRead':
      return at('idCard') ? go(state, 'phone', { identity: event.identity }) : state;
    case 'typeIdInstead':
      return at('idCard') ? go(state, 'manualId') : state;
    case 'identityTyped':
      return at('manualId') && event.name.trim()
        ? forward(state, 'phone', {
            identity: { source: 'typed', idNumber: event.idNumber.toUpperCase(), name: event.name.trim() },
          })
        : state;
    case 'phoneEntered':
      return at('phone') && PHONE.test(event.phone) ? forward(state, 'village', { phone: event.phone }) : state;
    case 'villageChosen':
      return at('village') && event.village && event.village !== VILLAGE_UNKNOWN
        ? forward(state, 'otherName', { village: event.village })
        : state;
    case 'otherNameEntered': {
      if (!at('otherName')) return state;
      const name = event.name === null ? null : event.name.trim();
      if (name === '' || (name !== null && name.length > 40)) return state;
      return forward(state, 'otherVillage', { otherName: name, otherNameAnswered: true });
    }
    case 'otherVillageChosen':
      return at('otherVillage') && event.village
        ? forward(state, 'otherPhone', { otherVillage: event.village })
        : state;
    case 'otherPhoneEntered':
      if (!at('otherPhone')) return state;
      if (event.phone !== null && !OTHER_PHONE.test(event.phone)) return state;
      return forward(state, 'kind', { otherPhone: event.phone, otherPhoneAnswered: true });
    case 'kindChosen':
      if (!at('kind') || !event.kind) return state;
      if (state.editing === 'kind' && event.kind === a.kind) return backToReview(state, {});
      return forward(state, 'requests', {
        kind: event.kind,
        ...(event.kind === a.kind ? {} : { requests: [] }),
      });
    case 'requestsEntered': {
      const requests = at('requests') ? cleanRequests(event.requests) : null;
      return requests ? forward(state, 'description', { requests }) : state;
    }
    case 'descriptionEntered': {
      const description = event.description.trim();
      return at('description') && description && description.length <= MAX_DESCRIPTION_CHARS
        ? forward(state, 'consent', { description, callMe: false })
        : state;
    }
    case 'callMeChosen':
      return at('description') ? forward(state, 'consent', { description: '', callMe: true }) : state;
    case 'consentGiven':
      return at('consent') ? go(state, 'mark', { consentAt: event.at }) : state;
    case 'consentDeclined':
      return at('consent') ? go(state, 'declined') : state;
    case 'marked':
      if (!at('mark')) return state;
      if (event.mark.kind === 'signature' && !event.mark.signature) return state;
      return forward(state, 'review', { mark: event.mark });
    case 'reviewConfirmed':
      return at('review')
        ? { ...go(state, 'submitting'), editing: null, submitError: false, submitReason: null }
        : state;
    case 'editRequested':
      return edit(state, event.step);
    case 'submitSucceeded':
      return at('submitting') && !state.submitError
        ? { ...go(state, 'receipt'), submission: event.result, print: { kind: 'idle' } }
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

/** Steps the progress line counts; terminal and error-only steps are not counted. */
export const COUNTED_MEDIATION_STEPS: readonly MediationStep[] = [
  'idCard',
  'phone',
  'village',
  'otherName',
  'otherVillage',
  'otherPhone',
  'kind',
  'requests',
  'description',
  'consent',
  'mark',
  'review',
];
