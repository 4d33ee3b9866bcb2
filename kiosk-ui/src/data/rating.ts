// 好差评 (counts only): a rating goes through the agent's outbox as kind `rating` with the service's
// name and the score — nothing about the person (content/schemas/submission-rating.schema.json).
import type { SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import type { SatisfactionScore } from '../events/kiosk-satisfaction-rate.js';
import { postJson } from './agent-http.js';

/** The services a rating may name (the centre counts per terminal and per service). */
export type RatedService = 'consultation' | 'legalAid' | 'notarization' | 'mediation' | 'homeVisit';

/**
 * Stores the rating in the outbox; true when the agent stored it. A rating that cannot be stored is
 * dropped quietly: the villager is not asked again.
 */
export async function sendRating(
  service: RatedService,
  score: SatisfactionScore,
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const { status, body } = await postJson<SubmissionAccepted>(
      '/submissions',
      { kind: 'rating', data: { service, score }, clientSubmissionId: crypto.randomUUID().replaceAll('-', '') },
      signal,
    );
    return status >= 200 && status < 300 && Boolean(body?.receiptNo);
  } catch {
    return false;
  }
}
