// The notary's video interview (issue 12) as a pure state machine (style R3): next(state, event) →
// state. No DOM, no I/O, no timers. Either she joins a booked interview from home (我预约了公证视频, the
// receipt digits), or she chose 现在就和公证员视频 and the notarization flow starts it right after her
// receipt (`nowInterviewState`: the receipt number is known; nobody online means the fallback at once).
// The call client's reports arrive as events, translated by the owner. An event that does not belong
// to the current step returns the same object.

export const NOTARY_INTERVIEW_STEPS = ['receipt', 'waiting', 'call', 'ended', 'fallback', 'done', 'exited'] as const;
export type NotaryInterviewStep = (typeof NOTARY_INTERVIEW_STEPS)[number];

export type NotaryFallback =
  | 'unknownReceipt'
  /** "Now": her request did not reach the centre in time (the outbox still holds it). */
  | 'notArrived'
  /** "Now": no notary online any more when she got there. */
  | 'noNotary'
  | 'unreachable'
  | 'timeout'
  | 'devices'
  | 'mediaLost';
export type NotaryCallLink = 'connecting' | 'live' | 'reconnecting' | 'peerLost';

export interface NotaryInterviewState {
  step: NotaryInterviewStep;
  /** Started from the notarization flow's receipt (现在就和公证员视频), not from home. */
  now: boolean;
  receiptNo: string | null;
  notariesOnline: number | null;
  call: { callId: string; startedAt: string; link: NotaryCallLink; audioOnly: boolean } | null;
  fallback: NotaryFallback | null;
}

export type NotaryInterviewEvent =
  | { type: 'receiptEntered'; receiptNo: string }
  | { type: 'waiting'; notariesOnline: number }
  | { type: 'matched'; callId: string; at: string }
  | { type: 'mediaConnected' }
  | { type: 'mediaInterrupted' }
  | { type: 'peerLost'; callId: string }
  | { type: 'peerReconnected'; callId: string }
  | { type: 'audioOnly' }
  | { type: 'hangup' }
  | { type: 'remoteHangup'; callId: string }
  | { type: 'failed'; reason: NotaryFallback }
  | { type: 'cancel' }
  | { type: 'finished' }
  | { type: 'back' }
  | { type: 'reset' };

export function initialNotaryInterviewState(): NotaryInterviewState {
  return { step: 'receipt', now: false, receiptNo: null, notariesOnline: null, call: null, fallback: null };
}

/** 现在就和公证员视频: straight into the waiting room with the request just submitted. */
export function nowInterviewState(receiptNo: string): NotaryInterviewState {
  return { ...initialNotaryInterviewState(), step: 'waiting', now: true, receiptNo };
}

export function nextNotaryInterview(s: NotaryInterviewState, e: NotaryInterviewEvent): NotaryInterviewState {
  const link = (l: NotaryCallLink): NotaryInterviewState =>
    s.step === 'call' && s.call && s.call.link !== l ? { ...s, call: { ...s.call, link: l } } : s;
  switch (e.type) {
    case 'receiptEntered':
      return s.step === 'receipt' ? { ...s, step: 'waiting', receiptNo: e.receiptNo, notariesOnline: null } : s;
    case 'waiting':
      if (s.step !== 'waiting') return s;
      // She came for a notary online now: nobody there is the fallback, not a wait for a booked time.
      if (s.now && e.notariesOnline === 0) return { ...s, step: 'fallback', fallback: 'noNotary' };
      return s.notariesOnline !== e.notariesOnline ? { ...s, notariesOnline: e.notariesOnline } : s;
    case 'matched':
      return s.step === 'waiting'
        ? { ...s, step: 'call', call: { callId: e.callId, startedAt: e.at, link: 'connecting', audioOnly: false } }
        : s;
    case 'mediaConnected':
      return link('live');
    case 'mediaInterrupted':
      return s.call?.link === 'connecting' ? s : link('reconnecting');
    case 'peerLost':
      return s.call?.callId === e.callId ? link('peerLost') : s;
    case 'peerReconnected':
      return s.call?.callId === e.callId ? link('reconnecting') : s;
    case 'audioOnly':
      return s.step === 'call' && s.call && !s.call.audioOnly ? { ...s, call: { ...s.call, audioOnly: true } } : s;
    case 'hangup':
      return s.step === 'call' ? { ...s, step: 'ended' } : s;
    case 'remoteHangup':
      return s.step === 'call' && s.call?.callId === e.callId ? { ...s, step: 'ended' } : s;
    case 'failed':
      if (s.step !== 'waiting' && s.step !== 'call') return s;
      // A call that ends after media flowed ended; before, it failed.
      return { ...s, step: 'fallback', fallback: e.reason };
    case 'cancel':
      return s.step === 'waiting' || s.step === 'fallback' ? { ...s, step: 'exited' } : s;
    case 'finished':
      return s.step === 'ended' ? { ...s, step: 'done' } : s;
    case 'back':
      if (s.step === 'receipt') return { ...s, step: 'exited' };
      if (s.step === 'waiting' || s.step === 'fallback') return { ...s, step: 'exited' };
      return s;
    case 'reset':
      return initialNotaryInterviewState();
    default: {
      const never: never = e;
      return never;
    }
  }
}
