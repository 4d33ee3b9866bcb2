import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository, IntakeResult } from '../store/repository.js';
import { isCallId } from './parse.js';

/**
 * A consultation rating (好差评) from the kiosk's outbox names its call: the score goes onto that
 * call's record, if the call was this terminal's. Other ratings stay plain submissions.
 */
export function linkRating(
  repo: CenterRepository,
  terminalId: string,
  submission: IntakeSubmission,
  result: IntakeResult,
  log: Logger,
): void {
  if (result.outcome !== 'created' || submission.kind !== 'rating') return;
  const data = submission.data;
  const callId = Object.hasOwn(data, 'callId') ? data['callId'] : undefined;
  const score = Object.hasOwn(data, 'score') ? data['score'] : undefined;
  if (data['service'] !== 'consultation' || !isCallId(callId)) return;
  if (score !== 1 && score !== 2 && score !== 3 && score !== 4 && score !== 5) return;
  repo.rateCall(callId, terminalId, score, submission.receiptNo).then(
    (linked) => {
      if (!linked) log.warn({ terminal: terminalId, callId }, 'consultation: rating names no call of this terminal');
    },
    (err: unknown) => log.error({ err }, 'consultation: rating not linked'),
  );
}
