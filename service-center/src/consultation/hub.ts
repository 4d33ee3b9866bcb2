import {
  CLOSE_SUPERSEDED,
  CLOSE_UNAUTHORIZED,
  type ClientMessage,
  type HangupReason,
  type HelloMessage,
  type ServerMessage,
  type SignallingHealth,
  type SignallingRole,
} from '@kiosk/contract/signalling-api';
import type { BusEvent } from './bus.js';
import { CallSync } from './call-sync.js';
import { CallTable, isParty, otherRole, sideOf, type Call, type StaffSideRole } from './calls.js';
import { CountyDirectory } from './counties.js';
import { lawyersFor, type StaffCounties } from './county-view.js';
import type { Connection, HubContext, Session } from './hub-context.js';
import { InterviewDesk } from './interview-desk.js';
import { ConsultationQueueDesk } from './queue-desk.js';
import { iceServersFor, iceTransportPolicy } from './turn.js';
import { verifySignallingToken } from './tokens.js';

export type { Connection, Session } from './hub-context.js';

export interface HubDeps {
  settings: HubContext['settings'];
  repo: HubContext['repo'];
  log: HubContext['log'];
  /** Which county a terminal and a staff member belong to; absent: one county for everyone. */
  counties?: CountyDirectory;
  now?: () => number;
  /**
   * Shared state for several centre processes on one database (PostgreSQL); without it the queue,
   * presence and calls live in this process only.
   */
  bus?: HubContext['bus'];
}

const RECENT_CALLS = 20;
const key = (role: SignallingRole, id: string): string => `${role}:${id}`;
const KIOSK_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['enqueue', 'leave-queue', 'join-interview']);
const LAWYER_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['take-next']);
const NOTARY_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['take-interview']);
const STAFF_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['presence']);

/**
 * Lawyer presence and the signalling relay (reference/video-consultation.md §3): sessions, `matched`
 * with TURN credentials, relay only between a call's two parties, calls that outlive their WebSockets
 * for the grace period and are resumed by callId (also after a restart, from the call record). The
 * consultation queue per county and the notary interview list are desks beside it.
 */
export class SignallingHub implements HubContext {
  readonly calls = new CallTable();
  readonly counties: CountyDirectory;
  private readonly _sessions = new Map<string, Session>();
  private readonly _queue = new ConsultationQueueDesk(this);
  private readonly _interviews = new InterviewDesk(this, (kioskId) => this._queue.leave(kioskId));
  private readonly _sync: CallSync;
  private readonly _recent: number[] = [];
  private readonly _now: () => number;
  private _sweep: NodeJS.Timeout | undefined;

  constructor(private readonly _deps: HubDeps) {
    this._now = _deps.now ?? Date.now;
    this.counties =
      _deps.counties ?? new CountyDirectory({ terminals: () => [], counties: () => [], repo: _deps.repo });
    this._sync = new CallSync({
      calls: this.calls,
      bus: _deps.bus,
      session: (role, id) => this.session(role, id),
      supersede: (session) => this._supersede(session),
      ended: (call, lost) => this._ended(call, lost),
      claimed: (kioskId) => {
        const queued = this._queue.forget(kioskId);
        return this._interviews.forget(kioskId) || queued;
      },
      detach: (call, role) => this.detach(call, role),
      sendTo: (role, call, message) => this._sendTo(role, call, message),
    });
  }

  get settings(): HubContext['settings'] {
    return this._deps.settings;
  }

  get repo(): HubContext['repo'] {
    return this._deps.repo;
  }

  get log(): HubContext['log'] {
    return this._deps.log;
  }

  get bus(): HubContext['bus'] {
    return this._deps.bus;
  }

  now(): number {
    return this._now();
  }

  session(role: SignallingRole, id: string): Session | undefined {
    return this._sessions.get(key(role, id));
  }

  sessions(): Iterable<Session> {
    return this._sessions.values();
  }

  recentDurations(): readonly number[] {
    return this._recent;
  }

  async start(): Promise<void> {
    await this.bus?.start((event) => this._onBus(event));
    // Calls running on the other processes: known here before the sweep below looks for forgotten ones.
    this._sync.ask();
    this._recent.push(...(await this.repo.recentCallDurations(RECENT_CALLS)));
    // Calls a previous run left open may be resumed within the grace period; after it, they ended.
    const open = await this.repo.openCalls();
    if (open.length)
      this._sweep = setTimeout(() => void this._endForgotten(open.map((c) => c.callId)), this.settings.graceS * 1000);
  }

  stop(): void {
    clearTimeout(this._sweep);
    this._queue.clear();
    this._interviews.clear();
    this.calls.clear();
    this._sessions.clear();
  }

  health(): SignallingHealth {
    return { ok: true, queue: this._queue.size, calls: this.calls.size, lawyers: this.staffOnline('lawyer').size };
  }

  // ---- connection lifecycle ----

  /** Authenticates the first message; the session, or undefined after `unauthorized` + close 4001. */
  async hello(conn: Connection, msg: HelloMessage): Promise<Session | undefined> {
    if (!verifySignallingToken(this.settings.tokenSecret, msg.role, msg.id, msg.token, this._now())) {
      conn.send({ type: 'error', error: 'unauthorized' });
      conn.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      this.log.warn({ role: msg.role }, 'signalling: hello with a bad token');
      return undefined;
    }
    const account = msg.role === 'kiosk' ? undefined : await this.repo.getStaff(msg.id);
    const county = msg.role === 'kiosk' ? await this.counties.ofKiosk(msg.id) : account?.county;
    const session: Session = {
      role: msg.role,
      id: msg.id,
      conn,
      presence: 'online',
      county,
      ...(msg.role === 'kiosk' ? {} : { displayName: account?.displayName ?? msg.id }),
    };
    const older = this._sessions.get(key(msg.role, msg.id));
    const resumed = msg.resume ? await this._resumable(session, msg.resume.callId, msg.resume.peerId) : undefined;
    if (!resumed)
      for (const call of this.calls.of(session.role, session.id)) this._endCall(call, 'superseded', session.role);
    this._sessions.set(key(session.role, session.id), session);
    if (older) older.conn.close(CLOSE_SUPERSEDED, 'superseded');
    this._sync.helloed(session.role, session.id);
    const iceServers = iceServersFor(this.settings.turn, session.id, this._now());
    conn.send({
      type: 'welcome',
      iceServers,
      iceTransportPolicy: iceTransportPolicy(this.settings.turn),
      resumed: Boolean(resumed),
      ...(resumed ? { callId: resumed.callId } : {}),
      lawyersOnline: lawyersFor(session.county, this.staffOnline('lawyer')),
    });
    if (resumed) this._attach(resumed, session);
    this.log.info(
      { role: session.role, id: session.role === 'kiosk' ? session.id : undefined, county, resumed: Boolean(resumed) },
      'signalling: hello',
    );
    if (session.role !== 'kiosk') this._presenceChanged();
    if (session.role === 'lawyer') this._queue.broadcast();
    else if (session.role === 'notary') this._interviews.broadcast();
    else {
      this._queue.kioskBack(session.id);
      this._interviews.kioskBack(session.id);
    }
    return session;
  }

  /** The socket closed: its calls wait for a resume (grace period), its queue place too. */
  disconnected(session: Session): void {
    const k = key(session.role, session.id);
    if (this._sessions.get(k) !== session) return;
    this._sessions.delete(k);
    for (const call of this.calls.of(session.role, session.id)) this.detach(call, session.role);
    if (session.role === 'kiosk') {
      this._queue.kioskAway(session.id);
      this._interviews.kioskAway(session.id);
    } else this._presenceChanged();
    this._queue.broadcast();
    this._interviews.broadcast();
  }

  /** One message of an authenticated session (already parsed and shape-checked). */
  handle(session: Session, msg: ClientMessage): void | Promise<void> {
    if (msg.type === 'hello') return session.conn.send({ type: 'error', error: 'badMessage', detail: 'hello twice' });
    if (KIOSK_ONLY.has(msg.type) && session.role !== 'kiosk')
      return session.conn.send({ type: 'error', error: 'forbidden', detail: `${msg.type} is for kiosks` });
    if (LAWYER_ONLY.has(msg.type) && session.role !== 'lawyer')
      return session.conn.send({ type: 'error', error: 'forbidden', detail: `${msg.type} is for lawyers` });
    if (NOTARY_ONLY.has(msg.type) && session.role !== 'notary')
      return session.conn.send({ type: 'error', error: 'forbidden', detail: `${msg.type} is for notaries` });
    if (STAFF_ONLY.has(msg.type) && session.role === 'kiosk')
      return session.conn.send({ type: 'error', error: 'forbidden', detail: `${msg.type} is for staff` });
    switch (msg.type) {
      case 'enqueue':
        this._interviews.leave(session.id);
        return this._queue.enqueue(session, msg);
      case 'leave-queue':
        if (!this._queue.has(session.id) && !this._interviews.has(session.id))
          return session.conn.send({ type: 'error', error: 'notInQueue' });
        this._queue.leave(session.id);
        this._interviews.leave(session.id);
        return;
      case 'take-next':
        return this._queue.takeNext(session, msg);
      case 'join-interview':
        return this._interviews.join(session, msg);
      case 'take-interview':
        return this._interviews.take(session, msg);
      case 'presence':
        session.presence = msg.presence;
        this._presenceChanged();
        this._queue.broadcast();
        return this._interviews.broadcast();
      case 'signal': {
        const call = this._partyCall(session, msg.callId);
        if (!call) return;
        this._sendTo(otherRole(call, session.role), call, msg);
        return;
      }
      case 'hangup': {
        const call = this._partyCall(session, msg.callId);
        if (!call) return;
        this._endCall(call, msg.reason, session.role);
        return;
      }
      default: {
        const never: never = msg;
        return never;
      }
    }
  }

  // ---- calls ----

  /** Records the call and sends `matched` to both parties (kiosk = offerer). */
  startCall(call: Call): void {
    this.calls.add(call);
    this._sync.started(call);
    this._record(
      this.repo.startCall({
        callId: call.callId,
        kioskId: call.kiosk.id,
        ...(call.terminalName ? { terminalName: call.terminalName } : {}),
        lawyerId: call.lawyer.id,
        topic: call.topic,
        consent: call.consent,
        startedAt: new Date(call.startedAt).toISOString(),
        ...(call.kind === 'interview' ? { kind: call.kind } : {}),
        ...(call.receiptNo ? { receiptNo: call.receiptNo } : {}),
      }),
    );
    const policy = iceTransportPolicy(this.settings.turn);
    this._sendTo('kiosk', call, {
      type: 'matched',
      callId: call.callId,
      role: 'offerer',
      peer: { lawyerId: call.lawyer.id, ...(call.lawyerName ? { lawyerName: call.lawyerName } : {}) },
      iceServers: iceServersFor(this.settings.turn, call.kiosk.id, this._now()),
      iceTransportPolicy: policy,
    });
    this._sendTo(call.staffRole, call, {
      type: 'matched',
      callId: call.callId,
      role: 'answerer',
      peer: {
        kioskId: call.kiosk.id,
        topic: call.topic,
        ...(call.terminalName ? { terminalName: call.terminalName } : {}),
        ...(call.callerName ? { callerName: call.callerName } : {}),
        ...(call.kind === 'interview' ? { kind: call.kind } : {}),
        ...(call.receiptNo ? { receiptNo: call.receiptNo } : {}),
      },
      iceServers: iceServersFor(this.settings.turn, call.lawyer.id, this._now()),
      iceTransportPolicy: policy,
    });
    this.log.info({ callId: call.callId, kiosk: call.kiosk.id, kind: call.kind }, 'consultation: matched');
    this._queue.broadcast();
    this._interviews.broadcast();
  }

  /** The call `session` is a party of, or undefined after `hangup{unknown-call}` to the sender. */
  private _partyCall(session: Session, callId: string): Call | undefined {
    const call = this.calls.get(callId);
    if (call && isParty(call, session.role, session.id)) return call;
    session.conn.send({ type: 'hangup', callId, reason: 'unknown-call' });
    return undefined;
  }

  /** A call this hello may resume: known and a party, or (after a restart) open in the records. */
  private async _resumable(session: Session, callId: string, peerId: string): Promise<Call | undefined> {
    // Another process may have announced it a moment ago.
    if (!this.calls.get(callId)) await this.bus?.settled();
    const known = this.calls.get(callId);
    if (known)
      return isParty(known, session.role, session.id) && sideOf(known, otherRole(known, session.role)).id === peerId
        ? known
        : undefined;
    const record = await this.repo.getCall(callId);
    if (!record || record.endedAt) return undefined;
    const staffRole: StaffSideRole = record.kind === 'interview' ? 'notary' : 'lawyer';
    if (session.role !== 'kiosk' && session.role !== staffRole) return undefined;
    const kioskId = session.role === 'kiosk' ? session.id : peerId;
    const lawyerId = session.role === 'kiosk' ? peerId : session.id;
    if (record.kioskId !== kioskId || record.lawyerId !== lawyerId) return undefined;
    const staffCounty = session.role === 'kiosk' ? await this.counties.ofStaff(lawyerId) : session.county;
    const again = this.calls.get(callId);
    if (again) return again;
    const other = session.role === 'kiosk' ? staffRole : 'kiosk';
    const call: Call = {
      callId,
      kind: record.kind ?? 'consultation',
      staffRole,
      ...(record.receiptNo ? { receiptNo: record.receiptNo } : {}),
      topic: record.topic,
      consent: record.consent,
      ...(record.terminalName ? { terminalName: record.terminalName } : {}),
      startedAt: Date.parse(record.startedAt),
      ...(staffCounty ? { staffCounty } : {}),
      kiosk: { id: kioskId, connected: false },
      lawyer: { id: lawyerId, connected: false },
    };
    // The other side has the grace period to come back too.
    const peer = sideOf(call, other);
    peer.timer = setTimeout(() => this._endCall(call, 'peer-timeout', undefined, other), this.settings.graceS * 1000);
    this.calls.add(call);
    this._sync.started(call);
    this.log.info({ callId }, 'consultation: call re-created from its record after a restart');
    return call;
  }

  /** The party's socket is gone: `peer-lost` to the other, and the grace period for a resume. */
  detach(call: Call, role: SignallingRole): void {
    const side = sideOf(call, role);
    side.connected = false;
    clearTimeout(side.timer);
    side.timer = setTimeout(() => this._endCall(call, 'peer-timeout', undefined, role), this.settings.graceS * 1000);
    this._sendTo(otherRole(call, role), call, { type: 'peer-lost', callId: call.callId });
    this._sync.side(call, role, false);
  }

  private _attach(call: Call, session: Session): void {
    const side = sideOf(call, session.role);
    side.connected = true;
    clearTimeout(side.timer);
    delete side.timer;
    this._sync.side(call, session.role, true);
    // A peer on another process hears it from there, when that process learns she is back.
    const role = otherRole(call, session.role);
    const peer = sideOf(call, role);
    if (peer.connected) this.session(role, peer.id)?.conn.send({ type: 'peer-reconnected', callId: call.callId });
  }

  /**
   * Ends a call: the record, and `hangup{reason}` to every attached side except the one that ended it
   * (`by`); `lost`: the side whose grace period ran out.
   */
  private _endCall(call: Call, reason: HangupReason, by?: SignallingRole, lost?: SignallingRole): void {
    if (this.calls.get(call.callId) !== call) return;
    this.calls.delete(call);
    this._sync.ended(call, reason, by, lost);
    // Before she hears the hang-up: her 重新排队 may follow at once.
    const durationS = this._ended(call, lost);
    for (const role of ['kiosk', call.staffRole] as const)
      if (role !== by && sideOf(call, role).connected)
        this.session(role, sideOf(call, role).id)?.conn.send({ type: 'hangup', callId: call.callId, reason });
    this._record(this.repo.endCall(call.callId, new Date(this._now()).toISOString(), reason));
    this.log.info({ callId: call.callId, reason, durationS }, 'consultation: call ended');
    this._queue.broadcast();
    this._interviews.broadcast();
  }

  /**
   * Its length (s), kept for the queue's estimate when it was a consultation; a consultation whose
   * lawyer was lost puts the kiosk's next enqueue first.
   */
  private _ended(call: Call, lost?: SignallingRole): number {
    const durationS = Math.round((this._now() - call.startedAt) / 1000);
    if (call.kind === 'consultation') {
      if (lost === call.staffRole) this._queue.lawyerLost(call.kiosk.id);
      this._recent.unshift(durationS);
      this._recent.length = Math.min(this._recent.length, RECENT_CALLS);
    }
    return durationS;
  }

  private async _endForgotten(callIds: string[]): Promise<void> {
    for (const callId of callIds)
      if (!this.calls.get(callId)) await this.repo.endCall(callId, new Date(this._now()).toISOString(), 'peer-timeout');
  }

  private _record(write: Promise<unknown>): void {
    write.catch((err: unknown) => this.log.error({ err }, 'consultation: call record not written'));
  }

  // ---- sending ----

  private _sendTo(role: SignallingRole, call: Call, message: ServerMessage): void {
    if (role !== 'kiosk' && role !== call.staffRole) return;
    const side = sideOf(call, role);
    const local = this._sessions.get(key(role, side.id));
    if (local) {
      if (side.connected) local.conn.send(message);
      // The party's socket may be held by another centre process: that one knows whether it is attached.
    } else this.bus?.publish({ kind: 'deliver', role, id: side.id, message });
  }

  /**
   * The lawyer saved her note after the call: the kiosk of that call (on whichever process holds its
   * socket) prints the text for the villager on her slip, or stops waiting when there is none.
   */
  noteForCaller(kioskId: string, callId: string, forCaller: string | undefined): void {
    const message: ServerMessage = { type: 'note-for-caller', callId, ...(forCaller ? { forCaller } : {}) };
    if (this.session('kiosk', kioskId)) this.sendKiosk(kioskId, message);
    else this.bus?.publish({ kind: 'deliver', role: 'kiosk', id: kioskId, message });
  }

  sendKiosk(kioskId: string, message: ServerMessage): void {
    this._sessions.get(key('kiosk', kioskId))?.conn.send(message);
  }

  /** Staff of this role who can take a call now or after their current one (not away), with their county. */
  staffOnline(role: StaffSideRole): StaffCounties {
    const staff = this.calls.staffInCall(role);
    for (const s of this._sessions.values()) if (s.role === role && s.presence === 'online') staff.set(s.id, s.county);
    for (const [id, county] of this.bus?.staffOnline(role) ?? []) staff.set(id, county);
    return staff;
  }

  /** Notaries reachable now (the intake's slot list offers "now" when there is one). */
  notariesOnline(): number {
    return this.staffOnline('notary').size;
  }

  // ---- several processes ----

  /** This process's staff who can take a call, for the others' counts. */
  private _presenceChanged(): void {
    const bus = this.bus;
    if (!bus) return;
    const staff: Array<{ role: StaffSideRole; id: string; county: string | undefined }> = [];
    for (const s of this._sessions.values())
      if (s.role !== 'kiosk' && s.presence === 'online') staff.push({ role: s.role, id: s.id, county: s.county });
    bus.presence(staff);
  }

  /** A newer socket of the same identity said hello on another process. */
  private _supersede(session: Session): void {
    this._sessions.delete(key(session.role, session.id));
    session.conn.close(CLOSE_SUPERSEDED, 'superseded');
    if (session.role !== 'kiosk') this._presenceChanged();
  }

  private _onBus(event: BusEvent): void {
    if (event.kind === 'changed') {
      this._queue.broadcastShared();
      return this._interviews.broadcastShared();
    }
    if (event.kind !== 'deliver') return void this._sync.handle(event);
    // The call is over (no process knows it any more); the message names it for the kiosk to check.
    if (event.message.type === 'note-for-caller' && event.role === 'kiosk')
      return this.sendKiosk(event.id, event.message);
    // A peer's message reaches a party this process holds, attached to a call it knows, nothing else.
    const callId = 'callId' in event.message ? event.message.callId : undefined;
    const call = callId ? this.calls.get(callId) : undefined;
    if (call && this._sync.holds(call, event.role)) this.session(event.role, event.id)?.conn.send(event.message);
  }
}
