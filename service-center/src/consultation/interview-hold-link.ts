import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository, IntakeResult } from '../store/repository.js';

const HOLD_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A notarization request that booked an interview slot names the hold its terminal took at the
 * interview step (`booking.holdId`): the hold becomes the booking of this receipt number. When the
 * hold expired and its seat went to someone else, the booking is lost and logged; the notary office
 * then phones her (the request still shows the slot she chose). Never fails the intake.
 */
export async function confirmInterviewHold(
  repo: CenterRepository,
  terminalId: string,
  submission: IntakeSubmission,
  result: IntakeResult,
  log: Logger,
): Promise<void> {
  if (result.outcome !== 'created' || submission.kind !== 'notarization' || !repo.notarySlots) return;
  const data = submission.data;
  const booking = Object.hasOwn(data, 'booking') ? data['booking'] : undefined;
  if (typeof booking !== 'object' || booking === null || Array.isArray(booking)) return;
  const holdId = Object.hasOwn(booking, 'holdId') ? (booking as Record<string, unknown>)['holdId'] : undefined;
  if (typeof holdId !== 'string' || !HOLD_ID.test(holdId)) return;
  try {
    const outcome = await repo.notarySlots.confirmHold(
      holdId,
      terminalId,
      submission.receiptNo,
      new Date().toISOString(),
    );
    if (outcome === 'full' || outcome === 'notFound')
      log.warn({ terminal: terminalId, receiptNo: submission.receiptNo, outcome }, 'interview: booking not confirmed');
    else log.info({ terminal: terminalId, receiptNo: submission.receiptNo }, 'interview: booking confirmed');
  } catch (err) {
    log.error({ err }, 'interview: booking not confirmed');
  }
}
