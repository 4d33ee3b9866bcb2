import type { LawyerPresence, ServerMessage, SignallingRole } from '@kiosk/contract/signalling-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository } from '../store/repository.js';
import type { ConsultationBus } from './bus.js';
import type { Call, CallTable, StaffSideRole } from './calls.js';
import type { CountyDirectory } from './counties.js';
import type { StaffCounties } from './county-view.js';
import type { ConsultationSettings } from './settings.js';

/** The WebSocket as the hub sees it. */
export interface Connection {
  send(message: ServerMessage): void;
  close(code: number, reason: string): void;
}

/** One authenticated WebSocket. */
export interface Session {
  readonly role: SignallingRole;
  readonly id: string;
  readonly conn: Connection;
  presence: Exclude<LawyerPresence, 'in-call'>;
  /** A kiosk's county; a staff member's, or undefined for province staff. */
  readonly county: string | undefined;
  /** Staff: the name villagers see and hear (the account's display name, else its login name). */
  readonly displayName?: string;
}

/** What the hub lends the desks (the consultation queue, the interview list) that work beside it. */
export interface HubContext {
  readonly settings: ConsultationSettings;
  readonly repo: CenterRepository;
  readonly log: Logger;
  readonly counties: CountyDirectory;
  /** Shared state with the other centre processes (PostgreSQL); undefined: this process only. */
  readonly bus: ConsultationBus | undefined;
  readonly calls: CallTable;
  now(): number;
  /** This process's live session of that role and id. */
  session(role: SignallingRole, id: string): Session | undefined;
  sessions(): Iterable<Session>;
  /** To a kiosk connected to this process (nothing otherwise). */
  sendKiosk(kioskId: string, message: ServerMessage): void;
  /** Records the call and sends `matched` to both parties. */
  startCall(call: Call): void;
  /** The party's socket is gone: `peer-lost` to the other, and the grace period for a resume. */
  detach(call: Call, role: SignallingRole): void;
  /** Staff of this role who can take a call now or after their current one, in any process. */
  staffOnline(role: StaffSideRole): StaffCounties;
  /** Lengths (s) of the last consultations, newest first: the queue's estimate. */
  recentDurations(): readonly number[];
}
