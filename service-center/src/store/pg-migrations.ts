// Numbered migrations of the centre's PostgreSQL database (the province's engine, DESIGN §8); applied
// in order, all in one transaction, recorded in `schema_migrations`. Step N makes the same change as
// SQLite's step N (migrations.ts), so the two schemas move together. Never edit a released step: add a
// new one to both lists. Times stay ISO-8601 text and JSON stays text as in SQLite, so both engines
// answer the same strings; booleans are booleans, blobs are bytea.

export const PG_MIGRATIONS: ReadonlyArray<{ version: number; sql: string }> = [
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
        urgent          BOOLEAN NOT NULL DEFAULT false,
        matter          TEXT,
        data_json       TEXT NOT NULL,
        missing_json    TEXT,
        reason          TEXT,
        CONSTRAINT submissions_terminal_key UNIQUE (terminal_id, idempotency_key),
        CONSTRAINT submissions_terminal_receipt UNIQUE (terminal_id, receipt_no)
      );
      CREATE INDEX submissions_state ON submissions (state, received_at);
      CREATE INDEX submissions_received ON submissions (received_at);
      CREATE TABLE documents (
        center_id TEXT NOT NULL REFERENCES submissions (center_id) ON DELETE CASCADE,
        role      TEXT NOT NULL,
        idx       INTEGER NOT NULL,
        mime      TEXT NOT NULL,
        label     TEXT,
        bytes     BYTEA NOT NULL,
        PRIMARY KEY (center_id, role, idx)
      );
      CREATE TABLE status_events (
        seq             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
      CREATE INDEX status_events_center ON status_events (center_id, seq);
      CREATE TABLE staff (
        name          TEXT PRIMARY KEY,
        password_hash TEXT NOT NULL,
        must_change   BOOLEAN NOT NULL DEFAULT false,
        created_at    TEXT NOT NULL,
        updated_at    TEXT NOT NULL
      );
    `,
  },
  {
    // Video consultation: staff roles and call records without media or personal data.
    version: 2,
    sql: `
      ALTER TABLE staff ADD COLUMN role TEXT NOT NULL DEFAULT 'staff';
      CREATE TABLE calls (
        call_id        TEXT PRIMARY KEY,
        kiosk_id       TEXT NOT NULL,
        terminal_name  TEXT,
        lawyer_id      TEXT NOT NULL,
        topic          TEXT NOT NULL,
        consent        BOOLEAN NOT NULL,
        started_at     TEXT NOT NULL,
        ended_at       TEXT,
        duration_s     INTEGER,
        end_reason     TEXT,
        note_json      TEXT,
        noted_at       TEXT,
        rating         INTEGER,
        rating_receipt TEXT
      );
      CREATE INDEX calls_started ON calls (started_at);
      CREATE INDEX calls_open ON calls (ended_at) WHERE ended_at IS NULL;
      CREATE INDEX calls_ended ON calls (ended_at) WHERE duration_s IS NOT NULL;
    `,
  },
  {
    // Hardening (issue 13): the compare-and-set version, the audit log, the login limiter's attempts.
    version: 3,
    sql: `
      ALTER TABLE submissions ADD COLUMN version INTEGER NOT NULL DEFAULT 0;
      CREATE TABLE status_audit (
        seq          BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        center_id    TEXT NOT NULL REFERENCES submissions (center_id) ON DELETE CASCADE,
        from_state   TEXT NOT NULL,
        to_state     TEXT NOT NULL,
        by_staff     TEXT NOT NULL,
        by_role      TEXT NOT NULL,
        at           TEXT NOT NULL,
        reason       TEXT,
        missing_json TEXT
      );
      CREATE INDEX status_audit_center ON status_audit (center_id, seq);
      CREATE TABLE login_attempts (
        id    BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        key   TEXT NOT NULL,
        at_ms BIGINT NOT NULL
      );
      CREATE INDEX login_attempts_key ON login_attempts (key, at_ms);
      CREATE INDEX login_attempts_at ON login_attempts (at_ms);
    `,
  },
  {
    // Per-kind status flows: the delivery, schedule or note that goes with a state.
    version: 4,
    sql: `
      ALTER TABLE submissions ADD COLUMN details_json TEXT;
      ALTER TABLE status_events ADD COLUMN details_json TEXT;
      ALTER TABLE status_audit ADD COLUMN details_json TEXT;
      CREATE INDEX submissions_kind ON submissions (kind, state, received_at);
    `,
  },
  {
    // Fleet health (issue 14 item 3) and the public status page's lookup by receipt number.
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
    // Notary interviews (issue 12 item 4): published slots, each terminal's holds and bookings, and
    // call records that say whether a call was an interview and for which receipt.
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
        must_change  BOOLEAN NOT NULL,
        role         TEXT NOT NULL,
        created_ms   BIGINT NOT NULL,
        last_seen_ms BIGINT NOT NULL
      );
      CREATE INDEX staff_sessions_name ON staff_sessions (name);
    `,
  },
  {
    // 好差评 (issue 16 item 4): counts only — terminal, service, score; one row per rating submission.
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
    // The consultation queue across centre processes (issue 14 item 2): live processes (heartbeat),
    // the waiting kiosks (claimed with FOR UPDATE SKIP LOCKED), staff presence per process, signal
    // payloads too large for a NOTIFY, and the queue's ticket numbers.
    version: 9,
    sql: `
      CREATE TABLE consultation_processes (
        process_id TEXT PRIMARY KEY,
        seen_at    TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE TABLE consultation_queue (
        kiosk_id      TEXT PRIMARY KEY,
        process_id    TEXT NOT NULL,
        ticket        TEXT NOT NULL,
        topic         TEXT NOT NULL,
        consent       BOOLEAN NOT NULL,
        terminal_name TEXT,
        caller_name   TEXT,
        enqueued_ms   BIGINT NOT NULL,
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
        id         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        payload    TEXT NOT NULL,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now()
      );
      CREATE SEQUENCE consultation_tickets;
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
        consent       BOOLEAN NOT NULL,
        since_ms      BIGINT NOT NULL,
        state         TEXT NOT NULL
      );
    `,
  },
  {
    // Staff search by name at province scale (issue 14): the applicant's name extracted once into a
    // stored column (the search parsed every row's JSON) with a trigram index for "a part of the
    // name". pg_trgm ships with PostgreSQL and is a trusted extension (the database owner may create
    // it); it sees Chinese characters under a UTF-8 locale (C.UTF-8, zh_CN.UTF-8), not under plain C.
    version: 12,
    sql: `
      CREATE EXTENSION IF NOT EXISTS pg_trgm;
      ALTER TABLE submissions ADD COLUMN applicant_name TEXT
        GENERATED ALWAYS AS (data_json::json #>> '{applicant,name}') STORED;
      CREATE INDEX submissions_applicant_name_trgm ON submissions USING gin (applicant_name gin_trgm_ops);
    `,
  },
  {
    // The name a lawyer is shown by to the villager (on the kiosk's screen and her slip; issue 11);
    // absent: the login name.
    version: 13,
    sql: `ALTER TABLE staff ADD COLUMN display_name TEXT;`,
  },
];
