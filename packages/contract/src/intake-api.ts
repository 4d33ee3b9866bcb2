// The outbox → service-center wire (DESIGN §2 data flow). Written once here and imported by both
// sides: the agent's outbox worker and the centre's intake API. Terminals authenticate with
// `Authorization: Bearer <center.token>`.

import type { SubmissionKind, SubmissionState } from './kiosk-api.js';

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
  | 'badCursor';

export interface IntakeError {
  error: IntakeErrorCode;
  detail?: string;
}
