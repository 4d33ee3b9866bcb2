// The interview step's pure parts: a held slot through the notarization machine (into the review, the
// submission's booking.holdId, the receipt's 视频面谈 line), 改一下 back to the interview, the slot
// time in China time with its weekday, and 现在就和公证员视频 from the receipt into the interview.
import { describe, expect, it } from 'vitest';
import {
  initialNotarizationState,
  nextNotarization,
  type NotarizationEvent,
  type NotarizationState,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';
import {
  initialNotaryInterviewState,
  nextNotaryInterview,
  nowInterviewState,
} from '../../../kiosk-ui/src/flows/notary-interview-machine.js';
import { createLocalize } from '../../../kiosk-ui/src/i18n/localize.js';
import { interviewLabel, slotLabel } from '../../../kiosk-ui/src/notarization/notary-slot-label.js';
import { toNotarizationData } from '../../../kiosk-ui/src/notarization/notarization-submission.js';

const run = (events: NotarizationEvent[], s = initialNotarizationState()): NotarizationState =>
  events.reduce(nextNotarization, s);

const toInterview: NotarizationEvent[] = [
  { type: 'matterChosen', matterId: 'education', remote: true, inPersonOnly: false },
  { type: 'purposeChosen', where: 'domestic', use: 'job', country: null },
  { type: 'applicantChosen', role: 'self', relation: null },
  { type: 'consentGiven', at: '2026-12-02T02:00:00Z' },
  { type: 'cardRead', identity: { source: 'card', name: '张三', idNumber: '11010519491231002X' } },
  {
    type: 'livenessPassed',
    result: { passedAt: '2026-12-02T02:01:00Z', faceCrop: 'data:image/jpeg;base64,AAAA', order: ['left', 'right'] },
  },
  { type: 'photosDone' },
  { type: 'phoneEntered', phone: '13800138000' },
];

const HOLD = '3f2b8a52-0c1d-4e5f-9a6b-7c8d9e0f1a2b';
const SLOT = '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d';
// Wednesday 9 December 2026, 9:30 in China (01:30 UTC).
const slot = { kind: 'slot', slot: '2026-12-09T01:30:00.000Z', slotId: SLOT, holdId: HOLD, lengthMin: 30 } as const;

const t = createLocalize();

describe('notarization interview (machine)', () => {
  it('a held slot goes to the review and into the submission as booking {slot, holdId}', () => {
    const s = run([...toInterview, { type: 'interviewChosen', choice: slot }]);
    expect(s.step).toBe('review');
    expect(s.answers.interview).toEqual(slot);
    const data = toNotarizationData({ ...s.answers, signature: 'data:image/png;base64,AAAA' }, ['diploma'], {
      material: (m) => m,
      use: (u) => u,
      country: (c) => c,
      faceCrop: '现场照片',
      cardPhoto: '身份证照片',
    });
    expect(data['booking']).toEqual({ kind: 'slot', slot: '2026-12-09T01:30:00.000Z', holdId: HOLD });
  });

  it('a slot without its hold is not taken (the seat was never kept)', () => {
    const at = run(toInterview);
    expect(at.step).toBe('interview');
    const none = nextNotarization(at, { type: 'interviewChosen', choice: { ...slot, holdId: '' } });
    expect(none).toBe(at);
  });

  it('改一下 on the interview opens it and the new choice returns straight to the review', () => {
    const review = run([...toInterview, { type: 'interviewChosen', choice: slot }]);
    const editing = nextNotarization(review, { type: 'editRequested', step: 'interview' });
    expect(editing.step).toBe('interview');
    const back = nextNotarization(editing, { type: 'interviewChosen', choice: { kind: 'phone' } });
    expect(back.step).toBe('review');
    expect(back.answers.interview).toEqual({ kind: 'phone' });
    expect(back.history).toEqual(review.history);
  });

  it('says the slot in China time with its weekday; now and phone in words', () => {
    expect(slotLabel(t, '2026-12-09T01:30:00.000Z')).toBe('12月9日 星期三 上午 9:30');
    expect(slotLabel(t, '2026-12-10T06:00:00Z')).toBe('12月10日 星期四 下午 2:00');
    // 23:30 UTC is already the next China day.
    expect(slotLabel(t, '2026-12-10T23:30:00Z')).toBe('12月11日 星期五 上午 7:30');
    expect(interviewLabel(t, slot)).toBe('12月9日 星期三 上午 9:30');
    expect(interviewLabel(t, { kind: 'now' })).toBe('现在视频面谈');
    expect(interviewLabel(t, { kind: 'phone' })).toBe('公证处电话预约');
    expect(interviewLabel(t, null)).toBe('公证处电话预约');
  });
});

describe('现在就和公证员视频 (machines)', () => {
  const submitted = (interview: NotarizationEvent & { type: 'interviewChosen' }): NotarizationState =>
    run([
      ...toInterview,
      interview,
      { type: 'reviewConfirmed' },
      { type: 'signed', signature: 'data:image/png;base64,AAAA' },
      {
        type: 'submitSucceeded',
        result: { receiptNo: 'GZ261202-0001-0009', storedAt: '2026-12-02T02:05:00Z', uploaded: true },
      },
      { type: 'printStarted' },
      { type: 'printSucceeded' },
    ]);

  it('from the receipt into the interview (返回 does not leave it), then 办好了; a slot or the phone goes to 办好了', () => {
    const receipt = submitted({ type: 'interviewChosen', choice: { kind: 'now' } });
    expect(receipt.step).toBe('receipt');
    const call = nextNotarization(receipt, { type: 'finished' });
    expect(call.step).toBe('notaryCall');
    expect(nextNotarization(call, { type: 'back' })).toBe(call);
    expect(nextNotarization(call, { type: 'finished' })).toBe(call);
    expect(nextNotarization(call, { type: 'interviewOver' }).step).toBe('done');
    expect(nextNotarization(receipt, { type: 'interviewOver' })).toBe(receipt);
    const phone = submitted({ type: 'interviewChosen', choice: { kind: 'phone' } });
    expect(nextNotarization(phone, { type: 'finished' }).step).toBe('done');
  });

  it('the interview opens in the waiting room with the receipt; nobody online is the fallback at once, unlike a booked one', () => {
    const now = nowInterviewState('GZ261202-0001-0009');
    expect(now).toMatchObject({ step: 'waiting', now: true, receiptNo: 'GZ261202-0001-0009' });
    expect(nextNotaryInterview(now, { type: 'waiting', notariesOnline: 0 })).toMatchObject({
      step: 'fallback',
      fallback: 'noNotary',
    });
    expect(nextNotaryInterview(now, { type: 'waiting', notariesOnline: 1 })).toMatchObject({
      step: 'waiting',
      notariesOnline: 1,
    });
    const booked = nextNotaryInterview(initialNotaryInterviewState(), {
      type: 'receiptEntered',
      receiptNo: 'GZ261202-0001-0009',
    });
    expect(booked.now).toBe(false);
    expect(nextNotaryInterview(booked, { type: 'waiting', notariesOnline: 0 })).toMatchObject({
      step: 'waiting',
      notariesOnline: 0,
    });
    // 知道了 on the fallback leaves the interview (the notarization flow then says 办好了).
    const fallback = nextNotaryInterview(now, { type: 'waiting', notariesOnline: 0 });
    expect(nextNotaryInterview(fallback, { type: 'cancel' }).step).toBe('exited');
  });
});
