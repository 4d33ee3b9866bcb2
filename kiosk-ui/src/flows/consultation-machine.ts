// The video consultation (视频咨询) as a pure state machine (style R3): nextFlow(state, event) → state.
// No DOM, no I/O, no timers. An event that does not belong to the current step returns the same object.
// The call client's reports (queued, matched, peer-lost …) arrive as events, translated by the owner;
// the fallback ladder (reference/video-consultation.md §4) is the `fallback` step with its reason.
import type { ConsultationTopic, HangupReason } from '@kiosk/contract/signalling-api';

export const CONSULTATION_STEPS = [
  'topic',
  'consent',
  'callerName',
  'deviceCheck',
  'connecting',
  'queue',
  'call',
  'rating',
  'summary',
  'fallback',
  'callback',
  'callbackDone',
  'done',
  'exited',
] as const;
export type ConsultationStep = (typeof CONSULTATION_STEPS)[number];

/**
 * Why the hotline screen is shown (§4): declined consent, no camera/mic, centre unreachable (rung 5),
 * no lawyer online (rung 1), nobody answered in time (rung 2), the lawyer vanished (rung 3), the media
 * path could not be repaired within 45 s (rung 4).
 */
export const FALLBACK_REASONS = [
  'declined',
  'devices',
  'unreachable',
  'noLawyer',
  'timeout',
  'lawyerLost',
  'mediaLost',
] as const;
export type FallbackReason = (typeof FALLBACK_REASONS)[number];

/** The call-back windows offered on the screen (content/schemas/submission-callback.schema.json). */
export const CALLBACK_WINDOWS = ['todayMorning', 'todayAfternoon', 'tomorrowMorning', 'tomorrowAfternoon'] as const;
export type CallbackWindow = (typeof CALLBACK_WINDOWS)[number];

/** 非常满意 5 … 非常不满意 1. */
export type RatingScore = 1 | 2 | 3 | 4 | 5;

export interface QueueInfo {
  ticket: string | null;
  position: number | null;
  /** Honest estimate from the centre; null when it cannot say. */
  estimatedWaitS: number | null;
  lawyersOnline: number | null;
}

/** `connecting`: matched, media not yet flowing; `reconnecting`: the media path is being repaired. */
export type CallLink = 'connecting' | 'live' | 'reconnecting' | 'peerLost';

export interface CallInfo {
  callId: string;
  lawyerName: string | null;
  startedAt: string;
  link: CallLink;
  audioOnly: boolean;
  /** True once media flowed at least once (a call that never connected gets no rating). */
  connectedOnce: boolean;
}

export interface EndedCall {
  callId: string;
  lawyerName: string | null;
  startedAt: string;
  endedAt: string;
}

/**
 * The lawyer's note for the villager, written after the call: awaited (bounded, on the rating and
 * summary screens) before the slip prints; `written` puts her text on it, `none` prints without.
 */
export type CallerNote = { kind: 'waiting' } | { kind: 'none' } | { kind: 'written'; text: string };

export type SlipPrint = { kind: 'idle' } | { kind: 'printing' } | { kind: 'printed' } | { kind: 'failed' };

export type CallbackStatus = 'editing' | 'saving' | 'failed';

export interface CallbackBooking {
  phone: string;
  window: CallbackWindow;
}

export interface ConsultationFlowState {
  step: ConsultationStep;
  topic: ConsultationTopic | null;
  /** When she agreed to the video call (spoken consent), ISO time. */
  consentAt: string | null;
  /** Her name from the ID card, only when she chose to tell the lawyer (wiped with the visit). */
  callerName: string | null;
  queue: QueueInfo;
  call: CallInfo | null;
  /** The call that just ended, for the rating and the summary slip. */
  ended: EndedCall | null;
  fallback: FallbackReason | null;
  callback: CallbackBooking | null;
  callbackStatus: CallbackStatus;
  callbackReceipt: string | null;
  rating: RatingScore | null;
  callerNote: CallerNote;
  print: SlipPrint;
}

export type ConsultationEvent =
  | { type: 'topicChosen'; topic: ConsultationTopic }
  | { type: 'consentGiven'; at: string }
  | { type: 'consentDeclined' }
  | { type: 'callerNameGiven'; name: string }
  | { type: 'callerNameSkipped' }
  | { type: 'devicesReady' }
  | { type: 'devicesFailed' }
  | { type: 'presence'; lawyersOnline: number }
  | { type: 'queued'; ticket: string; position: number; estimatedWaitS?: number; lawyersOnline: number }
  | { type: 'noAnswer'; reason: 'no-lawyer-online' | 'timeout'; ticket?: string }
  | { type: 'unreachable' }
  | { type: 'keepWaiting' }
  | { type: 'requeue' }
  | { type: 'leaveQueue' }
  | { type: 'matched'; callId: string; lawyerName?: string; at: string }
  | { type: 'mediaConnected' }
  | { type: 'mediaInterrupted' }
  | { type: 'peerLost'; callId: string }
  | { type: 'peerReconnected'; callId: string }
  | { type: 'audioOnly' }
  | { type: 'hangup'; at: string }
  | { type: 'remoteHangup'; callId: string; reason: HangupReason; at: string }
  | { type: 'callFailed'; at: string }
  /** The centre relayed the lawyer's saved note for this call (`text`: what she wrote for the villager). */
  | { type: 'noteForCaller'; callId: string; text?: string }
  /** The wait for the note is over (its time ran out, or 不等了，打印). */
  | { type: 'noteWaitEnded' }
  | { type: 'callbackRequested' }
  | { type: 'callbackSaving'; booking: CallbackBooking }
  | { type: 'callbackStored'; receiptNo: string }
  | { type: 'callbackFailed' }
  | { type: 'rated'; score: RatingScore }
  | { type: 'ratingSkipped' }
  | { type: 'printStarted' }
  | { type: 'printSucceeded' }
  | { type: 'printFailed' }
  | { type: 'finished' }
  | { type: 'back' }
  | { type: 'reset' };

export type ConsultationEventType = ConsultationEvent['type'];

const NO_NOTE: CallerNote = { kind: 'none' };
const NOTE_AWAITED: CallerNote = { kind: 'waiting' };

export const EMPTY_QUEUE: QueueInfo = { ticket: null, position: null, estimatedWaitS: null, lawyersOnline: null };

export function initialConsultationState(): ConsultationFlowState {
  return {
    step: 'topic',
    topic: null,
    consentAt: null,
    callerName: null,
    queue: EMPTY_QUEUE,
    call: null,
    ended: null,
    fallback: null,
    callback: null,
    callbackStatus: 'editing',
    callbackReceipt: null,
    rating: null,
    callerNote: NO_NOTE,
    print: { kind: 'idle' },
  };
}

/** Steps where the villager is waiting for, or talking to, a lawyer: the idle clock is paused. */
export const LIVE_STEPS: readonly ConsultationStep[] = ['connecting', 'queue', 'call'];

/** Steps with a printable slip. */
const PRINT_STEPS: readonly ConsultationStep[] = ['fallback', 'summary', 'callbackDone'];

function go(state: ConsultationFlowState, step: ConsultationStep, patch: Partial<ConsultationFlowState> = {}) {
  return { ...state, print: { kind: 'idle' } as SlipPrint, ...patch, step };
}

function toFallback(state: ConsultationFlowState, reason: FallbackReason, patch: Partial<ConsultationFlowState> = {}) {
  return go(state, 'fallback', { fallback: reason, ...patch });
}

function endCall(state: ConsultationFlowState, at: string): EndedCall | null {
  if (!state.call) return state.ended;
  return { callId: state.call.callId, lawyerName: state.call.lawyerName, startedAt: state.call.startedAt, endedAt: at };
}

function withCall(state: ConsultationFlowState, patch: Partial<CallInfo>): ConsultationFlowState {
  return state.call ? { ...state, call: { ...state.call, ...patch } } : state;
}

function back(state: ConsultationFlowState): ConsultationFlowState {
  switch (state.step) {
    case 'topic':
      return go(state, 'exited');
    case 'consent':
      return go(state, 'topic');
    case 'callerName':
      return go(state, 'consent', { callerName: null });
    case 'deviceCheck':
      return go(state, 'callerName', { callerName: null });
    case 'connecting':
    case 'queue':
      return go(state, 'exited', { queue: EMPTY_QUEUE });
    case 'callback':
      return state.callbackStatus === 'saving' ? state : go(state, 'fallback', { callbackStatus: 'editing' });
    case 'fallback':
      if (state.fallback === 'declined') return go(state, 'consent', { fallback: null });
      if (state.fallback === 'devices') return go(state, 'deviceCheck', { fallback: null });
      return go(state, 'exited');
    // A call ends with 挂断; after it, nothing is undone by 返回.
    case 'call':
    case 'rating':
    case 'summary':
    case 'callbackDone':
    case 'done':
    case 'exited':
      return state;
    default: {
      const never: never = state.step;
      return never;
    }
  }
}

/** How the centre's hang-up reason moves her down the ladder (§4). */
function afterRemoteHangup(state: ConsultationFlowState, reason: HangupReason, at: string): ConsultationFlowState {
  const ended = endCall(state, at);
  const connected = state.call?.connectedOnce ?? false;
  switch (reason) {
    case 'hangup':
    case 'visit-ended':
      return connected
        ? go(state, 'rating', { call: null, ended, callerNote: NOTE_AWAITED })
        : toFallback(state, 'lawyerLost', { call: null });
    case 'peer-timeout':
      return toFallback(state, 'lawyerLost', { call: null, ended });
    case 'network':
    case 'resume-rejected':
    case 'superseded':
    case 'unknown-call':
      return toFallback(state, 'mediaLost', { call: null, ended });
    default: {
      const never: never = reason;
      return never;
    }
  }
}

export function nextFlow(state: ConsultationFlowState, event: ConsultationEvent): ConsultationFlowState {
  const at = (...steps: ConsultationStep[]): boolean => steps.includes(state.step);
  const inCall = (callId: string): boolean => at('call') && state.call?.callId === callId;
  switch (event.type) {
    case 'reset':
      return initialConsultationState();
    case 'back':
      return back(state);
    case 'topicChosen':
      return at('topic') ? go(state, 'consent', { topic: event.topic }) : state;
    case 'consentGiven':
      return at('consent') ? go(state, 'callerName', { consentAt: event.at }) : state;
    case 'consentDeclined':
      return at('consent') ? toFallback(state, 'declined', { consentAt: null }) : state;
    case 'callerNameGiven':
      return at('callerName') && event.name.trim()
        ? go(state, 'deviceCheck', { callerName: event.name.trim() })
        : state;
    case 'callerNameSkipped':
      return at('callerName') ? go(state, 'deviceCheck', { callerName: null }) : state;
    case 'devicesReady':
      return at('deviceCheck') ? go(state, 'connecting', { queue: EMPTY_QUEUE }) : state;
    case 'devicesFailed':
      return at('deviceCheck') ? toFallback(state, 'devices') : state;
    case 'presence':
      return at('connecting', 'queue') && state.queue.lawyersOnline !== event.lawyersOnline
        ? { ...state, queue: { ...state.queue, lawyersOnline: event.lawyersOnline } }
        : state;
    case 'queued':
      return at('connecting', 'queue')
        ? {
            ...state,
            step: 'queue',
            queue: {
              ticket: event.ticket,
              position: event.position,
              estimatedWaitS: event.estimatedWaitS ?? null,
              lawyersOnline: event.lawyersOnline,
            },
          }
        : state;
    case 'noAnswer':
      if (!at('connecting', 'queue')) return state;
      return event.reason === 'timeout'
        ? toFallback(state, 'timeout', { queue: { ...state.queue, ticket: event.ticket ?? state.queue.ticket } })
        : toFallback(state, 'noLawyer', { queue: EMPTY_QUEUE });
    case 'unreachable':
      return at('connecting', 'queue') ? toFallback(state, 'unreachable', { queue: EMPTY_QUEUE }) : state;
    case 'keepWaiting':
      return at('fallback') && state.fallback === 'timeout' ? go(state, 'queue', { fallback: null }) : state;
    case 'requeue':
      return at('fallback') && (state.fallback === 'lawyerLost' || state.fallback === 'mediaLost')
        ? go(state, 'connecting', { fallback: null, queue: EMPTY_QUEUE, ended: null })
        : state;
    case 'leaveQueue':
      return at('connecting', 'queue') ? go(state, 'exited', { queue: EMPTY_QUEUE }) : state;
    case 'matched':
      return at('connecting', 'queue')
        ? go(state, 'call', {
            queue: EMPTY_QUEUE,
            call: {
              callId: event.callId,
              lawyerName: event.lawyerName ?? null,
              startedAt: event.at,
              link: 'connecting',
              audioOnly: false,
              connectedOnce: false,
            },
          })
        : state;
    case 'mediaConnected':
      return at('call') && state.call && state.call.link !== 'live' && state.call.link !== 'peerLost'
        ? withCall(state, { link: 'live', connectedOnce: true })
        : state;
    case 'mediaInterrupted':
      return at('call') && state.call?.link === 'live' ? withCall(state, { link: 'reconnecting' }) : state;
    case 'peerLost':
      return inCall(event.callId) && state.call?.link !== 'peerLost' ? withCall(state, { link: 'peerLost' }) : state;
    case 'peerReconnected':
      return inCall(event.callId) && state.call?.link === 'peerLost'
        ? withCall(state, { link: 'reconnecting' })
        : state;
    case 'audioOnly':
      return at('call') && state.call && !state.call.audioOnly ? withCall(state, { audioOnly: true }) : state;
    case 'hangup':
      if (!at('call')) return state;
      return state.call?.connectedOnce
        ? go(state, 'rating', { call: null, ended: endCall(state, event.at), callerNote: NOTE_AWAITED })
        : go(state, 'exited', { call: null });
    case 'remoteHangup':
      return inCall(event.callId) ? afterRemoteHangup(state, event.reason, event.at) : state;
    case 'callFailed':
      return at('call') ? toFallback(state, 'mediaLost', { call: null, ended: endCall(state, event.at) }) : state;
    case 'noteForCaller':
      return at('rating', 'summary') && state.callerNote.kind === 'waiting' && state.ended?.callId === event.callId
        ? { ...state, callerNote: event.text ? { kind: 'written', text: event.text } : NO_NOTE }
        : state;
    case 'noteWaitEnded':
      return at('rating', 'summary') && state.callerNote.kind === 'waiting' ? { ...state, callerNote: NO_NOTE } : state;
    case 'callbackRequested':
      return at('fallback') ? go(state, 'callback', { callbackStatus: 'editing' }) : state;
    case 'callbackSaving':
      return at('callback') && state.callbackStatus !== 'saving'
        ? { ...state, callback: event.booking, callbackStatus: 'saving' }
        : state;
    case 'callbackStored':
      return at('callback') && state.callbackStatus === 'saving'
        ? go(state, 'callbackDone', { callbackReceipt: event.receiptNo, callbackStatus: 'editing', queue: EMPTY_QUEUE })
        : state;
    case 'callbackFailed':
      return at('callback') && state.callbackStatus === 'saving' ? { ...state, callbackStatus: 'failed' } : state;
    case 'rated':
      return at('rating') ? go(state, 'summary', { rating: event.score }) : state;
    case 'ratingSkipped':
      return at('rating') ? go(state, 'summary') : state;
    case 'printStarted':
      // The summary slip waits for the lawyer's note (or the end of that wait).
      return PRINT_STEPS.includes(state.step) &&
        state.print.kind !== 'printing' &&
        !(state.step === 'summary' && state.callerNote.kind === 'waiting')
        ? { ...state, print: { kind: 'printing' } }
        : state;
    case 'printSucceeded':
      return PRINT_STEPS.includes(state.step) && state.print.kind === 'printing'
        ? { ...state, print: { kind: 'printed' } }
        : state;
    case 'printFailed':
      return PRINT_STEPS.includes(state.step) && state.print.kind === 'printing'
        ? { ...state, print: { kind: 'failed' } }
        : state;
    case 'finished':
      return at('summary', 'callbackDone', 'fallback') && state.print.kind !== 'printing' ? go(state, 'done') : state;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}
