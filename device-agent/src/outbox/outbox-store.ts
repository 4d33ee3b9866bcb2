import type { SqliteDatabase } from '@kiosk/node-common/sqlite';
import type { IntakeAccepted, IntakeDocument, IntakeStatusChange, IntakeSubmission } from '@kiosk/contract/intake-api';
import type { StatusDetails, SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import { applyMigrations, openDurableDatabase, type Migration } from '@kiosk/node-common/sqlite';
import { formatReceiptNo, receiptCounterKey } from '@kiosk/domain/receipt-number';
import { privateDatabaseFile } from '../config/file-modes.js';

// The outbox: the one place a villager's submission lives between "提交" and the centre's
// acknowledgement. Every write commits with synchronous=FULL before the kiosk gets its answer.
// After the acknowledgement the personal data and documents are erased (secure_delete zeroes the
// freed pages; the WAL is truncated) and only the receipt's bookkeeping stays.

const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE submissions (
        id              TEXT PRIMARY KEY,
        client_id       TEXT UNIQUE,
        body_hash       TEXT,
        receipt_no      TEXT NOT NULL UNIQUE,
        kind            TEXT NOT NULL,
        state           TEXT NOT NULL,
        submitted_at    TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        uploaded_at     TEXT,
        decision_due_by TEXT,
        missing_json    TEXT,
        reason          TEXT,
        check_salt      BLOB,
        check_hash      BLOB,
        data_json       TEXT,
        attempts        INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL DEFAULT 0,
        last_error      TEXT
      );
      CREATE INDEX submissions_pending ON submissions (next_attempt_at) WHERE uploaded_at IS NULL;
      CREATE TABLE documents (
        submission_id TEXT NOT NULL REFERENCES submissions (id) ON DELETE CASCADE,
        role          TEXT NOT NULL,
        idx           INTEGER NOT NULL,
        mime          TEXT NOT NULL,
        label         TEXT,
        bytes         BLOB NOT NULL,
        PRIMARY KEY (submission_id, role, idx)
      );
      CREATE TABLE receipt_counters (day_key TEXT PRIMARY KEY, seq INTEGER NOT NULL);
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
  },
  {
    // 查询进度 by ID card: a keyed hash of the applicant's ID number (card-match.ts), kept after the ack.
    version: 2,
    sql: `
      ALTER TABLE submissions ADD COLUMN card_key TEXT;
      CREATE INDEX submissions_card ON submissions (card_key) WHERE card_key IS NOT NULL;
    `,
  },
  {
    // The delivery, schedule or note a pulled status carries (notarization, mediation, home visits).
    version: 3,
    sql: `ALTER TABLE submissions ADD COLUMN details_json TEXT;`,
  },
];

export interface StoredDocument {
  role: IntakeDocument['role'];
  index: number;
  mime: IntakeDocument['mime'];
  label?: string;
  bytes: Buffer;
}

export interface NewSubmission {
  id: string;
  clientId?: string;
  bodyHash: string;
  kind: SubmissionKind;
  terminalId: string;
  submittedAt: Date;
  data: Record<string, unknown>;
  documents: StoredDocument[];
  check?: { salt: Buffer; hash: Buffer };
  /** CardMatcher.key of the applicant's ID number (hex). */
  cardKey?: string;
}

export interface StatusRow {
  receiptNo: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submittedAt: string;
  updatedAt: string;
  uploaded: boolean;
  decisionDueBy?: string;
  missingMaterials?: string[];
  reason?: string;
  details?: StatusDetails;
  check?: { salt: Buffer; hash: Buffer };
}

export interface PendingSubmission {
  id: string;
  attempts: number;
  body: IntakeSubmission;
}

interface Row {
  id: string;
  client_id: string | null;
  body_hash: string | null;
  receipt_no: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submitted_at: string;
  updated_at: string;
  uploaded_at: string | null;
  decision_due_by: string | null;
  missing_json: string | null;
  reason: string | null;
  details_json: string | null;
  check_salt: Buffer | null;
  check_hash: Buffer | null;
  data_json: string | null;
  card_key: string | null;
  attempts: number;
}

export class OutboxStore {
  private readonly _db: SqliteDatabase;

  constructor(file: string) {
    // 0600 before SQLite opens it: its -wal and -shm files take the database file's mode.
    this._db = openDurableDatabase(privateDatabaseFile(file));
    this._db.pragma('secure_delete = ON');
    applyMigrations(this._db, MIGRATIONS);
    // After a crash the WAL may still hold frames of data erased since; fold it in and truncate it.
    this.checkpoint();
  }

  close(): void {
    if (this._db.open) this._db.close();
  }

  /** Stores the submission and its documents in one durable transaction; returns its receipt. */
  insert(s: NewSubmission): { receiptNo: string; storedAt: string } {
    const db = this._db;
    return db
      .transaction(() => {
        const key = receiptCounterKey(s.kind, s.submittedAt);
        const seq = db
          .prepare(
            'INSERT INTO receipt_counters (day_key, seq) VALUES (?, 1) ON CONFLICT (day_key) DO UPDATE SET seq = seq + 1 RETURNING seq',
          )
          .pluck()
          .get(key) as number;
        const receiptNo = formatReceiptNo(s.kind, s.submittedAt, s.terminalId, seq);
        const at = s.submittedAt.toISOString();
        db.prepare(
          `INSERT INTO submissions (id, client_id, body_hash, receipt_no, kind, state, submitted_at, updated_at,
           check_salt, check_hash, data_json, card_key)
         VALUES (?, ?, ?, ?, ?, 'pendingUpload', ?, ?, ?, ?, ?, ?)`,
        ).run(
          s.id,
          s.clientId ?? null,
          s.bodyHash,
          receiptNo,
          s.kind,
          at,
          at,
          s.check?.salt ?? null,
          s.check?.hash ?? null,
          JSON.stringify(s.data),
          s.cardKey ?? null,
        );
        const doc = db.prepare(
          'INSERT INTO documents (submission_id, role, idx, mime, label, bytes) VALUES (?, ?, ?, ?, ?, ?)',
        );
        for (const d of s.documents) doc.run(s.id, d.role, d.index, d.mime, d.label ?? null, d.bytes);
        return { receiptNo, storedAt: at };
      })
      .immediate();
  }

  findByClientId(
    clientId: string,
  ): { id: string; receiptNo: string; storedAt: string; bodyHash: string | null; uploaded: boolean } | undefined {
    const row = this._db.prepare('SELECT * FROM submissions WHERE client_id = ?').get(clientId) as Row | undefined;
    if (!row) return undefined;
    return {
      id: row.id,
      receiptNo: row.receipt_no,
      storedAt: row.submitted_at,
      bodyHash: row.body_hash,
      uploaded: row.uploaded_at !== null,
    };
  }

  isUploaded(id: string): boolean {
    return this._db.prepare('SELECT uploaded_at IS NOT NULL FROM submissions WHERE id = ?').pluck().get(id) === 1;
  }

  /**
   * Not yet acknowledged and due by `nowMs`, oldest first, rebuilt as intake bodies: at most
   * `limit` of them and about `maxBytes` of base64 and answers (always at least one). A next attempt
   * more than `horizonMs` ahead was set before the wall clock went back: it is due now.
   */
  due(nowMs: number, limit: number, maxBytes = Infinity, horizonMs = Infinity): PendingSubmission[] {
    const rows = this._db
      .prepare(
        'SELECT * FROM submissions WHERE uploaded_at IS NULL AND (next_attempt_at <= ? OR next_attempt_at > ?) ORDER BY submitted_at, receipt_no LIMIT ?',
      )
      .all(nowMs, Number.isFinite(horizonMs) ? nowMs + horizonMs : Number.MAX_SAFE_INTEGER, limit) as Row[];
    const size = this._db
      .prepare('SELECT coalesce(sum(length(bytes)), 0) FROM documents WHERE submission_id = ?')
      .pluck();
    const docs = this._db.prepare('SELECT * FROM documents WHERE submission_id = ? ORDER BY role, idx');
    const out: PendingSubmission[] = [];
    let bytes = 0;
    for (const r of rows) {
      bytes += Math.ceil(((size.get(r.id) as number) * 4) / 3) + (r.data_json?.length ?? 0);
      if (out.length && bytes > maxBytes) break;
      out.push({
        id: r.id,
        attempts: r.attempts,
        body: {
          receiptNo: r.receipt_no,
          kind: r.kind,
          submittedAt: r.submitted_at,
          data: JSON.parse(r.data_json ?? '{}') as Record<string, unknown>,
          documents: (
            docs.all(r.id) as Array<{
              role: IntakeDocument['role'];
              idx: number;
              mime: IntakeDocument['mime'];
              label: string | null;
              bytes: Buffer;
            }>
          ).map((d): IntakeDocument => ({
            role: d.role,
            index: d.idx,
            mime: d.mime,
            ...(d.label !== null ? { label: d.label } : {}),
            base64: d.bytes.toString('base64'),
          })),
        },
      });
    }
    return out;
  }

  /** The earliest time a pending submission is due (ms), or undefined when none is pending. */
  nextDueAt(): number | undefined {
    const v = this._db
      .prepare('SELECT min(next_attempt_at) FROM submissions WHERE uploaded_at IS NULL')
      .pluck()
      .get() as number | null;
    return v ?? undefined;
  }

  /** When the oldest submission not yet acknowledged was stored, and when the last acknowledgement came. */
  forwardTimes(): { oldestPendingAt?: string; lastForwardAt?: string } {
    const row = this._db
      .prepare(
        'SELECT (SELECT min(submitted_at) FROM submissions WHERE uploaded_at IS NULL) AS oldest, max(uploaded_at) AS last FROM submissions',
      )
      .get() as { oldest: string | null; last: string | null };
    return {
      ...(row.oldest ? { oldestPendingAt: row.oldest } : {}),
      ...(row.last ? { lastForwardAt: row.last } : {}),
    };
  }

  pendingCount(): number {
    return this._db.prepare('SELECT count(*) FROM submissions WHERE uploaded_at IS NULL').pluck().get() as number;
  }

  /** The centre has them: keep the bookkeeping, erase the personal data and the documents (one transaction). */
  markUploaded(acks: ReadonlyArray<{ id: string; accepted: IntakeAccepted }>, at: Date): void {
    const db = this._db;
    const update = db.prepare(
      `UPDATE submissions SET uploaded_at = ?, updated_at = ?, decision_due_by = coalesce(?, decision_due_by),
         state = CASE WHEN state = 'pendingUpload' THEN 'received' ELSE state END,
         data_json = NULL, body_hash = NULL, last_error = NULL
       WHERE id = ?`,
    );
    const erase = db.prepare('DELETE FROM documents WHERE submission_id = ?');
    db.transaction(() => {
      for (const { id, accepted } of acks) {
        update.run(at.toISOString(), accepted.receivedAt, accepted.decisionDueBy ?? null, id);
        erase.run(id);
      }
    }).immediate();
  }

  /** A failed attempt of one submission: try again after `untilMs`. */
  defer(id: string, untilMs: number, error: string): void {
    this._db
      .prepare('UPDATE submissions SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE id = ?')
      .run(untilMs, error, id);
  }

  /** Moves the on-disk copy of the WAL into the database and truncates it (drops erased data from it). */
  checkpoint(): void {
    this._db.pragma('wal_checkpoint(TRUNCATE)');
  }

  statusCursor(): string {
    return (
      (this._db.prepare("SELECT value FROM meta WHERE key = 'statusCursor'").pluck().get() as string | undefined) ?? '0'
    );
  }

  /** Applies pulled status changes and the new cursor in one transaction. */
  applyStatusChanges(changes: IntakeStatusChange[], cursor: string): number {
    const db = this._db;
    return db
      .transaction(() => {
        const update = db.prepare(
          `UPDATE submissions SET state = ?, updated_at = ?, decision_due_by = coalesce(?, decision_due_by),
           missing_json = ?, reason = ?, details_json = ?
         WHERE receipt_no = ?`,
        );
        let applied = 0;
        for (const c of changes) {
          applied += update.run(
            c.state,
            c.at,
            c.decisionDueBy ?? null,
            c.missingMaterials?.length ? JSON.stringify(c.missingMaterials) : null,
            c.reason ?? null,
            c.details ? JSON.stringify(c.details) : null,
            c.receiptNo,
          ).changes;
        }
        db.prepare(
          "INSERT INTO meta (key, value) VALUES ('statusCursor', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        ).run(cursor);
        return applied;
      })
      .immediate();
  }

  status(receiptNo: string): StatusRow | undefined {
    const r = this._db.prepare('SELECT * FROM submissions WHERE receipt_no = ?').get(receiptNo) as Row | undefined;
    return r ? statusRow(r) : undefined;
  }

  /** The submissions whose applicant's ID number has this key, newest first. */
  byCard(cardKey: string): StatusRow[] {
    const rows = this._db
      .prepare('SELECT * FROM submissions WHERE card_key = ? ORDER BY submitted_at DESC, receipt_no DESC')
      .all(cardKey) as Row[];
    return rows.map(statusRow);
  }
}

function statusRow(r: Row): StatusRow {
  return {
    receiptNo: r.receipt_no,
    kind: r.kind,
    state: r.state,
    submittedAt: r.submitted_at,
    updatedAt: r.updated_at,
    uploaded: r.uploaded_at !== null,
    ...(r.decision_due_by ? { decisionDueBy: r.decision_due_by } : {}),
    ...(r.missing_json ? { missingMaterials: JSON.parse(r.missing_json) as string[] } : {}),
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.details_json ? { details: JSON.parse(r.details_json) as StatusDetails } : {}),
    ...(r.check_salt && r.check_hash ? { check: { salt: r.check_salt, hash: r.check_hash } } : {}),
  };
}
