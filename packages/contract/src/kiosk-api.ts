// The kiosk API contract (DESIGN §5). Written once here; kiosk-ui imports it with `import type` only.

export const SERVICE_NAMES = ['idcard', 'printer', 'camera'] as const;
export type ServiceName = (typeof SERVICE_NAMES)[number];

/** Device commands each service offers (besides the common.* ones). */
export const DEVICE_COMMANDS: Record<ServiceName, readonly string[]> = {
  idcard: ['read'],
  printer: ['printForm', 'printRaw', 'reprint'],
  camera: [],
};

export type DeviceState =
  'starting' | 'online' | 'deviceBusy' | 'offline' | 'powerOff' | 'noDevice' | 'hardwareError' | 'userError';

export type MediaState = 'present' | 'notPresent' | 'unknown';
export type PaperState = 'full' | 'low' | 'out' | 'jammed' | 'unknown';

/** XFS ErrorEvent actions; the admin page turns them into instructions. */
export type OperatorAction = 'reset' | 'softwareError' | 'configuration' | 'clear' | 'maintenance' | 'suspend';

export interface LastError {
  eventId: string;
  action: OperatorAction;
  description: string;
}

export interface ConnectionInfo {
  transport: string;
  path?: string;
  since?: string;
  reconnects: number;
}

export interface ServiceStatusBase {
  device: DeviceState;
  lastError?: LastError;
  connection?: ConnectionInfo;
}

export interface IdCardStatus extends ServiceStatusBase {
  media: MediaState;
}

export interface PrinterStatus extends ServiceStatusBase {
  paper: PaperState;
  coverOpen?: boolean | 'unknown';
  /** True when the transport can read status bytes back (usblp often cannot). */
  bidirectional?: boolean;
  /** Receipts kept after a paper-out, waiting for a reprint. */
  heldJobs?: number;
}

export interface CameraStatus extends ServiceStatusBase {
  /** Whether a video device node exists; `unknown` where the agent cannot tell. */
  presence: MediaState;
  /** Video device nodes seen, e.g. ["/dev/video0"]; empty when none. */
  nodes?: string[];
}

export interface ServiceStatusMap {
  idcard: IdCardStatus;
  printer: PrinterStatus;
  camera: CameraStatus;
}

export interface ConfigErrorItem {
  /** JSON path of the offending value, e.g. "/devices/printer/paperWidthMm". */
  path: string;
  message: string;
}

export interface VoiceStatus {
  available: boolean;
  engine: 'espeak-ng' | 'recorded-only' | 'none';
}

/** The store-and-forward outbox to the centre (DESIGN §8: a submission never depends on the centre). */
export interface OutboxStatus {
  /** Submissions stored here, not yet acknowledged by the centre. */
  pending: number;
  /** False while the forwarder's last attempt could not reach the centre (submissions stay stored). */
  centreReachable: boolean;
  /** When the oldest submission still waiting was stored (absent when none waits). */
  oldestPendingAt?: string;
  /** When the centre last acknowledged a submission (absent: never). */
  lastForwardAt?: string;
}

export interface AgentStatusDocument {
  agent: {
    version: string;
    uptimeSec: number;
    seq: number;
    configState: 'ok' | 'error';
    terminal?: { id: string; name: string };
    voice?: VoiceStatus;
    /** Present when the outbox runs; the kiosk's first screens and the admin board show it. */
    outbox?: OutboxStatus;
  };
  services: ServiceStatusMap;
  /** Present (non-empty) only in the configuration error state. */
  configErrors?: ConfigErrorItem[];
}

export type CompletionCode =
  | 'success'
  | 'commandErrorCode'
  | 'canceled'
  | 'timeOut'
  | 'deviceNotReady'
  | 'hardwareError'
  | 'internalError'
  | 'invalidData'
  | 'userError'
  | 'sequenceError';

export type PrinterErrorCode = 'paperOut' | 'paperJammed' | 'coverOpen' | 'cutterError';
export type IdCardErrorCode = 'noMedia' | 'invalidMedia' | 'readFailed' | 'samError';

export type AckStatus =
  | null
  | 'invalidMessage'
  | 'invalidRequestId'
  | 'invalidData'
  | 'unsupportedCommand'
  | 'tooManyRequests'
  | 'notAuthorized';

export type MessageType = 'command' | 'ack' | 'event' | 'completion' | 'unsolicited';

export interface CommandHeader {
  type: 'command';
  name: string;
  requestId: number;
  /**
   * Counts from acceptance, queue time included; above the command's maximum it is the maximum.
   * `0` means no timeout (still cancellable) on the WebSocket. Over blocking HTTP
   * (`POST …/commands/:command`) `0` means the command's maximum, and nothing waits longer than
   * 120 s, so held requests cannot keep a device queue full.
   */
  timeoutMs?: number;
}

export interface AckHeader {
  type: 'ack';
  name: string;
  requestId: number;
  status: AckStatus;
  errorDescription?: string;
}

export interface EventHeader {
  type: 'event';
  name: string;
  requestId: number;
}

export interface CompletionHeader {
  type: 'completion';
  name: string;
  requestId: number;
  completionCode: CompletionCode;
  errorDescription?: string;
}

export interface UnsolicitedHeader {
  type: 'unsolicited';
  name: string;
  seq: number;
}

export interface Envelope<H, P = unknown> {
  header: H;
  payload: P;
}

export type CommandMessage<P = unknown> = Envelope<CommandHeader, P>;
export type AckMessage = Envelope<AckHeader, Record<string, never>>;
export type EventMessage<P = unknown> = Envelope<EventHeader, P>;
export type CompletionMessage<P = unknown> = Envelope<CompletionHeader, P>;
export type UnsolicitedMessage<P = unknown> = Envelope<UnsolicitedHeader, P>;
export type ServerMessage = AckMessage | EventMessage | CompletionMessage | UnsolicitedMessage;

export interface StatusChangedPayload<S extends ServiceName = ServiceName> {
  service: S;
  status: ServiceStatusMap[S];
  changed: string[];
}

export interface ErrorEventPayload extends LastError {
  service: ServiceName;
}

// ---- Command payloads and results ------------------------------------------------------------

export type CardType = 'resident' | 'hkMacaoTaiwan' | 'foreignPermanent2017' | 'foreignPermanent2023';

/** Fields decoded from the card's text block; which are present depends on the card type. */
export interface IdCardFields {
  cardType: CardType;
  name: string;
  /** Foreign permanent resident cards carry an English name. */
  englishName?: string;
  gender: string;
  genderCode: string;
  ethnicity?: string;
  ethnicityCode?: string;
  /** ISO 3166 alpha-3 for foreign cards. */
  nationality?: string;
  birthDate: string;
  address?: string;
  idNumber: string;
  idNumberValid: boolean;
  issuingAuthority: string;
  validFrom: string;
  /** ISO date or "长期". */
  validUntil: string;
  passNumber?: string;
  issueCount?: string;
  /** 2017 foreign permanent resident card version. */
  cardVersion?: string;
  /** True when validUntil is a date before today ("长期" never expires); the flow decides what to do. */
  expired?: boolean;
  /** Raw WLT bytes; `decoded` only when a WLT decoder plugin is configured (the UI must not need it). */
  photo?: { format: 'wlt'; base64: string; decoded?: { mimeType: 'image/bmp' | 'image/png'; base64: string } };
}

export interface PrintFormPayload {
  form: string;
  fields: Record<string, unknown>;
  /**
   * Optional 1-bit images the UI rendered (canvas) for text the printer cannot print as text
   * (rare name characters such as 𠮷), keyed by that exact text: a row value or a whole line.
   * Rows: ceil(width/8) bytes, MSB leftmost, 1 = black; base64.
   */
  textImages?: Record<string, { width: number; height: number; data: string }>;
}

export interface PrintFormResult {
  /** Characters that could not be printed as text and were substituted or rasterised. */
  unsupported?: string[];
  /** Id of the kept job when it completed with paperOut/coverOpen (for a later reprint). */
  heldJobId?: string;
  errorCode?: PrinterErrorCode;
  /** The subset of `unsupported` printed as □ because no text image was supplied. */
  placeholders?: string[];
}

export interface CommandMap {
  'idcard.read': { payload: Record<string, never>; result: IdCardFields | { errorCode: IdCardErrorCode } };
  'printer.printForm': { payload: PrintFormPayload; result: PrintFormResult };
  'common.status': { payload: { service?: ServiceName }; result: AgentStatusDocument | ServiceStatusMap[ServiceName] };
  'common.cancel': { payload: { requestIds?: number[] }; result: Record<string, never> };
  'common.reset': { payload: { service: ServiceName }; result: Record<string, never> };
}

export type CommandName = keyof CommandMap;

// ---- Submissions (outbox) --------------------------------------------------------------------

/**
 * `mediation` 人民调解 application; `homeVisit` 绿色通道 预约/上门 booking made for someone who cannot come;
 * `callback` a consultation call-back; `rating` a satisfaction rating.
 */
export type SubmissionKind = 'legalAid' | 'notarization' | 'mediation' | 'homeVisit' | 'callback' | 'rating';

/** Answer of POST /api/v1/submissions: stored durably in the outbox before this answer. */
export interface SubmissionAccepted {
  receiptNo: string;
  storedAt: string;
  /** False while the centre has not acknowledged yet ("已提交，待上传"). */
  uploaded: boolean;
}

export type SubmissionState =
  | 'pendingUpload' // stored on the terminal, not yet at the centre
  | 'received' // at the centre, not yet handled
  | 'accepted' // 受理
  | 'needMaterials' // 补充材料 (一次性告知)
  | 'approved' // 准予 (legal aid, notarization); 已上门服务 (home visit)
  | 'rejected' // 不予 / 不予受理 / 婉拒 (with a reason)
  | 'certificateIssued' // 公证书已出具 (notarization, with how it is delivered)
  | 'partyContacted' // 已联系对方当事人 (mediation)
  | 'calledBack' // 已回电 (home visit)
  | 'scheduled' // 已安排: a mediation session or a home visit (when and where)
  | 'mediated' // 调解成功 (with an agreement note)
  | 'notMediated'; // 调解未达成

/** How a notarial certificate reaches the applicant. */
export const CERTIFICATE_DELIVERIES = ['post', 'village', 'office'] as const;
export type CertificateDelivery = (typeof CERTIFICATE_DELIVERIES)[number];

/** What a status carries beyond the state, for the villager (查询进度, the receipt of a status). */
export interface StatusDetails {
  /** certificateIssued: 邮寄 / 到村领取 / 到公证处领取. */
  delivery?: CertificateDelivery;
  /** scheduled: when (ISO date-time) and where the session or visit takes place. */
  schedule?: { at: string; place: string };
  /** A short note from staff for her (the agreement reached, what to bring …). */
  note?: string;
}

/**
 * GET /api/v1/submissions/:receiptNo?idLast4=XXXX → 200 SubmissionStatus; 404 (one body) for an
 * unknown receipt and for an idLast4 that does not match alike; 429 after five failures in a visit
 * (until the visit ends). Never contains the name or ID number.
 */
export interface SubmissionStatus {
  receiptNo: string;
  kind: SubmissionKind;
  state: SubmissionState;
  submittedAt: string;
  updatedAt: string;
  /** Art. 43: decision due (ISO date) for legal aid. */
  decisionDueBy?: string;
  /** needMaterials: the one-time list of what is missing. */
  missingMaterials?: string[];
  /** rejected: the reason given by the centre. */
  reason?: string;
  /** certificateIssued / scheduled / mediated: delivery, time and place, note. */
  details?: StatusDetails;
  /** False while the centre has not acknowledged yet ("已提交，待上传"). */
  uploaded?: boolean;
}

/**
 * GET /api/v1/submissions/mine → 200 MySubmissions: 查询进度 by ID card (issue 15 item 6). Lists this
 * terminal's submissions of the card the reader delivered in the current visit (never a typed ID
 * number), newest first; 403 `cardRequired` when no card was read in this visit.
 */
export interface MySubmissions {
  submissions: SubmissionStatus[];
}

/** GET /api/v1/ui-config: only what the kiosk pages need from the terminal's configuration (no tokens). */
export interface UiConfig {
  ui: {
    locale: 'zh-CN';
    idleWarningSeconds: number;
    idleCountdownSeconds: number;
    voice: boolean;
    screen?: { diagonalInches: number; widthPx: number; heightPx: number };
  };
  hotline: { number: string };
  terminal: { name: string };
  county?: string;
}
