// The outbox → service-center wire (DESIGN §2 data flow). Written once here and imported by both
// sides: the agent's outbox worker and the centre's intake API. Terminals authenticate with
// `Authorization: Bearer <center.token>`.

import type {
  DeviceState,
  OperatorAction,
  PaperState,
  StatusDetails,
  SubmissionKind,
  SubmissionState,
} from './kiosk-api.js';

export const INTAKE_SUBMISSIONS_PATH = '/api/v1/intake/submissions';
export const INTAKE_STATUS_PATH = '/api/v1/intake/status';
export const INTAKE_BATCH_PATH = '/api/v1/intake/batch';

/** A document travels as base64 of its bytes; the centre stores each one as its own blob row. */
export interface IntakeDocument {
  role: 'photo' | 'signature';
  /** Position among the photos (0-based); 0 for the signature. */
  index: number;
  mime: 'image/jpeg' | 'image/png';
  /** Optional label chosen on the kiosk (e.g. "劳动合同"); plain text. */
  label?: string;
  base64: string;
}

/**
 * POST /api/v1/intake/submissions, header `Idempotency-Key: <terminal submission id>`.
 * A replay with the same key and the same body answers the original `IntakeAccepted`;
 * the same key with a different body answers 409 `IntakeError{error:'idempotencyConflict'}`.
 */
export interface IntakeSubmission {
  receiptNo: string;
  kind: SubmissionKind;
  /** When the villager submitted on the terminal (ISO). */
  submittedAt: string;
  /** The validated form answers without the documents (applicant, matter, facts, eligibility …). */
  data: Record<string, unknown>;
  documents: IntakeDocument[];
}

export interface IntakeAccepted {
  receiptNo: string;
  /** The centre's own id of the application. */
  centerId: string;
  /** Always `received`: the acceptance itself, also on a replay (later changes come by the status pull). */
  state: 'received';
  /** When the centre received it first (the Art. 43 clock starts here). */
  receivedAt: string;
  /** Legal aid: decision due (ISO date), counted from `receivedAt`. */
  decisionDueBy?: string;
  /** True when this answer is the replay of an earlier acceptance. */
  replay: boolean;
}

/**
 * POST /api/v1/intake/batch: a terminal's backlog in one request and one transaction (one disk
 * sync at the centre). Each item is idempotent exactly like the single endpoint; at most
 * `INTAKE_BATCH_MAX` items.
 */
export interface IntakeBatch {
  items: Array<{ idempotencyKey: string; submission: IntakeSubmission }>;
}

export const INTAKE_BATCH_MAX = 50;

export type IntakeBatchResult =
  | { idempotencyKey: string; status: 200; accepted: IntakeAccepted }
  | { idempotencyKey: string; status: 400 | 409; error: IntakeErrorCode; detail?: string };

/** The answer to a batch: one result per item, in order. HTTP 200 even when some items failed. */
export interface IntakeBatchAnswer {
  results: IntakeBatchResult[];
}

/** One status change of one of the calling terminal's submissions. */
export interface IntakeStatusChange {
  receiptNo: string;
  state: SubmissionState;
  at: string;
  decisionDueBy?: string;
  missingMaterials?: string[];
  reason?: string;
  details?: StatusDetails;
}

/**
 * GET /api/v1/intake/status?since=<cursor> → the changes after `since` (oldest first, at most
 * `limit`), only of the calling terminal's own submissions. Pass `cursor` back as the next `since`;
 * `more` is true when another page is waiting.
 */
export interface IntakeStatusPage {
  changes: IntakeStatusChange[];
  cursor: string;
  more: boolean;
}

export type IntakeErrorCode =
  | 'unauthorized'
  | 'missingIdempotencyKey'
  | 'invalidSubmission'
  // 400: the receipt number carries another terminal's suffix (a token writes its own receipts only).
  | 'foreignReceipt'
  | 'idempotencyConflict'
  | 'badCursor'
  | 'invalidHeartbeat'
  | 'tooManyHeartbeats';

export interface IntakeError {
  error: IntakeErrorCode;
  detail?: string;
}

// ---- Fleet health (issue 14 item 3) -----------------------------------------------------------

export const INTAKE_HEARTBEAT_PATH = '/api/v1/intake/heartbeat';

/** One device in a heartbeat: its XFS state and the code of its last fault (e.g. `printer.paperOut`). */
export interface HeartbeatDevice {
  device: DeviceState;
  lastErrorCode?: string;
  lastErrorAction?: OperatorAction;
}

/** One readiness check, as on the agent's admin page (`admin-api` ReadinessCheck): id, ok, short detail. */
export interface HeartbeatReadinessCheck {
  id: string;
  ok: boolean;
  detail?: string;
}

export interface HeartbeatReadiness {
  generatedAt: string;
  ok: boolean;
  checks: HeartbeatReadinessCheck[];
}

/**
 * POST /api/v1/intake/heartbeat (terminal token), every `center.heartbeatSeconds` (default 60):
 * counts and states only, never personal data (the centre refuses unknown fields). `readiness` is
 * present only in the heartbeat after an answer with `sendReadiness: true` (a staff member asked).
 */
export interface TerminalHeartbeat {
  agentVersion: string;
  uptimeSec: number;
  /** The terminal's clock when it sent this (ISO). */
  sentAt: string;
  /** `terminal.regionCode` of the terminal (6-digit county code): the fleet page sorts by it. */
  regionCode?: string;
  devices: {
    idcard: HeartbeatDevice;
    printer: HeartbeatDevice & { paper: PaperState };
    camera: HeartbeatDevice;
  };
  outbox: {
    /** Submissions stored on the terminal, not yet acknowledged. */
    depth: number;
    /** Age of the oldest of them (s); null when none. */
    oldestAgeSec: number | null;
    /** When the centre last acknowledged a submission from this terminal; null: never (since install). */
    lastForwardAt: string | null;
  };
  /** Free bytes on the agent's data volume; null when unknown. */
  diskFreeBytes: number | null;
  /**
   * Terminal clock minus centre clock (ms), measured NTP-style from the previous heartbeat's answer
   * (`centerTime` against the midpoint of the round trip); absent on the first heartbeat.
   */
  clockOffsetMs?: number;
  readiness?: HeartbeatReadiness;
}

/** Answer of a heartbeat; 429 `{error:'tooManyHeartbeats'}` when a terminal beats too often. */
export interface HeartbeatAnswer {
  /** The centre's clock (ISO) when it answered. */
  centerTime: string;
  /** Include `readiness` in the next heartbeat. */
  sendReadiness: boolean;
}
