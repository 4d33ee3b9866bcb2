// The pure people's-mediation machine: the whole application in order, every answer checked, 上一步,
// 改一下 from the review, the oral application (请调解员打电话给我), submission and printing.
import { describe, expect, it } from 'vitest';
import {
  COUNTED_MEDIATION_STEPS,
  initialMediationState,
  MEDIATION_STEPS,
  nextMediation,
  VILLAGE_UNKNOWN,
  type MediationEvent,
  type MediationState,
} from '../../../kiosk-ui/src/flows/mediation-machine.js';

const run = (events: MediationEvent[], s = initialMediationState()): MediationState => events.reduce(nextMediation, s);

const identity = { source: 'card' as const, name: '张三', idNumber: '11010519491231002X' };
const toKind: MediationEvent[] = [
  { type: 'cardRead', identity },
  { type: 'phoneEntered', phone: '13800138000' },
  { type: 'villageChosen', village: 'yanshi' },
  { type: 'otherNameEntered', name: '李四' },
  { type: 'otherVillageChosen', village: 'dongping' },
  { type: 'otherPhoneEntered', phone: null },
];
const toReview: MediationEvent[] = [
  ...toKind,
  { type: 'kindChosen', kind: 'land' },
  { type: 'requestsEntered', requests: ['确认土地边界', '退还占用的地'] },
  { type: 'descriptionEntered', description: '别人占了我家的地' },
  { type: 'consentGiven', at: '2026-01-05T02:00:00Z' },
  { type: 'marked', mark: { kind: 'fingerprint', at: '2026-01-05T02:01:00Z' } },
];
const result = { receiptNo: 'TJ260105-0001-0001', storedAt: '2026-01-05T02:02:00Z', uploaded: true };

describe('mediation machine', () => {
  it('walks the whole application in order, to the receipt and 完成', () => {
    const steps: string[] = [];
    let s = initialMediationState();
    for (const e of toReview) {
      steps.push(s.step);
      s = nextMediation(s, e);
    }
    expect(steps).toEqual([
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
    ]);
    expect(s.step).toBe('review');
    expect(s.answers).toMatchObject({
      identity,
      phone: '13800138000',
      village: 'yanshi',
      otherName: '李四',
      otherVillage: 'dongping',
      otherPhone: null,
      otherPhoneAnswered: true,
      kind: 'land',
      requests: ['确认土地边界', '退还占用的地'],
      description: '别人占了我家的地',
      callMe: false,
      mark: { kind: 'fingerprint' },
    });
    s = run([{ type: 'reviewConfirmed' }, { type: 'submitSucceeded', result }, { type: 'printStarted' }], s);
    expect(s.step).toBe('receipt');
    expect(s.submission).toEqual(result);
    expect(nextMediation(s, { type: 'finished' })).toBe(s); // not while printing
    s = run([{ type: 'printSucceeded' }, { type: 'finished' }], s);
    expect(s.step).toBe('done');
    expect(nextMediation(s, { type: 'back' })).toBe(s);
  });

  it('the other party may be unknown: 不知道 for the name, the village and the phone', () => {
    const s = run([
      { type: 'cardRead', identity },
      { type: 'phoneEntered', phone: '13800138000' },
      { type: 'villageChosen', village: 'yanshi' },
      { type: 'otherNameEntered', name: null },
      { type: 'otherVillageChosen', village: VILLAGE_UNKNOWN },
      { type: 'otherPhoneEntered', phone: null },
    ]);
    expect(s.step).toBe('kind');
    expect(s.answers).toMatchObject({ otherName: null, otherNameAnswered: true, otherVillage: 'unknown' });
  });

  it('the oral application is an equal choice: 请调解员打电话给我 instead of a description', () => {
    const s = run([
      ...toKind,
      { type: 'kindChosen', kind: 'family' },
      { type: 'requestsEntered', requests: ['每月给赡养费'] },
      { type: 'callMeChosen' },
    ]);
    expect(s.step).toBe('consent');
    expect(s.answers).toMatchObject({ callMe: true, description: '' });
    // Back and writing instead clears the call-me choice.
    const written = run([{ type: 'back' }, { type: 'descriptionEntered', description: '子女不给赡养费' }], s);
    expect(written.answers).toMatchObject({ callMe: false, description: '子女不给赡养费' });
  });

  it('refuses answers that are not complete or too many, keeping the same state', () => {
    const atPhone = run([{ type: 'cardRead', identity }]);
    expect(nextMediation(atPhone, { type: 'phoneEntered', phone: '12345' })).toBe(atPhone);
    const atName = run(toKind.slice(0, 3));
    expect(nextMediation(atName, { type: 'otherNameEntered', name: '  ' })).toBe(atName);
    const atVillage = run(toKind.slice(0, 2));
    expect(nextMediation(atVillage, { type: 'villageChosen', village: '' })).toBe(atVillage);
    const atOtherPhone = run(toKind.slice(0, 5));
    expect(nextMediation(atOtherPhone, { type: 'otherPhoneEntered', phone: '99' })).toBe(atOtherPhone);
    expect(nextMediation(atOtherPhone, { type: 'otherPhoneEntered', phone: '0771-12345678' }).step).toBe('kind');
    const atRequests = run([...toKind, { type: 'kindChosen', kind: 'loan' }]);
    expect(nextMediation(atRequests, { type: 'requestsEntered', requests: [] })).toBe(atRequests);
    expect(nextMediation(atRequests, { type: 'requestsEntered', requests: ['a', 'b', 'c', 'd'] })).toBe(atRequests);
    expect(nextMediation(atRequests, { type: 'requestsEntered', requests: ['a', 'a'] })).toBe(atRequests);
    expect(nextMediation(atRequests, { type: 'requestsEntered', requests: ['x'.repeat(101)] })).toBe(atRequests);
    const atDescription = nextMediation(atRequests, { type: 'requestsEntered', requests: ['还清借的钱'] });
    expect(nextMediation(atDescription, { type: 'descriptionEntered', description: ' ' })).toBe(atDescription);
    const atMark = run(toReview.slice(0, -1));
    expect(nextMediation(atMark, { type: 'marked', mark: { kind: 'signature', signature: '' } })).toBe(atMark);
  });

  it('every event that does not belong to the current step returns the same state', () => {
    const events: MediationEvent[] = [
      ...toReview,
      { type: 'typeIdInstead' },
      { type: 'identityTyped', idNumber: '11010519491231002X', name: '张三' },
      { type: 'callMeChosen' },
      { type: 'consentDeclined' },
      { type: 'reviewConfirmed' },
      { type: 'editRequested', step: 'phone' },
      { type: 'submitSucceeded', result },
      { type: 'submitFailed' },
      { type: 'retrySubmit' },
      { type: 'printStarted' },
      { type: 'printSucceeded' },
      { type: 'printPaperOut', heldJobId: 'j1' },
      { type: 'printFailed' },
      { type: 'reprintRequested' },
      { type: 'finished' },
    ];
    const s = run([{ type: 'cardRead', identity }]); // at phone
    for (const e of events.filter((x) => x.type !== 'phoneEntered')) expect(nextMediation(s, e), e.type).toBe(s);
  });

  it('上一步 walks back through the answers and leaves the flow from the first step', () => {
    const s = run(toReview);
    const back = run(Array<MediationEvent>(11).fill({ type: 'back' }), s);
    expect(back.step).toBe('idCard');
    expect(back.answers.requests).toEqual(['确认土地边界', '退还占用的地']); // nothing is lost
    expect(nextMediation(back, { type: 'back' }).step).toBe('exited');
  });

  it('a refusal of consent ends at 不同意, back returns to the consent', () => {
    const s = run([...toReview.slice(0, -2), { type: 'consentDeclined' }]);
    expect(s.step).toBe('declined');
    expect(nextMediation(s, { type: 'back' }).step).toBe('consent');
  });

  it('typing the ID number instead of the card', () => {
    const s = run([
      { type: 'typeIdInstead' },
      { type: 'identityTyped', idNumber: '11010519491231002x', name: ' 张三 ' },
    ]);
    expect(s.step).toBe('phone');
    expect(s.answers.identity).toEqual({ source: 'typed', idNumber: '11010519491231002X', name: '张三' });
  });

  it('改一下 from the review opens that step and comes straight back; a new kind asks its requests again', () => {
    const review = run(toReview);
    const phone = nextMediation(review, { type: 'editRequested', step: 'phone' });
    expect(phone.step).toBe('phone');
    const back = nextMediation(phone, { type: 'phoneEntered', phone: '13900139000' });
    expect(back.step).toBe('review');
    expect(back.answers.phone).toBe('13900139000');
    expect(back.history).toEqual(review.history);
    // The card is read, not edited.
    expect(nextMediation(review, { type: 'editRequested', step: 'manualId' })).toBe(review);
    // The same kind: straight back. Another kind: its requests, then the review.
    const kind = nextMediation(review, { type: 'editRequested', step: 'kind' });
    expect(nextMediation(kind, { type: 'kindChosen', kind: 'land' }).step).toBe('review');
    const requests = nextMediation(kind, { type: 'kindChosen', kind: 'loan' });
    expect(requests.step).toBe('requests');
    expect(requests.answers.requests).toEqual([]);
    const done = nextMediation(requests, { type: 'requestsEntered', requests: ['还清借的钱'] });
    expect(done.step).toBe('review');
    expect(done.answers).toMatchObject({ kind: 'loan', requests: ['还清借的钱'], description: '别人占了我家的地' });
    // 上一步 from an edit lands on the review.
    expect(nextMediation(phone, { type: 'back' })).toMatchObject({ step: 'review', editing: null });
  });

  it('a failed submission keeps everything, can be retried, and back is possible only after the failure', () => {
    const submitting = run([...toReview, { type: 'reviewConfirmed' }]);
    expect(nextMediation(submitting, { type: 'back' })).toBe(submitting);
    const failed = nextMediation(submitting, { type: 'submitFailed', reason: { key: 'invalidData' } });
    expect(failed).toMatchObject({ step: 'submitting', submitError: true, submitReason: { key: 'invalidData' } });
    expect(nextMediation(failed, { type: 'retrySubmit' }).submitError).toBe(false);
    expect(nextMediation(failed, { type: 'back' }).step).toBe('review');
  });

  it('paper out holds the job and 重新打印 prints it again', () => {
    let s = run([
      ...toReview,
      { type: 'reviewConfirmed' },
      { type: 'submitSucceeded', result },
      { type: 'printStarted' },
    ]);
    s = nextMediation(s, { type: 'printPaperOut', heldJobId: 'job-1' });
    expect(s.print).toEqual({ kind: 'paperOut', heldJobId: 'job-1' });
    s = nextMediation(s, { type: 'reprintRequested' });
    expect(s.print.kind).toBe('printing');
  });

  it('reset starts over; every counted step is a step', () => {
    expect(nextMediation(run(toReview), { type: 'reset' })).toEqual(initialMediationState());
    for (const step of COUNTED_MEDIATION_STEPS) expect(MEDIATION_STEPS).toContain(step);
  });
});
