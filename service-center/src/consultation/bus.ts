import type {
  CallKind,
  ConsultationTopic,
  HangupReason,
  ServerMessage,
  SignallingRole,
} from '@kiosk/contract/signalling-api';
import type { StaffSideRole } from './calls.js';
import type { StaffCounties } from './county-view.js';

/** One waiting kiosk as every process sees it (the shared queue's row). */
export interface SharedQueueRow {
  kioskId: string;
  ticket: string;
  /** Her terminal's county: she is offered to that county's lawyers and to province staff. */
  county: string;
  topic: ConsultationTopic;
  consent: boolean;
  terminalName?: string;
  callerName?: string;
  enqueuedAt: number;
  state: 'waiting' | 'held' | 'away';
}

/** A kiosk waiting for its notary interview as every process sees it (the shared list's row). */
export interface SharedInterviewRow {
  kioskId: string;
  receiptNo: string;
  matter?: string;
  bookedAt?: string;
  terminalName?: string;
  consent: boolean;
  /** When she joined (epoch ms). */
  since: number;
  state: 'waiting' | 'held' | 'away';
}

/** A call as announced to the other processes (they keep a copy to relay its signals). */
export interface CallAnnouncement {
  callId: string;
  kind: CallKind;
  staffRole: StaffSideRole;
  receiptNo?: string;
  topic: ConsultationTopic;
  consent: boolean;
  terminalName?: string;
  callerName?: string;
  lawyerName?: string;
  startedAt: number;
  kioskId: string;
  lawyerId: string;
  /** The lawyer's county (undefined: province staff), for the lawyers-online counts. */
  staffCounty?: string;
  /** Whether each side's socket is attached somewhere (absent: yes). */
  kioskConnected?: boolean;
  staffConnected?: boolean;
}

/** What another process (or the shared state) tells this one. */
export type BusEvent =
  /** The shared queue or the staff presence changed: `queue()` and `staffOnline()` are fresh. */
  | { kind: 'changed' }
  | { kind: 'call-started'; call: CallAnnouncement }
  /**
   * Each process tells the parties it holds, except the one that hung up (`by`); `lost`: the side
   * whose grace period ran out (a lost lawyer puts the kiosk first when she queues again).
   */
  | { kind: 'call-ended'; callId: string; reason: HangupReason; by?: SignallingRole; lost?: SignallingRole }
  /**
   * A party's socket of a call was lost, or attached (a resume, maybe on another process than the
   * one that lost it, whose grace timer then stops; or the answer to an announcement of a call this
   * process holds a party of).
   */
  | { kind: 'call-side'; callId: string; role: SignallingRole; connected: boolean }
  /** A process started: the others announce the calls they know (so it neither ends nor forgets them). */
  | { kind: 'sync' }
  /** A client said hello on another process: an older socket of the same identity here is superseded. */
  | { kind: 'session'; role: SignallingRole; id: string }
  /** A message for a session this process may hold. */
  | { kind: 'deliver'; role: SignallingRole; id: string; message: ServerMessage };

/**
 * The consultation state shared by several centre processes on one database (issue 14 item 2): the
 * queue and staff presence in tables, calls and messages for another process's sockets by notification.
 * A centre without one (SQLite, one process) keeps all of it in the hub's memory.
 */
export interface ConsultationBus {
  /** Listens; events from other processes (and `changed` after this one's writes) go to `onEvent`, in order. */
  start(onEvent: (event: BusEvent) => void): Promise<void>;
  stop(): Promise<void>;
  /** The next ticket (Q001…Q999, shared by every process). */
  nextTicket(): Promise<string>;
  /** Adds or updates this process's waiting kiosk. */
  queuePut(row: SharedQueueRow): void;
  /** Updates a kiosk's state only if it is still in the queue (a claimed one is not brought back). */
  queueState(kioskId: string, state: SharedQueueRow['state']): void;
  queueRemove(kioskId: string): void;
  /** Adds or updates this process's kiosk waiting for her notary interview. */
  interviewPut(row: SharedInterviewRow): void;
  /** Updates her state only if she is still listed by this process. */
  interviewState(kioskId: string, state: SharedInterviewRow['state']): void;
  interviewRemove(kioskId: string): void;
  /** Takes this kiosk's interview if she still waits with this receipt number, atomically. */
  claimInterview(kioskId: string, receiptNo: string): Promise<SharedInterviewRow | undefined>;
  /** Kiosks waiting for an interview on any live process, as of the last `changed`. */
  interviews(): readonly SharedInterviewRow[];
  /**
   * Takes the oldest waiting kiosk of any process (of these counties; undefined: any), atomically;
   * undefined when none waits.
   */
  claimNext(counties?: readonly string[]): Promise<SharedQueueRow | undefined>;
  /** This process's staff who are online, with their county (replaces what it said before). */
  presence(staff: ReadonlyArray<{ role: StaffSideRole; id: string; county: string | undefined }>): void;
  /** Re-reads the queue and presence now (before a decision that depends on them). */
  refresh(): Promise<void>;
  /** Resolves once the events received so far are handled (before deciding a call is unknown). */
  settled(): Promise<void>;
  /** The shared queue, oldest first, as of the last `changed`. */
  queue(): readonly SharedQueueRow[];
  /** Staff online in any live process with their county (undefined: province), as of the last `changed`. */
  staffOnline(role: StaffSideRole): StaffCounties;
  /** Tells the others (after this process's pending writes); `changed` also comes back here. */
  publish(event: BusEvent): void;
}
