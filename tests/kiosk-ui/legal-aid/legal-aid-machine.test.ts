// nextFlow: every event in every step, including ones that don't belong (same object back).
import { describe, expect, it } from 'vitest';
import {
  LEGAL_AID_STEPS,
  MAX_PHOTOS,
  initialLegalAidState,
  nextFlow,
  type LegalAidEvent,
  type LegalAidFlowState,
  type LegalAidStep,
  type Photo,
} from '../../../kiosk-ui/src/flows/legal-aid-machine.js';

const photo: Photo = { dataUrl: 'data:image/jpeg;base64,AAAA', width: 1280, height: 960, bytes: 3 };
const identity = { source: 'card' as const, name: '张三', idNumber: '11010519491231002X', birthDate: '1949-12-31' };

/** One sample of every event type. */
const EVENTS: LegalAidEvent[] = [
  { type: 'consentGiven', at: '2026-11-29T03:00:00.000Z' },
  { type: 'consentDeclined' },
  { type: 'cardRead', identity },
  { type: 'typeIdInstead' },
  { type: 'identityTyped', idNumber: '11010519491231002x', name: '李四' },
  { type: 'phoneEntered', phone: '13800138000' },
  { type: 'matterChosen', matterId: 'wages' },
  { type: 'detailsEntered', stage: 'notStarted', otherParty: '某公司', what: '干了活，老板不给工资' },
  { type: 'circumstancesChosen', ids: [], noEconomicTest: false },
  { type: 'groupChosen', groupId: 'none', exempt: false },
  { type: 'pledgeMade', monthlyIncomeYuan: 900, at: '2026-11-29T03:05:00.000Z' },
  { type: 'urgencyAnswered', deadlineSoon: true, preservationNeeded: false },
  { type: 'assessmentSeen' },
  { type: 'photoAdded', photo },
  { type: 'photoRemoved', index: 0 },
  { type: 'photosDone' },
  { type: 'reviewConfirmed' },
  { type: 'signed', signature: 'data:image/png;base64,BBBB' },
  {
    type: 'submitSucceeded',
    result: { receiptNo: 'LA20261129000001', storedAt: '2026-11-29T03:00:00Z', uploaded: true },
  },
  { type: 'submitFailed' },
  { type: 'retrySubmit' },
  { type: 'printStarted' },
  { type: 'printSucceeded' },
  { type: 'printPaperOut', heldJobId: 'job-1' },
  { type: 'printFailed' },
  { type: 'reprintRequested' },
  { type: 'finished' },
  { type: 'back' },
  { type: 'reset' },
];

const ev = (type: LegalAidEvent['type']): LegalAidEvent => EVENTS.find((e) => e.type === type)!;

/** The happy path, by step: the event that leaves each step forward. */
const FORWARD: Partial<Record<LegalAidStep, LegalAidEvent['type']>> = {
  consent: 'consentGiven',
  idCard: 'cardRead',
  phone: 'phoneEntered',
  matter: 'matterChosen',
  details: 'detailsEntered',
  circumstances: 'circumstancesChosen',
  group: 'groupChosen',
  pledge: 'pledgeMade',
  urgency: 'urgencyAnswered',
  assessment: 'assessmentSeen',
  documents: 'photosDone',
  review: 'reviewConfirmed',
  signature: 'signed',
  submitting: 'submitSucceeded',
  receipt: 'finished',
};

function stateAt(step: LegalAidStep): LegalAidFlowState {
  let s = initialLegalAidState();
  if (step === 'declined') return nextFlow(s, ev('consentDeclined'));
  if (step === 'exited') return nextFlow(s, ev('back'));
  if (step === 'manualId') return nextFlow(nextFlow(s, ev('consentGiven')), ev('typeIdInstead'));
  while (s.step !== step) {
    const type = FORWARD[s.step];
    if (!type) throw new Error(`cannot reach ${step}`);
    s = nextFlow(s, ev(type));
  }
  return s;
}

/** Which events each step accepts (in its initial sub-state); every other one must return the same object. */
const ACCEPTS: Record<LegalAidStep, LegalAidEvent['type'][]> = {
  consent: ['consentGiven', 'consentDeclined', 'back', 'reset'],
  declined: ['reset'],
  idCard: ['cardRead', 'typeIdInstead', 'back', 'reset'],
  manualId: ['identityTyped', 'back', 'reset'],
  phone: ['phoneEntered', 'back', 'reset'],
  matter: ['matterChosen', 'back', 'reset'],
  details: ['detailsEntered', 'back', 'reset'],
  circumstances: ['circumstancesChosen', 'back', 'reset'],
  group: ['groupChosen', 'back', 'reset'],
  pledge: ['pledgeMade', 'back', 'reset'],
  urgency: ['urgencyAnswered', 'back', 'reset'],
  assessment: ['assessmentSeen', 'back', 'reset'],
  documents: ['photoAdded', 'photosDone', 'back', 'reset'],
  review: ['reviewConfirmed', 'back', 'reset'],
  signature: ['signed', 'back', 'reset'],
  submitting: ['submitSucceeded', 'submitFailed', 'reset'],
  receipt: ['printStarted', 'finished', 'reset'],
  done: ['reset'],
  exited: ['reset'],
};

describe('legal-aid flow machine', () => {
  for (const step of LEGAL_AID_STEPS) {
    describe(`at ${step}`, () => {
      for (const event of EVENTS) {
        const accepted = ACCEPTS[step].includes(event.type);
        it(`${event.type} ${accepted ? 'changes the state' : 'returns the same state'}`, () => {
          const s = stateAt(step);
          const next = nextFlow(s, event);
          if (accepted) expect(next).not.toBe(s);
          else expect(next).toBe(s);
        });
      }
    });
  }

  it('walks the whole happy path in order', () => {
    const seen: LegalAidStep[] = [];
    let s = initialLegalAidState();
    while (FORWARD[s.step]) {
      seen.push(s.step);
      s = nextFlow(s, ev(FORWARD[s.step]!));
    }
    expect([...seen, s.step]).toEqual([
      'consent',
      'idCard',
      'phone',
      'matter',
      'details',
      'circumstances',
      'group',
      'pledge',
      'urgency',
      'assessment',
      'documents',
      'review',
      'signature',
      'submitting',
      'receipt',
      'done',
    ]);
    expect(s.answers.identity).toEqual(identity);
    expect(s.answers.pledgedAt).toBe('2026-11-29T03:05:00.000Z');
    expect(s.answers.consentAt).toBe('2026-11-29T03:00:00.000Z');
    expect(s.submission?.receiptNo).toBe('LA20261129000001');
  });

  it('an Art. 32 circumstance skips the group and pledge steps', () => {
    const s = nextFlow(stateAt('circumstances'), {
      type: 'circumstancesChosen',
      ids: ['braveAct'],
      noEconomicTest: true,
    });
    expect(s.step).toBe('urgency');
    expect(s.answers.circumstances).toEqual(['braveAct']);
  });

  it('an Art. 42 group skips the pledge step', () => {
    const s = nextFlow(stateAt('group'), { type: 'groupChosen', groupId: 'dibao', exempt: true });
    expect(s.step).toBe('urgency');
    expect(s.answers.exemptGroupId).toBe('dibao');
  });

  it('a typed identity is upper-cased and marked as typed', () => {
    const s = nextFlow(stateAt('manualId'), ev('identityTyped'));
    expect(s.answers.identity).toEqual({ source: 'typed', idNumber: '11010519491231002X', name: '李四' });
    expect(nextFlow(s, ev('back')).step).toBe('manualId');
  });

  it('back walks all the way to the start without losing any answer, then forward again keeps them', () => {
    let s = stateAt('signature');
    const answers = s.answers;
    const path: LegalAidStep[] = [];
    while (s.step !== 'consent') {
      s = nextFlow(s, ev('back'));
      path.push(s.step);
      expect(s.answers).toBe(answers);
    }
    expect(path).toEqual([
      'review',
      'documents',
      'assessment',
      'urgency',
      'pledge',
      'group',
      'circumstances',
      'details',
      'matter',
      'phone',
      'idCard',
      'consent',
    ]);
    expect(nextFlow(s, ev('back')).step).toBe('exited');
  });

  it('photos: at most ten, removal by index, an out-of-range removal is ignored', () => {
    let s = stateAt('documents');
    for (let i = 0; i < MAX_PHOTOS + 2; i++) s = nextFlow(s, { type: 'photoAdded', photo: { ...photo, bytes: i } });
    expect(s.answers.photos).toHaveLength(MAX_PHOTOS);
    const full = s;
    expect(nextFlow(full, ev('photoAdded'))).toBe(full);
    s = nextFlow(s, { type: 'photoRemoved', index: 3 });
    expect(s.answers.photos.map((p) => p.bytes)).toEqual([0, 1, 2, 4, 5, 6, 7, 8, 9]);
    expect(nextFlow(s, { type: 'photoRemoved', index: 42 })).toBe(s);
    const reviewed = nextFlow(s, ev('photosDone'));
    expect(nextFlow(reviewed, ev('back')).answers.photos).toHaveLength(9);
  });

  it('a failed submission keeps every answer; back returns to the signature, retry submits again', () => {
    const s = stateAt('submitting');
    const failed = nextFlow(s, ev('submitFailed'));
    expect(failed.submitError).toBe(true);
    expect(failed.answers).toBe(s.answers);
    expect(nextFlow(failed, ev('submitSucceeded'))).toBe(failed);
    const retried = nextFlow(failed, ev('retrySubmit'));
    expect(retried.submitError).toBe(false);
    expect(nextFlow(retried, ev('submitSucceeded')).step).toBe('receipt');
    expect(nextFlow(failed, ev('back')).step).toBe('signature');
    const refused = nextFlow(s, { type: 'submitFailed', reason: { key: 'photoTooLarge', n: 2 } });
    expect(refused.submitReason).toEqual({ key: 'photoTooLarge', n: 2 });
    expect(nextFlow(refused, ev('retrySubmit')).submitReason).toBeNull();
    expect(nextFlow(refused, ev('back')).submitReason).toBeNull();
  });

  it('receipt printing: paper-out → reprint → printed; the submission is untouched', () => {
    let s = stateAt('receipt');
    const submission = s.submission;
    s = nextFlow(s, ev('printStarted'));
    expect(s.print).toEqual({ kind: 'printing' });
    expect(nextFlow(s, ev('finished'))).toBe(s);
    s = nextFlow(s, { type: 'printPaperOut', heldJobId: 'job-7' });
    expect(s.print).toEqual({ kind: 'paperOut', heldJobId: 'job-7' });
    expect(s.submission).toBe(submission);
    s = nextFlow(s, ev('reprintRequested'));
    expect(s.print.kind).toBe('printing');
    s = nextFlow(s, ev('printSucceeded'));
    expect(s.print.kind).toBe('printed');
    expect(nextFlow(s, ev('reprintRequested'))).toBe(s);
    expect(nextFlow(s, ev('finished')).step).toBe('done');
  });

  it('a print failure other than paper-out still lets the villager finish', () => {
    const s = nextFlow(nextFlow(stateAt('receipt'), ev('printStarted')), ev('printFailed'));
    expect(s.print.kind).toBe('failed');
    expect(nextFlow(s, ev('reprintRequested'))).toBe(s);
    expect(nextFlow(s, ev('finished')).step).toBe('done');
  });

  it('reset from any step wipes everything', () => {
    for (const step of LEGAL_AID_STEPS) {
      const s = nextFlow(stateAt(step), ev('reset'));
      expect(s).toEqual(initialLegalAidState());
    }
  });
});
