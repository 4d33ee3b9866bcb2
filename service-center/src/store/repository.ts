// Storage behind one interface (DESIGN §8): SQLite for a county (embedded, the default), PostgreSQL
// when a province runs one centre for all counties. Every method is async so either fits.

import type { IntakeAccepted, IntakeStatusChange, IntakeSubmission } from '@kiosk/contract/intake-api';
import type { SubmissionKind, SubmissionState } from '@kiosk/contract/kiosk-api';
import type { CallNote, CallRecord, HangupReason } from '@kiosk/contract/signalling-api';

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
}

export interface ApplicationDetail extends ApplicationSummary {
  data: Record<string, unknown>;
  documents: DocumentInfo[];
  history: StatusHistoryEntry[];
  missingMaterials?: string[];
  reason?: string;
}

export interface StatusChangeInput {
  state: SubmissionState;
  missingMaterials?: string[];
  reason?: string;
  by: string;
  at: string;
}

/** `lawyer` takes video consultations; `admin` may too. Accounts created before roles are `staff`. */
export const STAFF_ROLES = ['staff', 'lawyer', 'admin'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

export interface StaffAccount {
  name: string;
  passwordHash: string;
  mustChange: boolean;
  role: StaffRole;
  createdAt: string;
  updatedAt: string;
}

export interface ListFilter {
  state?: SubmissionState;
  limit?: number;
  offset?: number;
}

export interface CenterRepository {
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
  /** Records the change and a status event for the terminal's pull; undefined when unknown. */
  changeStatus(centerId: string, change: StatusChangeInput): Promise<ApplicationDetail | undefined>;
  /** Status events of one terminal's submissions after `since` (a sequence number), oldest first. */
  statusChanges(
    terminalId: string,
    since: number,
    limit: number,
  ): Promise<{ changes: IntakeStatusChange[]; last: number; more: boolean }>;

  countStaff(): Promise<number>;
  getStaff(name: string): Promise<StaffAccount | undefined>;
  /** Creates or replaces the account's password; `role` when given (new accounts default to `staff`). */
  putStaff(account: {
    name: string;
    passwordHash: string;
    mustChange: boolean;
    at: string;
    role?: StaffRole;
  }): Promise<void>;

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
  /** The villager's rating from her kiosk's outbox; only for a call of that kiosk. */
  rateCall(
    callId: string,
    kioskId: string,
    rating: NonNullable<CallRecord['rating']>,
    receiptNo: string,
  ): Promise<boolean>;
}

export interface NewCall {
  callId: string;
  kioskId: string;
  terminalName?: string;
  lawyerId: string;
  topic: CallRecord['topic'];
  consent: boolean;
  startedAt: string;
}
