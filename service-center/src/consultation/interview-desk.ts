import { randomUUID } from 'node:crypto';
import type { JoinInterviewMessage, TakeInterviewMessage } from '@kiosk/contract/signalling-api';
import type { HubContext, Session } from './hub-context.js';
import { InterviewList, type InterviewItem } from './interview-list.js';

/**
 * Kiosks waiting for their booked notary interview (issue 12): `join-interview` with the receipt
 * number of a notarization request this terminal sent, held after the queue timeout, `take-interview`
 * by a notary who picks her; `queued` to the kiosk and `interviews` to every notary after a change.
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
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(kioskId), this._hub.settings.graceS * 1000);
  }

  /** Her interview started (here or on another process): her timers stop. */
  forget(kioskId: string): void {
    this._list.remove(kioskId);
  }

  leave(kioskId: string): boolean {
    if (!this._list.remove(kioskId)) return false;
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
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(item.kioskId), this._hub.settings.queueTimeoutS * 1000);
  }

  take(session: Session, msg: TakeInterviewMessage): void {
    const hub = this._hub;
    if (hub.calls.of('notary', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const item = this._list.get(msg.kioskId);
    if (!item || item.receiptNo !== msg.receiptNo || item.state !== 'waiting' || !hub.session('kiosk', item.kioskId))
      return session.conn.send({ type: 'queue-empty' });
    session.presence = 'online';
    this._list.remove(item.kioskId);
    hub.startCall({
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
    });
  }

  /** `queued` to every kiosk waiting for an interview and `interviews` to every notary. */
  broadcast(): void {
    const hub = this._hub;
    const notariesOnline = hub.staffOnline('notary').size;
    for (const item of this._list.items())
      if (item.state === 'waiting')
        hub.sendKiosk(item.kioskId, {
          type: 'queued',
          ticket: item.receiptNo,
          position: 1,
          lawyersOnline: notariesOnline,
        });
    const waiting = this._list.entries(hub.now());
    for (const s of hub.sessions())
      if (s.role === 'notary') s.conn.send({ type: 'interviews', waiting, notariesOnline });
  }
}
