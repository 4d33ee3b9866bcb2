import type { HangupReason, ServerMessage, SignallingRole } from '@kiosk/contract/signalling-api';
import type { BusEvent, CallAnnouncement, ConsultationBus } from './bus.js';
import { otherRole, sideOf, type Call, type CallTable } from './calls.js';
import type { Session } from './hub-context.js';

export interface CallSyncDeps {
  readonly calls: CallTable;
  readonly bus: ConsultationBus | undefined;
  session(role: SignallingRole, id: string): Session | undefined;
  /** A newer socket of this identity said hello on another process: this one goes (close 4002). */
  supersede(session: Session): void;
  /** A call another process ended (`lost`: the side whose grace period ran out): the queue hears of it. */
  ended(call: Call, lost?: SignallingRole): void;
  /** A kiosk another process matched: her queue and interview timers stop here; true if she had any. */
  claimed(kioskId: string): boolean;
  /** The party's socket is gone: the grace period for a resume starts here. */
  detach(call: Call, role: SignallingRole): void;
  /** To a party of a call, wherever her socket is. */
  sendTo(role: SignallingRole, call: Call, message: ServerMessage): void;
}

/**
 * Calls across centre processes (issue 14 item 2): every process keeps a copy of every call, so a
 * party may resume it on any process within the grace period. The process that lost a party's socket
 * runs the grace timer; a resume elsewhere says `call-side{connected}` and stops it. A starting process
 * asks for the calls already running (`sync`), so it neither ends their records as forgotten nor
 * refuses their resumes, and an announcement of a call a process knows is answered with the sides it
 * holds (so a call re-created from its record stops waiting for a party that never left).
 */
export class CallSync {
  constructor(private readonly _d: CallSyncDeps) {}

  started(call: Call): void {
    this._d.bus?.publish({ kind: 'call-started', call: announce(call) });
  }

  ended(call: Call, reason: HangupReason, by: SignallingRole | undefined, lost?: SignallingRole): void {
    this._d.bus?.publish({
      kind: 'call-ended',
      callId: call.callId,
      reason,
      ...(by ? { by } : {}),
      ...(lost ? { lost } : {}),
    });
  }

  side(call: Call, role: SignallingRole, connected: boolean): void {
    this._d.bus?.publish({ kind: 'call-side', callId: call.callId, role, connected });
  }

  helloed(role: SignallingRole, id: string): void {
    this._d.bus?.publish({ kind: 'session', role, id });
  }

  /** After this process started: the others announce their calls. */
  ask(): void {
    this._d.bus?.publish({ kind: 'sync' });
  }

  /** A bus event about calls or sessions; false for any other. */
  handle(event: BusEvent): boolean {
    const { calls } = this._d;
    switch (event.kind) {
      case 'call-started':
        this._announced(event.call);
        return true;
      case 'call-ended': {
        // The process that ended it wrote the record and told the parties it holds; this one tells its own.
        const call = calls.get(event.callId);
        if (!call) return true;
        calls.delete(call);
        // Before she hears the hang-up: her 重新排队 on this process may follow at once.
        this._d.ended(call, event.lost);
        for (const role of ['kiosk', call.staffRole] as const)
          if (role !== event.by && this._holds(call, role))
            this._d.session(role, sideOf(call, role).id)?.conn.send({
              type: 'hangup',
              callId: call.callId,
              reason: event.reason,
            });
        return true;
      }
      case 'call-side': {
        const call = calls.get(event.callId);
        if (call) this._sideChanged(call, event.role, event.connected);
        return true;
      }
      case 'sync':
        for (const call of calls.all()) this.started(call);
        return true;
      case 'session': {
        const older = this._d.session(event.role, event.id);
        if (older) this._d.supersede(older);
        return true;
      }
      default:
        return false;
    }
  }

  private _announced(a: CallAnnouncement): void {
    const known = this._d.calls.get(a.callId);
    if (!known) {
      // Her place was claimed by another process: her timers stop here.
      const queuedHere = this._d.claimed(a.kioskId);
      const call = fromAnnouncement(a);
      this._d.calls.add(call);
      // Her socket here dropped while the claim ran: nobody else will notice she is gone.
      if (queuedHere && call.kiosk.connected && !this._d.session('kiosk', a.kioskId)) this._d.detach(call, 'kiosk');
      return;
    }
    for (const role of ['kiosk', known.staffRole] as const) if (this._holds(known, role)) this.side(known, role, true);
  }

  private _sideChanged(call: Call, role: SignallingRole, connected: boolean): void {
    if (role !== 'kiosk' && role !== call.staffRole) return;
    const side = sideOf(call, role);
    // A late word from the process she left: she is back here already.
    if (!connected && this._holds(call, role)) return this.side(call, role, true);
    const back = connected && !side.connected;
    side.connected = connected;
    if (!connected) return;
    // She came back on another process: the grace timer this one ran for her stops, and her peer,
    // when this process holds that one and told her she was lost, hears it.
    clearTimeout(side.timer);
    delete side.timer;
    const other = otherRole(call, role);
    if (back && this._holds(call, other))
      this._d.sendTo(other, call, { type: 'peer-reconnected', callId: call.callId });
  }

  /** This process holds that party's socket, attached to the call. */
  holds(call: Call, role: SignallingRole): boolean {
    return this._holds(call, role);
  }

  private _holds(call: Call, role: SignallingRole): boolean {
    const side = sideOf(call, role);
    return side.connected && this._d.session(role, side.id) !== undefined;
  }
}

export function announce(call: Call): CallAnnouncement {
  return {
    callId: call.callId,
    kind: call.kind,
    staffRole: call.staffRole,
    ...(call.receiptNo ? { receiptNo: call.receiptNo } : {}),
    topic: call.topic,
    consent: call.consent,
    ...(call.terminalName ? { terminalName: call.terminalName } : {}),
    ...(call.callerName ? { callerName: call.callerName } : {}),
    ...(call.lawyerName ? { lawyerName: call.lawyerName } : {}),
    startedAt: call.startedAt,
    kioskId: call.kiosk.id,
    lawyerId: call.lawyer.id,
    ...(call.staffCounty ? { staffCounty: call.staffCounty } : {}),
    ...(call.kiosk.connected ? {} : { kioskConnected: false }),
    ...(call.lawyer.connected ? {} : { staffConnected: false }),
  };
}

function fromAnnouncement(a: CallAnnouncement): Call {
  return {
    callId: a.callId,
    kind: a.kind,
    staffRole: a.staffRole,
    ...(a.receiptNo ? { receiptNo: a.receiptNo } : {}),
    topic: a.topic,
    consent: a.consent,
    ...(a.terminalName ? { terminalName: a.terminalName } : {}),
    ...(a.callerName ? { callerName: a.callerName } : {}),
    ...(a.lawyerName ? { lawyerName: a.lawyerName } : {}),
    startedAt: a.startedAt,
    ...(a.staffCounty ? { staffCounty: a.staffCounty } : {}),
    kiosk: { id: a.kioskId, connected: a.kioskConnected !== false },
    lawyer: { id: a.lawyerId, connected: a.staffConnected !== false },
  };
}
