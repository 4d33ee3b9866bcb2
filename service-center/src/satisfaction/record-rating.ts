import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { Logger } from '@kiosk/node-common/logger';
import { RATED_SERVICES, type CenterRepository, type IntakeResult, type RatedService } from '../store/repository.js';

const isRatedService = (s: unknown): s is RatedService =>
  typeof s === 'string' && (RATED_SERVICES as readonly string[]).includes(s);
const isScore = (n: unknown): n is 1 | 2 | 3 | 4 | 5 => n === 1 || n === 2 || n === 3 || n === 4 || n === 5;

/**
 * 好差评 (issue 16 item 4): a rating from a terminal's outbox (already schema-checked: service and
 * score only) is counted per terminal and service. Counted for a replay too: the repository keeps one
 * row per receipt, so a rating whose first count was lost (a crash after the intake) is counted once.
 */
export function countRating(
  repo: Pick<CenterRepository, 'recordRating'>,
  terminalId: string,
  submission: IntakeSubmission,
  result: IntakeResult,
  receivedAt: string,
  log: Logger,
): Promise<void> {
  if (result.outcome === 'conflict' || submission.kind !== 'rating') return Promise.resolve();
  const data = submission.data;
  const service = Object.hasOwn(data, 'service') ? data['service'] : undefined;
  const score = Object.hasOwn(data, 'score') ? data['score'] : undefined;
  if (!isRatedService(service) || !isScore(score)) return Promise.resolve();
  return repo
    .recordRating({ terminalId, receiptNo: submission.receiptNo, service, score, receivedAt })
    .catch((err: unknown) => log.error({ err, terminal: terminalId }, 'satisfaction: rating not counted'));
}
