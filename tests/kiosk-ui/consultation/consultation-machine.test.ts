// nextFlow of the video consultation: every transition, and every event that does not belong to a
// step returns the same object.
import { describe, expect, it } from 'vitest';
import {
  CONSULTATION_STEPS,
  initialConsultationState,
  nextFlow,
  type ConsultationEvent,
  type ConsultationFlowState,
  type ConsultationStep,
  type FallbackReason,
} from '../../../kiosk-ui/src/flows/consultation-machine.js';

const AT = '2026-11-29T02:00:00.000Z';
const LATER = '2026-11-29T02:12:00.000Z';

const EVENTS: ConsultationEvent[] = [
  { type: 'topicChosen', topic: 'wages' },
  { type: 'consentGiven', at: AT },
  { type: 'callerNameGiven', name: '王五' },
  { type: 'callerNameSkipped' },
  { type: 'consentDeclined' },
  { type: 'devicesReady' },
  { type: 'devicesFailed' },
  { type: 'presence', lawyersOnline: 3 },
  { type: 'queued', ticket: 't-1', position: 2, estimatedWaitS: 300, lawyersOnline: 2 },
  { type: 'noAnswer', reason: 'timeout', ticket: 't-1' },
  { type: 'noAnswer', reason: 'no-lawyer-online' },
  { type: 'unreachable' },
  { type: 'keepWaiting' },
  { type: 'requeue' },
  { type: 'leaveQueue' },
  { type: 'matched', callId: 'call-1', at: AT },
  { type: 'mediaConnected' },
  { type: 'mediaInterrupted' },
  { type: 'peerLost', callId: 'call-1' },
  { type: 'peerReconnected', callId: 'call-1' },
  { type: 'audioOnly' },
  { type: 'hangup', at: LATER },
  { type: 'remoteHangup', callId: 'call-1', reason: 'hangup', at: LATER },
  { type: 'callFailed', at: LATER },
  { type: 'noteForCaller', callId: 'call-1', text: '带上户口本' },
  { type: 'noteWaitEnded' },
  { type: 'callbackRequested' },
  { type: 'callbackSaving', booking: { phone: '13912345678', window: 'tomorrowMorning' } },
  { type: 'callbackStored', receiptNo: 'HD261129-0001-0001' },
  { type: 'callbackFailed' },
  { type: 'rated', score: 5 },
  { type: 'ratingSkipped' },
  { type: 'printStarted' },
  { type: 'printSucceeded' },
  { type: 'printFailed' },
  { type: 'finished' },
  { type: 'back' },
  { type: 'reset' },
];

function run(state: ConsultationFlowState, ...events: ConsultationEvent[]): ConsultationFlowState {
  return events.reduce(nextFlow, state);
}

const s0 = initialConsultationState();
const atConsent = run(s0, { type: 'topicChosen', topic: 'land' });
const atCallerName = run(atConsent, { type: 'consentGiven', at: AT });
const atCheck = run(atCallerName, { type: 'callerNameSkipped' });
const connecting = run(atCheck, { type: 'devicesReady' });
const queued = run(connecting, { type: 'queued', ticket: 't-1', position: 3, lawyersOnline: 2 });
const inCall = run(queued, { type: 'matched', callId: 'call-1', lawyerName: '王律师', at: AT });
const live = run(inCall, { type: 'mediaConnected' });
const rating = run(live, { type: 'hangup', at: LATER });
const summary = run(rating, { type: 'rated', score: 4 });
const fallback = (reason: FallbackReason): ConsultationFlowState => {
  switch (reason) {
    case 'declined':
      return run(atConsent, { type: 'consentDeclined' });
    case 'devices':
      return run(atCheck, { type: 'devicesFailed' });
    case 'unreachable':
      return run(connecting, { type: 'unreachable' });
    case 'noLawyer':
      return run(connecting, { type: 'noAnswer', reason: 'no-lawyer-online' });
    case 'timeout':
      return run(queued, { type: 'noAnswer', reason: 'timeout', ticket: 't-1' });
    case 'lawyerLost':
      return run(live, { type: 'remoteHangup', callId: 'call-1', reason: 'peer-timeout', at: LATER });
    case 'mediaLost':
      return run(live, { type: 'callFailed', at: LATER });
    default: {
      const never: never = reason;
      return never;
    }
  }
};
const callback = run(fallback('noLawyer'), { type: 'callbackRequested' });
const saving = run(callback, {
  type: 'callbackSaving',
  booking: { phone: '13912345678', window: 'todayAfternoon' },
});
const callbackDone = run(saving, { type: 'callbackStored', receiptNo: 'HD261129-0001-0001' });
const done = run(summary, { type: 'finished' });
const exited = run(s0, { type: 'back' });

/** One state at each step. */
const AT_STEP: Record<ConsultationStep, ConsultationFlowState> = {
  topic: s0,
  consent: atConsent,
  callerName: atCallerName,
  deviceCheck: atCheck,
  connecting,
  queue: queued,
  call: live,
  rating,
  summary,
  fallback: fallback('timeout'),
  callback,
  callbackDone,
  done,
  exited,
};

describe('consultation machine: her name for the lawyer', () => {
  it('only with her choice: the name from the card, trimmed; 不用了 or 返回 leaves none; reset wipes it', () => {
    const named = run(atCallerName, { type: 'callerNameGiven', name: ' 王五 ' });
    expect(named).toMatchObject({ step: 'deviceCheck', callerName: '王五' });
    expect(run(atCallerName, { type: 'callerNameGiven', name: '  ' })).toBe(atCallerName);
    expect(run(named, { type: 'back' })).toMatchObject({ step: 'callerName', callerName: null });
    expect(run(named, { type: 'devicesReady' })).toMatchObject({ step: 'connecting', callerName: '王五' });
    expect(run(named, { type: 'reset' }).callerName).toBeNull();
    expect(run(atCheck, { type: 'callerNameGiven', name: '王五' })).toBe(atCheck);
  });
});

describe('consultation machine: the happy path', () => {
  it('topic → consent → device check → connecting → queue → call → rating → summary → done', () => {
    expect(atConsent).toMatchObject({ step: 'consent', topic: 'land' });
    expect(atCallerName).toMatchObject({ step: 'callerName', consentAt: AT, callerName: null });
    expect(atCheck).toMatchObject({ step: 'deviceCheck', consentAt: AT, callerName: null });
    expect(connecting.step).toBe('connecting');
    expect(queued).toMatchObject({ step: 'queue', queue: { ticket: 't-1', position: 3, estimatedWaitS: null } });
    expect(inCall).toMatchObject({
      step: 'call',
      call: { callId: 'call-1', lawyerName: '王律师', link: 'connecting' },
    });
    expect(live.call).toMatchObject({ link: 'live', connectedOnce: true });
    expect(rating).toMatchObject({
      step: 'rating',
      call: null,
      ended: { callId: 'call-1', lawyerName: '王律师', startedAt: AT, endedAt: LATER },
    });
    expect(summary).toMatchObject({ step: 'summary', rating: 4, print: { kind: 'idle' } });
    expect(done.step).toBe('done');
  });

  it('queue updates: position, estimate and lawyers online', () => {
    const q = run(queued, { type: 'queued', ticket: 't-1', position: 1, estimatedWaitS: 90, lawyersOnline: 3 });
    expect(q.queue).toEqual({ ticket: 't-1', position: 1, estimatedWaitS: 90, lawyersOnline: 3 });
    const p = run(q, { type: 'presence', lawyersOnline: 1 });
    expect(p.queue.lawyersOnline).toBe(1);
    expect(run(p, { type: 'presence', lawyersOnline: 1 })).toBe(p);
    expect(run(connecting, { type: 'presence', lawyersOnline: 2 }).queue.lawyersOnline).toBe(2);
  });

  it('the call link: interrupted, lawyer lost and back, audio only; other calls are ignored', () => {
    const interrupted = run(live, { type: 'mediaInterrupted' });
    expect(interrupted.call?.link).toBe('reconnecting');
    expect(run(interrupted, { type: 'mediaConnected' }).call?.link).toBe('live');
    const lost = run(live, { type: 'peerLost', callId: 'call-1' });
    expect(lost.call?.link).toBe('peerLost');
    expect(run(lost, { type: 'mediaConnected' })).toBe(lost);
    expect(run(lost, { type: 'peerLost', callId: 'call-1' })).toBe(lost);
    const back = run(lost, { type: 'peerReconnected', callId: 'call-1' });
    expect(back.call?.link).toBe('reconnecting');
    expect(run(back, { type: 'mediaConnected' }).call?.link).toBe('live');
    expect(run(live, { type: 'peerLost', callId: 'other' })).toBe(live);
    expect(run(live, { type: 'remoteHangup', callId: 'other', reason: 'hangup', at: LATER })).toBe(live);
    const audio = run(live, { type: 'audioOnly' });
    expect(audio.call?.audioOnly).toBe(true);
    expect(run(audio, { type: 'audioOnly' })).toBe(audio);
  });

  it('挂断 before the media ever flowed leaves without a rating', () => {
    expect(run(inCall, { type: 'hangup', at: LATER })).toMatchObject({ step: 'exited', call: null });
  });
});

describe('consultation machine: the fallback ladder (§4)', () => {
  it('each rung shows the hotline screen with its reason', () => {
    for (const reason of [
      'declined',
      'devices',
      'unreachable',
      'noLawyer',
      'timeout',
      'lawyerLost',
      'mediaLost',
    ] as const)
      expect(fallback(reason), reason).toMatchObject({ step: 'fallback', fallback: reason, call: null });
  });

  it('unreachable and no lawyer are reachable from connecting and from the queue', () => {
    expect(run(queued, { type: 'unreachable' })).toMatchObject({ step: 'fallback', fallback: 'unreachable' });
    expect(run(queued, { type: 'noAnswer', reason: 'no-lawyer-online' }).fallback).toBe('noLawyer');
  });

  it('nobody answered: 继续等待 keeps her ticket and place', () => {
    const timedOut = fallback('timeout');
    expect(timedOut.queue.ticket).toBe('t-1');
    const again = run(timedOut, { type: 'keepWaiting' });
    expect(again).toMatchObject({ step: 'queue', fallback: null, queue: { ticket: 't-1', position: 3 } });
    expect(run(fallback('noLawyer'), { type: 'keepWaiting' }).step).toBe('fallback');
  });

  it('the lawyer lost (peer-timeout) or the media lost: 重新排队 goes back to connecting', () => {
    for (const reason of ['lawyerLost', 'mediaLost'] as const) {
      const f = fallback(reason);
      expect(f.ended?.callId).toBe('call-1');
      expect(run(f, { type: 'requeue' })).toMatchObject({ step: 'connecting', fallback: null, ended: null });
    }
    const f = fallback('unreachable');
    expect(run(f, { type: 'requeue' })).toBe(f);
  });

  it('hang-up reasons from the centre: hangup → rating; network, resume-rejected, superseded, unknown-call → media lost', () => {
    expect(run(live, { type: 'remoteHangup', callId: 'call-1', reason: 'hangup', at: LATER }).step).toBe('rating');
    expect(run(live, { type: 'remoteHangup', callId: 'call-1', reason: 'visit-ended', at: LATER }).step).toBe('rating');
    for (const reason of ['network', 'resume-rejected', 'superseded', 'unknown-call'] as const)
      expect(run(live, { type: 'remoteHangup', callId: 'call-1', reason, at: LATER }).fallback, reason).toBe(
        'mediaLost',
      );
    // A hang-up before the media ever flowed is not a consultation to rate.
    expect(run(inCall, { type: 'remoteHangup', callId: 'call-1', reason: 'hangup', at: LATER }).fallback).toBe(
      'lawyerLost',
    );
  });

  it('call-back booking: saving, stored → slip; failed → try again; 返回 to the hotline screen', () => {
    expect(saving).toMatchObject({ step: 'callback', callbackStatus: 'saving' });
    expect(run(saving, { type: 'back' })).toBe(saving);
    expect(run(saving, { type: 'callbackSaving', booking: { phone: '1', window: 'todayMorning' } })).toBe(saving);
    expect(callbackDone).toMatchObject({
      step: 'callbackDone',
      callbackReceipt: 'HD261129-0001-0001',
      callback: { phone: '13912345678', window: 'todayAfternoon' },
    });
    const failed = run(saving, { type: 'callbackFailed' });
    expect(failed.callbackStatus).toBe('failed');
    expect(
      run(failed, { type: 'callbackSaving', booking: { phone: '13912345678', window: 'todayMorning' } }).callbackStatus,
    ).toBe('saving');
    expect(run(callback, { type: 'back' })).toMatchObject({ step: 'fallback', fallback: 'noLawyer' });
    expect(run(callbackDone, { type: 'finished' }).step).toBe('done');
  });

  it('the summary slip waits for the lawyer’s note for this call, or the end of that wait', () => {
    expect(rating.callerNote).toEqual({ kind: 'waiting' });
    expect(summary.callerNote).toEqual({ kind: 'waiting' });
    expect(run(summary, { type: 'printStarted' })).toBe(summary);
    expect(run(summary, { type: 'noteForCaller', callId: 'call-0', text: '别人的' })).toBe(summary);
    const written = run(summary, { type: 'noteForCaller', callId: 'call-1', text: '带上户口本' });
    expect(written.callerNote).toEqual({ kind: 'written', text: '带上户口本' });
    expect(run(written, { type: 'noteForCaller', callId: 'call-1', text: '改了' })).toBe(written);
    expect(run(written, { type: 'noteWaitEnded' })).toBe(written);
    expect(run(written, { type: 'printStarted' }).print.kind).toBe('printing');
    // Saved without a text for her, or she stops waiting (also already on the rating screen).
    expect(run(summary, { type: 'noteForCaller', callId: 'call-1' }).callerNote).toEqual({ kind: 'none' });
    expect(run(rating, { type: 'noteWaitEnded' }).callerNote).toEqual({ kind: 'none' });
    expect(
      run(run(rating, { type: 'noteForCaller', callId: 'call-1', text: '带上户口本' }), { type: 'rated', score: 5 }),
    ).toMatchObject({
      step: 'summary',
      callerNote: { kind: 'written', text: '带上户口本' },
    });
    expect(run(live, { type: 'noteWaitEnded' })).toBe(live);
  });

  it('printing on the slip screens: started, printed or failed, again; 完成 waits for the printer', () => {
    for (const s of [fallback('noLawyer'), run(summary, { type: 'noteWaitEnded' }), callbackDone]) {
      const printing = run(s, { type: 'printStarted' });
      expect(printing.print.kind).toBe('printing');
      expect(run(printing, { type: 'printStarted' })).toBe(printing);
      expect(run(printing, { type: 'finished' })).toBe(printing);
      expect(run(printing, { type: 'printSucceeded' }).print.kind).toBe('printed');
      const failed = run(printing, { type: 'printFailed' });
      expect(failed.print.kind).toBe('failed');
      expect(run(failed, { type: 'printStarted' }).print.kind).toBe('printing');
      expect(run(s, { type: 'printSucceeded' })).toBe(s);
    }
  });

  it('rating skipped still shows the summary', () => {
    expect(run(rating, { type: 'ratingSkipped' })).toMatchObject({ step: 'summary', rating: null });
  });
});

describe('consultation machine: 返回', () => {
  it('walks back before the queue, leaves from the queue, does nothing in and after the call', () => {
    expect(exited.step).toBe('exited');
    expect(run(atConsent, { type: 'back' }).step).toBe('topic');
    expect(run(atCheck, { type: 'back' }).step).toBe('callerName');
    expect(run(atCallerName, { type: 'back' }).step).toBe('consent');
    expect(run(queued, { type: 'back' })).toMatchObject({ step: 'exited', queue: { ticket: null } });
    expect(run(connecting, { type: 'back' }).step).toBe('exited');
    expect(run(fallback('declined'), { type: 'back' }).step).toBe('consent');
    expect(run(fallback('devices'), { type: 'back' }).step).toBe('deviceCheck');
    expect(run(fallback('unreachable'), { type: 'back' }).step).toBe('exited');
    for (const s of [live, rating, summary, callbackDone, done, exited]) expect(run(s, { type: 'back' })).toBe(s);
  });

  it('取消排队 leaves the queue', () => {
    expect(run(queued, { type: 'leaveQueue' }).step).toBe('exited');
    expect(run(connecting, { type: 'leaveQueue' }).step).toBe('exited');
  });

  it('reset returns to the start from anywhere', () => {
    for (const s of Object.values(AT_STEP)) expect(run(s, { type: 'reset' })).toEqual(initialConsultationState());
  });
});

describe('consultation machine: events that do not belong return the same state', () => {
  /** The event types each step reacts to (besides reset); everything else must be a no-op. */
  const ACCEPTS: Record<ConsultationStep, ConsultationEvent['type'][]> = {
    topic: ['topicChosen', 'back'],
    consent: ['consentGiven', 'consentDeclined', 'back'],
    callerName: ['callerNameGiven', 'callerNameSkipped', 'back'],
    deviceCheck: ['devicesReady', 'devicesFailed', 'back'],
    connecting: ['presence', 'queued', 'noAnswer', 'unreachable', 'leaveQueue', 'matched', 'back'],
    queue: ['presence', 'queued', 'noAnswer', 'unreachable', 'leaveQueue', 'matched', 'back'],
    call: ['mediaInterrupted', 'peerLost', 'audioOnly', 'hangup', 'remoteHangup', 'callFailed'],
    rating: ['rated', 'ratingSkipped', 'noteForCaller', 'noteWaitEnded'],
    // Its slip prints once the lawyer's note came or the wait for it ended.
    summary: ['noteForCaller', 'noteWaitEnded', 'finished'],
    fallback: ['keepWaiting', 'callbackRequested', 'printStarted', 'finished', 'back'],
    callback: ['callbackSaving', 'back'],
    callbackDone: ['printStarted', 'finished'],
    done: [],
    exited: [],
  };

  it('covers every step', () => {
    expect(Object.keys(AT_STEP).sort()).toEqual([...CONSULTATION_STEPS].sort());
  });

  for (const step of CONSULTATION_STEPS) {
    it(`${step}: only its own events change the state`, () => {
      const state = AT_STEP[step];
      expect(state.step).toBe(step);
      for (const event of EVENTS) {
        if (event.type === 'reset') continue;
        const next = nextFlow(state, event);
        if (ACCEPTS[step].includes(event.type)) expect(next, `${step} + ${event.type}`).not.toBe(state);
        else expect(next, `${step} + ${event.type}`).toBe(state);
      }
    });
  }
});
