// The staff API contract (`/api/v1/staff` on the centre): what the staff console reads and writes.
// Written once here; the centre's staff routes map its repository rows to these types and the
// console imports them with `import type` (and the constant tables below). These are wire types:
// the repository's rows may change without the console noticing.

import type { CertificateDelivery, StatusDetails, SubmissionKind, SubmissionState } from './kiosk-api.js';
import type { HeartbeatReadiness, TerminalHeartbeat } from './intake-api.js';

export const STAFF_API_PATH = '/api/v1/staff';

// ---- States ----------------------------------------------------------------------------------

/** The states an application at the centre can be in, in the order the console lists them. */
export const APPLICATION_STATES = [
  'received',
  'accepted',
  'needMaterials',
  'partyContacted',
  'calledBack',
  'scheduled',
  'approved',
  'certificateIssued',
  'mediated',
  'notMediated',
  'rejected',
] as const;
export type ApplicationState = (typeof APPLICATION_STATES)[number] & SubmissionState;

/** The states staff may set (an application arrives `received`; nobody sets that). */
export type StaffState = Exclude<ApplicationState, 'received'>;
export const isStaffState = (s: string): s is StaffState =>
  s !== 'received' && (APPLICATION_STATES as readonly string[]).includes(s);
export const STAFF_STATES: readonly StaffState[] = APPLICATION_STATES.filter(isStaffState);

/** The kinds staff handle at the centre (call-backs and ratings are not applications). */
export const APPLICATION_KINDS = ['legalAid', 'notarization', 'mediation', 'homeVisit'] as const;
export type ApplicationKind = (typeof APPLICATION_KINDS)[number] & SubmissionKind;
export const isApplicationKind = (k: string): k is ApplicationKind =>
  (APPLICATION_KINDS as readonly string[]).includes(k);

type Flow = Readonly<Partial<Record<ApplicationState, readonly StaffState[]>>>;

/**
 * Per kind, from each state the states staff may set next; a state with none is final.
 * - legalAid (Art. 43): accept, one-time 补充材料, approve or refuse.
 * - notarization (公证法 Art. 28–31): accept, 补正 once, approve (准予出具) or refuse; then the certificate is
 *   issued with its delivery.
 * - mediation (人民调解法 Art. 17–28): accept or decline, contact the other party, schedule a session
 *   (again if postponed), record 调解成功 or 未达成.
 * - homeVisit (法律援助法 Art. 45 green channel): call back, agree a visit, mark it served; or decline.
 */
export const STATUS_FLOW: Readonly<Record<ApplicationKind, Flow>> = {
  legalAid: {
    received: ['accepted', 'needMaterials', 'approved', 'rejected'],
    accepted: ['needMaterials', 'approved', 'rejected'],
    needMaterials: ['accepted', 'approved', 'rejected'],
  },
  notarization: {
    received: ['accepted', 'needMaterials', 'rejected'],
    accepted: ['needMaterials', 'approved', 'rejected'],
    needMaterials: ['accepted', 'approved', 'rejected'],
    approved: ['certificateIssued'],
  },
  mediation: {
    received: ['accepted', 'rejected'],
    accepted: ['partyContacted', 'scheduled', 'rejected'],
    partyContacted: ['scheduled', 'notMediated'],
    scheduled: ['scheduled', 'mediated', 'notMediated'],
  },
  homeVisit: {
    received: ['calledBack', 'scheduled', 'rejected'],
    calledBack: ['scheduled', 'rejected'],
    scheduled: ['scheduled', 'approved'],
  },
};

/** What a status change must carry, by target state. */
export const STATUS_REQUIRES: Readonly<
  Partial<Record<StaffState, 'missingMaterials' | 'reason' | 'delivery' | 'schedule' | 'note'>>
> = {
  needMaterials: 'missingMaterials',
  rejected: 'reason',
  notMediated: 'reason',
  certificateIssued: 'delivery',
  scheduled: 'schedule',
  mediated: 'note',
};

/** Which roles decide each kind (administrators read everything but decide nothing). */
export const KIND_DECIDERS: Readonly<Record<ApplicationKind, readonly StaffRoleName[]>> = {
  legalAid: ['staff'],
  notarization: ['notary'],
  mediation: ['mediator'],
  homeVisit: ['staff'],
};

/** Which roles read each kind (a desk sees its own applications; administrators see all). */
export const KIND_READERS: Readonly<Record<SubmissionKind, readonly StaffRoleName[]>> = {
  legalAid: ['staff', 'admin'],
  notarization: ['notary', 'admin'],
  mediation: ['mediator', 'admin'],
  homeVisit: ['staff', 'admin'],
  callback: ['staff', 'lawyer', 'admin'],
  rating: ['staff', 'admin'],
};

/** The states staff may set on an application of `kind` at `from` (empty: final). */
export const nextStates = (kind: SubmissionKind, from: SubmissionState): readonly StaffState[] =>
  (isApplicationKind(kind) && Object.hasOwn(STATUS_FLOW[kind], from)
    ? STATUS_FLOW[kind][from as ApplicationState]
    : undefined) ?? [];

/** approved and rejected end a legal-aid application; each kind's final states follow from STATUS_FLOW. */
export const FINAL_STATES: readonly ApplicationState[] = ['approved', 'rejected'];

// ---- Login, session, password ----------------------------------------------------------------

/**
 * Staff roles: `staff` are the legal-aid staff (they decide applications), `lawyer` takes video
 * consultations, `notary` handles notarization (later), `admin` manages accounts.
 */
export const STAFF_ROLE_NAMES = ['staff', 'lawyer', 'notary', 'mediator', 'admin'] as const;
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

/** Longest search text GET /applications accepts (`q`). */
export const APPLICATION_SEARCH_MAX = 40;

/**
 * GET /applications query. All optional and combined with AND; an invalid `q` or `date` is a 400.
 * - `q`: a receipt number's beginning (case-insensitive, e.g. `FY2611`) or a part of the applicant's name.
 * - `date`: the day it was submitted on the terminal, a China date `YYYY-MM-DD`.
 */
export interface ApplicationListQuery {
  state?: ApplicationState;
  kind?: SubmissionKind;
  q?: string;
  date?: string;
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
  details?: StatusDetails;
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
  details?: StatusDetails;
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
  /** The current state's delivery, schedule or note. */
  details?: StatusDetails;
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
  /** rejected / notMediated: the reason, required. */
  reason?: string;
  /** certificateIssued: the delivery; scheduled: when and where; mediated: the agreement note (required). */
  delivery?: CertificateDelivery;
  schedule?: { at: string; place: string };
  note?: string;
}

/** Why a status change was refused (409). */
export type StatusChangeProblem =
  | 'notAllowed'
  | 'missingMaterialsRequired'
  | 'alreadyNotified'
  | 'reasonRequired'
  | 'deliveryRequired'
  | 'scheduleRequired'
  | 'noteRequired'
  // The role may read this application but not decide it (another desk's kind).
  | 'wrongDesk'
  // Someone else changed the application first (compare-and-set).
  | 'stateChanged';

// ---- Accounts (administrators only) ----------------------------------------------------------

/** One staff account as GET /accounts lists it (never its password hash). */
export interface StaffAccountInfo {
  name: string;
  role: StaffRoleName;
  /** The county (6-digit code) whose consultation queue the account serves; absent: the province. */
  county?: string;
  /** The name the villager sees and hears for this lawyer (the login name when none was set). */
  displayName: string;
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
  /** A county the centre serves (`counties` in its configuration); absent: the province. */
  county?: string;
  /** The name shown to villagers (1–20 characters, e.g. 王芳); absent: the login name. */
  displayName?: string;
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

/** PUT /accounts/:name/county; null: the province. Takes effect at the account's next signalling hello. */
export interface StaffCountyChangeRequest {
  county: string | null;
}

// ---- Fleet health (admin and staff; issue 14 item 3) -----------------------------------------

/**
 * What needs a technician: `neverSeen` (configured, no heartbeat yet), `silent` (no heartbeat for
 * `silentAfterSec`: agent stopped, terminal off or cut off), `paperOut`/`paperLow`, `printerError`,
 * `readerError` (ID card reader not usable), `outboxGrowing` (more waiting than at the previous
 * heartbeat, or the oldest waiting over 15 min), `clockSkew` (|offset| > 2 min), `diskLow` (< 1 GiB).
 */
export const FLEET_FLAGS = [
  'neverSeen',
  'silent',
  'paperOut',
  'paperLow',
  'printerError',
  'readerError',
  'outboxGrowing',
  'clockSkew',
  'diskLow',
] as const;
export type FleetFlag = (typeof FLEET_FLAGS)[number];

/** One terminal on the fleet page. The heartbeat is the terminal's last one (counts and states only). */
export interface FleetTerminal {
  id: string;
  /** From the centre's configuration. */
  name: string;
  regionCode?: string;
  /** Centre time of the last heartbeat; null: never. */
  lastSeenAt: string | null;
  silentSec: number | null;
  flags: FleetFlag[];
  heartbeat?: Omit<TerminalHeartbeat, 'readiness'>;
  /** The last readiness report the terminal sent, and when it arrived. */
  readiness?: HeartbeatReadiness & { receivedAt: string };
  /** A staff member asked for a readiness report that has not arrived yet. */
  readinessRequestedAt?: string;
}

/** GET /fleet (admin and staff roles). */
export interface FleetList {
  generatedAt: string;
  silentAfterSec: number;
  terminals: FleetTerminal[];
}

/** POST /fleet/:terminalId/readiness: the next heartbeat's answer asks for the report. */
export interface FleetReadinessRequested {
  requestedAt: string;
}

// ---- Satisfaction (好差评, issue 16 item 4) -----------------------------------------------------

/** Services a rating names (content/schemas/submission-rating.schema.json). */
export type RatedServiceName = 'consultation' | 'legalAid' | 'notarization' | 'mediation' | 'homeVisit' | 'kiosk';

/** Rating counts of one service (on one terminal, or over all of them). Counts only, no person. */
export interface SatisfactionCounts {
  service: RatedServiceName;
  /** counts[0] how many 很不满意 (1) … counts[4] how many 很满意 (5). */
  counts: [number, number, number, number, number];
  total: number;
  /** Mean score 1–5, one decimal. */
  average: number;
}

/** Answer of GET /satisfaction (staff, admin): per terminal and service, and per service overall. */
export interface SatisfactionTable {
  byTerminal: Array<SatisfactionCounts & { terminalId: string }>;
  byService: SatisfactionCounts[];
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
