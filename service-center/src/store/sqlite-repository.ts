import { randomUUID } from 'node:crypto';
import type { SqliteDatabase } from '@kiosk/node-common/sqlite';
import { applyMigrations, openDurableDatabase } from '@kiosk/node-common/sqlite';
import type {
  HeartbeatReadiness,
  IntakeAccepted,
  IntakeStatusChange,
  TerminalHeartbeat,
} from '@kiosk/contract/intake-api';
import type { StatusDetails, SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import type { CallNote, CallRecord, HangupReason } from '@kiosk/contract/signalling-api';
import { SQLITE_MIGRATIONS } from './migrations.js';
import type { NotarySlotStore } from './notary-slot-store.js';
import { SqliteNotarySlots } from './sqlite-notary-slots.js';
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

interface HealthRow {
  terminal_id: string;
  received_at: string | null;
  heartbeat_json: string | null;
  prev_outbox_depth: number | null;
  readiness_json: string | null;
  readiness_at: string | null;
  readiness_requested_at: string | null;
}

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
  urgent: number;
  matter: string | null;
  data_json: string;
  missing_json: string | null;
  reason: string | null;
  details_json: string | null;
  version: number;
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
  must_change: number;
  role: StaffRole;
  county: string | null;
  display_name: string | null;
  created_at: string;
  updated_at: string;
}

const staffAccount = (row: StaffRow): StaffAccount => ({
  name: row.name,
  passwordHash: row.password_hash,
  mustChange: row.must_change === 1,
  role: row.role,
  ...(row.county ? { county: row.county } : {}),
  ...(row.display_name ? { displayName: row.display_name } : {}),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

/** Login attempts older than this are forgotten (longer than any limiter window). */
const LOGIN_ATTEMPT_TTL_MS = 24 * 3600_000;

interface EventRow {
  seq: number;
  receipt_no: string;
  state: SubmissionState;
  at: string;
  by_staff: string | null;
  decision_due_by: string | null;
  missing_json: string | null;
  reason: string | null;
  details_json: string | null;
}

const optional = <T>(v: T | null): T | undefined => (v === null ? undefined : v);
const detailsOf = (json: string | null): { details?: StatusDetails } =>
  json ? { details: JSON.parse(json) as StatusDetails } : {};

/** The county default: one embedded SQLite file (WAL) in the centre's data directory. */
export class SqliteRepository implements CenterRepository {
  private readonly _db: SqliteDatabase;
  readonly notarySlots: NotarySlotStore;

  constructor(file: string) {
    this._db = openDurableDatabase(file);
    this.notarySlots = new SqliteNotarySlots(this._db);
  }

  async migrate(): Promise<void> {
    applyMigrations(this._db, SQLITE_MIGRATIONS);
  }

  async close(): Promise<void> {
    if (this._db.open) this._db.close();
  }

  async insertIntake(input: NewIntake): Promise<IntakeResult> {
    return this._db.transaction(() => this._insertOne(input)).immediate();
  }

  async insertIntakeMany(inputs: NewIntake[]): Promise<IntakeResult[]> {
    return this._db.transaction(() => inputs.map((input) => this._insertOne(input))).immediate();
  }

  /** One intake inside the caller's transaction. */
  private _insertOne(input: NewIntake): IntakeResult {
    const db = this._db;
    const s = input.submission;
    const existing = db
      .prepare('SELECT * FROM submissions WHERE terminal_id = ? AND idempotency_key = ?')
      .get(input.terminalId, input.idempotencyKey) as SubmissionRow | undefined;
    if (existing) {
      if (existing.body_hash !== input.bodyHash) return { outcome: 'conflict' };
      return { outcome: 'replay', accepted: { ...accepted(existing), replay: true } };
    }
    const sameReceipt = db
      .prepare('SELECT 1 FROM submissions WHERE terminal_id = ? AND receipt_no = ?')
      .get(input.terminalId, s.receiptNo);
    if (sameReceipt) return { outcome: 'conflict' };
    const centerId = randomUUID();
    const data = s.data;
    const urgency = (data['urgency'] ?? {}) as Record<string, unknown>;
    const urgent = urgency['deadlineWithin7Days'] === true || urgency['preservationNeeded'] === true;
    const matter = data['matter'] as { code?: unknown } | string | undefined;
    const matterCode = typeof matter === 'string' ? matter : typeof matter?.code === 'string' ? matter.code : null;
    db.prepare(
      `INSERT INTO submissions (center_id, terminal_id, idempotency_key, body_hash, receipt_no, kind, state,
         submitted_at, received_at, updated_at, decision_due_by, urgent, matter, data_json)
       VALUES (?, ?, ?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      centerId,
      input.terminalId,
      input.idempotencyKey,
      input.bodyHash,
      s.receiptNo,
      s.kind,
      s.submittedAt,
      input.receivedAt,
      input.receivedAt,
      input.decisionDueBy ?? null,
      urgent ? 1 : 0,
      matterCode,
      JSON.stringify(data),
    );
    const doc = db.prepare(
      'INSERT INTO documents (center_id, role, idx, mime, label, bytes) VALUES (?, ?, ?, ?, ?, ?)',
    );
    for (const d of s.documents)
      doc.run(centerId, d.role, d.index, d.mime, d.label ?? null, Buffer.from(d.base64, 'base64'));
    db.prepare(
      `INSERT INTO status_events (center_id, terminal_id, receipt_no, state, at, decision_due_by)
       VALUES (?, ?, ?, 'received', ?, ?)`,
    ).run(centerId, input.terminalId, s.receiptNo, input.receivedAt, input.decisionDueBy ?? null);
    const row = db.prepare('SELECT * FROM submissions WHERE center_id = ?').get(centerId) as SubmissionRow;
    return { outcome: 'created', accepted: { ...accepted(row), replay: false } };
  }

  async listApplications(filter: ListFilter): Promise<ApplicationSummary[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    const offset = Math.max(filter.offset ?? 0, 0);
    const where: string[] = [];
    const params: unknown[] = [];
    if (filter.state) {
      where.push('state = ?');
      params.push(filter.state);
    }
    if (filter.kinds) {
      where.push(`kind IN (${filter.kinds.map(() => '?').join(', ') || 'NULL'})`);
      params.push(...filter.kinds);
    }
    if (filter.q) {
      // ListFilter.q: receipt number prefix (LIKE is case-insensitive for ASCII) or a part of the name.
      const text = filter.q.replace(/[\\%_]/g, (c) => `\\${c}`);
      where.push(`(receipt_no LIKE ? ESCAPE '\\' OR applicant_name LIKE ? ESCAPE '\\')`);
      params.push(`${text}%`, `%${text}%`);
    }
    if (filter.submittedOn) {
      // ListFilter.submittedOn: the China date (UTC+8) of the submittedAt instant.
      where.push(`date(submitted_at, '+8 hours') = ?`);
      params.push(filter.submittedOn);
    }
    // A state's queue is worked oldest first (urgent first); the full list shows the newest first.
    const order = filter.state ? 'urgent DESC, received_at ASC' : 'received_at DESC';
    const rows = this._db
      .prepare(
        `SELECT * FROM submissions ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY ${order} LIMIT ? OFFSET ?`,
      )
      .all(...params, limit, offset) as SubmissionRow[];
    return rows.map(summary);
  }

  async getApplication(centerId: string): Promise<ApplicationDetail | undefined> {
    const row = this._db.prepare('SELECT * FROM submissions WHERE center_id = ?').get(centerId) as
      SubmissionRow | undefined;
    if (!row) return undefined;
    const documents = (
      this._db
        .prepare(
          'SELECT role, idx, mime, label, length(bytes) AS size FROM documents WHERE center_id = ? ORDER BY role, idx',
        )
        .all(centerId) as Array<{
        role: DocumentInfo['role'];
        idx: number;
        mime: string;
        label: string | null;
        size: number;
      }>
    ).map((d) => ({ role: d.role, index: d.idx, mime: d.mime, size: d.size, ...(d.label ? { label: d.label } : {}) }));
    const history = (
      this._db.prepare('SELECT * FROM status_events WHERE center_id = ? ORDER BY seq').all(centerId) as EventRow[]
    ).map((e): StatusHistoryEntry => ({
      state: e.state,
      at: e.at,
      ...(e.by_staff ? { by: e.by_staff } : {}),
      ...(e.missing_json ? { missingMaterials: JSON.parse(e.missing_json) as string[] } : {}),
      ...(e.reason ? { reason: e.reason } : {}),
      ...detailsOf(e.details_json),
    }));
    const audit = (
      this._db.prepare('SELECT * FROM status_audit WHERE center_id = ? ORDER BY seq').all(centerId) as AuditRow[]
    ).map((a): StatusAuditEntry => ({
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
    return this._db
      .prepare('SELECT mime, bytes FROM documents WHERE center_id = ? AND role = ? AND idx = ?')
      .get(centerId, role, index) as { mime: string; bytes: Buffer } | undefined;
  }

  async changeStatus(centerId: string, change: StatusChangeInput): Promise<StatusChangeResult> {
    const db = this._db;
    const outcome = db
      .transaction((): 'changed' | 'conflict' | 'notFound' => {
        const row = db.prepare('SELECT * FROM submissions WHERE center_id = ?').get(centerId) as
          SubmissionRow | undefined;
        if (!row) return 'notFound';
        const missing = change.missingMaterials?.length ? JSON.stringify(change.missingMaterials) : null;
        const reason = change.reason ?? null;
        const details = change.details && Object.keys(change.details).length ? JSON.stringify(change.details) : null;
        // Compare-and-set: a decision made on a view that is no longer current is refused.
        const info = db
          .prepare(
            `UPDATE submissions SET state = ?, updated_at = ?, missing_json = ?, reason = ?, details_json = ?,
               decision_due_by = coalesce(?, decision_due_by), version = version + 1
             WHERE center_id = ? AND state = ? AND version = ?`,
          )
          .run(
            change.state,
            change.at,
            missing,
            reason,
            details,
            change.decisionDueBy ?? null,
            centerId,
            change.expected.state,
            change.expected.version,
          );
        if (info.changes !== 1) return 'conflict';
        db.prepare(
          `INSERT INTO status_events (center_id, terminal_id, receipt_no, state, at, by_staff, decision_due_by, missing_json, reason, details_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          centerId,
          row.terminal_id,
          row.receipt_no,
          change.state,
          change.at,
          change.by,
          change.decisionDueBy ?? row.decision_due_by,
          missing,
          reason,
          details,
        );
        db.prepare(
          `INSERT INTO status_audit (center_id, from_state, to_state, by_staff, by_role, at, reason, missing_json, details_json)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(centerId, row.state, change.state, change.by, change.role, change.at, reason, missing, details);
        return 'changed';
      })
      .immediate();
    if (outcome !== 'changed') return { outcome };
    const detail = await this.getApplication(centerId);
    return detail ? { outcome, detail } : { outcome: 'notFound' };
  }

  async statusChanges(
    terminalId: string,
    since: number,
    limit: number,
  ): Promise<{ changes: IntakeStatusChange[]; last: number; more: boolean }> {
    const rows = this._db
      .prepare('SELECT * FROM status_events WHERE terminal_id = ? AND seq > ? ORDER BY seq LIMIT ?')
      .all(terminalId, since, limit + 1) as EventRow[];
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
    return { changes, last: page.length ? page[page.length - 1].seq : since, more };
  }

  async recordHeartbeat(
    terminalId: string,
    receivedAt: string,
    heartbeat: TerminalHeartbeat,
  ): Promise<{ sendReadiness: boolean }> {
    const { readiness, ...beat } = heartbeat;
    const db = this._db;
    return db
      .transaction(() => {
        db.prepare(
          `INSERT INTO terminal_health (terminal_id, received_at, heartbeat_json) VALUES (?, ?, ?)
           ON CONFLICT (terminal_id) DO UPDATE SET
             prev_outbox_depth = json_extract(terminal_health.heartbeat_json, '$.outbox.depth'),
             received_at = excluded.received_at, heartbeat_json = excluded.heartbeat_json`,
        ).run(terminalId, receivedAt, JSON.stringify(beat));
        if (readiness)
          db.prepare(
            `UPDATE terminal_health SET readiness_json = ?, readiness_at = ?, readiness_requested_at = NULL
             WHERE terminal_id = ?`,
          ).run(JSON.stringify(readiness), receivedAt, terminalId);
        const wanted = db
          .prepare('SELECT readiness_requested_at FROM terminal_health WHERE terminal_id = ?')
          .pluck()
          .get(terminalId) as string | null;
        return { sendReadiness: wanted !== null };
      })
      .immediate();
  }

  async listTerminalHealth(): Promise<TerminalHealthRow[]> {
    const rows = this._db.prepare('SELECT * FROM terminal_health ORDER BY terminal_id').all() as HealthRow[];
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
    const region = this._db
      .prepare(`SELECT json_extract(heartbeat_json, '$.regionCode') FROM terminal_health WHERE terminal_id = ?`)
      .pluck()
      .get(terminalId);
    return typeof region === 'string' && region ? region : undefined;
  }

  async requestReadiness(terminalId: string, at: string): Promise<void> {
    this._db
      .prepare(
        `INSERT INTO terminal_health (terminal_id, readiness_requested_at) VALUES (?, ?)
         ON CONFLICT (terminal_id) DO UPDATE SET readiness_requested_at = excluded.readiness_requested_at`,
      )
      .run(terminalId, at);
  }

  async findByReceiptNo(receiptNo: string): Promise<ApplicationDetail[]> {
    const ids = this._db
      .prepare('SELECT center_id FROM submissions WHERE receipt_no = ? ORDER BY received_at LIMIT 5')
      .pluck()
      .all(receiptNo) as string[];
    const found: ApplicationDetail[] = [];
    for (const id of ids) {
      const detail = await this.getApplication(id);
      if (detail) found.push(detail);
    }
    return found;
  }

  async countStaff(): Promise<number> {
    return this._db.prepare('SELECT count(*) FROM staff').pluck().get() as number;
  }

  async getStaff(name: string): Promise<StaffAccount | undefined> {
    const row = this._db.prepare('SELECT * FROM staff WHERE name = ?').get(name) as StaffRow | undefined;
    return row ? staffAccount(row) : undefined;
  }

  async listStaff(): Promise<StaffAccount[]> {
    return (this._db.prepare('SELECT * FROM staff ORDER BY name').all() as StaffRow[]).map(staffAccount);
  }

  async setStaffRole(name: string, role: StaffRole, at: string): Promise<boolean> {
    return this._db.prepare('UPDATE staff SET role = ?, updated_at = ? WHERE name = ?').run(role, at, name).changes > 0;
  }

  async setStaffCounty(name: string, county: string | null, at: string): Promise<boolean> {
    return (
      this._db.prepare('UPDATE staff SET county = ?, updated_at = ? WHERE name = ?').run(county, at, name).changes > 0
    );
  }

  async reserveLoginAttempt(
    keys: readonly LoginLimitKey[],
    nowMs: number,
  ): Promise<{ ok: true; ids: number[] } | { ok: false; retryAfterMs: number }> {
    const db = this._db;
    return db
      .transaction((): { ok: true; ids: number[] } | { ok: false; retryAfterMs: number } => {
        db.prepare('DELETE FROM login_attempts WHERE at_ms <= ?').run(nowMs - LOGIN_ATTEMPT_TTL_MS);
        // The max-th newest attempt inside the window decides when the next one is allowed.
        const nth = db.prepare(
          'SELECT at_ms FROM login_attempts WHERE key = ? AND at_ms > ? ORDER BY at_ms DESC LIMIT 1 OFFSET ?',
        );
        let wait = 0;
        for (const { key, windows } of keys)
          for (const [max, windowMs] of windows) {
            const at = nth.pluck().get(key, nowMs - windowMs, max - 1) as number | undefined;
            if (at !== undefined) wait = Math.max(wait, at + windowMs - nowMs, 1);
          }
        if (wait > 0) return { ok: false, retryAfterMs: wait };
        const insert = db.prepare('INSERT INTO login_attempts (key, at_ms) VALUES (?, ?)');
        return { ok: true, ids: keys.map(({ key }) => Number(insert.run(key, nowMs).lastInsertRowid)) };
      })
      .immediate();
  }

  async releaseLoginAttempt(ids: readonly number[]): Promise<void> {
    const del = this._db.prepare('DELETE FROM login_attempts WHERE id = ?');
    this._db.transaction(() => ids.forEach((id) => del.run(id))).immediate();
  }

  async putStaffSession(session: StoredStaffSession): Promise<void> {
    this._db
      .prepare(
        `INSERT INTO staff_sessions (key, name, csrf_token, must_change, role, created_ms, last_seen_ms)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        session.key,
        session.name,
        session.csrfToken,
        session.mustChange ? 1 : 0,
        session.role,
        session.createdMs,
        session.lastSeenMs,
      );
  }

  async getStaffSession(key: string): Promise<StoredStaffSession | undefined> {
    const row = this._db.prepare('SELECT * FROM staff_sessions WHERE key = ?').get(key) as
      | {
          name: string;
          csrf_token: string;
          must_change: number;
          role: StaffRole;
          created_ms: number;
          last_seen_ms: number;
        }
      | undefined;
    return row
      ? {
          key,
          name: row.name,
          csrfToken: row.csrf_token,
          mustChange: row.must_change === 1,
          role: row.role,
          createdMs: row.created_ms,
          lastSeenMs: row.last_seen_ms,
        }
      : undefined;
  }

  async touchStaffSession(key: string, lastSeenMs: number): Promise<void> {
    this._db
      .prepare('UPDATE staff_sessions SET last_seen_ms = max(last_seen_ms, ?) WHERE key = ?')
      .run(lastSeenMs, key);
  }

  async deleteStaffSession(key: string): Promise<void> {
    this._db.prepare('DELETE FROM staff_sessions WHERE key = ?').run(key);
  }

  async deleteStaffSessionsOf(name: string): Promise<void> {
    this._db.prepare('DELETE FROM staff_sessions WHERE name = ?').run(name);
  }

  async pruneStaffSessions(idleBeforeMs: number, createdBeforeMs: number): Promise<void> {
    this._db
      .prepare('DELETE FROM staff_sessions WHERE last_seen_ms < ? OR created_ms < ?')
      .run(idleBeforeMs, createdBeforeMs);
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
    const info = this._db
      .prepare(
        `INSERT INTO staff (name, password_hash, must_change, role, county, display_name, created_at, updated_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO NOTHING`,
      )
      .run(
        account.name,
        account.passwordHash,
        account.mustChange ? 1 : 0,
        account.role ?? 'staff',
        account.county ?? null,
        account.displayName ?? null,
        account.at,
        account.at,
      );
    return info.changes > 0;
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
    this._db
      .prepare(
        `INSERT INTO staff (name, password_hash, must_change, role, county, display_name, created_at, updated_at)
         VALUES (?, ?, ?, coalesce(?, 'staff'), ?, ?, ?, ?)
         ON CONFLICT (name) DO UPDATE SET password_hash = excluded.password_hash, must_change = excluded.must_change,
           role = coalesce(?, staff.role), county = CASE WHEN ? THEN excluded.county ELSE staff.county END,
           display_name = coalesce(excluded.display_name, staff.display_name), updated_at = excluded.updated_at`,
      )
      .run(
        account.name,
        account.passwordHash,
        account.mustChange ? 1 : 0,
        account.role ?? null,
        account.county ?? null,
        account.displayName ?? null,
        account.at,
        account.at,
        account.role ?? null,
        account.county === undefined ? 0 : 1,
      );
  }

  async startCall(call: NewCall): Promise<void> {
    this._db
      .prepare(
        `INSERT INTO calls (call_id, kiosk_id, terminal_name, lawyer_id, topic, consent, started_at, kind, receipt_no)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (call_id) DO NOTHING`,
      )
      .run(
        call.callId,
        call.kioskId,
        call.terminalName ?? null,
        call.lawyerId,
        call.topic,
        call.consent ? 1 : 0,
        call.startedAt,
        call.kind ?? 'consultation',
        call.receiptNo ?? null,
      );
  }

  async endCall(callId: string, endedAt: string, reason: HangupReason): Promise<boolean> {
    const row = this._db.prepare('SELECT started_at FROM calls WHERE call_id = ? AND ended_at IS NULL').get(callId) as
      { started_at: string } | undefined;
    if (!row) return false;
    const duration = Math.max(0, Math.round((Date.parse(endedAt) - Date.parse(row.started_at)) / 1000));
    const info = this._db
      .prepare('UPDATE calls SET ended_at = ?, duration_s = ?, end_reason = ? WHERE call_id = ? AND ended_at IS NULL')
      .run(endedAt, duration, reason, callId);
    return info.changes > 0;
  }

  async getCall(callId: string): Promise<CallRecord | undefined> {
    const row = this._db.prepare('SELECT * FROM calls WHERE call_id = ?').get(callId) as CallRow | undefined;
    return row ? callRecord(row) : undefined;
  }

  async listCalls(filter: { limit?: number; lawyerId?: string }): Promise<CallRecord[]> {
    const limit = Math.min(Math.max(filter.limit ?? 100, 1), 500);
    const rows = (
      filter.lawyerId
        ? this._db
            .prepare('SELECT * FROM calls WHERE lawyer_id = ? ORDER BY started_at DESC LIMIT ?')
            .all(filter.lawyerId, limit)
        : this._db.prepare('SELECT * FROM calls ORDER BY started_at DESC LIMIT ?').all(limit)
    ) as CallRow[];
    return rows.map(callRecord);
  }

  async openCalls(): Promise<CallRecord[]> {
    const rows = this._db.prepare('SELECT * FROM calls WHERE ended_at IS NULL').all() as CallRow[];
    return rows.map(callRecord);
  }

  async recentCallDurations(limit: number): Promise<number[]> {
    return this._db
      .prepare('SELECT duration_s FROM calls WHERE duration_s IS NOT NULL ORDER BY ended_at DESC LIMIT ?')
      .pluck()
      .all(limit) as number[];
  }

  async setCallNote(callId: string, note: CallNote, at: string): Promise<boolean> {
    const info = this._db
      .prepare('UPDATE calls SET note_json = ?, noted_at = ? WHERE call_id = ?')
      .run(JSON.stringify(note), at, callId);
    return info.changes > 0;
  }

  async rateCall(
    callId: string,
    kioskId: string,
    rating: NonNullable<CallRecord['rating']>,
    receiptNo: string,
  ): Promise<boolean> {
    const info = this._db
      .prepare('UPDATE calls SET rating = ?, rating_receipt = ? WHERE call_id = ? AND kiosk_id = ?')
      .run(rating, receiptNo, callId, kioskId);
    return info.changes > 0;
  }

  async recordRating(r: NewRating): Promise<void> {
    this._db
      .prepare(
        `INSERT INTO ratings (terminal_id, receipt_no, service, score, received_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (terminal_id, receipt_no) DO NOTHING`,
      )
      .run(r.terminalId, r.receiptNo, r.service, r.score, r.receivedAt);
  }

  async ratingCounts(): Promise<RatingCountRow[]> {
    const rows = this._db
      .prepare(
        `SELECT terminal_id, service, score, COUNT(*) AS n FROM ratings
         GROUP BY terminal_id, service, score ORDER BY terminal_id, service`,
      )
      .all() as Array<{ terminal_id: string; service: RatedService; score: number; n: number }>;
    const out: RatingCountRow[] = [];
    for (const row of rows) {
      let last = out[out.length - 1];
      if (!last || last.terminalId !== row.terminal_id || last.service !== row.service) {
        last = { terminalId: row.terminal_id, service: row.service, counts: [0, 0, 0, 0, 0] };
        out.push(last);
      }
      last.counts[row.score - 1] = Number(row.n);
    }
    return out;
  }
}

interface CallRow {
  call_id: string;
  kiosk_id: string;
  terminal_name: string | null;
  lawyer_id: string;
  topic: CallRecord['topic'];
  consent: number;
  started_at: string;
  ended_at: string | null;
  duration_s: number | null;
  end_reason: HangupReason | null;
  note_json: string | null;
  rating: number | null;
  kind: NonNullable<CallRecord['kind']>;
  receipt_no: string | null;
}

function callRecord(row: CallRow): CallRecord {
  return {
    callId: row.call_id,
    kioskId: row.kiosk_id,
    ...(row.terminal_name ? { terminalName: row.terminal_name } : {}),
    lawyerId: row.lawyer_id,
    topic: row.topic,
    consent: row.consent === 1,
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
    urgent: row.urgent === 1,
    ...(row.decision_due_by ? { decisionDueBy: row.decision_due_by } : {}),
    ...(optional(row.matter) ? { matter: row.matter! } : {}),
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
