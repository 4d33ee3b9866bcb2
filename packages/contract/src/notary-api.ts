// The notary office's interview slots and booked video interviews (issue 12 item 4). The office
// publishes slots in the staff console; terminals list the free ones and hold one for the villager at
// the interview step; the hold becomes a booking tied to the receipt number when the notarization
// request reaches the centre through the outbox (its `booking.holdId`). Times are instants (ISO, UTC);
// every screen shows them in China time.

/** Staff (notary or admin): GET lists slots, POST publishes a run of slots. */
export const STAFF_NOTARY_SLOTS_PATH = '/api/v1/staff/notary-slots';
/** Staff: the booked interviews of a China date (`?date=YYYY-MM-DD`, default today). */
export const STAFF_NOTARY_INTERVIEWS_PATH = '/api/v1/staff/notary-interviews';
/** Terminal (Bearer center.token): GET → `IntakeNotarySlots`. */
export const INTAKE_NOTARY_SLOTS_PATH = '/api/v1/intake/notary-slots';
/** Terminal: POST `${INTAKE_NOTARY_SLOTS_PATH}/:slotId/hold` → `NotarySlotHold` (409 `slotFull`). */
export const NOTARY_HOLD_SUFFIX = '/hold';
/**
 * Terminal: DELETE `${INTAKE_NOTARY_SLOTS_PATH}/holds/:holdId` `{}` → `NotarySlotRelease`: gives back a
 * seat its own terminal held when the villager leaves without submitting (another slot, 取消, the end
 * of the visit). Idempotent: a hold already released, expired away or another terminal's answers
 * `{released:false}` and stays as it is; 409 `slotBooked` once a request has tied it to its receipt
 * number. The hold's expiry stays the backstop for a kiosk that never says so.
 */
export const NOTARY_HOLDS_SEGMENT = '/holds';

/** How long a hold keeps its seat before the request arrives (the outbox may be slow). */
export const NOTARY_HOLD_MINUTES = 120;
/** Working days ahead a terminal is offered. */
export const NOTARY_SLOT_DAYS_AHEAD = 5;
export const NOTARY_SLOT_LENGTHS = [15, 20, 30, 45, 60] as const;
export const NOTARY_SLOT_MAX_RUN = 16;
export const NOTARY_SLOT_MAX_CAPACITY = 5;

/**
 * POST STAFF_NOTARY_SLOTS_PATH: `count` consecutive slots of `lengthMin` minutes from `start` on the
 * China date `date`, each for `capacity` applicants at once (one per notary on duty; default 1).
 */
export interface PublishNotarySlots {
  date: string;
  start: string;
  lengthMin: (typeof NOTARY_SLOT_LENGTHS)[number];
  count: number;
  capacity?: number;
}

export interface NotarySlot {
  slotId: string;
  startsAt: string;
  lengthMin: number;
  capacity: number;
  /** Bookings tied to a receipt number. */
  booked: number;
  /** Seats held by a terminal whose request has not arrived yet (unexpired holds). */
  held: number;
  publishedBy: string;
  publishedAt: string;
  withdrawnAt?: string;
}

/** GET STAFF_NOTARY_SLOTS_PATH?from=YYYY-MM-DD&days=n → the slots of those China days. */
export interface NotarySlotList {
  items: NotarySlot[];
}

/** A booked interview (a hold tied to a receipt number), with what the notary needs to find it. */
export interface NotaryInterview {
  bookingId: string;
  slotId: string;
  startsAt: string;
  lengthMin: number;
  terminalId: string;
  receiptNo: string;
  /** The request's matter id (catalogue), when the request is at the centre. */
  matter?: string;
  /** The application's centre id, for its detail page. */
  centerId?: string;
}

export interface NotaryInterviewList {
  date: string;
  items: NotaryInterview[];
}

/** What a terminal is offered: free seats only, future slots of the next working days. */
export interface IntakeNotarySlot {
  slotId: string;
  startsAt: string;
  lengthMin: number;
  free: number;
}

export interface IntakeNotarySlots {
  slots: IntakeNotarySlot[];
  /** Notaries connected to signalling and not away: "now" can be offered. */
  notariesOnline: number;
}

export interface NotarySlotHold {
  holdId: string;
  slotId: string;
  startsAt: string;
  lengthMin: number;
  expiresAt: string;
}

export interface NotarySlotRelease {
  /** False when there was nothing of this terminal's to release (already released, or never its hold). */
  released: boolean;
}

export type NotarySlotErrorCode =
  'slotFull' | 'slotNotFound' | 'invalidSlots' | 'slotTaken' | 'slotBooked' | 'holdNotFound';

// ---- Kiosk API (device agent, DESIGN §5): the page reads and holds through the agent, which adds the
// terminal credential; the page never sees it. Same bodies as the intake routes above.
/** GET → `IntakeNotarySlots`; 503 `{error:'centerUnavailable'}` when the centre cannot be reached. */
export const KIOSK_NOTARY_SLOTS_PATH = '/api/v1/notary-slots';
/** POST `${KIOSK_NOTARY_SLOTS_PATH}/:slotId/hold` `{}` → `NotarySlotHold`, or 409 `slotFull`, 404 `slotNotFound`. */
/** DELETE `${KIOSK_NOTARY_SLOTS_PATH}/holds/:holdId` `{}` → `NotarySlotRelease`, or 409 `slotBooked`. */
export type KioskNotarySlotError = { error: NotarySlotErrorCode | 'centerUnavailable' | 'configError' };
