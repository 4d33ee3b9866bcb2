import type { SqliteDatabase } from '@kiosk/node-common/sqlite';
import type { NotaryInterview, NotarySlot } from '@kiosk/contract/notary-api';
import type {
  ConfirmResult,
  HoldResult,
  NewNotaryHold,
  NewNotarySlot,
  NotarySlotStore,
  PublishResult,
  ReleaseResult,
  WithdrawResult,
} from './notary-slot-store.js';

// Times are ISO instants from `Date.toISOString()` (same length, UTC), so they compare as text.

interface SlotRow {
  slot_id: string;
  starts_at: string;
  length_min: number;
  capacity: number;
  published_by: string;
  published_at: string;
  withdrawn_at: string | null;
  booked: number;
  held: number;
}

interface InterviewRow {
  booking_id: string;
  slot_id: string;
  starts_at: string;
  length_min: number;
  terminal_id: string;
  receipt_no: string;
  matter: string | null;
  center_id: string | null;
}

/** Seats taken at `?now`: bookings, and holds not yet expired. */
const TAKEN = `(SELECT count(*) FROM notary_bookings b WHERE b.slot_id = s.slot_id
                  AND (b.receipt_no IS NOT NULL OR b.hold_expires_at > ?))`;
const SLOT_COLUMNS = `s.*,
  (SELECT count(*) FROM notary_bookings b WHERE b.slot_id = s.slot_id AND b.receipt_no IS NOT NULL) AS booked,
  (SELECT count(*) FROM notary_bookings b WHERE b.slot_id = s.slot_id AND b.receipt_no IS NULL
     AND b.hold_expires_at > ?) AS held`;

const slotOf = (r: SlotRow): NotarySlot => ({
  slotId: r.slot_id,
  startsAt: r.starts_at,
  lengthMin: r.length_min,
  capacity: r.capacity,
  booked: r.booked,
  held: r.held,
  publishedBy: r.published_by,
  publishedAt: r.published_at,
  ...(r.withdrawn_at ? { withdrawnAt: r.withdrawn_at } : {}),
});

const interviewOf = (r: InterviewRow): NotaryInterview => ({
  bookingId: r.booking_id,
  slotId: r.slot_id,
  startsAt: r.starts_at,
  lengthMin: r.length_min,
  terminalId: r.terminal_id,
  receiptNo: r.receipt_no,
  ...(r.matter ? { matter: r.matter } : {}),
  ...(r.center_id ? { centerId: r.center_id } : {}),
});

const INTERVIEW_SELECT = `SELECT b.booking_id, b.slot_id, s.starts_at, s.length_min, b.terminal_id, b.receipt_no,
    a.matter, a.center_id
  FROM notary_bookings b JOIN notary_slots s ON s.slot_id = b.slot_id
  LEFT JOIN submissions a ON a.terminal_id = b.terminal_id AND a.receipt_no = b.receipt_no`;

/** The notary slots of the county's SQLite database (the repository's `notarySlots`). */
export class SqliteNotarySlots implements NotarySlotStore {
  constructor(private readonly _db: SqliteDatabase) {}

  private _slot(slotId: string, now: string): NotarySlot | undefined {
    const row = this._db.prepare(`SELECT ${SLOT_COLUMNS} FROM notary_slots s WHERE s.slot_id = ?`).get(now, slotId) as
      SlotRow | undefined;
    return row ? slotOf(row) : undefined;
  }

  async publishSlots(slots: readonly NewNotarySlot[]): Promise<PublishResult> {
    const db = this._db;
    return db
      .transaction((): PublishResult => {
        const live = db.prepare('SELECT 1 FROM notary_slots WHERE starts_at = ? AND withdrawn_at IS NULL');
        for (const s of slots) if (live.get(s.startsAt)) return { outcome: 'taken', startsAt: s.startsAt };
        const insert = db.prepare(
          `INSERT INTO notary_slots (slot_id, starts_at, length_min, capacity, published_by, published_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
        );
        for (const s of slots) insert.run(s.slotId, s.startsAt, s.lengthMin, s.capacity, s.publishedBy, s.publishedAt);
        const now = slots[0]?.publishedAt ?? new Date().toISOString();
        return { outcome: 'published', slots: slots.flatMap((s) => this._slot(s.slotId, now) ?? []) };
      })
      .immediate();
  }

  async listSlots(filter: { from: string; to: string; withWithdrawn?: boolean }, now: string): Promise<NotarySlot[]> {
    const rows = this._db
      .prepare(
        `SELECT ${SLOT_COLUMNS} FROM notary_slots s WHERE s.starts_at >= ? AND s.starts_at < ?
         ${filter.withWithdrawn ? '' : 'AND s.withdrawn_at IS NULL'} ORDER BY s.starts_at LIMIT 500`,
      )
      .all(now, filter.from, filter.to) as SlotRow[];
    return rows.map(slotOf);
  }

  async withdrawSlot(slotId: string, at: string): Promise<WithdrawResult> {
    const db = this._db;
    return db
      .transaction((): WithdrawResult => {
        const live = db.prepare('SELECT 1 FROM notary_slots WHERE slot_id = ? AND withdrawn_at IS NULL').get(slotId);
        if (!live) return 'notFound';
        const booked = db
          .prepare('SELECT 1 FROM notary_bookings WHERE slot_id = ? AND receipt_no IS NOT NULL LIMIT 1')
          .get(slotId);
        if (booked) return 'booked';
        db.prepare('DELETE FROM notary_bookings WHERE slot_id = ?').run(slotId);
        db.prepare('UPDATE notary_slots SET withdrawn_at = ? WHERE slot_id = ?').run(at, slotId);
        return 'withdrawn';
      })
      .immediate();
  }

  async holdSeat(hold: NewNotaryHold, now: string): Promise<HoldResult> {
    const db = this._db;
    return db
      .transaction((): HoldResult => {
        const slot = db
          .prepare('SELECT 1 FROM notary_slots WHERE slot_id = ? AND withdrawn_at IS NULL AND starts_at > ?')
          .get(hold.slotId, now);
        if (!slot) return { outcome: 'notFound' };
        // One statement: the seat is taken only while the count is under the capacity.
        const info = db
          .prepare(
            `INSERT INTO notary_bookings (booking_id, slot_id, terminal_id, held_at, hold_expires_at)
             SELECT ?, s.slot_id, ?, ?, ? FROM notary_slots s WHERE s.slot_id = ? AND ${TAKEN} < s.capacity`,
          )
          .run(hold.bookingId, hold.terminalId, hold.heldAt, hold.expiresAt, hold.slotId, now);
        if (info.changes === 0) return { outcome: 'full' };
        const taken = this._slot(hold.slotId, now);
        return taken ? { outcome: 'held', slot: taken } : { outcome: 'notFound' };
      })
      .immediate();
  }

  async confirmHold(bookingId: string, terminalId: string, receiptNo: string, at: string): Promise<ConfirmResult> {
    const db = this._db;
    return db
      .transaction((): ConfirmResult => {
        const row = db
          .prepare(
            'SELECT slot_id, receipt_no, hold_expires_at FROM notary_bookings WHERE booking_id = ? AND terminal_id = ?',
          )
          .get(bookingId, terminalId) as
          { slot_id: string; receipt_no: string | null; hold_expires_at: string } | undefined;
        if (!row) return 'notFound';
        if (row.receipt_no !== null) return row.receipt_no === receiptNo ? 'already' : 'notFound';
        if (row.hold_expires_at <= at) {
          // Expired: its seat counts again only if nobody else took it meanwhile.
          const room = db
            .prepare(
              `SELECT 1 FROM notary_slots s WHERE s.slot_id = ? AND s.withdrawn_at IS NULL AND
               (SELECT count(*) FROM notary_bookings b WHERE b.slot_id = s.slot_id AND b.booking_id <> ?
                  AND (b.receipt_no IS NOT NULL OR b.hold_expires_at > ?)) < s.capacity`,
            )
            .get(row.slot_id, bookingId, at);
          if (!room) return 'full';
        }
        db.prepare('UPDATE notary_bookings SET receipt_no = ?, confirmed_at = ? WHERE booking_id = ?').run(
          receiptNo,
          at,
          bookingId,
        );
        return 'confirmed';
      })
      .immediate();
  }

  async releaseHold(bookingId: string, terminalId: string): Promise<ReleaseResult> {
    const db = this._db;
    return db
      .transaction((): ReleaseResult => {
        const row = db
          .prepare('SELECT receipt_no FROM notary_bookings WHERE booking_id = ? AND terminal_id = ?')
          .get(bookingId, terminalId) as { receipt_no: string | null } | undefined;
        if (!row) return 'notFound';
        if (row.receipt_no !== null) return 'booked';
        db.prepare('DELETE FROM notary_bookings WHERE booking_id = ? AND receipt_no IS NULL').run(bookingId);
        return 'released';
      })
      .immediate();
  }

  async interviews(filter: { from: string; to: string }): Promise<NotaryInterview[]> {
    const rows = this._db
      .prepare(
        `${INTERVIEW_SELECT} WHERE b.receipt_no IS NOT NULL AND s.starts_at >= ? AND s.starts_at < ?
         ORDER BY s.starts_at, b.confirmed_at LIMIT 500`,
      )
      .all(filter.from, filter.to) as InterviewRow[];
    return rows.map(interviewOf);
  }

  async interviewFor(terminalId: string, receiptNo: string): Promise<NotaryInterview | undefined> {
    const row = this._db
      .prepare(`${INTERVIEW_SELECT} WHERE b.terminal_id = ? AND b.receipt_no = ?`)
      .get(terminalId, receiptNo) as InterviewRow | undefined;
    return row ? interviewOf(row) : undefined;
  }
}
