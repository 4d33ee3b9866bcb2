// Numbered migrations of the centre's SQLite database; applied in order, each in a transaction,
// recorded in `schema_migrations`. Never edit a released step: add a new one.

export const SQLITE_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
  {
    version: 1,
    sql: `
      CREATE TABLE submissions (
        center_id       TEXT PRIMARY KEY,
        terminal_id     TEXT NOT NULL,
        idempotency_key TEXT NOT NULL,
        body_hash       TEXT NOT NULL,
        receipt_no      TEXT NOT NULL,
        kind            TEXT NOT NULL,
        state           TEXT NOT NULL,
        submitted_at    TEXT NOT NULL,
        received_at     TEXT NOT NULL,
        updated_at      TEXT NOT NULL,
        decision_due_by TEXT,
        urgent          INTEGER NOT NULL DEFAULT 0,
        matter          TEXT,
        data_json       TEXT NOT NULL,
        missing_json    TEXT,
        reason          TEXT,
        UNIQUE (terminal_id, idempotency_key),
        UNIQUE (terminal_id, receipt_no)
      );
      CREATE INDEX submissions_state ON submissions (state, received_at);
      CREATE TABLE documents (
        center_id TEXT NOT NULL REFERENCES submissions (center_id) ON DELETE CASCADE,
        role      TEXT NOT NULL,
        idx       INTEGER NOT NULL,
        mime      TEXT NOT NULL,
        label     TEXT,
        bytes     BLOB NOT NULL,
        PRIMARY KEY (center_id, role, idx)
      );
      CREATE TABLE status_events (
        seq             INTEGER PRIMARY KEY AUTOINCREMENT,
        center_id       TEXT NOT NULL REFERENCES submissions (center_id) ON DELETE CASCADE,
        terminal_id     TEXT NOT NULL,
        receipt_no      TEXT NOT NULL,
        state           TEXT NOT NULL,
        at              TEXT NOT NULL,
        by_staff        TEXT,
        decision_due_by TEXT,
        missing_json    TEXT,
        reason          TEXT
      );
      CREATE INDEX status_events_terminal ON status_events (terminal_id, seq);
      CREATE TABLE staff (
        name          TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        must_change   INTEGER NOT NULL DEFAULT 0,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
    `,
  },
  {
    // Video consultation: staff roles (a lawyer takes calls) and call records without media or
    // personal data (no caller name, no addresses; topic, times, consent, note, rating).
    version: 2,
    sql: `
      ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'staff';
      CREATE TABLE calls (
        call_id       TEXT PRIMARY KEY,
        kiosk_id      TEXT NOT NULL,
        terminal_name TEXT,
        lawyer_id     TEXT NOT NULL,
        topic         TEXT NOT NULL,
        consent       INTEGER NOT NULL,
        started_at    TEXT NOT NULL,
        ended_at      TEXT,
        duration_s    INTEGER,
        end_reason    TEXT,
        note_json     TEXT,
        noted_at      TEXT,
        rating        INTEGER,
        rating_receipt TEXT
      );
      CREATE INDEX calls_started ON calls (started_at);
      CREATE INDEX calls_open ON calls (ended_at) WHERE ended_at IS NULL;
    `,
  },
  {
    // Hardening (issue 13): a version per submission for compare-and-set status changes, the audit
    // log of every status change (who, role, when, from → to, reason), and the staff login limiter's
    // attempts (kept across restarts; in-flight attempts count until they succeed).
    version: 3,
    sql: `
      ALTER TABLE submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE status_audit (
        seq        INTEGER PRIMARY KEY AUTOINCREMENT,
        center_id  TEXT NOT NULL REFERENCES submissions (center_id) ON DELETE CASCADE,
        from_state TEXT NOT NULL,
        to_state   TEXT NOT NULL,
        by_staff   TEXT NOT NULL,
        by_role    TEXT NOT NULL,
        at         TEXT NOT NULL,
        reason     TEXT,
        missing_json TEXT
      );
      CREATE INDEX status_audit_center ON status_audit (center_id, seq);
      CREATE TABLE login_attempts (
        id    INTEGER PRIMARY KEY AUTOINCREMENT,
        key   TEXT NOT NULL,
        at_ms INTEGER NOT NULL
      );
      CREATE INDEX login_attempts_key ON login_attempts (key, at_ms);
      CREATE INDEX login_attempts_at ON login_attempts (at_ms);
    `,
  },
  {
    // Per-kind status flows (notarization, mediation, home visits): the delivery, schedule or note
    // that goes with a state, kept on the application, its status events and its audit lines.
    version: 4,
    sql: `
      ALTER TABLE submissions ADD COLUMN details_json TEXT;
      ALTER TABLE status_events ADD COLUMN details_json TEXT;
      ALTER TABLE status_audit ADD COLUMN details_json TEXT;
      CREATE INDEX submissions_kind ON submissions (kind, state, received_at);
    `,
  },
  {
    // Fleet health (issue 14 item 3): each terminal's last heartbeat (counts and states only), the
    // outbox depth of the one before, its last readiness report and a pending request for one.
    // The public status page looks applications up by receipt number.
    version: 5,
    sql: `
      CREATE TABLE terminal_health (
        terminal_id            TEXT PRIMARY KEY,
        received_at            TEXT,
        heartbeat_json         TEXT,
        prev_outbox_depth      INTEGER,
        readiness_json         TEXT,
        readiness_at           TEXT,
        readiness_requested_at TEXT
      );
      CREATE INDEX submissions_receipt ON submissions (receipt_no);
    `,
  },
  {
    // Notary interviews (issue 12 item 4): slots the notary office publishes, each terminal's holds
    // on a seat (from the interview step) that become bookings once the request arrives with its
    // receipt number, and call records that say whether a call was an interview and for which receipt.
    version: 6,
    sql: `
      CREATE TABLE notary_slots (
        slot_id      TEXT PRIMARY KEY,
        starts_at    TEXT NOT NULL,
        length_min   INTEGER NOT NULL,
        capacity     INTEGER NOT NULL,
        published_by TEXT NOT NULL,
        published_at TEXT NOT NULL,
        withdrawn_at TEXT
      );
      CREATE UNIQUE INDEX notary_slots_start ON notary_slots (starts_at) WHERE withdrawn_at IS NULL;
      CREATE TABLE notary_bookings (
        booking_id      TEXT PRIMARY KEY,
        slot_id         TEXT NOT NULL REFERENCES notary_slots (slot_id),
        terminal_id     TEXT NOT NULL,
        receipt_no      TEXT,
        held_at         TEXT NOT NULL,
        hold_expires_at TEXT NOT NULL,
        confirmed_at    TEXT
      );
      CREATE INDEX notary_bookings_slot ON notary_bookings (slot_id);
      CREATE UNIQUE INDEX notary_bookings_receipt ON notary_bookings (terminal_id, receipt_no)
        WHERE receipt_no IS NOT NULL;
      ALTER TABLE calls ADD COLUMN kind TEXT NOT NULL DEFAULT 'consultation';
      ALTER TABLE calls ADD COLUMN receipt_no TEXT;
    `,
  },
  {
    // Staff logins in the database (issue 14 item 2): every centre process sharing the storage knows
    // them, and a restart no longer logs everyone out. The key is a hash of the cookie value.
    version: 7,
    sql: `
      CREATE TABLE staff_sessions (
        key          TEXT PRIMARY KEY,
        name         TEXT NOT NULL,
        csrf_token   TEXT NOT NULL,
        must_change  INTEGER NOT NULL,
        role         TEXT NOT NULL,
        created_ms   INTEGER NOT NULL,
        last_seen_ms INTEGER NOT NULL
      );
      CREATE INDEX staff_sessions_name ON staff_sessions (name);
    `,
  },
  {
    // 好差评 (issue 16 item 4): counts only — which terminal, which service, the score; nothing about
    // the person. One row per rating submission (its receipt number), so a replay counts once.
    version: 8,
    sql: `
      CREATE TABLE ratings (
        terminal_id TEXT NOT NULL,
        receipt_no  TEXT NOT NULL,
        service     TEXT NOT NULL,
        score       INTEGER NOT NULL CHECK (score BETWEEN 1 AND 5),
        received_at TEXT NOT NULL,
        PRIMARY KEY (terminal_id, receipt_no)
      );
      CREATE INDEX ratings_terminal_service ON ratings (terminal_id, service);
    `,
  },
  {
    // The consultation queue across centre processes (issue 14 item 2). Only PostgreSQL uses these
    // tables (a SQLite centre is one process and keeps its queue in memory); they exist here so both
    // schemas move together. PostgreSQL also numbers tickets with a sequence, which SQLite lacks.
    version: 9,
    sql: `
      CREATE TABLE consultation_processes (
        process_id TEXT PRIMARY KEY,
        seen_at    TEXT NOT NULL
      );
      CREATE TABLE consultation_queue (
        kiosk_id      TEXT PRIMARY KEY,
        process_id    TEXT NOT NULL,
        ticket        TEXT NOT NULL,
        topic         TEXT NOT NULL,
        consent       INTEGER NOT NULL,
        terminal_name TEXT,
        caller_name   TEXT,
        enqueued_ms   INTEGER NOT NULL,
        state         TEXT NOT NULL
      );
      CREATE INDEX consultation_queue_order ON consultation_queue (enqueued_ms, kiosk_id);
      CREATE TABLE consultation_presence (
        process_id TEXT NOT NULL,
        role       TEXT NOT NULL,
        staff_id   TEXT NOT NULL,
        PRIMARY KEY (process_id, role, staff_id)
      );
      CREATE TABLE consultation_signals (
        id         INTEGER PRIMARY KEY AUTOINCREMENT,
        payload    TEXT NOT NULL,
        created_at TEXT NOT NULL
      );
    `,
  },
  {
    // Queues per county (issue 14 item 2): a staff account belongs to a county (6-digit code) or, with
    // none, to the province (every county); a waiting kiosk and a present lawyer carry their county.
    version: 10,
    sql: `
      ALTER TABLE staff ADD COLUMN county TEXT;
      ALTER TABLE consultation_queue ADD COLUMN county TEXT NOT NULL DEFAULT '';
      ALTER TABLE consultation_presence ADD COLUMN county TEXT;
    `,
  },
  {
    // The notary interview waiting list across centre processes (issue 14 item 2, issue 12): a notary
    // on any process sees every kiosk waiting for its interview and takes one atomically.
    version: 11,
    sql: `
      CREATE TABLE consultation_interviews (
        kiosk_id      TEXT PRIMARY KEY,
        process_id    TEXT NOT NULL,
        receipt_no    TEXT NOT NULL,
        matter        TEXT,
        booked_at     TEXT,
        terminal_name TEXT,
        consent       INTEGER NOT NULL,
        since_ms      INTEGER NOT NULL,
        state         TEXT NOT NULL
      );
    `,
  },
  {
    // Step for step with PostgreSQL's version 12: the applicant's name as a column of its own (SQLite
    // computes it on read; a substring search scans either way at a county's size).
    version: 12,
    sql: `
      ALTER TABLE submissions ADD COLUMN applicant_name TEXT
        GENERATED ALWAYS AS (json_extract(data_json, '$.applicant.name')) VIRTUAL;
    `,
  },
  {
    // Step for step with PostgreSQL's version 13: the name a lawyer is shown by to the villager (issue 11).
    version: 13,
    sql: `ALTER TABLE staff ADD COLUMN display_name TEXT;`,
  },
];
