// The 绿色通道 预约/上门 booking (法律援助法 Art. 45) as a pure state machine (style R3):
// nextHomeVisit(state, event) → state. A relative or neighbour books for someone who cannot come:
// no ID card of the absent person. No DOM, no I/O, no timers; an event that does not belong to the
// current step returns the same object.
import type { PrintState, SubmissionResult, SubmitReason } from './legal-aid-machine.js';

export const HOME_VISIT_STEPS = [
  'person',
  'about',
  'service',
  'mode',
  'village',
  'group',
  'phone',
  'days',
  'consent',
  'declined',
  'review',
  'submitting',
  'receipt',
  'rating',
  'done',
  'exited',
] as const;
export type HomeVisitStep = (typeof HOME_VISIT_STEPS)[number];

/** Steps counted in 第n步，共m步 (the questions up to the review). */
export const COUNTED_HOME_VISIT_STEPS: readonly HomeVisitStep[] = [
  'person',
  'about',
  'service',
  'mode',
  'village',
  'group',
  'phone',
  'days',
  'consent',
  'review',
];

export const AGE_GROUPS = ['under60', '60to69', '70to79', '80plus'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];
export const DISABILITY_ANSWERS = ['yes', 'no', 'unknown'] as const;
export type Disability = (typeof DISABILITY_ANSWERS)[number];
export const HOME_VISIT_SERVICES = ['legalAid', 'notarization', 'consultation', 'mediation'] as const;
export type HomeVisitService = (typeof HOME_VISIT_SERVICES)[number];
export const HOME_VISIT_MODES = ['homeVisit', 'appointment'] as const;
export type HomeVisitMode = (typeof HOME_VISIT_MODES)[number];
/** Where the booking was offered: home, or a service's first screen. */
export const HOME_VISIT_SOURCES = ['home', ...HOME_VISIT_SERVICES] as const;
export type HomeVisitSource = (typeof HOME_VISIT_SOURCES)[number];

export const isHomeVisitSource = (s: unknown): s is HomeVisitSource =>
  typeof s === 'string' && (HOME_VISIT_SOURCES as readonly string[]).includes(s);

/** 1–5: 很不满意 … 很满意. */
export type SatisfactionScore = 1 | 2 | 3 | 4 | 5;

export interface HomeVisitAnswers {
  /** The absent person's name (typed with the pinyin keyboard). */
  name: string;
  ageGroup: AgeGroup | null;
  disability: Disability | null;
  service: HomeVisitService | null;
  mode: HomeVisitMode | null;
  /** Village id from content/counties/<county>/villages.json. */
  villageId: string | null;
  /** 村民小组 number as text ('3'), 'unknown' for 不清楚, null when the village has none or not asked yet. */
  group: string | null;
  phone: string;
  /** China dates (YYYY-MM-DD) within the next 7 days. */
  days: string[];
  consentAt: string | null;
}

export interface HomeVisitState {
  step: HomeVisitStep;
  history: HomeVisitStep[];
  source: HomeVisitSource;
  answers: HomeVisitAnswers;
  submission: SubmissionResult | null;
  submitError: boolean;
  submitReason: SubmitReason | null;
  print: PrintState;
  /** The score she gave (sent as a count, nothing else); null: none yet or skipped. */
  rating: SatisfactionScore | null;
}

export type HomeVisitEvent =
  | { type: 'nameEntered'; name: string }
  | { type: 'aboutChosen'; ageGroup: AgeGroup; disability: Disability }
  | { type: 'serviceChosen'; service: HomeVisitService }
  | { type: 'modeChosen'; mode: HomeVisitMode }
  /** `groups`: how many 村民小组 the village has (0: the group question is skipped). */
  | { type: 'villageChosen'; villageId: string; groups: number }
  | { type: 'groupChosen'; group: string }
  | { type: 'phoneEntered'; phone: string }
  | { type: 'daysChosen'; days: string[] }
  | { type: 'consentGiven'; at: string }
  | { type: 'consentDeclined' }
  | { type: 'reviewConfirmed' }
  | { type: 'submitSucceeded'; result: SubmissionResult }
  | { type: 'submitFailed'; reason?: SubmitReason }
  | { type: 'retrySubmit' }
  | { type: 'printStarted' }
  | { type: 'printSucceeded' }
  | { type: 'printPaperOut'; heldJobId: string }
  | { type: 'printFailed' }
  | { type: 'reprintRequested' }
  | { type: 'receiptSeen' }
  | { type: 'rated'; score: SatisfactionScore }
  | { type: 'ratingSkipped' }
  | { type: 'back' }
  | { type: 'reset' };

export type HomeVisitEventType = HomeVisitEvent['type'];

const NAME_MAX = 40;
const DAYS_MAX = 7;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const PHONE = /^1[3-9]\d{9}$/;
const GROUP = /^(unknown|[1-9]\d?)$/;

export function initialHomeVisitState(source: HomeVisitSource = 'home'): HomeVisitState {
  return {
    step: 'person',
    history: [],
    source,
    answers: {
      name: '',
      ageGroup: null,
      disability: null,
      // Offered from a service's first screen: that service is already chosen (she may change it).
      service: source === 'home' ? null : source,
      mode: null,
      villageId: null,
      group: null,
      phone: '',
      days: [],
      consentAt: null,
    },
    submission: null,
    submitError: false,
    submitReason: null,
    print: { kind: 'idle' },
    rating: null,
  };
}

function go(state: HomeVisitState, step: HomeVisitStep, answers: Partial<HomeVisitAnswers> = {}): HomeVisitState {
  return { ...state, step, history: [...state.history, state.step], answers: { ...state.answers, ...answers } };
}

function back(state: HomeVisitState): HomeVisitState {
  if (state.history.length === 0) return { ...state, step: 'exited' };
  return { ...state, step: state.history[state.history.length - 1], history: state.history.slice(0, -1) };
}

/** Steps where 上一步 does nothing: the booking is stored (or being stored). */
const NO_BACK: ReadonlySet<HomeVisitStep> = new Set(['submitting', 'receipt', 'rating', 'done', 'exited']);

export function nextHomeVisit(state: HomeVisitState, event: HomeVisitEvent): HomeVisitState {
  const at = (step: HomeVisitStep): boolean => state.step === step;
  switch (event.type) {
    case 'nameEntered': {
      const name = event.name.trim();
      if (!at('person') || !name || name.length > NAME_MAX) return state;
      return go(state, 'about', { name });
    }
    case 'aboutChosen':
      return at('about') ? go(state, 'service', { ageGroup: event.ageGroup, disability: event.disability }) : state;
    case 'serviceChosen':
      return at('service') ? go(state, 'mode', { service: event.service }) : state;
    case 'modeChosen':
      return at('mode') ? go(state, 'village', { mode: event.mode }) : state;
    case 'villageChosen': {
      if (!at('village') || !event.villageId) return state;
      const changed = event.villageId !== state.answers.villageId;
      const group = changed ? null : state.answers.group;
      return event.groups > 0
        ? go(state, 'group', { villageId: event.villageId, group })
        : go(state, 'phone', { villageId: event.villageId, group: null });
    }
    case 'groupChosen':
      return at('group') && GROUP.test(event.group) ? go(state, 'phone', { group: event.group }) : state;
    case 'phoneEntered':
      return at('phone') && PHONE.test(event.phone) ? go(state, 'days', { phone: event.phone }) : state;
    case 'daysChosen': {
      const days = [...new Set(event.days)].filter((d) => DATE.test(d)).sort();
      if (!at('days') || days.length === 0 || days.length > DAYS_MAX) return state;
      return go(state, 'consent', { days });
    }
    case 'consentGiven':
      return at('consent') ? go(state, 'review', { consentAt: event.at }) : state;
    case 'consentDeclined':
      return at('consent') ? go(state, 'declined') : state;
    case 'reviewConfirmed':
      return at('review') ? go(state, 'submitting') : state;
    case 'submitSucceeded':
      return at('submitting')
        ? { ...go(state, 'receipt'), submission: event.result, submitError: false, submitReason: null }
        : state;
    case 'submitFailed':
      return at('submitting') ? { ...state, submitError: true, submitReason: event.reason ?? null } : state;
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
      return at('receipt') && (state.print.kind === 'paperOut' || state.print.kind === 'failed')
        ? { ...state, print: { kind: 'printing' } }
        : state;
    case 'receiptSeen':
      return at('receipt') && state.print.kind !== 'printing' ? go(state, 'rating') : state;
    case 'rated':
      return at('rating') ? { ...go(state, 'done'), rating: event.score } : state;
    case 'ratingSkipped':
      return at('rating') ? go(state, 'done') : state;
    case 'back':
      return NO_BACK.has(state.step) ? state : back(state);
    case 'reset':
      return initialHomeVisitState(state.source);
    default: {
      const never: never = event;
      return never;
    }
  }
}

/** The phone with its middle four digits hidden (receipt, review read aloud). */
export function maskPhone(phone: string): string {
  return phone.length === 11 ? `${phone.slice(0, 3)}****${phone.slice(7)}` : phone;
}
