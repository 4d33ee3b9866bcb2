// The pure notarization machine, the liveness challenge and the working-day clock.
import { describe, expect, it } from 'vitest';
import { addChinaWorkingDays } from '@kiosk/domain/china-time';
import {
  initialNotarizationState,
  MAX_LIVENESS_ATTEMPTS,
  nextNotarization,
  type NotarizationEvent,
  type NotarizationState,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';
import {
  initialLiveness,
  failureReason,
  livenessStep,
  yawOf,
  type FaceBox,
  type LivenessState,
} from '../../../kiosk-ui/src/notarization/liveness.js';

const run = (events: NotarizationEvent[], s = initialNotarizationState()): NotarizationState =>
  events.reduce(nextNotarization, s);

const identity = { source: 'card' as const, name: '张三', idNumber: '11010519491231002X' };
const toConsent: NotarizationEvent[] = [
  { type: 'matterChosen', matterId: 'education', remote: true, inPersonOnly: false },
  { type: 'purposeChosen', where: 'abroad', use: 'study', country: 'usa' },
  { type: 'applicantChosen', role: 'self', relation: null },
];
const passed: NotarizationEvent = {
  type: 'livenessPassed',
  result: { passedAt: '2026-01-05T02:00:00Z', faceCrop: 'data:image/jpeg;base64,AAAA', order: ['left', 'right'] },
};

describe('notarization machine', () => {
  it('walks the whole request in order', () => {
    const s = run([
      ...toConsent,
      { type: 'consentGiven', at: '2026-01-05T02:00:00Z' },
      { type: 'cardRead', identity },
      passed,
      { type: 'photoAdded', photo: { dataUrl: 'x', width: 1, height: 1, bytes: 1, materialId: 'diploma' } },
      { type: 'photosDone' },
      { type: 'phoneEntered', phone: '13800138000' },
      { type: 'interviewChosen', choice: { kind: 'phone' } },
      { type: 'reviewConfirmed' },
      { type: 'signed', signature: 'data:image/png;base64,AAAA' },
      { type: 'submitSucceeded', result: { receiptNo: 'GZ1', storedAt: '2026-01-05T02:00:00Z', uploaded: true } },
      { type: 'printStarted' },
      { type: 'printSucceeded' },
      { type: 'finished' },
    ]);
    expect(s.step).toBe('done');
    expect(s.answers.liveness?.attempts).toBe(1);
    expect(s.answers.country).toBe('usa');
    expect(s.history).toContain('liveness');
  });

  it('a matter the terminal cannot take goes to notHere, and back returns to the matters', () => {
    const s = run([{ type: 'matterChosen', matterId: 'will', remote: false, inPersonOnly: true }]);
    expect(s.step).toBe('notHere');
    expect(nextNotarization(s, { type: 'back' }).step).toBe('matter');
  });

  it('blocks a family member for an in-person matter (Art 26) and lets her do it for herself', () => {
    let s = run([
      { type: 'matterChosen', matterId: 'mandate', remote: true, inPersonOnly: true },
      { type: 'purposeChosen', where: 'domestic', use: 'bank', country: null },
      { type: 'applicantChosen', role: 'family', relation: 'child' },
    ]);
    expect(s.step).toBe('proxyBlocked');
    s = nextNotarization(s, { type: 'applicantChosen', role: 'self', relation: null });
    expect(s.step).toBe('consent');
    expect(s.answers.role).toBe('self');
  });

  it('a family member may apply for other matters, but must say who', () => {
    const base = run(toConsent.slice(0, 2));
    expect(nextNotarization(base, { type: 'applicantChosen', role: 'family', relation: null })).toBe(base);
    expect(nextNotarization(base, { type: 'applicantChosen', role: 'family', relation: 'parent' }).step).toBe(
      'consent',
    );
  });

  it('abroad needs a country', () => {
    const s = run(toConsent.slice(0, 1));
    expect(nextNotarization(s, { type: 'purposeChosen', where: 'abroad', use: 'study', country: null })).toBe(s);
  });

  it('three failed checks send her to the office, never a dead end; back does not leave that page', () => {
    let s = run([...toConsent, { type: 'consentGiven', at: 'x' }, { type: 'cardRead', identity }]);
    expect(s.step).toBe('liveness');
    s = nextNotarization(s, { type: 'livenessFailed', reason: 'timeout' });
    expect(s.step).toBe('liveness');
    s = nextNotarization(s, { type: 'livenessFailed', reason: 'multipleFaces' });
    expect(s.answers.livenessFailures).toHaveLength(2);
    s = nextNotarization(s, { type: 'livenessFailed', reason: 'noFace' });
    expect(MAX_LIVENESS_ATTEMPTS).toBe(3);
    expect(s.step).toBe('livenessOffice');
    expect(nextNotarization(s, { type: 'back' })).toBe(s);
    expect(nextNotarization(s, passed)).toBe(s);
  });

  it('a pass after failures counts the attempts; back from the materials skips the check', () => {
    let s = run([
      ...toConsent,
      { type: 'consentGiven', at: 'x' },
      { type: 'cardRead', identity },
      { type: 'livenessFailed', reason: 'timeout' },
      passed,
    ]);
    expect(s.answers.liveness?.attempts).toBe(2);
    s = nextNotarization(s, { type: 'back' });
    expect(s.step).toBe('idCard');
    s = nextNotarization(s, { type: 'cardRead', identity });
    expect(s.step).toBe('documents');
  });

  it('ignores events of other steps and keeps the submission once stored', () => {
    const s = initialNotarizationState();
    expect(nextNotarization(s, { type: 'photosDone' })).toBe(s);
    expect(nextNotarization(s, { type: 'back' }).step).toBe('exited');
  });
});

function face(yaw: number, cx = 0.5, w = 0.3, score = 0.9): FaceBox {
  // keypoints consistent with a yaw (cylinder model): nose offset = sin(yaw), ears at ±cos(yaw)
  const r = w / 2;
  const rad = (yaw * Math.PI) / 180;
  return {
    score,
    box: { originX: (cx - r) * 640, originY: 0.5 * 480 - r * 640, width: w * 640, height: w * 640 },
    keypoints: [
      { x: cx - r / 3, y: 0.45 },
      { x: cx + r / 3, y: 0.45 },
      { x: cx + r * Math.sin(rad), y: 0.5 },
      { x: cx, y: 0.6 },
      { x: cx - r * Math.cos(rad), y: 0.5 },
      { x: cx + r * Math.cos(rad), y: 0.5 },
    ],
  };
}

function feed(s: LivenessState, frames: FaceBox[][], t0 = 0): LivenessState {
  return frames.reduce((st, faces, i) => livenessStep(st, faces, { width: 640, height: 480, now: t0 + i * 50 }), s);
}

describe('liveness challenge', () => {
  it('yaw from the keypoints: positive when she turns to her left', () => {
    expect(yawOf(face(30).keypoints)).toBeCloseTo(30, 0);
    expect(yawOf(face(-30).keypoints)).toBeCloseTo(-30, 0);
  });

  it('passes a centred face that turns left then right', () => {
    const s = feed(initialLiveness(['left', 'right']), [
      ...Array(8).fill([face(0)]),
      ...Array(3).fill([face(35)]),
      ...Array(3).fill([face(-35)]),
    ]);
    expect(s.phase).toBe('passed');
  });

  it('the random order is kept: a right turn first does not count for left', () => {
    const s = feed(initialLiveness(['left', 'right']), [...Array(8).fill([face(0)]), ...Array(5).fill([face(-35)])]);
    expect(s.phase).toBe('turn');
    expect(s.hint).toBe('turnLeft');
  });

  it('a still photo times out; two faces and no face fail with their reason', () => {
    const still = feed(initialLiveness(['right', 'left']), Array(600).fill([face(0)]));
    expect(still.phase).toBe('failed');
    expect(failureReason(still)).toBe('timeout');
    const two = feed(initialLiveness(['left', 'right']), Array(600).fill([face(0, 0.3), face(0, 0.7)]));
    expect(two.phase).toBe('failed');
    expect(failureReason(two)).toBe('multipleFaces');
    const none = feed(initialLiveness(['left', 'right']), Array(600).fill([]));
    expect(failureReason(none)).toBe('noFace');
  });

  it('asks her to come closer, to centre, to look straight before the challenge', () => {
    const s0 = initialLiveness(['left', 'right']);
    expect(livenessStep(s0, [face(0, 0.5, 0.1)], { width: 640, height: 480, now: 0 }).hint).toBe('moveCloser');
    expect(livenessStep(s0, [face(0, 0.8)], { width: 640, height: 480, now: 0 }).hint).toBe('centreFace');
    expect(livenessStep(s0, [face(30)], { width: 640, height: 480, now: 0 }).hint).toBe('lookStraight');
  });
});

describe('working days (weekends only)', () => {
  it('15 working days from a Monday is three weeks later; the weekend is skipped', () => {
    expect(addChinaWorkingDays('2026-01-05T02:00:00Z', 15)).toBe('2026-01-26');
    expect(addChinaWorkingDays('2026-01-09T02:00:00Z', 1)).toBe('2026-01-12');
    // 23:30 UTC on Friday is Saturday in China
    expect(addChinaWorkingDays('2026-01-09T23:30:00Z', 1)).toBe('2026-01-12');
  });
});
