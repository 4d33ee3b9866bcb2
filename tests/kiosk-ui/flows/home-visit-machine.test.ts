// The pure 预约/上门 booking machine (绿色通道): order of the steps, what each step refuses, back,
// and what cannot happen after the booking is stored.
import { describe, expect, it } from 'vitest';
import {
  COUNTED_HOME_VISIT_STEPS,
  initialHomeVisitState,
  maskPhone,
  nextHomeVisit,
  type HomeVisitEvent,
  type HomeVisitState,
} from '../../../kiosk-ui/src/flows/home-visit-machine.js';
import { nextDays } from '../../../kiosk-ui/src/home-visit/home-visit-days.js';

const run = (events: HomeVisitEvent[], s = initialHomeVisitState()): HomeVisitState => events.reduce(nextHomeVisit, s);

const toReview: HomeVisitEvent[] = [
  { type: 'nameEntered', name: ' 王秀英 ' },
  { type: 'aboutChosen', ageGroup: '80plus', disability: 'unknown' },
  { type: 'serviceChosen', service: 'legalAid' },
  { type: 'modeChosen', mode: 'homeVisit' },
  { type: 'villageChosen', villageId: 'yanshi', groups: 8 },
  { type: 'groupChosen', group: '3' },
  { type: 'phoneEntered', phone: '13800138000' },
  { type: 'daysChosen', days: ['2026-12-04', '2026-12-03', '2026-12-03'] },
  { type: 'consentGiven', at: '2026-12-02T02:00:00Z' },
];
const stored = { receiptNo: 'SM261202-0001-0001', storedAt: '2026-12-02T02:00:00Z', uploaded: true };

describe('home-visit machine', () => {
  it('walks person → about → service → mode → village → group → phone → days → consent → review → receipt → rating → done', () => {
    const review = run(toReview);
    expect(review.step).toBe('review');
    expect(review.answers).toMatchObject({
      name: '王秀英',
      ageGroup: '80plus',
      disability: 'unknown',
      service: 'legalAid',
      mode: 'homeVisit',
      villageId: 'yanshi',
      group: '3',
      phone: '13800138000',
      days: ['2026-12-03', '2026-12-04'],
      consentAt: '2026-12-02T02:00:00Z',
    });
    const done = run(
      [
        { type: 'reviewConfirmed' },
        { type: 'submitSucceeded', result: stored },
        { type: 'printStarted' },
        { type: 'printSucceeded' },
        { type: 'receiptSeen' },
        { type: 'rated', score: 5 },
      ],
      review,
    );
    expect(done).toMatchObject({ step: 'done', rating: 5, submission: stored, print: { kind: 'printed' } });
    expect(COUNTED_HOME_VISIT_STEPS).toContain('review');
  });

  it('refuses an empty name, an incomplete phone, no day, and a junk group', () => {
    const s0 = initialHomeVisitState();
    expect(nextHomeVisit(s0, { type: 'nameEntered', name: '   ' })).toBe(s0);
    const phone = run(toReview.slice(0, 6));
    expect(phone.step).toBe('phone');
    expect(nextHomeVisit(phone, { type: 'phoneEntered', phone: '1380013' })).toBe(phone);
    const days = run(toReview.slice(0, 7));
    expect(nextHomeVisit(days, { type: 'daysChosen', days: [] })).toBe(days);
    expect(nextHomeVisit(days, { type: 'daysChosen', days: ['toString'] })).toBe(days);
    const group = run(toReview.slice(0, 5));
    expect(nextHomeVisit(group, { type: 'groupChosen', group: '__proto__' })).toBe(group);
    expect(nextHomeVisit(group, { type: 'groupChosen', group: 'unknown' }).answers.group).toBe('unknown');
  });

  it('a village without 村民小组 skips the group question; back returns to the village', () => {
    const s = run([...toReview.slice(0, 4), { type: 'villageChosen', villageId: 'x', groups: 0 }]);
    expect(s.step).toBe('phone');
    expect(s.answers.group).toBeNull();
    expect(nextHomeVisit(s, { type: 'back' }).step).toBe('village');
  });

  it('offered from a service, that service is already chosen; back from the first step leaves', () => {
    const s = initialHomeVisitState('notarization');
    expect(s.answers.service).toBe('notarization');
    expect(nextHomeVisit(s, { type: 'back' }).step).toBe('exited');
    expect(initialHomeVisitState().answers.service).toBeNull();
  });

  it('events of another step change nothing; after submitting, back does nothing', () => {
    const s = initialHomeVisitState();
    expect(nextHomeVisit(s, { type: 'reviewConfirmed' })).toBe(s);
    expect(nextHomeVisit(s, { type: 'rated', score: 3 })).toBe(s);
    const submitting = run([...toReview, { type: 'reviewConfirmed' }]);
    expect(nextHomeVisit(submitting, { type: 'back' })).toBe(submitting);
    const failed = nextHomeVisit(submitting, { type: 'submitFailed', reason: { key: 'invalid' } });
    expect(failed.submitError).toBe(true);
    expect(nextHomeVisit(failed, { type: 'retrySubmit' }).submitError).toBe(false);
  });

  it('consent refused goes to the declined page; the receipt waits for the printer before the rating', () => {
    expect(run([...toReview.slice(0, 8), { type: 'consentDeclined' }]).step).toBe('declined');
    const printing = run([
      ...toReview,
      { type: 'reviewConfirmed' },
      { type: 'submitSucceeded', result: stored },
      { type: 'printStarted' },
    ]);
    expect(nextHomeVisit(printing, { type: 'receiptSeen' })).toBe(printing);
    const paperOut = nextHomeVisit(printing, { type: 'printPaperOut', heldJobId: 'j1' });
    expect(nextHomeVisit(paperOut, { type: 'reprintRequested' }).print.kind).toBe('printing');
    const skipped = run([{ type: 'receiptSeen' }, { type: 'ratingSkipped' }], paperOut);
    expect(skipped).toMatchObject({ step: 'done', rating: null });
  });

  it('reset starts over from the same entry', () => {
    const s = run(toReview, initialHomeVisitState('mediation'));
    expect(nextHomeVisit(s, { type: 'reset' })).toEqual(initialHomeVisitState('mediation'));
  });

  it('masks the phone; the next 7 days start today in China time', () => {
    expect(maskPhone('13800138000')).toBe('138****8000');
    // 2026-12-02 23:30 UTC is already 12-03 in China.
    const days = nextDays(new Date('2026-12-02T23:30:00Z'));
    expect(days).toHaveLength(7);
    expect(days[0]).toEqual({ date: '2026-12-03', month: 12, day: 3, weekday: 4, offset: 0 });
    expect(days[6].date).toBe('2026-12-09');
  });
});
