// Video consultation (视频咨询) signalling between the kiosk, the service-center and the lawyer's
// console (reference/video-consultation.md §3). One WebSocket per client at `SIGNALLING_PATH`, JSON
// messages with a `type`. Media goes browser to browser; the centre only queues, matches and relays.

export const SIGNALLING_PATH = '/api/v1/signalling';

/** Kiosk tokens are minted by the device agent from its terminal credential (the page never sees it). */
export const KIOSK_SIGNALLING_TOKEN_PATH = '/api/v1/consultation/token';
/** The centre's endpoint the agent calls (Bearer center.token) to get a kiosk token. */
export const INTAKE_SIGNALLING_TOKEN_PATH = '/api/v1/intake/signalling-token';
/** Lawyer (and notary) tokens come from the staff login session. */
export const STAFF_SIGNALLING_TOKEN_PATH = '/api/v1/staff/signalling-token';

/**
 * Lawyers take consultations from the queue; notaries take notarization interviews (issue 12): a notary
 * never sees the consultation queue and a lawyer never sees the interviews.
 */
export type SignallingRole = 'kiosk' | 'lawyer' | 'notary';
/** What a call is: a 视频咨询 with a lawyer, or a notary's video interview of a notarization request. */
export type CallKind = 'consultation' | 'interview';

/** Consultation topics shown as picture buttons on the kiosk (labels in content/i18n). */
export const CONSULTATION_TOPICS = ['wages', 'land', 'family', 'loan', 'traffic', 'other'] as const;
export type ConsultationTopic = (typeof CONSULTATION_TOPICS)[number];

export type HangupReason =
  'hangup' | 'peer-timeout' | 'superseded' | 'unknown-call' | 'network' | 'resume-rejected' | 'visit-ended';

export type LawyerPresence = 'online' | 'in-call' | 'away';

/**
 * A county (行政区划代码, 6 digits). A province-run centre keeps one consultation queue per county: a
 * kiosk queues in its terminal's county, a county lawyer serves that county's queue, and province
 * staff (an account without a county) see every county and may take from any.
 */
export const COUNTY_CODE_PATTERN = '^[0-9]{6}$';

export interface IceServer {
  urls: string[];
  username?: string;
  credential?: string;
}

/**
 * What a kiosk or staff token endpoint answers. `expiresAt` in ISO; the token is opaque to clients.
 * Fetch a fresh one before every (re)connect: a resume after a long call needs an unexpired token.
 * Staff tokens need the `lawyer`, `notary` or `admin` role (403 `forbidden` otherwise); a notary's
 * token has the role `notary`, the others `lawyer`.
 */
export interface SignallingToken {
  token: string;
  id: string;
  role: SignallingRole;
  expiresAt: string;
  /** Where to open the WebSocket (ws:// or wss://, ends with SIGNALLING_PATH). */
  url: string;
}

// ---- client → server ----
export interface HelloMessage {
  type: 'hello';
  role: SignallingRole;
  id: string;
  token: string;
  resume?: { callId: string; peerId: string };
}
export interface EnqueueMessage {
  type: 'enqueue';
  topic: ConsultationTopic;
  /** The terminal's display name (from its configuration), shown to the lawyer. */
  terminalName?: string;
  /** Only with the villager's spoken consent: her name from the ID card, for the lawyer. */
  callerName?: string;
  /** True when she consented to video (the spoken consent screen). */
  consent: boolean;
}
export interface LeaveQueueMessage {
  type: 'leave-queue';
}
export interface TakeNextMessage {
  type: 'take-next';
  /**
   * Province staff: the oldest caller of this county (to help an overloaded one); absent: the oldest
   * of every county. A county lawyer may name only her own county (`error{forbidden}` otherwise).
   */
  county?: string;
}
/**
 * A kiosk waits for its booked notary interview, named by the receipt number of a notarization request
 * this terminal submitted (the centre must have it). Answered with `queued` (ticket = the receipt
 * number, lawyersOnline = notaries online) and, after the queue timeout, `no-answer{timeout}`;
 * `leave-queue` leaves. Unknown receipt: `error{notInQueue, detail:'unknownReceipt'}`.
 */
export interface JoinInterviewMessage {
  type: 'join-interview';
  receiptNo: string;
  terminalName?: string;
  /** She agreed to the video interview (spoken consent). */
  consent: boolean;
}
/** A notary starts the interview of a waiting kiosk. */
export interface TakeInterviewMessage {
  type: 'take-interview';
  receiptNo: string;
  kioskId: string;
}
export interface PresenceMessage {
  type: 'presence';
  presence: Exclude<LawyerPresence, 'in-call'>;
}
export type SignalData =
  { sdp: { type: 'offer' | 'answer'; sdp: string } } | { candidate: unknown } | { restart: true };
export interface SignalMessage {
  type: 'signal';
  callId: string;
  data: SignalData;
}
export interface HangupMessage {
  type: 'hangup';
  callId: string;
  reason: HangupReason;
}

export type ClientMessage =
  | HelloMessage
  | EnqueueMessage
  | LeaveQueueMessage
  | TakeNextMessage
  | JoinInterviewMessage
  | TakeInterviewMessage
  | PresenceMessage
  | SignalMessage
  | HangupMessage;

// ---- server → client ----
export interface WelcomeMessage {
  type: 'welcome';
  iceServers: IceServer[];
  iceTransportPolicy: 'all' | 'relay';
  resumed: boolean;
  callId?: string;
  lawyersOnline: number;
}
export interface QueuedMessage {
  type: 'queued';
  ticket: string;
  position: number;
  /** Honest estimate in seconds (average recent call length × people ahead ÷ lawyers online); absent when unknown. */
  estimatedWaitS?: number;
  lawyersOnline: number;
}
export interface NoAnswerMessage {
  type: 'no-answer';
  hotline: string;
  reason: 'no-lawyer-online' | 'timeout';
  /** With `timeout`: the ticket is kept; the kiosk may send `enqueue` again to keep waiting at the same place. */
  ticket?: string;
}
export interface QueueEntry {
  ticket: string;
  kioskId: string;
  terminalName?: string;
  topic: ConsultationTopic;
  waitingS: number;
  /** Her place in her county's queue. */
  position: number;
  /** `waiting`: offered to take-next; `held`: timed out, place kept; `away`: her socket dropped (grace period). */
  state?: 'waiting' | 'held' | 'away';
  /** Her terminal's county. */
  county?: string;
}
/** One county's queue at a glance, for province staff. */
export interface CountyQueueSummary {
  county: string;
  /** The county's name from the centre's configuration. */
  name?: string;
  /** Callers offered to take-next now. */
  waiting: number;
  /** How long the longest-waiting of them has waited (s); 0 when none. */
  longestWaitS: number;
  /** The county's own lawyers online or in a call (province staff are not counted here). */
  lawyersOnline: number;
}
/**
 * To lawyers, on each change and on hello: the callers she may take (her county's; every county's
 * for province staff) and the lawyers who can take them (her county's own plus province staff).
 */
export interface QueueMessage {
  type: 'queue';
  queue: QueueEntry[];
  lawyersOnline: number;
  /** Her county; absent: province staff. */
  county?: string;
  /** Province staff of a centre with more than one county: every county's queue and lawyers. */
  counties?: CountyQueueSummary[];
}
export interface QueueEmptyMessage {
  type: 'queue-empty';
}
/** One kiosk waiting for its notary interview. */
export interface InterviewWaiting {
  kioskId: string;
  terminalName?: string;
  receiptNo: string;
  /** The request's matter id (catalogue), when known at the centre. */
  matter?: string;
  /** The booked slot's start (ISO), when the request booked one. */
  bookedAt?: string;
  waitingS: number;
  state: 'waiting' | 'held' | 'away';
}
/** To notaries, on each change and on hello: who waits for an interview. */
export interface InterviewsMessage {
  type: 'interviews';
  waiting: InterviewWaiting[];
  notariesOnline: number;
}
export interface MatchedMessage {
  type: 'matched';
  callId: string;
  role: 'offerer' | 'answerer';
  peer:
    | { lawyerId: string; lawyerName?: string }
    | {
        kioskId: string;
        topic: ConsultationTopic;
        terminalName?: string;
        callerName?: string;
        kind?: CallKind;
        receiptNo?: string;
      };
  iceServers: IceServer[];
  iceTransportPolicy: 'all' | 'relay';
}
export interface PeerLostMessage {
  type: 'peer-lost';
  callId: string;
}
export interface PeerReconnectedMessage {
  type: 'peer-reconnected';
  callId: string;
}
/**
 * To the kiosk of a consultation that ended, when its lawyer saves the note (`POST …/calls/:callId/note`):
 * `forCaller` is the text she wrote for the villager, printed on her summary slip; absent: none was
 * written (the kiosk stops waiting for one). Only that call's kiosk gets it.
 */
export interface NoteForCallerMessage {
  type: 'note-for-caller';
  callId: string;
  forCaller?: string;
}
export interface ErrorMessage {
  type: 'error';
  error: 'unauthorized' | 'forbidden' | 'badMessage' | 'notInQueue';
  detail?: string;
}

export type ServerMessage =
  | WelcomeMessage
  | QueuedMessage
  | NoAnswerMessage
  | QueueMessage
  | QueueEmptyMessage
  | InterviewsMessage
  | MatchedMessage
  | SignalMessage
  | HangupMessage
  | PeerLostMessage
  | PeerReconnectedMessage
  | NoteForCallerMessage
  | ErrorMessage;

/** WebSocket close codes the centre uses. */
export const CLOSE_UNAUTHORIZED = 4001;
export const CLOSE_SUPERSEDED = 4002;

// ---- call records (staff API) ----
export type CallOutcomeReferral = 'none' | 'legalAid' | 'notarization' | 'mediation';
export interface CallNote {
  topic: ConsultationTopic;
  advice: string;
  referral: CallOutcomeReferral;
  /** Optional text the lawyer wrote for the villager: printed on her summary slip. */
  forCaller?: string;
}
export interface CallRecord {
  callId: string;
  kioskId: string;
  terminalName?: string;
  lawyerId: string;
  lawyerName?: string;
  topic: ConsultationTopic;
  consent: boolean;
  startedAt: string;
  endedAt?: string;
  durationS?: number;
  endReason?: HangupReason;
  note?: CallNote;
  rating?: 1 | 2 | 3 | 4 | 5;
  /** `interview` for a notary's interview (then `lawyerId` is the notary); absent: a consultation. */
  kind?: CallKind;
  /** The notarization request's receipt number, for an interview. */
  receiptNo?: string;
}

/**
 * `GET STAFF_CALLS_PATH` → `CallList` (a lawyer sees her own calls, an admin all; newest first);
 * `POST STAFF_CALLS_PATH/:callId/note` with a `CallNote` (the call's lawyer only) → the `CallRecord`.
 */
export const STAFF_CALLS_PATH = '/api/v1/staff/calls';
export interface CallList {
  items: CallRecord[];
}

/** GET /healthz of the signalling service (also inside the centre's `GET /healthz`). */
export interface SignallingHealth {
  ok: boolean;
  queue: number;
  calls: number;
  lawyers: number;
}
