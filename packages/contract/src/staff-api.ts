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

/**
 * Staff roles: `staff` are the legal-aid staff (they decide applications), `lawyer` takes video
 * consultations, `notary` handles notarization (later), `admin` manages accounts.
 */
export const STAFF_ROLE_NAMES = ['staff', 'lawyer', 'notary', 'admin'] as const;
export type StaffRoleName = (typeof STAFF_ROLE_NAMES)[number];

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
  /** The account's role (absent from centres older than roles). */
  role?: StaffRoleName;
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

/** The audit log: every status change, who made it in which role, when, from → to, and why. */
export interface StatusAuditEntry {
  from: SubmissionState;
  to: SubmissionState;
  by: string;
  role: StaffRoleName;
  at: string;
  reason?: string;
  missingMaterials?: string[];
}

/** Answer of GET /applications/:id and of POST /applications/:id/status. */
export interface ApplicationDetail extends ApplicationSummary {
  /** What the applicant entered on the kiosk (shown as text, never as HTML). */
  data: Record<string, unknown>;
  documents: ApplicationDocument[];
  history: StatusHistoryEntry[];
  /** Every status change with its author (absent from centres older than the audit log). */
  audit?: StatusAuditEntry[];
  missingMaterials?: string[];
  reason?: string;
  /** Bumped by every change; a status change may send it back to be refused if it moved on. */
  version?: number;
}

/** POST /applications/:id/status */
export interface StatusChangeRequest {
  state: StaffState;
  /** The `version` of the detail the decision was made on: 409 `stateChanged` when it moved on. */
  version?: number;
  /** needMaterials: the one-time list of what is missing (Art. 43 ¶2). */
  missingMaterials?: string[];
  /** rejected: the reason, required. */
  reason?: string;
}

/** Why a status change was refused (409). */
export type StatusChangeProblem =
  | 'notAllowed'
  | 'missingMaterialsRequired'
  | 'alreadyNotified'
  | 'reasonRequired'
  // Someone else changed the application first (compare-and-set).
  | 'stateChanged';

// ---- Accounts (administrators only) ----------------------------------------------------------

/** One staff account as GET /accounts lists it (never its password hash). */
export interface StaffAccountInfo {
  name: string;
  role: StaffRoleName;
  mustChange: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Answer of GET /accounts. */
export interface StaffAccountList {
  items: StaffAccountInfo[];
}

/** POST /accounts: a new account with a one-time password, to be changed at its first login. */
export interface StaffAccountCreateRequest {
  name: string;
  role: StaffRoleName;
}

/** Answer of POST /accounts: the one-time password, shown once to the administrator. */
export interface StaffAccountCreated {
  account: StaffAccountInfo;
  oneTimePassword: string;
}

/** PUT /accounts/:name/role; ends that account's logins. */
export interface StaffRoleChangeRequest {
  role: StaffRoleName;
}

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
  | 'forbidden' // 403 foreign Host or Origin, or a role that may not do this
  | 'notFound' // 404
  | 'exists' // 409 POST /accounts with a name in use
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
