import type { ConsultationTopic, SignallingRole } from '@kiosk/contract/signalling-api';

/** One side of a call: whether its WebSocket is attached, and its grace timer when not. */
export interface CallSide {
  id: string;
  connected: boolean;
  timer?: NodeJS.Timeout;
}

/** A call in memory; it outlives its WebSockets (grace period) and, through its record, a restart. */
export interface Call {
  callId: string;
  topic: ConsultationTopic;
  consent: boolean;
  terminalName?: string;
  callerName?: string;
  startedAt: number;
  kiosk: CallSide;
  lawyer: CallSide;
}

export const sideOf = (call: Call, role: SignallingRole): CallSide => (role === 'kiosk' ? call.kiosk : call.lawyer);
export const otherRole = (role: SignallingRole): SignallingRole => (role === 'kiosk' ? 'lawyer' : 'kiosk');
export const isParty = (call: Call, role: SignallingRole, id: string): boolean => sideOf(call, role).id === id;

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

  lawyersInCall(): Set<string> {
    return new Set([...this._calls.values()].map((c) => c.lawyer.id));
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
