// The remote-notarization request (远程公证) as a pure state machine (style R3): next(state, event) → state.
// No DOM, no I/O, no timers. Catalogue facts (remote allowed, in-person only) arrive in the events,
// looked up by the owner, so this module needs no content. An event that does not belong to the
// current step returns the same object.
import type { Identity, Photo, PrintState, SubmissionResult, SubmitReason } from './legal-aid-machine.js';

export type { Identity, Photo, PrintState, SubmissionResult, SubmitReason };

export const NOTARIZATION_STEPS = [
  'matter',
  'notHere',
  'purpose',
  'applicant',
  'proxyBlocked',
  'consent',
  'declined',
  'idCard',
  'manualId',
  'liveness',
  'livenessOffice',
  'documents',
  'phone',
  'interview',
  'review',
  'signature',
  'submitting',
  'receipt',
  /** 现在就和公证员视频: the interview right after the receipt (the consultation call stack). */
  'notaryCall',
  'done',
  'exited',
] as const;
export type NotarizationStep = (typeof NOTARIZATION_STEPS)[number];

/** Live-person check attempts before she is sent to the office (never a dead end). */
export const MAX_LIVENESS_ATTEMPTS = 3;
export const MAX_NOTARY_PHOTOS = 9;

export type UseWhere = 'domestic' | 'abroad';
export type ApplicantRole = 'self' | 'family';
export type LivenessFailure = 'timeout' | 'multipleFaces' | 'noFace' | 'camera';
/**
 * The notary's video interview: now (a notary is online), the office phones her, or a published slot
 * whose seat the terminal holds (`slot` is its start, ISO; `holdId` goes into the submission's
 * `booking.holdId`, and the centre ties it to the receipt number).
 */
export type InterviewChoice =
  | { kind: 'now' }
  | { kind: 'phone' }
  | { kind: 'slot'; slot: string; slotId: string; holdId: string; lengthMin: number };

export interface LivenessResult {
  passedAt: string;
  /** Attempts used, passing one included. */
  attempts: number;
  /** The one face crop taken at the moment of the check (JPEG data URL); no video is kept. */
  faceCrop: string;
  order: Array<'left' | 'right'>;
}

export interface NotarizationAnswers {
  matterId: string | null;
  inPersonOnly: boolean;
  where: UseWhere | null;
  use: string | null;
  country: string | null;
  role: ApplicantRole | null;
  relation: string | null;
  consentAt: string | null;
  identity: Identity | null;
  liveness: LivenessResult | null;
  livenessFailures: LivenessFailure[];
  photos: Photo[];
  phone: string;
  interview: InterviewChoice | null;
  signature: string | null;
}

/**
 * Steps the review's 改一下 can open (issue 15 item 4). After the edit the flow returns straight to
 * the review; a different matter asks its purpose, applicant and materials again first.
 */
export const NOTARIZATION_EDIT_STEPS = [
  'matter',
  'purpose',
  'applicant',
  'manualId',
  'documents',
  'phone',
  'interview',
] as const;
export type NotarizationEditStep = (typeof NOTARIZATION_EDIT_STEPS)[number];

export interface NotarizationState {
  step: NotarizationStep;
  history: NotarizationStep[];
  /** The step opened from the review with 改一下, while that edit lasts; null otherwise. */
  editing: NotarizationEditStep | null;
  answers: NotarizationAnswers;
  submission: SubmissionResult | null;
  submitError: boolean;
  submitReason: SubmitReason | null;
  print: PrintState;
}

export type NotarizationEvent =
  | { type: 'matterChosen'; matterId: string; remote: boolean; inPersonOnly: boolean }
  | { type: 'purposeChosen'; where: UseWhere; use: string; country: string | null }
  | { type: 'applicantChosen'; role: ApplicantRole; relation: string | null }
  | { type: 'consentGiven'; at: string }
  | { type: 'consentDeclined' }
  | { type: 'cardRead'; identity: Identity }
  | { type: 'typeIdInstead' }
  | { type: 'identityTyped'; idNumber: string; name: string }
  | { type: 'livenessPassed'; result: Omit<LivenessResult, 'attempts'> }
  | { type: 'livenessFailed'; reason: LivenessFailure }
  | { type: 'photoAdded'; photo: Photo }
  | { type: 'photoRemoved'; index: number }
  | { type: 'photosDone' }
  | { type: 'phoneEntered'; phone: string }
  | { type: 'interviewChosen'; choice: InterviewChoice }
  | { type: 'reviewConfirmed' }
  | { type: 'editRequested'; step: NotarizationEditStep }
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
  /** The interview chosen for now is over: it took place, or its fallback was read. */
  | { type: 'interviewOver' }
  | { type: 'back' }
  | { type: 'reset' };

export function initialNotarizationState(): NotarizationState {
  return {
    step: 'matter',
    history: [],
    editing: null,
    answers: {
      matterId: null,
      inPersonOnly: false,
      where: null,
      use: null,
      country: null,
      role: null,
      relation: null,
      consentAt: null,
      identity: null,
      liveness: null,
      livenessFailures: [],
      photos: [],
      phone: '',
      interview: null,
      signature: null,
    },
    submission: null,
    submitError: false,
    submitReason: null,
    print: { kind: 'idle' },
  };
}

/** Steps after which going back would undo something sent or printed, or repeat a failed check. */
const NO_BACK: readonly NotarizationStep[] = ['receipt', 'notaryCall', 'done', 'exited', 'livenessOffice'];

function go(
  state: NotarizationState,
  step: NotarizationStep,
  answers: Partial<NotarizationAnswers> = {},
): NotarizationState {
  return { ...state, step, history: [...state.history, state.step], answers: { ...state.answers, ...answers } };
}

function back(state: NotarizationState): NotarizationState {
  if (NO_BACK.includes(state.step)) return state;
  if (state.step === 'submitting' && !state.submitError) return state;
  if (state.history.length === 0) return { ...state, step: 'exited' };
  let target = state.history[state.history.length - 1];
  let history = state.history.slice(0, -1);
  // The check is not re-run by 上一步: stepping back from the materials goes to before it.
  while (target === 'liveness' && state.answers.liveness && history.length > 0) {
    target = history[history.length - 1];
    history = history.slice(0, -1);
  }
  // 上一步 from the step opened by 改一下 lands on the review: the edit is over.
  const editing = target === 'review' ? null : state.editing;
  return { ...state, step: target, history, editing, submitError: false, submitReason: null };
}

/**
 * While an edit from the review lasts: where the normal next step goes instead. `review` when the
 * edited answers are complete again; after a different matter, consent, ID card and the live-person
 * check are already done, so its materials come next.
 */
const EDIT_REDIRECTS: Record<NotarizationEditStep, Partial<Record<NotarizationStep, NotarizationStep>>> = {
  matter: { consent: 'documents', phone: 'review' },
  purpose: { applicant: 'review' },
  applicant: { consent: 'review' },
  manualId: { documents: 'review' },
  documents: { phone: 'review' },
  phone: { interview: 'review' },
  interview: { review: 'review' },
};

/** Back to the review with the changed answers; its history is the one it had before the edit. */
function backToReview(state: NotarizationState, answers: Partial<NotarizationAnswers>): NotarizationState {
  const at = state.history.lastIndexOf('review');
  return {
    ...state,
    step: 'review',
    history: at >= 0 ? state.history.slice(0, at) : [...state.history],
    editing: null,
    answers: { ...state.answers, ...answers },
  };
}

/** `go`, except that an edit from the review skips what is already answered and returns to it. */
function forward(
  state: NotarizationState,
  step: NotarizationStep,
  answers: Partial<NotarizationAnswers> = {},
): NotarizationState {
  const target = state.editing ? (EDIT_REDIRECTS[state.editing][step] ?? step) : step;
  return target === 'review' && state.editing ? backToReview(state, answers) : go(state, target, answers);
}

/** 改一下 on the review: the step of that answer, typed identity only (a card is read, not edited). */
function edit(state: NotarizationState, step: NotarizationEditStep): NotarizationState {
  if (state.step !== 'review' || !NOTARIZATION_EDIT_STEPS.includes(step)) return state;
  if (step === 'manualId' && state.answers.identity?.source !== 'typed') return state;
  return { ...go(state, step), editing: step };
}

export function nextNotarization(state: NotarizationState, event: NotarizationEvent): NotarizationState {
  const at = (...steps: NotarizationStep[]): boolean => steps.includes(state.step);
  const a = state.answers;
  switch (event.type) {
    case 'reset':
      return initialNotarizationState();
    case 'back':
      return back(state);
    case 'matterChosen':
      if (!at('matter')) return state;
      // The same matter again: nothing after it changes.
      if (state.editing === 'matter' && event.remote && event.matterId === a.matterId) return backToReview(state, {});
      return go(state, event.remote ? 'purpose' : 'notHere', {
        matterId: event.matterId,
        inPersonOnly: event.inPersonOnly,
        ...(event.matterId === a.matterId ? {} : { photos: [] }),
      });
    case 'purposeChosen':
      if (!at('purpose')) return state;
      if (event.where === 'abroad' && !event.country) return state;
      return forward(state, 'applicant', {
        where: event.where,
        use: event.use,
        country: event.where === 'abroad' ? event.country : null,
      });
    case 'applicantChosen': {
      if (!at('applicant', 'proxyBlocked')) return state;
      if (event.role === 'family' && !event.relation) return state;
      const answers = { role: event.role, relation: event.role === 'family' ? event.relation : null };
      // 公证法 Art 26: matters that must be done in person are never done by an agent.
      if (event.role === 'family' && a.inPersonOnly)
        return at('proxyBlocked') ? state : go(state, 'proxyBlocked', answers);
      return forward(state, 'consent', answers);
    }
    case 'consentGiven':
      return at('consent') ? go(state, 'idCard', { consentAt: event.at }) : state;
    case 'consentDeclined':
      return at('consent') ? go(state, 'declined') : state;
    case 'cardRead':
      return at('idCard') ? go(state, a.liveness ? 'documents' : 'liveness', { identity: event.identity }) : state;
    case 'typeIdInstead':
      return at('idCard') ? go(state, 'manualId') : state;
    case 'identityTyped':
      return at('manualId')
        ? forward(state, a.liveness ? 'documents' : 'liveness', {
            identity: { source: 'typed', idNumber: event.idNumber.toUpperCase(), name: event.name },
          })
        : state;
    case 'livenessPassed':
      return at('liveness')
        ? go(state, 'documents', { liveness: { ...event.result, attempts: a.livenessFailures.length + 1 } })
        : state;
    case 'livenessFailed': {
      if (!at('liveness')) return state;
      const failures = [...a.livenessFailures, event.reason];
      if (failures.length >= MAX_LIVENESS_ATTEMPTS) return go(state, 'livenessOffice', { livenessFailures: failures });
      return { ...state, answers: { ...a, livenessFailures: failures } };
    }
    case 'photoAdded':
      return at('documents') && a.photos.length < MAX_NOTARY_PHOTOS
        ? { ...state, answers: { ...a, photos: [...a.photos, event.photo] } }
        : state;
    case 'photoRemoved':
      return at('documents') && event.index >= 0 && event.index < a.photos.length
        ? { ...state, answers: { ...a, photos: a.photos.filter((_, i) => i !== event.index) } }
        : state;
    case 'photosDone':
      return at('documents') ? forward(state, 'phone') : state;
    case 'phoneEntered':
      return at('phone') ? forward(state, 'interview', { phone: event.phone }) : state;
    case 'interviewChosen':
      if (!at('interview')) return state;
      if (event.choice.kind === 'slot' && (!event.choice.holdId || !event.choice.slot)) return state;
      return forward(state, 'review', { interview: event.choice });
    case 'reviewConfirmed':
      return at('review') ? go(state, 'signature') : state;
    case 'editRequested':
      return edit(state, event.step);
    case 'signed':
      return at('signature')
        ? { ...go(state, 'submitting', { signature: event.signature }), submitError: false, submitReason: null }
        : state;
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
      if (!at('receipt') || state.print.kind === 'printing') return state;
      // Chosen 现在就和公证员视频: from the receipt straight into the interview, not home and back.
      return go(state, a.interview?.kind === 'now' ? 'notaryCall' : 'done');
    case 'interviewOver':
      return at('notaryCall') ? go(state, 'done') : state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** From the submission on, a held seat travels in the request (`booking.holdId`) and is the centre's to confirm. */
const SENT: readonly NotarizationStep[] = ['submitting', 'receipt', 'notaryCall', 'done'];

/** The seat the terminal holds for her that no request carries yet (released when she leaves it), or null. */
export function unsubmittedHold(s: NotarizationState): string | null {
  if (s.submission || SENT.includes(s.step)) return null;
  return s.answers.interview?.kind === 'slot' ? s.answers.interview.holdId : null;
}

/** The hold `prev` kept that `next` gives up (another slot, now or the phone, the end of the visit), or null. */
export function droppedHold(prev: NotarizationState, next: NotarizationState): string | null {
  const held = unsubmittedHold(prev);
  const kept = next.answers.interview?.kind === 'slot' ? next.answers.interview.holdId : null;
  return held && held !== kept ? held : null;
}

/** Steps the progress line counts; terminal and error-only steps are not counted. */
export const COUNTED_NOTARIZATION_STEPS: readonly NotarizationStep[] = [
  'matter',
  'purpose',
  'applicant',
  'consent',
  'idCard',
  'liveness',
  'documents',
  'phone',
  'interview',
  'review',
  'signature',
];
