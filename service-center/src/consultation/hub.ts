import { randomUUID } from 'node:crypto';
import {
  CLOSE_SUPERSEDED,
  CLOSE_UNAUTHORIZED,
  type ClientMessage,
  type EnqueueMessage,
  type HangupReason,
  type HelloMessage,
  type JoinInterviewMessage,
  type LawyerPresence,
  type QueueEntry,
  type ServerMessage,
  type SignallingHealth,
  type SignallingRole,
  type TakeInterviewMessage,
} from '@kiosk/contract/signalling-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository } from '../store/repository.js';
import type { BusEvent, CallAnnouncement, ConsultationBus } from './bus.js';
import { CallTable, isParty, otherRole, sideOf, type Call, type StaffSideRole } from './calls.js';
import { InterviewList, type InterviewItem } from './interview-list.js';
import { WaitingQueue, estimateWaitS, type QueueItem } from './queue.js';
import type { ConsultationSettings } from './settings.js';
import { verifySignallingToken } from './tokens.js';
import { iceServersFor, iceTransportPolicy } from './turn.js';

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
}

export interface HubDeps {
  settings: ConsultationSettings;
  repo: CenterRepository;
  log: Logger;
  /** Terminal display names by id, for calls re-created after a restart. */
  now?: () => number;
  /**
   * Shared state for several centre processes on one database (PostgreSQL); without it the queue,
   * presence and calls live in this process only.
   */
  bus?: ConsultationBus;
}

const RECENT_CALLS = 20;
const key = (role: SignallingRole, id: string): string => `${role}:${id}`;
const KIOSK_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['enqueue', 'leave-queue', 'join-interview']);
const LAWYER_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['take-next']);
const NOTARY_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['take-interview']);
const STAFF_ONLY: ReadonlySet<ClientMessage['type']> = new Set(['presence']);

/**
 * Queue, lawyer presence and the signalling relay (reference/video-consultation.md §3): FIFO queue
 * per centre, `matched` with TURN credentials, relay only between a call's two parties, calls that
 * outlive their WebSockets for the grace period and are resumed by callId (also after a restart,
 * from the call record).
 */
export class SignallingHub {
  private readonly _sessions = new Map<string, Session>();
  private readonly _queue = new WaitingQueue();
  private readonly _interviews = new InterviewList();
  private readonly _calls = new CallTable();
  private readonly _recent: number[] = [];
  private readonly _now: () => number;
  private _sweep: NodeJS.Timeout | undefined;

  constructor(private readonly _deps: HubDeps) {
    this._now = _deps.now ?? Date.now;
  }

  private get _s(): ConsultationSettings {
    return this._deps.settings;
  }

  async start(): Promise<void> {
    await this._deps.bus?.start((event) => this._onBus(event));
    this._recent.push(...(await this._deps.repo.recentCallDurations(RECENT_CALLS)));
    // Calls a previous run left open may be resumed within the grace period; after it, they ended.
    const open = await this._deps.repo.openCalls();
    if (open.length)
      this._sweep = setTimeout(() => void this._endForgotten(open.map((c) => c.callId)), this._s.graceS * 1000);
  }

  stop(): void {
    clearTimeout(this._sweep);
    this._queue.clear();
    this._interviews.clear();
    this._calls.clear();
    this._sessions.clear();
  }

  health(): SignallingHealth {
    const queue = this._deps.bus ? this._deps.bus.queue().length : this._queue.size;
    return { ok: true, queue, calls: this._calls.size, lawyers: this._lawyersOnline() };
  }

  // ---- connection lifecycle ----

  /** Authenticates the first message; the session, or undefined after `unauthorized` + close 4001. */
  async hello(conn: Connection, msg: HelloMessage): Promise<Session | undefined> {
    if (!verifySignallingToken(this._s.tokenSecret, msg.role, msg.id, msg.token, this._now())) {
      conn.send({ type: 'error', error: 'unauthorized' });
      conn.close(CLOSE_UNAUTHORIZED, 'unauthorized');
      this._deps.log.warn({ role: msg.role }, 'signalling: hello with a bad token');
      return undefined;
    }
    const session: Session = { role: msg.role, id: msg.id, conn, presence: 'online' };
    const older = this._sessions.get(key(msg.role, msg.id));
    const resumed = msg.resume ? await this._resumable(session, msg.resume.callId, msg.resume.peerId) : undefined;
    if (!resumed)
      for (const call of this._calls.of(session.role, session.id)) this._endCall(call, 'superseded', session.role);
    this._sessions.set(key(session.role, session.id), session);
    if (older) older.conn.close(CLOSE_SUPERSEDED, 'superseded');
    const iceServers = iceServersFor(this._s.turn, session.id, this._now());
    conn.send({
      type: 'welcome',
      iceServers,
      iceTransportPolicy: iceTransportPolicy(this._s.turn),
      resumed: Boolean(resumed),
      ...(resumed ? { callId: resumed.callId } : {}),
      lawyersOnline: this._lawyersOnline(),
    });
    if (resumed) this._attach(resumed, session);
    this._deps.log.info(
      { role: session.role, id: session.role === 'kiosk' ? session.id : undefined, resumed: Boolean(resumed) },
      'signalling: hello',
    );
    if (session.role !== 'kiosk') this._presenceChanged();
    if (session.role === 'lawyer') this._broadcast();
    else if (session.role === 'notary') this._broadcastInterviews();
    else {
      const item = this._queue.get(session.id);
      // Back after a dropped socket: her place is kept until she sends `enqueue` again.
      if (item?.state === 'away') this._hold(item);
      const waiting = this._interviews.get(session.id);
      if (waiting?.state === 'away') this._holdInterview(waiting);
    }
    return session;
  }

  /** The socket closed: its calls wait for a resume (grace period), its queue place too. */
  disconnected(session: Session): void {
    const k = key(session.role, session.id);
    if (this._sessions.get(k) !== session) return;
    this._sessions.delete(k);
    for (const call of this._calls.of(session.role, session.id)) {
      const side = sideOf(call, session.role);
      side.connected = false;
      clearTimeout(side.timer);
      side.timer = setTimeout(() => this._endCall(call, 'peer-timeout'), this._s.graceS * 1000);
      this._sendTo(otherRole(call, session.role), call, { type: 'peer-lost', callId: call.callId });
    }
    if (session.role === 'kiosk') {
      for (const item of [this._queue.get(session.id), this._interviews.get(session.id)]) {
        if (!item) continue;
        item.state = 'away';
        if (item === this._queue.get(session.id)) this._deps.bus?.queueState(session.id, 'away');
        clearTimeout(item.timer);
        item.timer = setTimeout(() => this._leave(session.id), this._s.graceS * 1000);
      }
    } else this._presenceChanged();
    this._broadcast();
    this._broadcastInterviews();
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
        this._leaveInterview(session.id);
        return this._enqueue(session, msg);
      case 'leave-queue':
        if (!this._queue.get(session.id) && !this._interviews.get(session.id))
          return session.conn.send({ type: 'error', error: 'notInQueue' });
        return this._leave(session.id);
      case 'take-next':
        return this._takeNext(session);
      case 'join-interview':
        return this._joinInterview(session, msg);
      case 'take-interview':
        return this._takeInterview(session, msg);
      case 'presence':
        session.presence = msg.presence;
        this._presenceChanged();
        this._broadcast();
        return this._broadcastInterviews();
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

  // ---- queue ----

  private async _enqueue(session: Session, msg: EnqueueMessage): Promise<void> {
    if (this._calls.of('kiosk', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const bus = this._deps.bus;
    // Lawyers on the other processes count: their presence is read afresh, not as of the last event.
    if (bus) await bus.refresh();
    const ticket = bus && !this._queue.get(session.id) ? await bus.nextTicket() : undefined;
    if (this._sessions.get(key('kiosk', session.id)) !== session) return;
    const existing = this._queue.get(session.id);
    if (this._lawyersOnline() === 0) {
      if (existing) this._hold(existing);
      session.conn.send({
        type: 'no-answer',
        hotline: this._s.hotline,
        reason: 'no-lawyer-online',
        ...(existing ? { ticket: existing.ticket } : {}),
      });
      return;
    }
    const fields = {
      topic: msg.topic,
      consent: msg.consent,
      ...(msg.terminalName ? { terminalName: msg.terminalName } : {}),
      ...(msg.callerName ? { callerName: msg.callerName } : {}),
    };
    const item = existing ?? this._queue.add({ kioskId: session.id, enqueuedAt: this._now(), ...fields }, ticket);
    if (existing) {
      // The same kiosk again (after a timeout, a reconnect, or a changed topic): same place, same ticket.
      delete existing.terminalName;
      delete existing.callerName;
      Object.assign(existing, fields, { state: 'waiting' });
    }
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this._timeout(item), this._s.queueTimeoutS * 1000);
    bus?.queuePut(item);
    this._deps.log.info({ kiosk: session.id, ticket: item.ticket, topic: item.topic }, 'consultation: queued');
    this._broadcast();
  }

  /** Nobody answered in time: `no-answer{timeout}` with her ticket; the place is kept for a while. */
  private _timeout(item: QueueItem): void {
    if (this._queue.get(item.kioskId) !== item) return;
    this._hold(item);
    this._sendKiosk(item.kioskId, {
      type: 'no-answer',
      hotline: this._s.hotline,
      reason: 'timeout',
      ticket: item.ticket,
    });
    this._deps.log.info({ kiosk: item.kioskId, ticket: item.ticket }, 'consultation: queue timeout');
    this._broadcast();
  }

  /** Keeps the place without offering it to lawyers until she enqueues again (or the hold ends). */
  private _hold(item: QueueItem): void {
    item.state = 'held';
    this._deps.bus?.queueState(item.kioskId, 'held');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this._leave(item.kioskId), this._s.queueTimeoutS * 1000);
  }

  private _leave(kioskId: string): void {
    if (this._queue.remove(kioskId)) {
      this._deps.bus?.queueRemove(kioskId);
      this._broadcast();
    }
    this._leaveInterview(kioskId);
  }

  // ---- notary interviews ----

  private _leaveInterview(kioskId: string): void {
    if (this._interviews.remove(kioskId)) this._broadcastInterviews();
  }

  /** Her request must be at the centre, from this terminal, a notarization. */
  private async _joinInterview(session: Session, msg: JoinInterviewMessage): Promise<void> {
    if (this._calls.of('kiosk', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const found = (await this._deps.repo.findByReceiptNo(msg.receiptNo)).find(
      (a) => a.terminalId === session.id && a.kind === 'notarization',
    );
    if (!found) return session.conn.send({ type: 'error', error: 'notInQueue', detail: 'unknownReceipt' });
    const booking = await this._deps.repo.notarySlots?.interviewFor(session.id, msg.receiptNo);
    if (this._sessions.get(key('kiosk', session.id)) !== session) return;
    if (this._queue.remove(session.id)) {
      this._deps.bus?.queueRemove(session.id);
      this._broadcast();
    }
    const item = this._interviews.put({
      kioskId: session.id,
      receiptNo: msg.receiptNo,
      ...(found.matter ? { matter: found.matter } : {}),
      ...(booking ? { bookedAt: booking.startsAt } : {}),
      ...(msg.terminalName ? { terminalName: msg.terminalName } : {}),
      consent: msg.consent,
      since: this._now(),
      state: 'waiting',
    });
    item.timer = setTimeout(() => this._interviewTimeout(item), this._s.queueTimeoutS * 1000);
    this._deps.log.info({ kiosk: session.id, receiptNo: msg.receiptNo }, 'interview: waiting');
    this._broadcastInterviews();
  }

  private _interviewTimeout(item: InterviewItem): void {
    if (this._interviews.get(item.kioskId) !== item) return;
    this._holdInterview(item);
    this._sendKiosk(item.kioskId, {
      type: 'no-answer',
      hotline: this._s.hotline,
      reason: 'timeout',
      ticket: item.receiptNo,
    });
    this._broadcastInterviews();
  }

  private _holdInterview(item: InterviewItem): void {
    item.state = 'held';
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this._leaveInterview(item.kioskId), this._s.queueTimeoutS * 1000);
  }

  private _takeInterview(session: Session, msg: TakeInterviewMessage): void {
    if (this._calls.of('notary', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const item = this._interviews.get(msg.kioskId);
    if (
      !item ||
      item.receiptNo !== msg.receiptNo ||
      item.state !== 'waiting' ||
      !this._sessions.has(key('kiosk', item.kioskId))
    )
      return session.conn.send({ type: 'queue-empty' });
    session.presence = 'online';
    this._interviews.remove(item.kioskId);
    this._startCall({
      callId: randomUUID(),
      kind: 'interview',
      staffRole: 'notary',
      receiptNo: item.receiptNo,
      topic: 'other',
      consent: item.consent,
      ...(item.terminalName ? { terminalName: item.terminalName } : {}),
      startedAt: this._now(),
      kiosk: { id: item.kioskId, connected: true },
      lawyer: { id: session.id, connected: true },
    });
  }

  private async _takeNext(session: Session): Promise<void> {
    if (this._calls.of('lawyer', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    session.presence = 'online';
    const bus = this._deps.bus;
    // Across processes the oldest waiting kiosk is claimed in the database, so two lawyers never get her.
    const item = bus ? await bus.claimNext() : this._queue.next((i) => this._sessions.has(key('kiosk', i.kioskId)));
    if (!item) return session.conn.send({ type: 'queue-empty' });
    if (bus && this._sessions.get(key('lawyer', session.id)) !== session) {
      // The lawyer left while the claim ran: she goes back to the queue's head.
      bus.queuePut(item);
      bus.publish({ kind: 'changed' });
      return;
    }
    this._queue.remove(item.kioskId);
    this._startCall({
      callId: randomUUID(),
      kind: 'consultation',
      staffRole: 'lawyer',
      topic: item.topic,
      consent: item.consent,
      ...(item.terminalName ? { terminalName: item.terminalName } : {}),
      ...(item.callerName ? { callerName: item.callerName } : {}),
      startedAt: this._now(),
      kiosk: { id: item.kioskId, connected: true },
      lawyer: { id: session.id, connected: true },
    });
  }

  /** Records the call and sends `matched` to both parties (kiosk = offerer). */
  private _startCall(call: Call): void {
    this._calls.add(call);
    this._deps.bus?.publish({ kind: 'call-started', call: announce(call) });
    this._record(
      this._deps.repo.startCall({
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
    const policy = iceTransportPolicy(this._s.turn);
    this._sendTo('kiosk', call, {
      type: 'matched',
      callId: call.callId,
      role: 'offerer',
      peer: { lawyerId: call.lawyer.id },
      iceServers: iceServersFor(this._s.turn, call.kiosk.id, this._now()),
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
      iceServers: iceServersFor(this._s.turn, call.lawyer.id, this._now()),
      iceTransportPolicy: policy,
    });
    this._deps.log.info({ callId: call.callId, kiosk: call.kiosk.id, kind: call.kind }, 'consultation: matched');
    this._broadcast();
    this._broadcastInterviews();
  }

  // ---- calls ----

  /** The call `session` is a party of, or undefined after `hangup{unknown-call}` to the sender. */
  private _partyCall(session: Session, callId: string): Call | undefined {
    const call = this._calls.get(callId);
    if (call && isParty(call, session.role, session.id)) return call;
    session.conn.send({ type: 'hangup', callId, reason: 'unknown-call' });
    return undefined;
  }

  /** A call this hello may resume: known and a party, or (after a restart) open in the records. */
  private async _resumable(session: Session, callId: string, peerId: string): Promise<Call | undefined> {
    const known = this._calls.get(callId);
    if (known)
      return isParty(known, session.role, session.id) && sideOf(known, otherRole(known, session.role)).id === peerId
        ? known
        : undefined;
    const record = await this._deps.repo.getCall(callId);
    if (!record || record.endedAt) return undefined;
    const staffRole: StaffSideRole = record.kind === 'interview' ? 'notary' : 'lawyer';
    if (session.role !== 'kiosk' && session.role !== staffRole) return undefined;
    const kioskId = session.role === 'kiosk' ? session.id : peerId;
    const lawyerId = session.role === 'kiosk' ? peerId : session.id;
    if (record.kioskId !== kioskId || record.lawyerId !== lawyerId) return undefined;
    const again = this._calls.get(callId);
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
      kiosk: { id: kioskId, connected: false },
      lawyer: { id: lawyerId, connected: false },
    };
    // The other side has the grace period to come back too.
    const peer = sideOf(call, other);
    peer.timer = setTimeout(() => this._endCall(call, 'peer-timeout'), this._s.graceS * 1000);
    this._calls.add(call);
    this._deps.log.info({ callId }, 'consultation: call re-created from its record after a restart');
    return call;
  }

  private _attach(call: Call, session: Session): void {
    const side = sideOf(call, session.role);
    side.connected = true;
    clearTimeout(side.timer);
    delete side.timer;
    this._sendTo(otherRole(call, session.role), call, { type: 'peer-reconnected', callId: call.callId });
  }

  /** Ends a call: the record, and `hangup{reason}` to every attached side except the one that ended it. */
  private _endCall(call: Call, reason: HangupReason, by?: SignallingRole): void {
    if (this._calls.get(call.callId) !== call) return;
    this._calls.delete(call);
    this._deps.bus?.publish({ kind: 'call-ended', callId: call.callId, reason });
    for (const role of ['kiosk', call.staffRole] as const)
      if (role !== by) this._sendTo(role, call, { type: 'hangup', callId: call.callId, reason });
    const durationS = Math.round((this._now() - call.startedAt) / 1000);
    if (call.kind === 'consultation') {
      this._recent.unshift(durationS);
      this._recent.length = Math.min(this._recent.length, RECENT_CALLS);
    }
    this._record(this._deps.repo.endCall(call.callId, new Date(this._now()).toISOString(), reason));
    this._deps.log.info({ callId: call.callId, reason, durationS }, 'consultation: call ended');
    this._broadcast();
    this._broadcastInterviews();
  }

  private async _endForgotten(callIds: string[]): Promise<void> {
    for (const callId of callIds)
      if (!this._calls.get(callId))
        await this._deps.repo.endCall(callId, new Date(this._now()).toISOString(), 'peer-timeout');
  }

  private _record(write: Promise<unknown>): void {
    write.catch((err: unknown) => this._deps.log.error({ err }, 'consultation: call record not written'));
  }

  // ---- sending ----

  private _sendTo(role: SignallingRole, call: Call, message: ServerMessage): void {
    if (role !== 'kiosk' && role !== call.staffRole) return;
    const side = sideOf(call, role);
    if (!side.connected) return;
    const local = this._sessions.get(key(role, side.id));
    if (local) local.conn.send(message);
    // The party's socket may be held by another centre process.
    else this._deps.bus?.publish({ kind: 'deliver', role, id: side.id, message });
  }

  private _sendKiosk(kioskId: string, message: ServerMessage): void {
    this._sessions.get(key('kiosk', kioskId))?.conn.send(message);
  }

  /** Lawyers who can take a call now or after their current one (not away). */
  private _lawyersOnline(): number {
    return this._staffOnline('lawyer');
  }

  /** Staff of this role who can take a call now or after their current one (not away). */
  private _staffOnline(role: StaffSideRole): number {
    const ids = this._calls.staffInCall(role);
    for (const s of this._sessions.values()) if (s.role === role && s.presence === 'online') ids.add(s.id);
    for (const id of this._deps.bus?.staffOnline(role) ?? []) ids.add(id);
    return ids.size;
  }

  /** Notaries reachable now (the intake's slot list offers "now" when there is one). */
  notariesOnline(): number {
    return this._staffOnline('notary');
  }

  /** `queued` to every kiosk waiting for an interview and `interviews` to every notary. */
  private _broadcastInterviews(): void {
    const notariesOnline = this.notariesOnline();
    for (const item of this._interviews.items())
      if (item.state === 'waiting')
        this._sendKiosk(item.kioskId, {
          type: 'queued',
          ticket: item.receiptNo,
          position: 1,
          lawyersOnline: notariesOnline,
        });
    const waiting = this._interviews.entries(this._now());
    for (const s of this._sessions.values())
      if (s.role === 'notary') s.conn.send({ type: 'interviews', waiting, notariesOnline });
  }

  /**
   * `queued` to every waiting kiosk and `queue` to every lawyer, after any change. With several
   * processes each one tells its own sockets, from the shared queue, when the bus says it changed.
   */
  private _broadcast(): void {
    if (this._deps.bus) return this._deps.bus.publish({ kind: 'changed' });
    this._broadcastFrom(this._queue.items(), this._queue.entries(this._now()));
  }

  private _broadcastFrom(
    items: ReadonlyArray<Pick<QueueItem, 'kioskId' | 'ticket' | 'state'>>,
    queue: QueueEntry[],
  ): void {
    const lawyersOnline = this._lawyersOnline();
    items.forEach((item, i) => {
      if (item.state !== 'waiting') return;
      const estimatedWaitS = estimateWaitS(this._recent, i + 1, lawyersOnline);
      this._sendKiosk(item.kioskId, {
        type: 'queued',
        ticket: item.ticket,
        position: i + 1,
        ...(estimatedWaitS !== undefined ? { estimatedWaitS } : {}),
        lawyersOnline,
      });
    });
    for (const s of this._sessions.values())
      if (s.role === 'lawyer') s.conn.send({ type: 'queue', queue, lawyersOnline });
  }

  // ---- several processes ----

  /** This process's staff who can take a call, for the others' counts. */
  private _presenceChanged(): void {
    const bus = this._deps.bus;
    if (!bus) return;
    const staff: Array<{ role: StaffSideRole; id: string }> = [];
    for (const s of this._sessions.values())
      if (s.role !== 'kiosk' && s.presence === 'online') staff.push({ role: s.role, id: s.id });
    bus.presence(staff);
  }

  private _onBus(event: BusEvent): void {
    switch (event.kind) {
      case 'changed': {
        const rows = this._deps.bus?.queue() ?? [];
        const now = this._now();
        this._broadcastFrom(
          rows,
          rows.map((r, i) => ({
            ticket: r.ticket,
            kioskId: r.kioskId,
            ...(r.terminalName ? { terminalName: r.terminalName } : {}),
            topic: r.topic,
            waitingS: Math.max(0, Math.round((now - r.enqueuedAt) / 1000)),
            position: i + 1,
            state: r.state,
          })),
        );
        return this._broadcastInterviews();
      }
      case 'call-started': {
        const a = event.call;
        // Her place was claimed by another process: her timers stop here.
        this._queue.remove(a.kioskId);
        if (this._calls.get(a.callId)) return;
        this._calls.add({
          callId: a.callId,
          kind: a.kind,
          staffRole: a.staffRole,
          ...(a.receiptNo ? { receiptNo: a.receiptNo } : {}),
          topic: a.topic,
          consent: a.consent,
          ...(a.terminalName ? { terminalName: a.terminalName } : {}),
          ...(a.callerName ? { callerName: a.callerName } : {}),
          startedAt: a.startedAt,
          kiosk: { id: a.kioskId, connected: true },
          lawyer: { id: a.lawyerId, connected: true },
        });
        return;
      }
      case 'call-ended': {
        // The process that ended it told the parties and wrote the record.
        const call = this._calls.get(event.callId);
        if (!call) return;
        this._calls.delete(call);
        if (call.kind === 'consultation') {
          this._recent.unshift(Math.round((this._now() - call.startedAt) / 1000));
          this._recent.length = Math.min(this._recent.length, RECENT_CALLS);
        }
        return;
      }
      case 'deliver': {
        const session = this._sessions.get(key(event.role, event.id));
        if (!session) return;
        // A peer's message reaches a party of a call this process knows, nothing else.
        if (event.message.type === 'signal' && !this._calls.get(event.message.callId)) return;
        session.conn.send(event.message);
        return;
      }
      default: {
        const never: never = event;
        return never;
      }
    }
  }
}

function announce(call: Call): CallAnnouncement {
  return {
    callId: call.callId,
    kind: call.kind,
    staffRole: call.staffRole,
    ...(call.receiptNo ? { receiptNo: call.receiptNo } : {}),
    topic: call.topic,
    consent: call.consent,
    ...(call.terminalName ? { terminalName: call.terminalName } : {}),
    ...(call.callerName ? { callerName: call.callerName } : {}),
    startedAt: call.startedAt,
    kioskId: call.kiosk.id,
    lawyerId: call.lawyer.id,
  };
}
