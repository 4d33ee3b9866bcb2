// Storage behind one interface (DESIGN §8): SQLite for a county (embedded, the default), PostgreSQL
// when a province runs one centre for all counties. Every method is async so either fits.

import type {
  HeartbeatReadiness,
  IntakeAccepted,
  IntakeStatusChange,
  IntakeSubmission,
  TerminalHeartbeat,
} from '@kiosk/contract/intake-api';
import type { StatusDetails, SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import type { CallNote, CallRecord, HangupReason } from '@kiosk/contract/signalling-api';
import { STAFF_ROLE_NAMES, type StaffRoleName } from '@kiosk/contract/staff-api';
import type { NotarySlotStore } from './notary-slot-store.js';

export interface NewIntake {
  terminalId: string;
  idempotencyKey: string;
  /** sha256 of the canonical request body: tells a replay from a conflicting reuse of the key. */
  bodyHash: string;
  submission: IntakeSubmission;
  receivedAt: string;
  decisionDueBy?: string;
}

export type IntakeResult =
  | { outcome: 'created'; accepted: IntakeAccepted }
  | { outcome: 'replay'; accepted: IntakeAccepted }
  | { outcome: 'conflict' };

export interface ApplicationSummary {
  centerId: string;
  terminalId: string;
  receiptNo: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submittedAt: string;
  receivedAt: string;
  updatedAt: string;
  decisionDueBy?: string;
  urgent: boolean;
  /** Matter code (legal aid) or matter id (notarization), when the kind has one. */
  matter?: string;
  applicantName?: string;
}

export interface DocumentInfo {
  role: 'photo' | 'signature';
  index: number;
  mime: string;
  label?: string;
  size: number;
}

export interface StatusHistoryEntry {
  state: SubmissionState;
  at: string;
  by?: string;
  missingMaterials?: string[];
  reason?: string;
  details?: StatusDetails;
}

/** One line of the audit log: every status change, who (and in which role) made it, from → to. */
export interface StatusAuditEntry {
  from: SubmissionState;
  to: SubmissionState;
  by: string;
  role: StaffRole;
  at: string;
  reason?: string;
  missingMaterials?: string[];
  details?: StatusDetails;
}

export interface ApplicationDetail extends ApplicationSummary {
  data: Record<string, unknown>;
  documents: DocumentInfo[];
  history: StatusHistoryEntry[];
  audit: StatusAuditEntry[];
  missingMaterials?: string[];
  reason?: string;
  details?: StatusDetails;
  /** Bumped by every status change: the compare-and-set token. */
  version: number;
}

export interface StatusChangeInput {
  state: SubmissionState;
  missingMaterials?: string[];
  reason?: string;
  /** Delivery, schedule or note of the new state (kept with it, sent to the terminal). */
  details?: StatusDetails;
  /** A decision date that starts with this change (notarization: 15 working days from acceptance, Art. 30). */
  decisionDueBy?: string;
  by: string;
  role: StaffRole;
  at: string;
  /** Compare-and-set: the change applies only while the application is still at this state and version. */
  expected: { state: SubmissionState; version: number };
}

export type StatusChangeResult =
  { outcome: 'changed'; detail: ApplicationDetail } | { outcome: 'conflict' } | { outcome: 'notFound' };

/**
 * `staff` are the legal-aid staff (they decide applications; accounts created before roles are
 * `staff`), `lawyer` takes video consultations, `notary` is for notarization (later), `admin`
 * manages accounts and reads everything.
 */
export const STAFF_ROLES = STAFF_ROLE_NAMES;
export type StaffRole = StaffRoleName;

/** A login limiter key (`address:…`, `account:…`) with its [max attempts, window ms] pairs. */
export interface LoginLimitKey {
  key: string;
  windows: ReadonlyArray<readonly [number, number]>;
}

/** A staff login as stored (see CenterRepository.putStaffSession); times in epoch milliseconds. */
export interface StoredStaffSession {
  key: string;
  name: string;
  csrfToken: string;
  mustChange: boolean;
  role: StaffRole;
  createdMs: number;
  lastSeenMs: number;
}

export interface StaffAccount {
  name: string;
  passwordHash: string;
  mustChange: boolean;
  role: StaffRole;
  /** The county (6-digit code) whose consultation queue a lawyer serves; absent: the province (all). */
  county?: string;
  /** The name the villager sees and hears (e.g. 王芳); absent: the login name. */
  displayName?: string;
  createdAt: string;
  updatedAt: string;
}

export interface ListFilter {
  state?: SubmissionState;
  /** Only these kinds (a desk sees its own); absent: all. */
  kinds?: readonly SubmissionKind[];
  /**
   * Search text (trimmed, non-empty, ≤ 40 characters): matches when the receipt number starts with it
   * (case-insensitive) OR the applicant's name (`data.applicant.name`) contains it. `%`, `_` and `\`
   * are plain characters, not patterns.
   */
  q?: string;
  /** Submitted on this China date (`YYYY-MM-DD`, UTC+8) — `submittedAt` is an ISO instant. */
  submittedOn?: string;
  limit?: number;
  offset?: number;
}

export interface CenterRepository {
  /** The notary office's interview slots and bookings; absent where the storage has none yet (503). */
  readonly notarySlots?: NotarySlotStore;
  migrate(): Promise<void>;
  close(): Promise<void>;

  /** Idempotent per (terminal, key): one row whatever the number of replays. */
  insertIntake(input: NewIntake): Promise<IntakeResult>;
  /** Several intakes in one transaction (one disk sync for a terminal's backlog). */
  insertIntakeMany(inputs: NewIntake[]): Promise<IntakeResult[]>;
  listApplications(filter: ListFilter): Promise<ApplicationSummary[]>;
  getApplication(centerId: string): Promise<ApplicationDetail | undefined>;
  getDocument(
    centerId: string,
    role: DocumentInfo['role'],
    index: number,
  ): Promise<{ mime: string; bytes: Buffer } | undefined>;
  /**
   * Compare-and-set inside one transaction: applies the change only if the application is still at
   * `change.expected`, then records a status event for the terminal's pull and an audit line.
   */
  changeStatus(centerId: string, change: StatusChangeInput): Promise<StatusChangeResult>;
  /** Status events of one terminal's submissions after `since` (a sequence number), oldest first. */
  statusChanges(
    terminalId: string,
    since: number,
    limit: number,
  ): Promise<{ changes: IntakeStatusChange[]; last: number; more: boolean }>;

  countStaff(): Promise<number>;
  getStaff(name: string): Promise<StaffAccount | undefined>;
  listStaff(): Promise<StaffAccount[]>;
  /** Sets an existing account's role; false when unknown. */
  setStaffRole(name: string, role: StaffRole, at: string): Promise<boolean>;
  /** Sets an existing account's county (null: the province); false when unknown. */
  setStaffCounty(name: string, county: string | null, at: string): Promise<boolean>;

  /**
   * Staff login limiter, atomically: when every key is under its limits, records one attempt for
   * each (it counts while in flight) and answers their ids; else how long to wait.
   */
  reserveLoginAttempt(
    keys: readonly LoginLimitKey[],
    nowMs: number,
  ): Promise<{ ok: true; ids: number[] } | { ok: false; retryAfterMs: number }>;
  /** A successful login: its reserved attempts do not count. */
  releaseLoginAttempt(ids: readonly number[]): Promise<void>;

  /**
   * Staff logins, kept in storage so that every centre process sharing it knows them (a login on one
   * process works on another). `key` is a hash of the cookie value, never the value itself.
   */
  putStaffSession(session: StoredStaffSession): Promise<void>;
  getStaffSession(key: string): Promise<StoredStaffSession | undefined>;
  touchStaffSession(key: string, lastSeenMs: number): Promise<void>;
  deleteStaffSession(key: string): Promise<void>;
  /** Ends every login of the account (password or role changed). */
  deleteStaffSessionsOf(name: string): Promise<void>;
  /** Forgets logins idle since before `idleBeforeMs` or created before `createdBeforeMs`. */
  pruneStaffSessions(idleBeforeMs: number, createdBeforeMs: number): Promise<void>;
  /** Creates the account unless the name is taken (then false, and nothing changes). */
  createStaff(account: {
    name: string;
    passwordHash: string;
    mustChange: boolean;
    at: string;
    role?: StaffRole;
    county?: string;
    displayName?: string;
  }): Promise<boolean>;
  /**
   * Creates or replaces the account's password; `role` when given (new accounts default to `staff`),
   * `county` when given (null: the province; absent: unchanged, and the province for a new account),
   * `displayName` when given (absent: unchanged).
   */
  putStaff(account: {
    name: string;
    passwordHash: string;
    mustChange: boolean;
    at: string;
    role?: StaffRole;
    county?: string | null;
    displayName?: string;
  }): Promise<void>;

  /**
   * Fleet health: replaces the terminal's last heartbeat (keeping the previous outbox depth); a
   * heartbeat with `readiness` stores the report and clears the request. Answers whether a
   * readiness report is (still) wanted from this terminal.
   */
  recordHeartbeat(
    terminalId: string,
    receivedAt: string,
    heartbeat: TerminalHeartbeat,
  ): Promise<{ sendReadiness: boolean }>;
  /** Every terminal that has sent a heartbeat or was asked for a report. */
  listTerminalHealth(): Promise<TerminalHealthRow[]>;
  /** A staff member wants this terminal's readiness report: its next heartbeat's answer asks for it. */
  requestReadiness(terminalId: string, at: string): Promise<void>;
  /** The county code (`regionCode`) of the terminal's last heartbeat, if it sent one with it. */
  terminalRegion(terminalId: string): Promise<string | undefined>;
  /** Applications with this receipt number (at most a few: numbers are unique per terminal). */
  findByReceiptNo(receiptNo: string): Promise<ApplicationDetail[]>;

  /** A call record at `matched` (reference/video-consultation.md §3): no media, no caller name. */
  startCall(call: NewCall): Promise<void>;
  /** Ends an open call (duration from its start); false when unknown or already ended. */
  endCall(callId: string, endedAt: string, reason: HangupReason): Promise<boolean>;
  getCall(callId: string): Promise<CallRecord | undefined>;
  /** Newest first. */
  listCalls(filter: { limit?: number; lawyerId?: string }): Promise<CallRecord[]>;
  /** Calls not ended: after a restart they may still be resumed. */
  openCalls(): Promise<CallRecord[]>;
  /** Durations in seconds of the last ended calls, newest first (for the queue's wait estimate). */
  recentCallDurations(limit: number): Promise<number[]>;
  setCallNote(callId: string, note: CallNote, at: string): Promise<boolean>;
  /**
   * 好差评 (counts only): one rating of a service from a terminal; a second call with the same
   * (terminal, receipt) changes nothing (replays count once).
   */
  recordRating(rating: NewRating): Promise<void>;
  /** Rating counts per terminal and service, each score 1–5 counted (ordered by terminal, service). */
  ratingCounts(): Promise<RatingCountRow[]>;
  /** The villager's rating from her kiosk's outbox; only for a call of that kiosk. */
  rateCall(
    callId: string,
    kioskId: string,
    rating: NonNullable<CallRecord['rating']>,
    receiptNo: string,
  ): Promise<boolean>;
}

/** A rating as the centre keeps it: no name, no phone, no call — the terminal, the service, the score. */
export interface NewRating {
  terminalId: string;
  receiptNo: string;
  service: RatedService;
  score: 1 | 2 | 3 | 4 | 5;
  receivedAt: string;
}

export const RATED_SERVICES = ['consultation', 'legalAid', 'notarization', 'mediation', 'homeVisit', 'kiosk'] as const;
export type RatedService = (typeof RATED_SERVICES)[number];

export interface RatingCountRow {
  terminalId: string;
  service: RatedService;
  /** counts[0] = how many 1 (很不满意) … counts[4] = how many 5 (很满意). */
  counts: [number, number, number, number, number];
}

/** A terminal's fleet-health row: its last heartbeat and readiness report (counts and states only). */
export interface TerminalHealthRow {
  terminalId: string;
  /** Centre time of the last heartbeat; absent when a report was requested before any heartbeat. */
  receivedAt?: string;
  heartbeat?: Omit<TerminalHeartbeat, 'readiness'>;
  /** Outbox depth in the heartbeat before the last one. */
  prevOutboxDepth?: number;
  readiness?: HeartbeatReadiness & { receivedAt: string };
  readinessRequestedAt?: string;
}

export interface NewCall {
  callId: string;
  kioskId: string;
  terminalName?: string;
  lawyerId: string;
  topic: CallRecord['topic'];
  consent: boolean;
  startedAt: string;
  /** `interview`: a notary's video interview of a notarization request (default `consultation`). */
  kind?: CallRecord['kind'];
  receiptNo?: string;
}
