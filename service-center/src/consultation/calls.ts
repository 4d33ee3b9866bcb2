import type { CallKind, ConsultationTopic, SignallingRole } from '@kiosk/contract/signalling-api';

/** The staff side of a call: a lawyer (consultation) or a notary (interview). */
export type StaffSideRole = Exclude<SignallingRole, 'kiosk'>;

/** One side of a call: whether its WebSocket is attached, and its grace timer when not. */
export interface CallSide {
  id: string;
  connected: boolean;
  timer?: NodeJS.Timeout;
}

/** A call in memory; it outlives its WebSockets (grace period) and, through its record, a restart. */
export interface Call {
  callId: string;
  kind: CallKind;
  /** Who takes the staff side (`lawyer` holds that side's id either way). */
  staffRole: StaffSideRole;
  /** The notarization request's receipt number (interviews). */
  receiptNo?: string;
  topic: ConsultationTopic;
  consent: boolean;
  terminalName?: string;
  callerName?: string;
  /** The lawyer's display name, for the kiosk (王芳律师已接通, her slip). */
  lawyerName?: string;
  startedAt: number;
  /** The staff member's county (undefined: province staff): she counts as online there. */
  staffCounty?: string;
  kiosk: CallSide;
  lawyer: CallSide;
}

export const sideOf = (call: Call, role: SignallingRole): CallSide => (role === 'kiosk' ? call.kiosk : call.lawyer);
/** The role of the other party of `role` in this call. */
export const otherRole = (call: Call, role: SignallingRole): SignallingRole =>
  role === 'kiosk' ? call.staffRole : 'kiosk';
export const isParty = (call: Call, role: SignallingRole, id: string): boolean =>
  (role === 'kiosk' || role === call.staffRole) && sideOf(call, role).id === id;

/** Calls by id, with the lookups the hub needs by party. */
export class CallTable {
  private readonly _calls = new Map<string, Call>();

  get size(): number {
    return this._calls.size;
  }

  get(callId: string): Call | undefined {
    return this._calls.get(callId);
  }

  add(call: Call): void {
    this._calls.set(call.callId, call);
  }

  delete(call: Call): void {
    clearTimeout(call.kiosk.timer);
    clearTimeout(call.lawyer.timer);
    this._calls.delete(call.callId);
  }

  of(role: SignallingRole, id: string): Call[] {
    return [...this._calls.values()].filter((c) => isParty(c, role, id));
  }

  /** Staff of this role in a call now, with their county. */
  staffInCall(role: StaffSideRole): Map<string, string | undefined> {
    const staff = new Map<string, string | undefined>();
    for (const c of this._calls.values()) if (c.staffRole === role) staff.set(c.lawyer.id, c.staffCounty);
    return staff;
  }

  all(): Call[] {
    return [...this._calls.values()];
  }

  clear(): void {
    for (const c of this._calls.values()) {
      clearTimeout(c.kiosk.timer);
      clearTimeout(c.lawyer.timer);
    }
    this._calls.clear();
  }
}
