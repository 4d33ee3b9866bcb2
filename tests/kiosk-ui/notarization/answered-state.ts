import {
  initialNotarizationState,
  type InterviewChoice,
  type NotarizationState,
  type NotarizationStep,
} from '../../../kiosk-ui/src/flows/notarization-machine.js';

const ORDER: NotarizationStep[] = [
  'matter',
  'purpose',
  'applicant',
  'consent',
  'idCard',
  'liveness',
  'documents',
  'phone',
  'interview',
  'review',
  'signature',
];

/**
 * A 学历公证 request for herself, every answer given (card read, check passed, phone, signature), the
 * interview as `interview`, opened at `step` (for the flow's `startState`); `more` on top.
 */
export function answeredState(
  step: NotarizationStep,
  interview: InterviewChoice | null,
  more: Partial<NotarizationState> = {},
): NotarizationState {
  const s = initialNotarizationState();
  const at = ORDER.indexOf(step);
  return {
    ...s,
    step,
    history: at >= 0 ? ORDER.slice(0, at) : [...ORDER],
    answers: {
      ...s.answers,
      matterId: 'education',
      where: 'domestic',
      use: 'job',
      role: 'self',
      consentAt: '2026-12-02T02:00:00.000Z',
      identity: { source: 'card', name: '张三', idNumber: '11010519491231002X' },
      liveness: {
        passedAt: '2026-12-02T02:01:00.000Z',
        attempts: 1,
        faceCrop: 'data:image/jpeg;base64,/9j/2wBDAAEBAQ==',
        order: ['left', 'right'],
      },
      phone: '13800138000',
      interview,
      signature: 'data:image/png;base64,iVBORw0KGgo=',
    },
    ...more,
  };
}
