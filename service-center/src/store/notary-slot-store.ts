// The notary office's interview slots and their bookings, behind one interface (DESIGN §8). Both
// repositories carry one as `notarySlots` (sqlite-notary-slots.ts, pg-notary-slots.ts); a repository
// without one makes the slot API answer 503 and the kiosk offer 公证处电话联系 instead.
import type { NotaryInterview, NotarySlot } from '@kiosk/contract/notary-api';

export interface NewNotarySlot {
  slotId: string;
  startsAt: string;
  lengthMin: number;
  capacity: number;
  publishedBy: string;
  publishedAt: string;
}

export interface NewNotaryHold {
  bookingId: string;
  slotId: string;
  terminalId: string;
  heldAt: string;
  expiresAt: string;
}

export type PublishResult = { outcome: 'published'; slots: NotarySlot[] } | { outcome: 'taken'; startsAt: string };
export type HoldResult = { outcome: 'held'; slot: NotarySlot } | { outcome: 'full' } | { outcome: 'notFound' };
export type ConfirmResult = 'confirmed' | 'already' | 'full' | 'notFound';
export type WithdrawResult = 'withdrawn' | 'booked' | 'notFound';
export type ReleaseResult = 'released' | 'booked' | 'notFound';

export interface NotarySlotStore {
  /** All or nothing: a run whose start collides with a live slot is refused (`taken`). */
  publishSlots(slots: readonly NewNotarySlot[]): Promise<PublishResult>;
  /** Live (and, with `withWithdrawn`, withdrawn) slots starting in [from, to), ordered by start; counts at `now`. */
  listSlots(filter: { from: string; to: string; withWithdrawn?: boolean }, now: string): Promise<NotarySlot[]>;
  /** Withdraws a live slot without bookings (holds are dropped with it); `booked` when someone booked it. */
  withdrawSlot(slotId: string, at: string): Promise<WithdrawResult>;
  /**
   * Atomically takes one seat for a terminal: only while the live, future slot has fewer bookings plus
   * unexpired holds than its capacity (two terminals at once cannot exceed it).
   */
  holdSeat(hold: NewNotaryHold, now: string): Promise<HoldResult>;
  /**
   * Ties a terminal's hold to the receipt number of the request that arrived. An expired hold is still
   * confirmed while the slot has room (checked atomically); `full` when its seat went to someone else.
   */
  confirmHold(bookingId: string, terminalId: string, receiptNo: string, at: string): Promise<ConfirmResult>;
  /**
   * Gives back a seat a terminal held for a request that was never sent: only its own hold and only
   * while no receipt number is tied to it (`booked`); `notFound` for an unknown, already released or
   * other terminal's hold (which stays).
   */
  releaseHold(bookingId: string, terminalId: string): Promise<ReleaseResult>;
  /** Bookings (with a receipt number) of slots starting in [from, to), ordered by start. */
  interviews(filter: { from: string; to: string }): Promise<NotaryInterview[]>;
  /** The booking of one receipt number of one terminal. */
  interviewFor(terminalId: string, receiptNo: string): Promise<NotaryInterview | undefined>;
}
