import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type {
  HeartbeatReadiness,
  IntakeAccepted,
  IntakeStatusChange,
  TerminalHeartbeat,
} from '@kiosk/contract/intake-api';
import type { StatusDetails, SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import type { CallNote, CallRecord, HangupReason } from '@kiosk/contract/signalling-api';
import type { NotarySlotStore } from './notary-slot-store.js';
import { PG_MIGRATIONS } from './pg-migrations.js';
import { PgNotarySlots } from './pg-notary-slots.js';
import type {
  ApplicationDetail,
  ApplicationSummary,
  CenterRepository,
  DocumentInfo,
  IntakeResult,
  ListFilter,
  LoginLimitKey,
  NewCall,
  NewIntake,
  NewRating,
  RatedService,
  RatingCountRow,
  StaffAccount,
  StaffRole,
  StatusAuditEntry,
  StatusChangeInput,
  StatusChangeResult,
  StatusHistoryEntry,
  StoredStaffSession,
  TerminalHealthRow,
} from './repository.js';

// Advisory lock classes (the first key of pg_advisory_xact_lock(int, int)); the second is a hash.
const LOCK_MIGRATE = 74_001;
/** Status events of one terminal are numbered in commit order, so a pull `seq > since` misses none. */
const LOCK_TERMINAL_EVENTS = 74_002;
/** Login limiter keys: check-then-insert of one key runs one at a time across processes. */
const LOCK_LOGIN_KEY = 74_003;

/** Login attempts older than this are forgotten (longer than any limiter window). */
const LOGIN_ATTEMPT_TTL_MS = 24 * 3600_000;

type Queryable = Pick<pg.PoolClient, 'query'>;

interface SubmissionRow {
  center_id: string;
  terminal_id: string;
  idempotency_key: string;
  body_hash: string;
  receipt_no: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submitted_at: string;
  received_at: string;
  updated_at: string;
  decision_due_by: string | null;
  urgent: boolean;
  matter: string | null;
  data_json: string;
  missing_json: string | null;
  reason: string | null;
  details_json: string | null;
  version: number;
}

interface EventRow {
  seq: string;
  receipt_no: string;
  state: SubmissionState;
  at: string;
  by_staff: string | null;
  decision_due_by: string | null;
  missing_json: string | null;
  reason: string | null;
  details_json: string | null;
}

interface AuditRow {
  from_state: SubmissionState;
  to_state: SubmissionState;
  by_staff: string;
  by_role: StaffRole;
  at: string;
  reason: string | null;
  missing_json: string | null;
  details_json: string | null;
}

interface StaffRow {
  name: string;
  password_hash: string;
  must_change: boolean;
  role: StaffRole;
  county: string | null;
  display_name: string | null;
  created_at: string;
  updated_at: string;
}

interface HealthRow {
  terminal_id: string;
  received_at: string | null;
  heartbeat_json: string | null;
  prev_outbox_depth: number | null;
  readiness_json: string | null;
  readiness_at: string | null;
  readiness_requested_at: string | null;
}

interface CallRow {
  call_id: string;
  kiosk_id: string;
  terminal_name: string | null;
  lawyer_id: string;
  topic: CallRecord['topic'];
  consent: boolean;
  started_at: string;
  ended_at: string | null;
  duration_s: number | null;
  end_reason: HangupReason | null;
  note_json: string | null;
  rating: number | null;
  kind: NonNullable<CallRecord['kind']>;
  receipt_no: string | null;
}

export interface PgRepositoryOptions {
  /** `postgres://user:password@host:port/database` */
  url: string;
  /** Connections in the pool (default 10). */
  poolSize?: number;
  /** An idle connection failed (the server restarted, the network dropped); the pool replaces it. */
  onError?: (err: Error) => void;
}

/**
 * The province's engine (DESIGN §8): PostgreSQL behind the same interface as SQLite, shared by several
 * centre processes. Intake is idempotent through the unique (terminal, key) constraint, status changes
 * are compare-and-set in one transaction, and what SQLite serialises with one writer is serialised here
 * with transaction-scoped advisory locks (a terminal's status events, a login limiter key).
 */
export class PgRepository implements CenterRepository {
  private readonly _pool: pg.Pool;
  readonly notarySlots: NotarySlotStore;

  constructor(options: PgRepositoryOptions) {
    this._pool = new pg.Pool({
      connectionString: options.url,
      max: options.poolSize ?? 10,
      application_name: 'kiosk-service-center',
    });
    this._pool.on('error', (err) => options.onError?.(err));
    this.notarySlots = new PgNotarySlots(this._pool, <T>(work: (c: pg.PoolClient) => Promise<T>) => this._tx(work));
  }

  async migrate(): Promise<void> {
    await this._tx(async (c) => {
      // Two processes starting at once: the second waits, then finds the steps done.
      await c.query('SELECT pg_advisory_xact_lock($1, 0)', [LOCK_MIGRATE]);
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
      );
      const done = new Set(
        (await c.query<{ version: number }>('SELECT version FROM schema_migrations')).rows.map((r) => r.version),
      );
      for (const step of PG_MIGRATIONS) {
        if (done.has(step.version)) continue;
        await c.query(step.sql);
        await c.query('INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)', [
          step.version,
          new Date().toISOString(),
        ]);
      }
    });
  }

  async close(): Promise<void> {
    if (!this._pool.ended) await this._pool.end();
  }

  async insertIntake(input: NewIntake): Promise<IntakeResult> {
    return this._tx((c) => this._insertOne(c, input));
  }

  async insertIntakeMany(inputs: NewIntake[]): Promise<IntakeResult[]> {
    return this._tx(async (c) => {
      // Take the terminals' event locks up front, in one order, so two batches never deadlock.
      for (const terminal of [...new Set(inputs.map((i) => i.terminalId))].sort())
        await lockTerminalEvents(c, terminal);
      const results: IntakeResult[] = [];
      for (const input of inputs) results.push(await this._insertOne(c, input));
      return results;
    });
  }

  /** One intake inside the caller's transaction. */
  private async _insertOne(c: Queryable, input: NewIntake): Promise<IntakeResult> {
    const s = input.submission;
    const data = s.data;
    const urgency = (data['urgency'] ?? {}) as Record<string, unknown>;
    const urgent = urgency['deadlineWithin7Days'] === true || urgency['preservationNeeded'] === true;
    const matter = data['matter'] as { code?: unknown } | string | undefined;
    const matterCode = typeof matter === 'string' ? matter : typeof matter?.code === 'string' ? matter.code : null;
    // The unique constraints decide, also between processes: a second insert of the same key waits
    // for the first to commit, then does nothing.
    const inserted = await c.query<SubmissionRow>(
      `INSERT INTO submissions (center_id, terminal_id, idempotency_key, body_hash, receipt_no, kind, state,
         submitted_at, received_at, updated_at, decision_due_by, urgent, matter, data_json)
       VALUES ($1, $2, $3, $4, $5, $6, 'received', $7, $8, $8, $9, $10, $11, $12)
       ON CONFLICT DO NOTHING
       RETURNING *`,
      [
        randomUUID(),
        input.terminalId,
        input.idempotencyKey,
        input.bodyHash,
        s.receiptNo,
        s.kind,
        s.submittedAt,
        input.receivedAt,
        input.decisionDueBy ?? null,
        urgent,
        matterCode,
        JSON.stringify(data),
      ],
    );
    const row = inserted.rows[0];
    if (!row) {
      const existing = (
        await c.query<SubmissionRow>('SELECT * FROM submissions WHERE terminal_id = $1 AND idempotency_key = $2', [
          input.terminalId,
          input.idempotencyKey,
        ])
      ).rows[0];
      // No row under this key: the receipt number is taken by another key.
      if (!existing || existing.body_hash !== input.bodyHash) return { outcome: 'conflict' };
      return { outcome: 'replay', accepted: { ...accepted(existing), replay: true } };
    }
    for (const d of s.documents)
      await c.query(
        'INSERT INTO documents (center_id, role, idx, mime, label, bytes) VALUES ($1, $2, $3, $4, $5, $6)',
        [row.center_id, d.role, d.index, d.mime, d.label ?? null, Buffer.from(d.base64, 'base64')],
      );
    await lockTerminalEvents(c, input.terminalId);
    await c.query(
      `INSERT INTO status_events (center_id, terminal_id, receipt_no, state, at, decision_due_by)
       VALUES ($1, $2, $3, 'received', $4, $5)`,
      [row.center_id, input.terminalId, s.receiptNo, input.receivedAt, input.decisionDueBy ?? null],
    );
    return { outcome: 'created', accepted: { ...accepted(row), replay: false } };
  }

  async listApplications(filter: ListFilter): Promise<ApplicationSummary[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      params.push(filter.state);
      where.push(`state = $${params.length}`);
    }
    if (filter.kinds) {
      params.push([...filter.kinds]);
      where.push(`kind = ANY($${params.length}::text[])`);
    }
    if (filter.q) {
      // ListFilter.q: receipt number prefix (any case) or a part of the name; % _ \ are plain text.
      const text = filter.q.replace(/[\\%_]/g, (ch) => `\\${ch}`);
      params.push(`${text}%`, `%${text}%`);
      where.push(
        `(receipt_no ILIKE $${params.length - 1} ESCAPE '\\'
          OR applicant_name ILIKE $${params.length} ESCAPE '\\')`,
      );
    }
    if (filter.submittedOn) {
      // ListFilter.submittedOn: the China date (UTC+8) of the submittedAt instant.
      params.push(filter.submittedOn);
      where.push(
        `CASE WHEN submitted_at ~ '^\\d{4}-\\d{2}-\\d{2}T' THEN
           to_char((submitted_at::timestamptz AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD') = $${params.length}
         END`,
      );
    }
    // A state's queue is worked oldest first (urgent first); the full list shows the newest first.
    const order = filter.state ? 'urgent DESC, received_at ASC' : 'received_at DESC';
    params.push(limit, offset);
    const rows = await this._pool.query<SubmissionRow>(
      `SELECT * FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
       ORDER BY ${order}, center_id LIMIT $${params.length - 1} OFFSET $${params.length}`,
      params,
    );
    return rows.rows.map(summary);
  }

  async getApplication(centerId: string): Promise<ApplicationDetail | undefined> {
    const row = (await this._pool.query<SubmissionRow>('SELECT * FROM submissions WHERE center_id = $1', [centerId]))
      .rows[0];
    if (!row) return undefined;
    const [docs, events, audits] = await Promise.all([
      this._pool.query<{ role: DocumentInfo['role']; idx: number; mime: string; label: string | null; size: number }>(
        `SELECT role, idx, mime, label, octet_length(bytes) AS size FROM documents WHERE center_id = $1
         ORDER BY role, idx`,
        [centerId],
      ),
      this._pool.query<EventRow>('SELECT * FROM status_events WHERE center_id = $1 ORDER BY seq', [centerId]),
      this._pool.query<AuditRow>('SELECT * FROM status_audit WHERE center_id = $1 ORDER BY seq', [centerId]),
    ]);
    const documents = docs.rows.map((d) => ({
      role: d.role,
      index: d.idx,
      mime: d.mime,
      size: d.size,
      ...(d.label ? { label: d.label } : {}),
    }));
    const history = events.rows.map((e): StatusHistoryEntry => ({
      state: e.state,
      at: e.at,
      ...(e.by_staff ? { by: e.by_staff } : {}),
      ...(e.missing_json ? { missingMaterials: JSON.parse(e.missing_json) as string[] } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
      ...detailsOf(e.details_json),
    }));
    const audit = audits.rows.map((a): StatusAuditEntry => ({
      from: a.from_state,
      to: a.to_state,
      by: a.by_staff,
      role: a.by_role,
      at: a.at,
      ...(a.reason ? { reason: a.reason } : {}),
      ...(a.missing_json ? { missingMaterials: JSON.parse(a.missing_json) as string[] } : {}),
      ...detailsOf(a.details_json),
    }));
    const detail: ApplicationDetail = {
      ...summary(row),
      data: JSON.parse(row.data_json) as Record<string, unknown>,
      documents,
      history,
      audit,
      version: row.version,
    };
    if (row.missing_json) detail.missingMaterials = JSON.parse(row.missing_json) as string[];
    if (row.reason) detail.reason = row.reason;
    if (row.details_json) detail.details = JSON.parse(row.details_json) as StatusDetails;
    return detail;
  }

  async getDocument(
    centerId: string,
    role: DocumentInfo['role'],
    index: number,
  ): Promise<{ mime: string; bytes: Buffer } | undefined> {
    const res = await this._pool.query<{ mime: string; bytes: Buffer }>(
      'SELECT mime, bytes FROM documents WHERE center_id = $1 AND role = $2 AND idx = $3',
      [centerId, role, index],
    );
    return res.rows[0];
  }

  async changeStatus(centerId: string, change: StatusChangeInput): Promise<StatusChangeResult> {
    const outcome = await this._tx(async (c): Promise<'changed' | 'conflict' | 'notFound'> => {
      const missing = change.missingMaterials?.length ? JSON.stringify(change.missingMaterials) : null;
      const reason = change.reason ?? null;
      const details = change.details && Object.keys(change.details).length ? JSON.stringify(change.details) : null;
      // Compare-and-set: a decision made on a view that is no longer current is refused. A concurrent
      // change of the same row makes this one wait, then re-check the condition on the new row.
      const updated = await c.query<{ terminal_id: string; receipt_no: string; decision_due_by: string | null }>(
        `UPDATE submissions SET state = $1, updated_at = $2, missing_json = $3, reason = $4, details_json = $5,
           decision_due_by = coalesce($9, decision_due_by), version = version + 1
         WHERE center_id = $6 AND state = $7 AND version = $8
         RETURNING terminal_id, receipt_no, decision_due_by`,
        [
          change.state,
          change.at,
          missing,
          reason,
          details,
          centerId,
          change.expected.state,
          change.expected.version,
          change.decisionDueBy ?? null,
        ],
      );
      const row = updated.rows[0];
      if (!row) {
        const exists = await c.query('SELECT 1 FROM submissions WHERE center_id = $1', [centerId]);
        return exists.rowCount ? 'conflict' : 'notFound';
      }
      await lockTerminalEvents(c, row.terminal_id);
      await c.query(
        `INSERT INTO status_events (center_id, terminal_id, receipt_no, state, at, by_staff, decision_due_by,
           missing_json, reason, details_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
        [
          centerId,
          row.terminal_id,
          row.receipt_no,
          change.state,
          change.at,
          change.by,
          row.decision_due_by,
          missing,
          reason,
          details,
        ],
      );
      await c.query(
        `INSERT INTO status_audit (center_id, from_state, to_state, by_staff, by_role, at, reason, missing_json,
           details_json)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
        [centerId, change.expected.state, change.state, change.by, change.role, change.at, reason, missing, details],
      );
      return 'changed';
    });
    if (outcome !== 'changed') return { outcome };
    const detail = await this.getApplication(centerId);
    return detail ? { outcome, detail } : { outcome: 'notFound' };
  }

  async statusChanges(
    terminalId: string,
    since: number,
    limit: number,
  ): Promise<{ changes: IntakeStatusChange[]; last: number; more: boolean }> {
    const rows = (
      await this._pool.query<EventRow>(
        'SELECT * FROM status_events WHERE terminal_id = $1 AND seq > $2 ORDER BY seq LIMIT $3',
        [terminalId, since, limit + 1],
      )
    ).rows;
    const more = rows.length > limit;
    const page = rows.slice(0, limit);
    const changes = page.map((e): IntakeStatusChange => ({
      receiptNo: e.receipt_no,
      state: e.state,
      at: e.at,
      ...(e.decision_due_by ? { decisionDueBy: e.decision_due_by } : {}),
      ...(e.missing_json ? { missingMaterials: JSON.parse(e.missing_json) as string[] } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
      ...detailsOf(e.details_json),
    }));
    const lastRow = page[page.length - 1];
    return { changes, last: lastRow ? Number(lastRow.seq) : since, more };
  }

  async recordHeartbeat(
    terminalId: string,
    receivedAt: string,
    heartbeat: TerminalHeartbeat,
  ): Promise<{ sendReadiness: boolean }> {
    const { readiness, ...beat } = heartbeat;
    // One statement per step, on the row's lock: the previous depth is the one this update replaces.
    return this._tx(async (c) => {
      await c.query(
        `INSERT INTO terminal_health (terminal_id, received_at, heartbeat_json) VALUES ($1, $2, $3)
         ON CONFLICT (terminal_id) DO UPDATE SET
           prev_outbox_depth = (terminal_health.heartbeat_json::jsonb #>> '{outbox,depth}')::numeric::int,
           received_at = excluded.received_at, heartbeat_json = excluded.heartbeat_json`,
        [terminalId, receivedAt, JSON.stringify(beat)],
      );
      const res = readiness
        ? await c.query<{ readiness_requested_at: string | null }>(
            `UPDATE terminal_health SET readiness_json = $1, readiness_at = $2, readiness_requested_at = NULL
             WHERE terminal_id = $3 RETURNING readiness_requested_at`,
            [JSON.stringify(readiness), receivedAt, terminalId],
          )
        : await c.query<{ readiness_requested_at: string | null }>(
            'SELECT readiness_requested_at FROM terminal_health WHERE terminal_id = $1',
            [terminalId],
          );
      return { sendReadiness: (res.rows[0]?.readiness_requested_at ?? null) !== null };
    });
  }

  async listTerminalHealth(): Promise<TerminalHealthRow[]> {
    const rows = (await this._pool.query<HealthRow>('SELECT * FROM terminal_health ORDER BY terminal_id')).rows;
    return rows.map((r): TerminalHealthRow => ({
      terminalId: r.terminal_id,
      ...(r.received_at ? { receivedAt: r.received_at } : {}),
      ...(r.heartbeat_json ? { heartbeat: JSON.parse(r.heartbeat_json) as Omit<TerminalHeartbeat, 'readiness'> } : {}),
      ...(r.prev_outbox_depth !== null ? { prevOutboxDepth: r.prev_outbox_depth } : {}),
      ...(r.readiness_json && r.readiness_at
        ? { readiness: { ...(JSON.parse(r.readiness_json) as HeartbeatReadiness), receivedAt: r.readiness_at } }
        : {}),
      ...(r.readiness_requested_at ? { readinessRequestedAt: r.readiness_requested_at } : {}),
    }));
  }

  async terminalRegion(terminalId: string): Promise<string | undefined> {
    const { rows } = await this._pool.query<{ region: string | null }>(
      `SELECT heartbeat_json::jsonb ->> 'regionCode' AS region FROM terminal_health WHERE terminal_id = $1`,
      [terminalId],
    );
    return rows[0]?.region || undefined;
  }

  async requestReadiness(terminalId: string, at: string): Promise<void> {
    await this._pool.query(
      `INSERT INTO terminal_health (terminal_id, readiness_requested_at) VALUES ($1, $2)
       ON CONFLICT (terminal_id) DO UPDATE SET readiness_requested_at = excluded.readiness_requested_at`,
      [terminalId, at],
    );
  }

  async findByReceiptNo(receiptNo: string): Promise<ApplicationDetail[]> {
    const ids = await this._pool.query<{ center_id: string }>(
      'SELECT center_id FROM submissions WHERE receipt_no = $1 ORDER BY received_at, center_id LIMIT 5',
      [receiptNo],
    );
    const found: ApplicationDetail[] = [];
    for (const { center_id } of ids.rows) {
      const detail = await this.getApplication(center_id);
      if (detail) found.push(detail);
    }
    return found;
  }

  async countStaff(): Promise<number> {
    return (await this._pool.query<{ n: number }>('SELECT count(*)::int AS n FROM staff')).rows[0].n;
  }

  async getStaff(name: string): Promise<StaffAccount | undefined> {
    const row = (await this._pool.query<StaffRow>('SELECT * FROM staff WHERE name = $1', [name])).rows[0];
    return row ? staffAccount(row) : undefined;
  }

  async listStaff(): Promise<StaffAccount[]> {
    return (await this._pool.query<StaffRow>('SELECT * FROM staff ORDER BY name')).rows.map(staffAccount);
  }

  async setStaffRole(name: string, role: StaffRole, at: string): Promise<boolean> {
    const res = await this._pool.query('UPDATE staff SET role = $1, updated_at = $2 WHERE name = $3', [role, at, name]);
    return (res.rowCount ?? 0) > 0;
  }

  async setStaffCounty(name: string, county: string | null, at: string): Promise<boolean> {
    const res = await this._pool.query('UPDATE staff SET county = $1, updated_at = $2 WHERE name = $3', [
      county,
      at,
      name,
    ]);
    return (res.rowCount ?? 0) > 0;
  }

  async reserveLoginAttempt(
    keys: readonly LoginLimitKey[],
    nowMs: number,
  ): Promise<{ ok: true; ids: number[] } | { ok: false; retryAfterMs: number }> {
    return this._tx(async (c): Promise<{ ok: true; ids: number[] } | { ok: false; retryAfterMs: number }> => {
      for (const key of [...new Set(keys.map((k) => k.key))].sort())
        await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_LOGIN_KEY, key]);
      await c.query('DELETE FROM login_attempts WHERE at_ms <= $1', [nowMs - LOGIN_ATTEMPT_TTL_MS]);
      // The max-th newest attempt inside the window decides when the next one is allowed.
      let wait = 0;
      for (const { key, windows } of keys)
        for (const [max, windowMs] of windows) {
          const nth = await c.query<{ at_ms: string }>(
            'SELECT at_ms FROM login_attempts WHERE key = $1 AND at_ms > $2 ORDER BY at_ms DESC LIMIT 1 OFFSET $3',
            [key, nowMs - windowMs, max - 1],
          );
          const at = nth.rows[0];
          if (at) wait = Math.max(wait, Number(at.at_ms) + windowMs - nowMs, 1);
        }
      if (wait > 0) return { ok: false, retryAfterMs: wait };
      const ids: number[] = [];
      for (const { key } of keys) {
        const res = await c.query<{ id: string }>(
          'INSERT INTO login_attempts (key, at_ms) VALUES ($1, $2) RETURNING id',
          [key, nowMs],
        );
        ids.push(Number(res.rows[0].id));
      }
      return { ok: true, ids };
    });
  }

  async releaseLoginAttempt(ids: readonly number[]): Promise<void> {
    if (ids.length) await this._pool.query('DELETE FROM login_attempts WHERE id = ANY($1::bigint[])', [[...ids]]);
  }

  async putStaffSession(session: StoredStaffSession): Promise<void> {
    await this._pool.query(
      `INSERT INTO staff_sessions (key, name, csrf_token, must_change, role, created_ms, last_seen_ms)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        session.key,
        session.name,
        session.csrfToken,
        session.mustChange,
        session.role,
        session.createdMs,
        session.lastSeenMs,
      ],
    );
  }

  async getStaffSession(key: string): Promise<StoredStaffSession | undefined> {
    const row = (
      await this._pool.query<{
        name: string;
        csrf_token: string;
        must_change: boolean;
        role: StaffRole;
        created_ms: string;
        last_seen_ms: string;
      }>('SELECT * FROM staff_sessions WHERE key = $1', [key])
    ).rows[0];
    return row
      ? {
          key,
          name: row.name,
          csrfToken: row.csrf_token,
          mustChange: row.must_change,
          role: row.role,
          createdMs: Number(row.created_ms),
          lastSeenMs: Number(row.last_seen_ms),
        }
      : undefined;
  }

  async touchStaffSession(key: string, lastSeenMs: number): Promise<void> {
    await this._pool.query('UPDATE staff_sessions SET last_seen_ms = greatest(last_seen_ms, $1) WHERE key = $2', [
      lastSeenMs,
      key,
    ]);
  }

  async deleteStaffSession(key: string): Promise<void> {
    await this._pool.query('DELETE FROM staff_sessions WHERE key = $1', [key]);
  }

  async deleteStaffSessionsOf(name: string): Promise<void> {
    await this._pool.query('DELETE FROM staff_sessions WHERE name = $1', [name]);
  }

  async pruneStaffSessions(idleBeforeMs: number, createdBeforeMs: number): Promise<void> {
    await this._pool.query('DELETE FROM staff_sessions WHERE last_seen_ms < $1 OR created_ms < $2', [
      idleBeforeMs,
      createdBeforeMs,
    ]);
  }

  async createStaff(account: {
    name: string;
    passwordHash: string;
    mustChange: boolean;
    at: string;
    role?: StaffRole;
    county?: string;
    displayName?: string;
  }): Promise<boolean> {
    const res = await this._pool.query(
      `INSERT INTO staff (name, password_hash, must_change, role, county, display_name, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $7, $6, $6) ON CONFLICT (name) DO NOTHING`,
      [
        account.name,
        account.passwordHash,
        account.mustChange,
        account.role ?? 'staff',
        account.county ?? null,
        account.at,
        account.displayName ?? null,
      ],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async putStaff(account: {
    name: string;
    passwordHash: string;
    mustChange: boolean;
    at: string;
    role?: StaffRole;
    county?: string | null;
    displayName?: string;
  }): Promise<void> {
    await this._pool.query(
      `INSERT INTO staff (name, password_hash, must_change, role, county, display_name, created_at, updated_at)
       VALUES ($1, $2, $3, coalesce($4, 'staff'), $6, $8, $5, $5)
       ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, must_change = excluded.must_change,
         role = coalesce($4, staff.role), county = CASE WHEN $7 THEN excluded.county ELSE staff.county END,
         display_name = coalesce(excluded.display_name, staff.display_name), updated_at = excluded.updated_at`,
      [
        account.name,
        account.passwordHash,
        account.mustChange,
        account.role ?? null,
        account.at,
        account.county ?? null,
        account.county !== undefined,
        account.displayName ?? null,
      ],
    );
  }

  async startCall(call: NewCall): Promise<void> {
    await this._pool.query(
      `INSERT INTO calls (call_id, kiosk_id, terminal_name, lawyer_id, topic, consent, started_at, kind, receipt_no)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (call_id) DO NOTHING`,
      [
        call.callId,
        call.kioskId,
        call.terminalName ?? null,
        call.lawyerId,
        call.topic,
        call.consent,
        call.startedAt,
        call.kind ?? 'consultation',
        call.receiptNo ?? null,
      ],
    );
  }

  async endCall(callId: string, endedAt: string, reason: HangupReason): Promise<boolean> {
    const row = (
      await this._pool.query<{ started_at: string }>(
        'SELECT started_at FROM calls WHERE call_id = $1 AND ended_at IS NULL',
        [callId],
      )
    ).rows[0];
    if (!row) return false;
    const duration = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(row.started_at)) / 1000));
    const res = await this._pool.query(
      'UPDATE calls SET ended_at = $1, duration_s = $2, end_reason = $3 WHERE call_id = $4 AND ended_at IS NULL',
      [endedAt, duration, reason, callId],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async getCall(callId: string): Promise<CallRecord | undefined> {
    const row = (await this._pool.query<CallRow>('SELECT * FROM calls WHERE call_id = $1', [callId])).rows[0];
    return row ? callRecord(row) : undefined;
  }

  async listCalls(filter: { limit?: number; lawyerId?: string }): Promise<CallRecord[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    const res = filter.lawyerId
      ? await this._pool.query<CallRow>(
          'SELECT * FROM calls WHERE lawyer_id = $1 ORDER BY started_at DESC, call_id LIMIT $2',
          [filter.lawyerId, limit],
        )
      : await this._pool.query<CallRow>('SELECT * FROM calls ORDER BY started_at DESC, call_id LIMIT $1', [limit]);
    return res.rows.map(callRecord);
  }

  async openCalls(): Promise<CallRecord[]> {
    return (await this._pool.query<CallRow>('SELECT * FROM calls WHERE ended_at IS NULL')).rows.map(callRecord);
  }

  async recentCallDurations(limit: number): Promise<number[]> {
    const res = await this._pool.query<{ duration_s: number }>(
      'SELECT duration_s FROM calls WHERE duration_s IS NOT NULL ORDER BY ended_at DESC LIMIT $1',
      [limit],
    );
    return res.rows.map((r) => r.duration_s);
  }

  async setCallNote(callId: string, note: CallNote, at: string): Promise<boolean> {
    const res = await this._pool.query('UPDATE calls SET note_json = $1, noted_at = $2 WHERE call_id = $3', [
      JSON.stringify(note),
      at,
      callId,
    ]);
    return (res.rowCount ?? 0) > 0;
  }

  async rateCall(
    callId: string,
    kioskId: string,
    rating: NonNullable<CallRecord['rating']>,
    receiptNo: string,
  ): Promise<boolean> {
    const res = await this._pool.query(
      'UPDATE calls SET rating = $1, rating_receipt = $2 WHERE call_id = $3 AND kiosk_id = $4',
      [rating, receiptNo, callId, kioskId],
    );
    return (res.rowCount ?? 0) > 0;
  }

  async recordRating(r: NewRating): Promise<void> {
    await this._pool.query(
      `INSERT INTO ratings (terminal_id, receipt_no, service, score, received_at) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (terminal_id, receipt_no) DO NOTHING`,
      [r.terminalId, r.receiptNo, r.service, r.score, r.receivedAt],
    );
  }

  async ratingCounts(): Promise<RatingCountRow[]> {
    const res = await this._pool.query<{ terminal_id: string; service: RatedService; score: number; n: string }>(
      `SELECT terminal_id, service, score, COUNT(*) AS n FROM ratings
       GROUP BY terminal_id, service, score ORDER BY terminal_id, service`,
    );
    const out: RatingCountRow[] = [];
    for (const row of res.rows) {
      let last = out[out.length - 1];
      if (!last || last.terminalId !== row.terminal_id || last.service !== row.service) {
        last = { terminalId: row.terminal_id, service: row.service, counts: [0, 0, 0, 0, 0] };
        out.push(last);
      }
      last.counts[row.score - 1] = Number(row.n);
    }
    return out;
  }

  /** Runs `work` in one transaction on one pooled connection (READ COMMITTED). */
  private async _tx<T>(work: (c: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this._pool.connect();
    let broken: Error | undefined;
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (err) {
      await client.query('ROLLBACK').catch((rollbackErr: Error) => {
        broken = rollbackErr;
      });
      throw err;
    } finally {
      // A connection whose rollback failed is dropped, not handed back to the pool.
      client.release(broken);
    }
  }
}

/** Serialises status events of one terminal until the transaction ends (see LOCK_TERMINAL_EVENTS). */
async function lockTerminalEvents(c: Queryable, terminalId: string): Promise<void> {
  await c.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [LOCK_TERMINAL_EVENTS, terminalId]);
}

const detailsOf = (json: string | null): { details?: StatusDetails } =>
  json ? { details: JSON.parse(json) as StatusDetails } : {};

function staffAccount(row: StaffRow): StaffAccount {
  return {
    name: row.name,
    passwordHash: row.password_hash,
    mustChange: row.must_change,
    role: row.role,
    ...(row.county ? { county: row.county } : {}),
    ...(row.display_name ? { displayName: row.display_name } : {}),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function callRecord(row: CallRow): CallRecord {
  return {
    callId: row.call_id,
    kioskId: row.kiosk_id,
    ...(row.terminal_name ? { terminalName: row.terminal_name } : {}),
    lawyerId: row.lawyer_id,
    topic: row.topic,
    consent: row.consent,
    startedAt: row.started_at,
    ...(row.ended_at ? { endedAt: row.ended_at } : {}),
    ...(row.duration_s !== null ? { durationS: row.duration_s } : {}),
    ...(row.end_reason ? { endReason: row.end_reason } : {}),
    ...(row.note_json ? { note: JSON.parse(row.note_json) as CallNote } : {}),
    ...(row.rating !== null ? { rating: row.rating as NonNullable<CallRecord['rating']> } : {}),
    ...(row.kind === 'interview' ? { kind: row.kind } : {}),
    ...(row.receipt_no ? { receiptNo: row.receipt_no } : {}),
  };
}

function summary(row: SubmissionRow): ApplicationSummary {
  const data = JSON.parse(row.data_json) as { applicant?: { name?: unknown } };
  const name = data.applicant?.name;
  return {
    centerId: row.center_id,
    terminalId: row.terminal_id,
    receiptNo: row.receipt_no,
    kind: row.kind,
    state: row.state,
    submittedAt: row.submitted_at,
    receivedAt: row.received_at,
    updatedAt: row.updated_at,
    urgent: row.urgent,
    ...(row.decision_due_by ? { decisionDueBy: row.decision_due_by } : {}),
    ...(row.matter ? { matter: row.matter } : {}),
    ...(typeof name === 'string' ? { applicantName: name } : {}),
  };
}

function accepted(row: SubmissionRow): Omit<IntakeAccepted, 'replay'> {
  return {
    receiptNo: row.receipt_no,
    centerId: row.center_id,
    state: 'received',
    receivedAt: row.received_at,
    ...(row.decision_due_by ? { decisionDueBy: row.decision_due_by } : {}),
  };
}
