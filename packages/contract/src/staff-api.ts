// The staff API contract (`/api/v1/staff` on the centre): what the staff console reads and writes.
// Written once here; the centre's staff routes map its repository rows to these types and the
// console imports them with `import type` (and the constant tables below). These are wire types:
// the repository's rows may change without the console noticing.

import type { SubmissionKind, SubmissionState } from './kiosk-api.js';

export const STAFF_API_PATH = '/api/v1/staff';

// ---- States ----------------------------------------------------------------------------------

/** The states an application at the centre can be in, in the order the console lists them. */
export const APPLICATION_STATES = ['received', 'accepted', 'needMaterials', 'approved', 'rejected'] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number] & SubmissionState;

/** The states staff may set (an application arrives `received`; nobody sets that). */
export type StaffState = Exclude<ApplicationState, 'received'>;
export const isStaffState = (s: string): s is StaffState =>
  s !== 'received' && (APPLICATION_STATES as readonly string[]).includes(s);
export const STAFF_STATES: readonly StaffState[] = APPLICATION_STATES.filter(isStaffState);

/** approved and rejected are final: no change is accepted after them. */
export const FINAL_STATES: readonly ApplicationState[] = ['approved', 'rejected'];

// ---- Login, session, password ----------------------------------------------------------------

/** POST /login */
export interface StaffLoginRequest {
  name: string;
  password: string;
}

/**
 * Answer of POST /login, GET /me and POST /password: who is logged in and the CSRF token the
 * console sends back in `X-CSRF-Token` on every change. The session itself is an httpOnly cookie.
 */
export interface StaffSessionInfo {
  name: string;
  /** The password must be changed before anything else (first login with a one-time password). */
  mustChange: boolean;
  csrfToken: string;
}

/** POST /password; at least `MIN_STAFF_PASSWORD_LENGTH` characters, different from the current one. */
export interface StaffPasswordChangeRequest {
  current: string;
  next: string;
}

export const MIN_STAFF_PASSWORD_LENGTH = 10;

/** Answer of POST /logout. */
export interface StaffLogoutAnswer {
  ok: true;
}

// ---- Applications ----------------------------------------------------------------------------

/** One row of GET /applications?state=… (state one of APPLICATION_STATES, or absent for all). */
export interface ApplicationSummary {
  centerId: string;
  terminalId: string;
  receiptNo: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submittedAt: string;
  receivedAt: string;
  updatedAt: string;
  /** Art. 43: decision due (ISO date) for legal aid. */
  decisionDueBy?: string;
  /** Art. 44: handled first. */
  urgent: boolean;
  /** Matter code (legal aid) or matter id (notarization), when the kind has one. */
  matter?: string;
  applicantName?: string;
}

/** Answer of GET /applications. */
export interface ApplicationList {
  items: ApplicationSummary[];
}

export const DOCUMENT_ROLES = ['photo', 'signature'] as const;
export type DocumentRole = (typeof DOCUMENT_ROLES)[number];

/** A document of an application; its bytes are at GET /applications/:id/documents/:role/:index. */
export interface ApplicationDocument {
  role: DocumentRole;
  index: number;
  mime: string;
  label?: string;
  size: number;
}

export interface StatusHistoryEntry {
  state: SubmissionState;
  at: string;
  /** The staff member who set it; absent for the terminal's own entries. */
  by?: string;
  missingMaterials?: string[];
  reason?: string;
}

/** Answer of GET /applications/:id and of POST /applications/:id/status. */
export interface ApplicationDetail extends ApplicationSummary {
  /** What the applicant entered on the kiosk (shown as text, never as HTML). */
  data: Record<string, unknown>;
  documents: ApplicationDocument[];
  history: StatusHistoryEntry[];
  missingMaterials?: string[];
  reason?: string;
}

/** POST /applications/:id/status */
export interface StatusChangeRequest {
  state: StaffState;
  /** needMaterials: the one-time list of what is missing (Art. 43 ¶2). */
  missingMaterials?: string[];
  /** rejected: the reason, required. */
  reason?: string;
}

/** Why a status change was refused (409). */
export type StatusChangeProblem = 'notAllowed' | 'missingMaterialsRequired' | 'alreadyNotified' | 'reasonRequired';

// ---- Errors ----------------------------------------------------------------------------------

export type StaffErrorCode =
  | 'invalidRequest' // 400, with `detail`
  | 'weakPassword' // 400, with `minLength`
  | 'badJson' // 400
  | 'tooLarge' // 413
  | 'notLoggedIn' // 401
  | 'badCredentials' // 401
  | 'csrf' // 403
  | 'passwordChangeRequired' // 403
  | 'forbidden' // 403 foreign Host or Origin
  | 'notFound' // 404
  | StatusChangeProblem // 409
  | 'tooManyAttempts' // 429, with `retryAfterSec`
  | 'internalError'; // 500

/** The body of every refused staff API call. */
export interface StaffErrorBody {
  error: StaffErrorCode;
  detail?: string;
  message?: string;
  retryAfterSec?: number;
  minLength?: number;
}
