// The admin API contract (DESIGN §6; `/admin/api` on `agent.host:agent.adminPort`). Written once
// here: the agent's admin routes type their answers with it and the admin pages (kiosk-ui/src/admin)
// import it with `import type`. Types and constant tables only.

import type {
  CardType,
  CompletionMessage,
  ConfigErrorItem,
  ConnectionInfo,
  DeviceState,
  LastError,
  MediaState,
  PaperState,
  ServiceName,
} from './kiosk-api.js';

export const ADMIN_API_PATH = '/admin/api';

// ---- Errors ----------------------------------------------------------------------------------

/** The body of a refused admin call (`error` is a code such as `badPassword`, `reauthRequired`). */
export interface AdminErrorBody {
  error: string;
  message?: string;
  /** invalidConfig: every error with its JSON path. */
  errors?: ConfigErrorItem[];
}

// ---- Setup, login, session, password ---------------------------------------------------------

/** GET /setup */
export interface SetupStatus {
  configured: boolean;
}

/** POST /setup: the one-time token the agent logged at first start, and the new password. */
export interface SetupRequest {
  setupToken: string;
  password: string;
}

export interface SetupAnswer {
  configured: true;
  loggedIn: true;
}

/** POST /login and POST /reauth */
export interface LoginRequest {
  password: string;
}

export interface LoginAnswer {
  loggedIn: true;
}

export interface LogoutAnswer {
  loggedIn: false;
}

/** GET /session */
export type SessionInfo =
  | { configured: boolean; loggedIn: false }
  | { configured: true; loggedIn: true; csrfToken: string; recentlyAuthenticated: boolean };

/** POST /reauth */
export interface ReauthAnswer {
  recentlyAuthenticated: true;
}

/** POST /password (needs a recent re-authentication). */
export interface PasswordChangeRequest {
  newPassword: string;
}

export interface PasswordChangeAnswer {
  changed: true;
}

/** POST /restart */
export interface RestartAnswer {
  restarting: true;
}

// ---- Port scan -------------------------------------------------------------------------------

/** A serial or HID device the scan found, scored against known USB fingerprints. */
export interface PortCandidate {
  kind: 'serial' | 'hid';
  path: string;
  /** /dev/serial/by-id name: stable across re-plugging, preferred in the configuration. */
  byId?: string;
  byPath?: string;
  vid?: string;
  pid?: string;
  manufacturer?: string;
  product?: string;
  serialNumber?: string;
  /** 0 unknown, 1 generic USB-serial bridge, 2 known VID:PID, 3 known VID:PID and manufacturer. */
  matchScore: number;
  suggestedService?: 'idcard' | 'printer';
  label?: string;
}

/** GET /ports */
export interface PortScanResult {
  candidates: PortCandidate[];
  /** What could not be listed (e.g. HID enumeration unavailable). */
  errors: string[];
}

// ---- Diagnostics and readiness ---------------------------------------------------------------

export interface PortHolder {
  pid: number;
  command: string;
}

/** Permissions, udev rules, interferers and port holders. */
export interface Diagnostics {
  user: string;
  groups: string[];
  missingGroups: string[];
  udev: Array<{ file: string; installed: boolean }>;
  interferers: { brltty: boolean; modemManager: boolean };
  ports: Array<{ path: string; exists: boolean; heldBy: PortHolder[] }>;
}

/**
 * One device as diagnostics and the readiness report both judge it (one verdict, so the two pages
 * never disagree): usable or not, and its state in words.
 */
export interface DiagnosticsServiceSummary {
  device: DeviceState;
  /** Usable for a villager now (printer: paper in, not jammed, cover closed; camera: present). */
  ok: boolean;
  /** The state in words, e.g. "正常 · 缺纸" (content/i18n/zh-CN/admin.json `board.*`). */
  words: string;
  paper?: PaperState;
  media?: MediaState;
  presence?: MediaState;
  lastError?: LastError;
  connection?: ConnectionInfo;
}

/** GET /centre: the county centre as this terminal's outbox sees it (board, diagnostics, readiness). */
export interface CentreStatus {
  /** The configured centre address, origin only (the terminal token is never shown); null when unconfigured. */
  url: string | null;
  /** false: the last send or status pull failed; null: not known (no outbox running, no address). */
  reachable: boolean | null;
  /** Submissions stored on this terminal and not yet acknowledged by the centre (the outbox depth). */
  pending: number;
  /** Where `reachable` comes from: the outbox's last attempt, or a probe made for this answer. */
  source: 'outbox' | 'probe' | 'none';
  /** Reachability and depth in words, e.g. "能连上 · 没有待发送的申请". */
  words: string;
}

/** GET /diagnostics */
export interface DiagnosticsReport extends Diagnostics {
  services: Record<ServiceName, DiagnosticsServiceSummary>;
  centre: CentreStatus;
  /** Age of the kiosk page's last heartbeat; null when it never beat. */
  heartbeatAgeSec: number | null;
}

export interface ReadinessCheck {
  id: string;
  ok: boolean;
  /** Short detail in small print: device states in words (the same words as diagnostics), paths, counts. */
  detail?: string;
}

/** A check with its texts (content/i18n/zh-CN/admin.json `readiness.*`). */
export interface ReadinessItem extends ReadinessCheck {
  name: string;
  fix: string;
}

/** GET /readiness */
export interface ReadinessReport {
  /** ISO instant; pages and slips show it in China time (`@kiosk/domain/china-time` chinaDateTime). */
  generatedAt: string;
  ok: boolean;
  checks: ReadinessItem[];
}

/** GET /heartbeat (the Chromium launcher reads it). */
export interface HeartbeatInfo {
  lastAt: string | null;
  ageSec: number | null;
}

// ---- Configuration ---------------------------------------------------------------------------

/** The subset of JSON Schema the admin form renders (the agent's configuration schema). */
export interface ConfigSchema {
  readonly type?: string;
  readonly properties?: Readonly<Record<string, ConfigSchema>>;
  readonly required?: readonly string[];
  readonly oneOf?: readonly ConfigSchema[];
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly pattern?: string;
  readonly discriminator?: { readonly propertyName: string };
  /** The key's name in Chinese (every key has one); on a oneOf branch, the choice's name. */
  readonly 'x-label'?: string;
  /** For an enum: the words of each value, in the enum's order. */
  readonly 'x-enumLabels'?: readonly string[];
  readonly 'x-requiresRestart'?: boolean;
}

/** GET /config */
export interface ConfigDocument {
  path: string;
  /** The file as saved (null when it does not parse). */
  config: unknown;
  schema: ConfigSchema;
  restartRequiredPaths: string[];
  /** Errors of the configuration the agent started with (the "configuration error" state). */
  errors: ConfigErrorItem[];
  /** Saved but not yet running: what a restart would change. */
  pendingRestart: string[];
}

/** Answer of PUT /config (whole file) and PATCH /config (JSON merge patch). */
export interface ConfigSaveAnswer {
  saved: true;
  changed: string[];
  restartRequired: string[];
  pendingRestart: string[];
}

// ---- Devices: test read and print, probe, self-test, simulators ------------------------------

/** Answer of POST /services/:service/commands/:command, /printer/test-print, /readiness/print. */
export type AdminCompletion<P = unknown> = CompletionMessage<P>;

export interface ProbeResult {
  sent: string;
  reply: string;
}

/** POST /idcard/probe: the raw exchange, or why it failed (still HTTP 200). */
export type ProbeAnswer = { result: ProbeResult } | { error: 'probeFailed'; message: string };

export interface SelfTestResult {
  printed: boolean;
  statusReplies: Array<{ command: string; replyHex: string }>;
}

/** POST /printer/self-test: the raw status bytes, or why it failed (still HTTP 200). */
export type SelfTestAnswer = { result: SelfTestResult } | { error: 'selfTestFailed'; message: string };

export const SIMULATOR_CARD_TYPES: readonly CardType[] = [
  'resident',
  'hkMacaoTaiwan',
  'foreignPermanent2017',
  'foreignPermanent2023',
];

/** GET /simulators: which devices are simulated. */
export interface SimulatorAvailability {
  idcard: boolean;
  printer: boolean;
  cardTypes: CardType[];
}

export type SimulatedPaper = 'full' | 'low' | 'out';

/** POST /simulator/idcard */
export type IdCardSimulatorAction =
  { action: 'placeCard'; cardType?: CardType } | { action: 'removeCard' | 'unplug' | 'plug' };

/** POST /simulator/printer */
export type PrinterSimulatorAction =
  | { action: 'setPaper'; paper: SimulatedPaper }
  | { action: 'setCoverOpen'; open: boolean }
  | { action: 'jam' | 'clearJam' | 'unplug' | 'plug' };

export interface SimulatorAnswer {
  ok: true;
}

// ---- Logs ------------------------------------------------------------------------------------

export const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** GET /logs?level=&q= : the newest 500 lines of the ring (pino JSON, personal data redacted). */
export interface LogLines {
  lines: string[];
}
