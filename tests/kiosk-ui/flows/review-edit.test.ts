// 改一下 on the review (issue 15 item 4), pure: `editRequested` opens that answer's step; after 下一步
// there the flow returns straight to the review (not through the steps after it) with the new value,
// and 上一步 on the review still goes where it went before the edit. A change that invalidates later
// answers (a different matter) asks those again first.
import { describe, expect, it } from 'vitest';
import {
  initialLegalAidState,
  nextFlow,
  type LegalAidEvent,
  type LegalAidFlowState,
} from '../../../kiosk-ui/src/flows/legal-aid-machine.js';
import {
  initialNotarizationState,
  nextNotarization,
  type NotarizationEvent,
  type NotarizationState,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';

const card = { source: 'card' as const, name: '张三', idNumber: '11010519491231002X' };
const photo = { dataUrl: 'data:image/jpeg;base64,AAAA', width: 1280, height: 960, bytes: 3 };

function legalAid(events: LegalAidEvent[], from = initialLegalAidState()): LegalAidFlowState {
  return events.reduce(nextFlow, from);
}

/** A legal-aid application at the review: card identity, wages, no exemption, pledge, one photo. */
function atLegalAidReview(typed = false): LegalAidFlowState {
  const s = legalAid([
    { type: 'consentGiven', at: '2026-11-29T03:00:00Z' },
    typed ? { type: 'typeIdInstead' } : { type: 'cardRead', identity: card },
    ...(typed ? [{ type: 'identityTyped', idNumber: '11010519491231002x', name: '李四' } as const] : []),
    { type: 'phoneEntered', phone: '13800138000' },
    { type: 'matterChosen', matterId: 'wages' },
    { type: 'detailsEntered', stage: 'notStarted', otherParty: '某公司', what: '不给工资' },
    { type: 'circumstancesChosen', ids: [], noEconomicTest: false },
    { type: 'groupChosen', groupId: 'none', exempt: false },
    { type: 'pledgeMade', monthlyIncomeYuan: 800, at: '2026-11-29T03:05:00Z' },
    { type: 'urgencyAnswered', deadlineSoon: false, preservationNeeded: false },
    { type: 'assessmentSeen' },
    { type: 'photoAdded', photo },
    { type: 'photosDone' },
  ]);
  expect(s.step).toBe('review');
  return s;
}

describe('legal aid: 改一下 from the review', () => {
  it('the phone: opens the phone step, 下一步 returns straight to the review with the new number', () => {
    const review = atLegalAidReview();
    const phone = nextFlow(review, { type: 'editRequested', step: 'phone' });
    expect(phone.step).toBe('phone');
    expect(phone.editing).toBe('phone');
    const back = nextFlow(phone, { type: 'phoneEntered', phone: '13912345678' });
    expect(back.step).toBe('review');
    expect(back.editing).toBeNull();
    expect(back.answers.phone).toBe('13912345678');
    // Every later answer is kept, and the review's own history is as before the edit.
    expect(back.answers).toEqual({ ...review.answers, phone: '13912345678' });
    expect(back.history).toEqual(review.history);
    expect(nextFlow(back, { type: 'back' }).step).toBe('documents');
    // Confirming goes on to the signature as usual.
    expect(nextFlow(back, { type: 'reviewConfirmed' }).step).toBe('signature');
  });

  it('上一步 on the opened step goes back to the review and ends the edit', () => {
    const phone = nextFlow(atLegalAidReview(), { type: 'editRequested', step: 'phone' });
    const back = nextFlow(phone, { type: 'back' });
    expect(back.step).toBe('review');
    expect(back.editing).toBeNull();
    // After that the phone step goes on as usual, to the matter.
    const again = nextFlow(nextFlow(back, { type: 'back' }), { type: 'back' });
    expect(again.step).not.toBe('review');
  });

  it('the details (stage, other party, what happened) return after the details step', () => {
    const details = nextFlow(atLegalAidReview(), { type: 'editRequested', step: 'details' });
    expect(details.step).toBe('details');
    const back = nextFlow(details, {
      type: 'detailsEntered',
      stage: 'arbitration',
      otherParty: '某建筑公司',
      what: '不给工资',
    });
    expect(back.step).toBe('review');
    expect(back.answers.otherParty).toBe('某建筑公司');
    expect(back.answers.monthlyIncomeYuan).toBe(800);
  });

  it('the same matter returns at once; a different one asks the details and the economic questions again', () => {
    const review = atLegalAidReview();
    const matter = nextFlow(review, { type: 'editRequested', step: 'matter' });
    expect(matter.step).toBe('matter');
    expect(nextFlow(matter, { type: 'matterChosen', matterId: 'wages' }).step).toBe('review');

    let s = nextFlow(matter, { type: 'matterChosen', matterId: 'workInjury' });
    expect(s.step).toBe('details');
    s = nextFlow(s, { type: 'detailsEntered', stage: 'notStarted', otherParty: '', what: '摔伤' });
    expect(s.step).toBe('circumstances');
    s = nextFlow(s, { type: 'circumstancesChosen', ids: [], noEconomicTest: false });
    expect(s.step).toBe('group');
    s = nextFlow(s, { type: 'groupChosen', groupId: 'none', exempt: false });
    expect(s.step).toBe('pledge');
    // The urgency answers still hold: after the pledge, straight back to the review.
    s = nextFlow(s, { type: 'pledgeMade', monthlyIncomeYuan: 600, at: '2026-11-29T03:09:00Z' });
    expect(s.step).toBe('review');
    expect(s.answers).toMatchObject({ matterId: 'workInjury', what: '摔伤', monthlyIncomeYuan: 600 });
    expect(s.answers.photos).toHaveLength(1);
    expect(s.history).toEqual(review.history);
  });

  it('the economic situation: an exempt circumstance returns at once', () => {
    const c = nextFlow(atLegalAidReview(), { type: 'editRequested', step: 'circumstances' });
    const back = nextFlow(c, { type: 'circumstancesChosen', ids: ['injury'], noEconomicTest: true });
    expect(back.step).toBe('review');
    expect(back.answers.circumstances).toEqual(['injury']);
  });

  it('urgency and the photos return after their step', () => {
    const u = nextFlow(atLegalAidReview(), { type: 'editRequested', step: 'urgency' });
    expect(nextFlow(u, { type: 'urgencyAnswered', deadlineSoon: true, preservationNeeded: false })).toMatchObject({
      step: 'review',
      answers: { deadlineSoon: true },
    });
    const d = nextFlow(atLegalAidReview(), { type: 'editRequested', step: 'documents' });
    const more = nextFlow(d, { type: 'photoAdded', photo });
    const back = nextFlow(more, { type: 'photosDone' });
    expect(back.step).toBe('review');
    expect(back.answers.photos).toHaveLength(2);
    expect(nextFlow(back, { type: 'back' }).step).toBe('documents');
  });

  it('a typed identity opens the manual ID step; a card identity is not edited', () => {
    const typed = nextFlow(atLegalAidReview(true), { type: 'editRequested', step: 'manualId' });
    expect(typed.step).toBe('manualId');
    const back = nextFlow(typed, { type: 'identityTyped', idNumber: '110105194912310021', name: '李四' });
    expect(back.step).toBe('review');
    expect(back.answers.identity?.idNumber).toBe('110105194912310021');
    const review = atLegalAidReview();
    expect(nextFlow(review, { type: 'editRequested', step: 'manualId' })).toBe(review);
  });

  it('editRequested is refused away from the review, and for a step that is not an answer', () => {
    const phone = legalAid([
      { type: 'consentGiven', at: 'x' },
      { type: 'cardRead', identity: card },
    ]);
    expect(nextFlow(phone, { type: 'editRequested', step: 'phone' })).toBe(phone);
    const review = atLegalAidReview();
    const junk = { type: 'editRequested', step: 'receipt' } as unknown as LegalAidEvent;
    expect(nextFlow(review, junk)).toBe(review);
    const proto = { type: 'editRequested', step: '__proto__' } as unknown as LegalAidEvent;
    expect(nextFlow(review, proto)).toBe(review);
  });

  it('without an edit, the steps go on as before (the phone goes to the matter)', () => {
    const s = legalAid([
      { type: 'consentGiven', at: 'x' },
      { type: 'cardRead', identity: card },
      { type: 'phoneEntered', phone: '13800138000' },
    ]);
    expect(s.step).toBe('matter');
    expect(s.editing).toBeNull();
  });
});

function notary(events: NotarizationEvent[], from = initialNotarizationState()): NotarizationState {
  return events.reduce(nextNotarization, from);
}

/** A 学历公证 request at the review: for herself, card read, check passed, one photo, phone, interview. */
function atNotaryReview(): NotarizationState {
  const s = notary([
    { type: 'matterChosen', matterId: 'education', remote: true, inPersonOnly: false },
    { type: 'purposeChosen', where: 'domestic', use: 'job', country: null },
    { type: 'applicantChosen', role: 'self', relation: null },
    { type: 'consentGiven', at: '2026-12-02T03:00:00Z' },
    { type: 'cardRead', identity: card },
    {
      type: 'livenessPassed',
      result: { passedAt: '2026-12-02T03:01:00Z', faceCrop: 'data:image/jpeg;base64,F', order: ['left', 'right'] },
    },
    { type: 'photoAdded', photo },
    { type: 'photosDone' },
    { type: 'phoneEntered', phone: '13800138000' },
    { type: 'interviewChosen', choice: { kind: 'phone' } },
  ]);
  expect(s.step).toBe('review');
  return s;
}

describe('notarization: 改一下 from the review', () => {
  it('the phone: opens the phone step and returns to the review (not through the interview)', () => {
    const review = atNotaryReview();
    const phone = nextNotarization(review, { type: 'editRequested', step: 'phone' });
    expect(phone.step).toBe('phone');
    const back = nextNotarization(phone, { type: 'phoneEntered', phone: '13912345678' });
    expect(back.step).toBe('review');
    expect(back.editing).toBeNull();
    expect(back.answers).toEqual({ ...review.answers, phone: '13912345678' });
    expect(back.history).toEqual(review.history);
    expect(nextNotarization(back, { type: 'back' }).step).toBe('interview');
  });

  it('the purpose and the applicant return after their step; the interview after its own', () => {
    const p = nextNotarization(atNotaryReview(), { type: 'editRequested', step: 'purpose' });
    expect(p.step).toBe('purpose');
    expect(nextNotarization(p, { type: 'purposeChosen', where: 'abroad', use: 'study', country: 'us' })).toMatchObject({
      step: 'review',
      answers: { where: 'abroad', country: 'us' },
    });
    const who = nextNotarization(atNotaryReview(), { type: 'editRequested', step: 'applicant' });
    expect(nextNotarization(who, { type: 'applicantChosen', role: 'family', relation: 'child' })).toMatchObject({
      step: 'review',
      answers: { role: 'family', relation: 'child' },
    });
    const i = nextNotarization(atNotaryReview(), { type: 'editRequested', step: 'interview' });
    expect(nextNotarization(i, { type: 'interviewChosen', choice: { kind: 'now' } })).toMatchObject({
      step: 'review',
      answers: { interview: { kind: 'now' } },
    });
  });

  it('a different matter asks purpose, applicant and materials again, then returns (no second card or check)', () => {
    const review = atNotaryReview();
    const m = nextNotarization(review, { type: 'editRequested', step: 'matter' });
    expect(
      nextNotarization(m, { type: 'matterChosen', matterId: 'education', remote: true, inPersonOnly: false }).step,
    ).toBe('review');
    let s = nextNotarization(m, { type: 'matterChosen', matterId: 'degree', remote: true, inPersonOnly: false });
    expect(s.step).toBe('purpose');
    expect(s.answers.photos).toEqual([]);
    s = nextNotarization(s, { type: 'purposeChosen', where: 'domestic', use: 'job', country: null });
    expect(s.step).toBe('applicant');
    s = nextNotarization(s, { type: 'applicantChosen', role: 'self', relation: null });
    expect(s.step).toBe('documents');
    s = nextNotarization(s, { type: 'photoAdded', photo });
    s = nextNotarization(s, { type: 'photosDone' });
    expect(s.step).toBe('review');
    expect(s.answers).toMatchObject({ matterId: 'degree', phone: '13800138000', interview: { kind: 'phone' } });
    expect(s.history).toEqual(review.history);
  });

  it('a matter for the person only, edited to a family member, is still blocked (公证法 Art 26)', () => {
    const review = notary(
      [
        { type: 'editRequested', step: 'matter' },
        { type: 'matterChosen', matterId: 'declaration', remote: true, inPersonOnly: true },
        { type: 'purposeChosen', where: 'domestic', use: 'job', country: null },
      ],
      atNotaryReview(),
    );
    expect(review.step).toBe('applicant');
    const blocked = nextNotarization(review, { type: 'applicantChosen', role: 'family', relation: 'child' });
    expect(blocked.step).toBe('proxyBlocked');
    const self = nextNotarization(blocked, { type: 'applicantChosen', role: 'self', relation: null });
    expect(self.step).toBe('documents');
  });

  it('editRequested is refused away from the review, for a card identity, and for junk steps', () => {
    const review = atNotaryReview();
    expect(nextNotarization(review, { type: 'editRequested', step: 'manualId' })).toBe(review);
    const junk = { type: 'editRequested', step: 'signature' } as unknown as NotarizationEvent;
    expect(nextNotarization(review, junk)).toBe(review);
    const start = initialNotarizationState();
    expect(nextNotarization(start, { type: 'editRequested', step: 'phone' })).toBe(start);
  });
});
