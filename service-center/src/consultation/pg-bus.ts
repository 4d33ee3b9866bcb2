import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type { Logger } from '@kiosk/node-common/logger';
import type { BusEvent, ConsultationBus, SharedInterviewRow, SharedQueueRow } from './bus.js';
import type { StaffSideRole } from './calls.js';
import type { StaffCounties } from './county-view.js';

export interface PgConsultationBusOptions {
  url: string;
  log: Logger;
  /** How often this process says it is alive (default 5 s). */
  heartbeatMs?: number;
  /** A process silent this long is gone: its queue places and presence stop counting (default 20 s). */
  liveS?: number;
}

const CHANNEL = 'kiosk_consultation';
/** NOTIFY payloads must stay under 8000 bytes; larger ones (SDP offers) go through a table row. */
const INLINE_MAX = 7000;
/** Rows of large payloads are read within moments; older ones are swept. */
const SIGNAL_TTL_S = 60;

/** What travels on the channel: the event itself, or the id of the row that holds it. */
type Wire = { from: string; event: BusEvent } | { from: string; ref: string };

interface QueueDbRow {
  kiosk_id: string;
  ticket: string;
  county: string;
  topic: SharedQueueRow['topic'];
  consent: boolean;
  terminal_name: string | null;
  caller_name: string | null;
  enqueued_ms: string;
  state: SharedQueueRow['state'];
}

interface InterviewDbRow {
  kiosk_id: string;
  receipt_no: string;
  matter: string | null;
  booked_at: string | null;
  terminal_name: string | null;
  consent: boolean;
  since_ms: string;
  state: SharedInterviewRow['state'];
}

/** Processes heard from within the number of seconds in parameter `param`. */
const live = (param = '$1'): string =>
  `SELECT process_id FROM consultation_processes WHERE seen_at > now() - make_interval(secs => ${param})`;

/**
 * The consultation bus on PostgreSQL: `LISTEN/NOTIFY` on one channel (a dedicated connection) for
 * events, tables for the queue, the interview list and presence (migrations 9–11). Writes go through one connection, whose
 * query queue keeps them in the order the hub made them; each event is one statement, so a NOTIFY
 * never overtakes the write before it.
 */
export class PgConsultationBus implements ConsultationBus {
  readonly processId = randomUUID();
  private readonly _write: pg.Client;
  private _tail: Promise<unknown> = Promise.resolve();
  private readonly _listen: pg.Client;
  private readonly _liveS: number;
  private _queue: SharedQueueRow[] = [];
  private _interviews: SharedInterviewRow[] = [];
  private _staff = new Map<StaffSideRole, Map<string, string | undefined>>();
  private _incoming: Promise<void> = Promise.resolve();
  private _onEvent: (event: BusEvent) => void = () => undefined;
  private _heartbeat: NodeJS.Timeout | undefined;
  private _stopped = false;

  constructor(private readonly _o: PgConsultationBusOptions) {
    this._liveS = _o.liveS ?? 20;
    this._write = new pg.Client({ connectionString: _o.url });
    this._listen = new pg.Client({ connectionString: _o.url });
    for (const client of [this._write, this._listen])
      client.on('error', (err) => this._o.log.error({ err: err.message }, 'consultation bus: connection lost'));
  }

  async start(onEvent: (event: BusEvent) => void): Promise<void> {
    this._onEvent = onEvent;
    await this._write.connect();
    await this._listen.connect();
    await this._query(
      'INSERT INTO consultation_processes (process_id) VALUES ($1) ON CONFLICT (process_id) DO UPDATE SET seen_at = now()',
      [this.processId],
    );
    this._listen.on('notification', (n) => {
      if (n.channel !== CHANNEL || n.payload === undefined) return;
      const payload = n.payload;
      this._incoming = this._incoming
        .then(() => this._received(payload))
        .catch((err: unknown) => this._o.log.error({ err }, 'consultation bus: event not handled'));
    });
    await this._listen.query(`LISTEN ${CHANNEL}`);
    await this.refresh();
    this._heartbeat = setInterval(() => void this._beat(), this._o.heartbeatMs ?? 5000);
    this._heartbeat.unref();
  }

  async stop(): Promise<void> {
    if (this._stopped) return;
    this._stopped = true;
    clearInterval(this._heartbeat);
    try {
      await this._query('DELETE FROM consultation_queue WHERE process_id = $1', [this.processId]);
      await this._query('DELETE FROM consultation_interviews WHERE process_id = $1', [this.processId]);
      await this._query('DELETE FROM consultation_presence WHERE process_id = $1', [this.processId]);
      await this._query('DELETE FROM consultation_processes WHERE process_id = $1', [this.processId]);
      await this._notify({ from: this.processId, event: { kind: 'changed' } });
    } catch (err) {
      this._o.log.warn({ err: (err as Error).message }, 'consultation bus: could not leave cleanly');
    }
    await this._incoming;
    await Promise.allSettled([this._listen.end(), this._write.end()]);
  }

  async nextTicket(): Promise<string> {
    const { rows } = await this._query<{ n: string }>("SELECT nextval('consultation_tickets') AS n");
    return `Q${String(((Number(rows[0].n) - 1) % 999) + 1).padStart(3, '0')}`;
  }

  queuePut(row: SharedQueueRow): void {
    this._run(
      `INSERT INTO consultation_queue
         (kiosk_id, process_id, ticket, topic, consent, terminal_name, caller_name, enqueued_ms, state, county)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)
       ON CONFLICT (kiosk_id) DO UPDATE SET process_id = $2, topic = $4, consent = $5, terminal_name = $6,
         caller_name = $7, state = $9, county = $10`,
      [
        row.kioskId,
        this.processId,
        row.ticket,
        row.topic,
        row.consent,
        row.terminalName ?? null,
        row.callerName ?? null,
        row.enqueuedAt,
        row.state,
        row.county,
      ],
    );
  }

  queueState(kioskId: string, state: SharedQueueRow['state']): void {
    this._run('UPDATE consultation_queue SET state = $2 WHERE kiosk_id = $1 AND process_id = $3', [
      kioskId,
      state,
      this.processId,
    ]);
  }

  queueRemove(kioskId: string): void {
    this._run('DELETE FROM consultation_queue WHERE kiosk_id = $1 AND process_id = $2', [kioskId, this.processId]);
  }

  interviewPut(row: SharedInterviewRow): void {
    this._run(
      `INSERT INTO consultation_interviews
         (kiosk_id, process_id, receipt_no, matter, booked_at, terminal_name, consent, since_ms, state)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (kiosk_id) DO UPDATE SET process_id = $2, receipt_no = $3, matter = $4, booked_at = $5,
         terminal_name = $6, consent = $7, since_ms = $8, state = $9`,
      [
        row.kioskId,
        this.processId,
        row.receiptNo,
        row.matter ?? null,
        row.bookedAt ?? null,
        row.terminalName ?? null,
        row.consent,
        row.since,
        row.state,
      ],
    );
  }

  interviewState(kioskId: string, state: SharedInterviewRow['state']): void {
    this._run('UPDATE consultation_interviews SET state = $2 WHERE kiosk_id = $1 AND process_id = $3', [
      kioskId,
      state,
      this.processId,
    ]);
  }

  interviewRemove(kioskId: string): void {
    this._run('DELETE FROM consultation_interviews WHERE kiosk_id = $1 AND process_id = $2', [kioskId, this.processId]);
  }

  async claimInterview(kioskId: string, receiptNo: string): Promise<SharedInterviewRow | undefined> {
    const { rows } = await this._query<InterviewDbRow>(
      `DELETE FROM consultation_interviews
       WHERE kiosk_id = $1 AND receipt_no = $2 AND state = 'waiting' AND process_id IN (${live('$3')})
       RETURNING *`,
      [kioskId, receiptNo, this._liveS],
    );
    return rows[0] ? interviewFromDb(rows[0]) : undefined;
  }

  interviews(): readonly SharedInterviewRow[] {
    return this._interviews;
  }

  async claimNext(counties?: readonly string[]): Promise<SharedQueueRow | undefined> {
    const { rows } = await this._query<QueueDbRow>(
      `DELETE FROM consultation_queue WHERE kiosk_id = (
         SELECT q.kiosk_id FROM consultation_queue q
         WHERE q.state = 'waiting' AND q.process_id IN (${live()}) AND ($2::text[] IS NULL OR q.county = ANY($2))
         ORDER BY q.enqueued_ms, q.kiosk_id LIMIT 1 FOR UPDATE SKIP LOCKED)
       RETURNING *`,
      [this._liveS, counties ?? null],
    );
    return rows[0] ? fromDb(rows[0]) : undefined;
  }

  presence(staff: ReadonlyArray<{ role: StaffSideRole; id: string; county: string | undefined }>): void {
    const roles = staff.map((s) => s.role);
    const ids = staff.map((s) => s.id);
    const counties = staff.map((s) => s.county ?? null);
    this._run(
      `DELETE FROM consultation_presence WHERE process_id = $1
         AND (role, staff_id) NOT IN (SELECT * FROM unnest($2::text[], $3::text[]))`,
      [this.processId, roles, ids],
    );
    this._run(
      `INSERT INTO consultation_presence (process_id, role, staff_id, county)
       SELECT $1, r, i, c FROM unnest($2::text[], $3::text[], $4::text[]) AS t(r, i, c)
       ON CONFLICT (process_id, role, staff_id) DO UPDATE SET county = excluded.county`,
      [this.processId, roles, ids, counties],
    );
  }

  async refresh(): Promise<void> {
    const [queue, interviews, staff] = await Promise.all([
      this._query<QueueDbRow>(
        `SELECT * FROM consultation_queue WHERE process_id IN (${live()}) ORDER BY enqueued_ms, kiosk_id`,
        [this._liveS],
      ),
      this._query<InterviewDbRow>(
        `SELECT * FROM consultation_interviews WHERE process_id IN (${live()}) ORDER BY since_ms, kiosk_id`,
        [this._liveS],
      ),
      this._query<{ role: StaffSideRole; staff_id: string; county: string | null }>(
        `SELECT DISTINCT role, staff_id, county FROM consultation_presence WHERE process_id IN (${live()})`,
        [this._liveS],
      ),
    ]);
    this._queue = queue.rows.map(fromDb);
    this._interviews = interviews.rows.map(interviewFromDb);
    const byRole = new Map<StaffSideRole, Map<string, string | undefined>>();
    for (const r of staff.rows)
      byRole.set(r.role, (byRole.get(r.role) ?? new Map()).set(r.staff_id, r.county ?? undefined));
    this._staff = byRole;
  }

  async settled(): Promise<void> {
    await this._incoming;
  }

  queue(): readonly SharedQueueRow[] {
    return this._queue;
  }

  staffOnline(role: StaffSideRole): StaffCounties {
    return this._staff.get(role) ?? new Map();
  }

  publish(event: BusEvent): void {
    if (this._stopped) return;
    this._notify({ from: this.processId, event }).catch((err: unknown) =>
      this._o.log.error({ err }, 'consultation bus: event not sent'),
    );
  }

  // ---- internals ----

  /**
   * Every statement on the write connection, one after another in call order: the order of
   * notifications is the order of events, and pg refuses (from pg@9) a query issued while another runs.
   */
  private _query<R extends pg.QueryResultRow = pg.QueryResultRow>(
    sql: string,
    params: unknown[] = [],
  ): Promise<pg.QueryResult<R>> {
    const result = this._tail.then(() => this._write.query<R>(sql, params));
    this._tail = result.catch(() => undefined);
    return result;
  }

  private _run(sql: string, params: unknown[]): void {
    if (this._stopped) return;
    this._query(sql, params).catch((err: unknown) =>
      this._o.log.error({ err }, 'consultation bus: shared state not written'),
    );
  }

  /** One statement either way, so it keeps its place in the write connection's queue. */
  private async _notify(wire: Wire): Promise<void> {
    const text = JSON.stringify(wire);
    if (Buffer.byteLength(text) <= INLINE_MAX) {
      await this._query('SELECT pg_notify($1, $2)', [CHANNEL, text]);
      return;
    }
    await this._query(
      `WITH s AS (INSERT INTO consultation_signals (payload) VALUES ($2) RETURNING id)
       SELECT pg_notify($1, json_build_object('from', $3::text, 'ref', s.id::text)::text) FROM s`,
      [CHANNEL, text, this.processId],
    );
  }

  private async _received(payload: string): Promise<void> {
    let wire = JSON.parse(payload) as Wire;
    if ('ref' in wire) {
      if (wire.from === this.processId) return;
      const { rows } = await this._query<{ payload: string }>(
        'SELECT payload FROM consultation_signals WHERE id = $1',
        [wire.ref],
      );
      if (!rows[0]) return;
      wire = JSON.parse(rows[0].payload) as Wire;
    }
    if (!('event' in wire) || typeof wire.event?.kind !== 'string') return;
    if (wire.event.kind === 'changed') await this.refresh();
    else if (wire.from === this.processId) return;
    if (!this._stopped) this._onEvent(wire.event);
  }

  /** Alive; the rows of processes silent for long are removed; the view is re-read. */
  private async _beat(): Promise<void> {
    try {
      await this._query(
        'INSERT INTO consultation_processes (process_id) VALUES ($1) ON CONFLICT (process_id) DO UPDATE SET seen_at = now()',
        [this.processId],
      );
      await this._query(`DELETE FROM consultation_processes WHERE seen_at < now() - make_interval(secs => $1)`, [
        this._liveS * 10,
      ]);
      await this._query(
        'DELETE FROM consultation_queue WHERE process_id NOT IN (SELECT process_id FROM consultation_processes)',
      );
      await this._query(
        'DELETE FROM consultation_interviews WHERE process_id NOT IN (SELECT process_id FROM consultation_processes)',
      );
      await this._query(
        'DELETE FROM consultation_presence WHERE process_id NOT IN (SELECT process_id FROM consultation_processes)',
      );
      await this._query(`DELETE FROM consultation_signals WHERE created_at < now() - make_interval(secs => $1)`, [
        SIGNAL_TTL_S,
      ]);
      const view = (): string =>
        JSON.stringify([this._queue, this._interviews, [...this._staff].map(([r, s]) => [r, [...s]])]);
      const before = view();
      await this.refresh();
      const after = view();
      // A process that went away without a word: its kiosks and lawyers drop out of everyone's view.
      if (before !== after && !this._stopped) this._onEvent({ kind: 'changed' });
    } catch (err) {
      if (!this._stopped) this._o.log.warn({ err: (err as Error).message }, 'consultation bus: heartbeat failed');
    }
  }
}

function fromDb(r: QueueDbRow): SharedQueueRow {
  return {
    kioskId: r.kiosk_id,
    ticket: r.ticket,
    county: r.county,
    topic: r.topic,
    consent: r.consent,
    ...(r.terminal_name ? { terminalName: r.terminal_name } : {}),
    ...(r.caller_name ? { callerName: r.caller_name } : {}),
    enqueuedAt: Number(r.enqueued_ms),
    state: r.state,
  };
}

function interviewFromDb(r: InterviewDbRow): SharedInterviewRow {
  return {
    kioskId: r.kiosk_id,
    receiptNo: r.receipt_no,
    ...(r.matter ? { matter: r.matter } : {}),
    ...(r.booked_at ? { bookedAt: r.booked_at } : {}),
    ...(r.terminal_name ? { terminalName: r.terminal_name } : {}),
    consent: r.consent,
    since: Number(r.since_ms),
    state: r.state,
  };
}
