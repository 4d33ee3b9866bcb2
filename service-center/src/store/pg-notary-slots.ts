import type pg from 'pg';
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

// The notary slots on PostgreSQL, the same rules as SqliteNotarySlots. Where SQLite has one writer,
// here the slot's row is locked (FOR UPDATE) while its seats are counted and taken, so two terminals on
// two centre processes cannot exceed a slot's capacity; publishing runs under an advisory lock.

type Transaction = <T>(work: (c: pg.PoolClient) => Promise<T>) => Promise<T>;

const LOCK_NOTARY_PUBLISH = 74_004;

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

/** Seats taken at `now` ($1): bookings, and holds not yet expired. */
const SLOT_COLUMNS = `s.*,
  (SELECT count(*)::int FROM notary_bookings b WHERE b.slot_id = s.slot_id AND b.receipt_no IS NOT NULL) AS booked,
  (SELECT count(*)::int FROM notary_bookings b WHERE b.slot_id = s.slot_id AND b.receipt_no IS NULL
     AND b.hold_expires_at > $1) AS held`;

const INTERVIEW_SELECT = `SELECT b.booking_id, b.slot_id, s.starts_at, s.length_min, b.terminal_id, b.receipt_no,
    a.matter, a.center_id
  FROM notary_bookings b JOIN notary_slots s ON s.slot_id = b.slot_id
  LEFT JOIN submissions a ON a.terminal_id = b.terminal_id AND a.receipt_no = b.receipt_no`;

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

/** The province's notary slots (the PostgreSQL repository's `notarySlots`). */
export class PgNotarySlots implements NotarySlotStore {
  constructor(
    private readonly _pool: pg.Pool,
    private readonly _tx: Transaction,
  ) {}

  private async _slot(c: Pick<pg.PoolClient, 'query'>, slotId: string, now: string): Promise<NotarySlot | undefined> {
    const row = (
      await c.query<SlotRow>(`SELECT ${SLOT_COLUMNS} FROM notary_slots s WHERE s.slot_id = $2`, [now, slotId])
    ).rows[0];
    return row ? slotOf(row) : undefined;
  }

  async publishSlots(slots: readonly NewNotarySlot[]): Promise<PublishResult> {
    return this._tx(async (c): Promise<PublishResult> => {
      await c.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_NOTARY_PUBLISH]);
      for (const s of slots) {
        const live = await c.query('SELECT 1 FROM notary_slots WHERE starts_at = $1 AND withdrawn_at IS NULL', [
          s.startsAt,
        ]);
        if (live.rowCount) return { outcome: 'taken', startsAt: s.startsAt };
      }
      for (const s of slots)
        await c.query(
          `INSERT INTO notary_slots (slot_id, starts_at, length_min, capacity, published_by, published_at)
           VALUES ($1, $2, $3, $4, $5, $6)`,
          [s.slotId, s.startsAt, s.lengthMin, s.capacity, s.publishedBy, s.publishedAt],
        );
      const now = slots[0]?.publishedAt ?? new Date().toISOString();
      const published: NotarySlot[] = [];
      for (const s of slots) {
        const slot = await this._slot(c, s.slotId, now);
        if (slot) published.push(slot);
      }
      return { outcome: 'published', slots: published };
    });
  }

  async listSlots(filter: { from: string; to: string; withWithdrawn?: boolean }, now: string): Promise<NotarySlot[]> {
    const rows = await this._pool.query<SlotRow>(
      `SELECT ${SLOT_COLUMNS} FROM notary_slots s WHERE s.starts_at >= $2 AND s.starts_at < $3
       ${filter.withWithdrawn ? '' : 'AND s.withdrawn_at IS NULL'} ORDER BY s.starts_at, s.slot_id LIMIT 500`,
      [now, filter.from, filter.to],
    );
    return rows.rows.map(slotOf);
  }

  async withdrawSlot(slotId: string, at: string): Promise<WithdrawResult> {
    return this._tx(async (c): Promise<WithdrawResult> => {
      const live = await c.query('SELECT 1 FROM notary_slots WHERE slot_id = $1 AND withdrawn_at IS NULL FOR UPDATE', [
        slotId,
      ]);
      if (!live.rowCount) return 'notFound';
      const booked = await c.query(
        'SELECT 1 FROM notary_bookings WHERE slot_id = $1 AND receipt_no IS NOT NULL LIMIT 1',
        [slotId],
      );
      if (booked.rowCount) return 'booked';
      await c.query('DELETE FROM notary_bookings WHERE slot_id = $1', [slotId]);
      await c.query('UPDATE notary_slots SET withdrawn_at = $1 WHERE slot_id = $2', [at, slotId]);
      return 'withdrawn';
    });
  }

  async holdSeat(hold: NewNotaryHold, now: string): Promise<HoldResult> {
    return this._tx(async (c): Promise<HoldResult> => {
      // The slot's row lock makes count-then-insert one step for every process.
      const slot = await c.query<{ capacity: number }>(
        'SELECT capacity FROM notary_slots WHERE slot_id = $1 AND withdrawn_at IS NULL AND starts_at > $2 FOR UPDATE',
        [hold.slotId, now],
      );
      const capacity = slot.rows[0]?.capacity;
      if (capacity === undefined) return { outcome: 'notFound' };
      const taken = await c.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM notary_bookings
         WHERE slot_id = $1 AND (receipt_no IS NOT NULL OR hold_expires_at > $2)`,
        [hold.slotId, now],
      );
      if (taken.rows[0].n >= capacity) return { outcome: 'full' };
      await c.query(
        `INSERT INTO notary_bookings (booking_id, slot_id, terminal_id, held_at, hold_expires_at)
         VALUES ($1, $2, $3, $4, $5)`,
        [hold.bookingId, hold.slotId, hold.terminalId, hold.heldAt, hold.expiresAt],
      );
      const held = await this._slot(c, hold.slotId, now);
      return held ? { outcome: 'held', slot: held } : { outcome: 'notFound' };
    });
  }

  async confirmHold(bookingId: string, terminalId: string, receiptNo: string, at: string): Promise<ConfirmResult> {
    return this._tx(async (c): Promise<ConfirmResult> => {
      const found = await c.query<{ slot_id: string }>(
        'SELECT slot_id FROM notary_bookings WHERE booking_id = $1 AND terminal_id = $2',
        [bookingId, terminalId],
      );
      const slotId = found.rows[0]?.slot_id;
      if (slotId === undefined) return 'notFound';
      // Lock the slot first (the order holdSeat takes), then read the booking as it is now.
      const slot = await c.query<{ capacity: number; withdrawn_at: string | null }>(
        'SELECT capacity, withdrawn_at FROM notary_slots WHERE slot_id = $1 FOR UPDATE',
        [slotId],
      );
      const row = (
        await c.query<{ receipt_no: string | null; hold_expires_at: string }>(
          'SELECT receipt_no, hold_expires_at FROM notary_bookings WHERE booking_id = $1 AND terminal_id = $2',
          [bookingId, terminalId],
        )
      ).rows[0];
      if (!row) return 'notFound';
      if (row.receipt_no !== null) return row.receipt_no === receiptNo ? 'already' : 'notFound';
      if (row.hold_expires_at <= at) {
        // Expired: its seat counts again only if nobody else took it meanwhile.
        const s = slot.rows[0];
        if (!s || s.withdrawn_at !== null) return 'full';
        const others = await c.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM notary_bookings WHERE slot_id = $1 AND booking_id <> $2
             AND (receipt_no IS NOT NULL OR hold_expires_at > $3)`,
          [slotId, bookingId, at],
        );
        if (others.rows[0].n >= s.capacity) return 'full';
      }
      await c.query('UPDATE notary_bookings SET receipt_no = $1, confirmed_at = $2 WHERE booking_id = $3', [
        receiptNo,
        at,
        bookingId,
      ]);
      return 'confirmed';
    });
  }

  async releaseHold(bookingId: string, terminalId: string): Promise<ReleaseResult> {
    // One statement: a hold confirmed meanwhile (confirmHold) is not deleted, and is then `booked`.
    const deleted = await this._pool.query(
      'DELETE FROM notary_bookings WHERE booking_id = $1 AND terminal_id = $2 AND receipt_no IS NULL',
      [bookingId, terminalId],
    );
    if (deleted.rowCount) return 'released';
    const booked = await this._pool.query(
      'SELECT 1 FROM notary_bookings WHERE booking_id = $1 AND terminal_id = $2 AND receipt_no IS NOT NULL',
      [bookingId, terminalId],
    );
    return booked.rowCount ? 'booked' : 'notFound';
  }

  async interviews(filter: { from: string; to: string }): Promise<NotaryInterview[]> {
    const rows = await this._pool.query<InterviewRow>(
      `${INTERVIEW_SELECT} WHERE b.receipt_no IS NOT NULL AND s.starts_at >= $1 AND s.starts_at < $2
       ORDER BY s.starts_at, b.confirmed_at, b.booking_id LIMIT 500`,
      [filter.from, filter.to],
    );
    return rows.rows.map(interviewOf);
  }

  async interviewFor(terminalId: string, receiptNo: string): Promise<NotaryInterview | undefined> {
    const row = (
      await this._pool.query<InterviewRow>(`${INTERVIEW_SELECT} WHERE b.terminal_id = $1 AND b.receipt_no = $2`, [
        terminalId,
        receiptNo,
      ])
    ).rows[0];
    return row ? interviewOf(row) : undefined;
  }
}
