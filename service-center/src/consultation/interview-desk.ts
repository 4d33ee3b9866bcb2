import { randomUUID } from 'node:crypto';
import type { JoinInterviewMessage, TakeInterviewMessage } from '@kiosk/contract/signalling-api';
import type { Call } from './calls.js';
import type { HubContext, Session } from './hub-context.js';
import type { SharedInterviewRow } from './bus.js';
import { InterviewList, interviewEntries, type InterviewItem } from './interview-list.js';

/**
 * Kiosks waiting for their booked notary interview (issue 12): `join-interview` with the receipt
 * number of a notarization request this terminal sent, held after the queue timeout, `take-interview`
 * by a notary who picks her; `queued` to the kiosk and `interviews` to every notary after a change.
 * On PostgreSQL the list is the shared table, so a notary on any process sees and takes every kiosk;
 * this process keeps only its own kiosks' timers.
 */
export class InterviewDesk {
  private readonly _list = new InterviewList();

  constructor(
    private readonly _hub: HubContext,
    /** Joining the interview list leaves the consultation queue. */
    private readonly _leaveQueue: (kioskId: string) => void,
  ) {}

  has(kioskId: string): boolean {
    return this._list.get(kioskId) !== undefined;
  }

  clear(): void {
    this._list.clear();
  }

  /** Back after a dropped socket: she is held until she joins again. */
  kioskBack(kioskId: string): void {
    const item = this._list.get(kioskId);
    if (item?.state === 'away') this._hold(item);
  }

  /** Her socket dropped: her entry is kept for the grace period. */
  kioskAway(kioskId: string): void {
    const item = this._list.get(kioskId);
    if (!item) return;
    item.state = 'away';
    this._hub.bus?.interviewState(kioskId, 'away');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(kioskId), this._hub.settings.graceS * 1000);
  }

  /** Her interview started (here or on another process): her timers stop. */
  forget(kioskId: string): boolean {
    return this._list.remove(kioskId) !== undefined;
  }

  leave(kioskId: string): boolean {
    if (!this._list.remove(kioskId)) return false;
    this._hub.bus?.interviewRemove(kioskId);
    this.broadcast();
    return true;
  }

  /** Her request must be at the centre, from this terminal, a notarization. */
  async join(session: Session, msg: JoinInterviewMessage): Promise<void> {
    const hub = this._hub;
    if (hub.calls.of('kiosk', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const found = (await hub.repo.findByReceiptNo(msg.receiptNo)).find(
      (a) => a.terminalId === session.id && a.kind === 'notarization',
    );
    if (!found) return session.conn.send({ type: 'error', error: 'notInQueue', detail: 'unknownReceipt' });
    const booking = await hub.repo.notarySlots?.interviewFor(session.id, msg.receiptNo);
    if (hub.session('kiosk', session.id) !== session) return;
    this._leaveQueue(session.id);
    const item = this._list.put({
      kioskId: session.id,
      receiptNo: msg.receiptNo,
      ...(found.matter ? { matter: found.matter } : {}),
      ...(booking ? { bookedAt: booking.startsAt } : {}),
      ...(msg.terminalName ? { terminalName: msg.terminalName } : {}),
      consent: msg.consent,
      since: hub.now(),
      state: 'waiting',
    });
    item.timer = setTimeout(() => this._timeout(item), hub.settings.queueTimeoutS * 1000);
    hub.bus?.interviewPut(item);
    hub.log.info({ kiosk: session.id, receiptNo: msg.receiptNo }, 'interview: waiting');
    this.broadcast();
  }

  private _timeout(item: InterviewItem): void {
    if (this._list.get(item.kioskId) !== item) return;
    this._hold(item);
    this._hub.sendKiosk(item.kioskId, {
      type: 'no-answer',
      hotline: this._hub.settings.hotline,
      reason: 'timeout',
      ticket: item.receiptNo,
    });
    this.broadcast();
  }

  private _hold(item: InterviewItem): void {
    item.state = 'held';
    this._hub.bus?.interviewState(item.kioskId, 'held');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(item.kioskId), this._hub.settings.queueTimeoutS * 1000);
  }

  async take(session: Session, msg: TakeInterviewMessage): Promise<void> {
    const hub = this._hub;
    if (hub.calls.of('notary', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    // Across processes she is claimed in the database, so two notaries never get her.
    const item = hub.bus ? await hub.bus.claimInterview(msg.kioskId, msg.receiptNo) : this._claim(msg);
    if (!item) return session.conn.send({ type: 'queue-empty' });
    if (hub.session('notary', session.id) !== session) {
      // The notary left while the claim ran: the kiosk stays listed.
      hub.bus?.interviewPut(item);
      return hub.bus?.publish({ kind: 'changed' });
    }
    session.presence = 'online';
    const waitedHere = this._list.remove(item.kioskId) !== undefined;
    const call: Call = {
      callId: randomUUID(),
      kind: 'interview',
      staffRole: 'notary',
      receiptNo: item.receiptNo,
      topic: 'other',
      consent: item.consent,
      ...(item.terminalName ? { terminalName: item.terminalName } : {}),
      startedAt: hub.now(),
      kiosk: { id: item.kioskId, connected: true },
      lawyer: { id: session.id, connected: true },
    };
    hub.startCall(call);
    // Her socket here dropped while the claim ran: the call waits for her as for any lost socket.
    if (waitedHere && !hub.session('kiosk', item.kioskId)) hub.detach(call, 'kiosk');
  }

  /** This process's waiting kiosk, if she may be taken now. */
  private _claim(msg: TakeInterviewMessage): InterviewItem | undefined {
    const item = this._list.get(msg.kioskId);
    const free =
      item?.receiptNo === msg.receiptNo && item.state === 'waiting' && this._hub.session('kiosk', item.kioskId);
    return free ? item : undefined;
  }

  /**
   * `queued` to every kiosk waiting for an interview and `interviews` to every notary, after any
   * change. With several processes each one tells its own sockets, from the shared list, when the
   * bus says it changed.
   */
  broadcast(): void {
    if (this._hub.bus) return this._hub.bus.publish({ kind: 'changed' });
    this._send(this._list.items());
  }

  /** The shared list changed (or this process's view of who is online). */
  broadcastShared(): void {
    this._send(this._hub.bus?.interviews() ?? []);
  }

  private _send(rows: readonly SharedInterviewRow[]): void {
    const hub = this._hub;
    const notariesOnline = hub.staffOnline('notary').size;
    for (const row of rows)
      if (row.state === 'waiting')
        hub.sendKiosk(row.kioskId, {
          type: 'queued',
          ticket: row.receiptNo,
          position: 1,
          lawyersOnline: notariesOnline,
        });
    const waiting = interviewEntries(rows, hub.now());
    for (const s of hub.sessions())
      if (s.role === 'notary') s.conn.send({ type: 'interviews', waiting, notariesOnline });
  }
}
