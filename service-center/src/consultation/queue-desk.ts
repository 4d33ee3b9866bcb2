import { randomUUID } from 'node:crypto';
import type { EnqueueMessage, TakeNextMessage } from '@kiosk/contract/signalling-api';
import { inScope, kioskUpdates, lawyerView, lawyersFor, type QueueRowView } from './county-view.js';
import type { Call } from './calls.js';
import type { HubContext, Session } from './hub-context.js';
import { WaitingQueue, type QueueItem } from './queue.js';

/** How long after a lost lawyer her 重新排队 still goes to the head of the queue (not abusable later). */
export const REQUEUE_FIRST_MS = 10 * 60_000;

/**
 * The consultation queue, one per county (reference/video-consultation.md §3, issue 14 item 2): a kiosk
 * queues in her terminal's county; after the queue timeout she is held with her place kept; a county
 * lawyer's `take-next` takes the oldest caller of her county, province staff's the oldest of any (or
 * of the county named); `queued` and `queue` after every change. On PostgreSQL the queue is the shared
 * table, and this process keeps only its own kiosks' timers.
 */
export class ConsultationQueueDesk {
  private readonly _queue = new WaitingQueue();
  /** Kiosks whose call ended because the lawyer was lost, and when (ms): her next enqueue goes first. */
  private readonly _lawyerLost = new Map<string, number>();

  constructor(private readonly _hub: HubContext) {}

  get size(): number {
    return this._hub.bus ? this._hub.bus.queue().length : this._queue.size;
  }

  has(kioskId: string): boolean {
    return this._queue.get(kioskId) !== undefined;
  }

  clear(): void {
    this._queue.clear();
  }

  /** Back after a dropped socket: her place is kept until she sends `enqueue` again. */
  kioskBack(kioskId: string): void {
    const item = this._queue.get(kioskId);
    if (item?.state === 'away') this._hold(item);
  }

  /** Her socket dropped: the place is kept for the grace period. */
  kioskAway(kioskId: string): void {
    const item = this._queue.get(kioskId);
    if (!item) return;
    item.state = 'away';
    this._hub.bus?.queueState(kioskId, 'away');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(kioskId), this._hub.settings.graceS * 1000);
  }

  /**
   * Her call ended because the lawyer was lost (his side's grace period ran out, on any process): the
   * kiosk promised 重新排队 puts her first, so her next enqueue within `REQUEUE_FIRST_MS` goes to the
   * head of her county's queue.
   */
  lawyerLost(kioskId: string): void {
    const now = this._hub.now();
    for (const [id, at] of this._lawyerLost) if (now - at > REQUEUE_FIRST_MS) this._lawyerLost.delete(id);
    this._lawyerLost.set(kioskId, now);
  }

  /** When she arrives: now, or just before the oldest of her county after a lost lawyer (once). */
  private _arrival(kioskId: string, county: string): number {
    const now = this._hub.now();
    const lost = this._lawyerLost.get(kioskId);
    this._lawyerLost.delete(kioskId);
    if (lost === undefined || now - lost > REQUEUE_FIRST_MS) return now;
    // On PostgreSQL the claim orders by this time too, so every process offers her first.
    const rows = this._hub.bus ? this._hub.bus.queue() : this._queue.items();
    const oldest = Math.min(...rows.filter((r) => r.county === county).map((r) => r.enqueuedAt));
    return Math.min(now, oldest - 1);
  }

  /** Another process took her: her timers stop here. */
  forget(kioskId: string): boolean {
    return this._queue.remove(kioskId) !== undefined;
  }

  leave(kioskId: string): boolean {
    if (!this._queue.remove(kioskId)) return false;
    this._hub.bus?.queueRemove(kioskId);
    this.broadcast();
    return true;
  }

  async enqueue(session: Session, msg: EnqueueMessage): Promise<void> {
    const hub = this._hub;
    if (hub.calls.of('kiosk', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    const bus = hub.bus;
    // Lawyers on the other processes count: their presence is read afresh, not as of the last event;
    // a call another process just ended (her lost lawyer) is known before she is placed.
    if (bus) await Promise.all([bus.refresh(), bus.settled()]);
    const ticket = bus && !this._queue.get(session.id) ? await bus.nextTicket() : undefined;
    if (hub.session('kiosk', session.id) !== session) return;
    const county = session.county ?? hub.counties.fallback;
    const existing = this._queue.get(session.id);
    if (lawyersFor(county, hub.staffOnline('lawyer')) === 0) {
      if (existing) this._hold(existing);
      session.conn.send({
        type: 'no-answer',
        hotline: hub.settings.hotline,
        reason: 'no-lawyer-online',
        ...(existing ? { ticket: existing.ticket } : {}),
      });
      return;
    }
    const fields = {
      county,
      topic: msg.topic,
      consent: msg.consent,
      ...(msg.terminalName ? { terminalName: msg.terminalName } : {}),
      ...(msg.callerName ? { callerName: msg.callerName } : {}),
    };
    const item =
      existing ??
      this._queue.add({ kioskId: session.id, enqueuedAt: this._arrival(session.id, county), ...fields }, ticket);
    if (existing) {
      // The same kiosk again (after a timeout, a reconnect, or a changed topic): same place, same ticket.
      delete existing.terminalName;
      delete existing.callerName;
      Object.assign(existing, fields, { state: 'waiting' });
    }
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this._timeout(item), hub.settings.queueTimeoutS * 1000);
    bus?.queuePut(item);
    hub.log.info({ kiosk: session.id, ticket: item.ticket, topic: item.topic, county }, 'consultation: queued');
    this.broadcast();
  }

  /** Nobody answered in time: `no-answer{timeout}` with her ticket; the place is kept for a while. */
  private _timeout(item: QueueItem): void {
    if (this._queue.get(item.kioskId) !== item) return;
    this._hold(item);
    this._hub.sendKiosk(item.kioskId, {
      type: 'no-answer',
      hotline: this._hub.settings.hotline,
      reason: 'timeout',
      ticket: item.ticket,
    });
    this._hub.log.info({ kiosk: item.kioskId, ticket: item.ticket }, 'consultation: queue timeout');
    this.broadcast();
  }

  /** Keeps the place without offering it to lawyers until she enqueues again (or the hold ends). */
  private _hold(item: QueueItem): void {
    item.state = 'held';
    this._hub.bus?.queueState(item.kioskId, 'held');
    clearTimeout(item.timer);
    item.timer = setTimeout(() => this.leave(item.kioskId), this._hub.settings.queueTimeoutS * 1000);
  }

  async takeNext(session: Session, msg: TakeNextMessage): Promise<void> {
    const hub = this._hub;
    if (hub.calls.of('lawyer', session.id).length)
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'already in a call' });
    if (msg.county && !inScope(session.county, msg.county))
      return session.conn.send({ type: 'error', error: 'forbidden', detail: 'another county' });
    const county = msg.county ?? session.county;
    session.presence = 'online';
    const bus = hub.bus;
    // Across processes the oldest waiting kiosk is claimed in the database, so two lawyers never get her.
    const item = bus
      ? await bus.claimNext(county ? [county] : undefined)
      : this._queue.next((i) => inScope(county, i.county) && hub.session('kiosk', i.kioskId) !== undefined);
    if (!item) return session.conn.send({ type: 'queue-empty' });
    if (bus && hub.session('lawyer', session.id) !== session) {
      // The lawyer left while the claim ran: she goes back to the queue's head.
      bus.queuePut(item);
      bus.publish({ kind: 'changed' });
      return;
    }
    const queuedHere = this._queue.remove(item.kioskId) !== undefined;
    const call: Call = {
      callId: randomUUID(),
      kind: 'consultation',
      staffRole: 'lawyer',
      topic: item.topic,
      consent: item.consent,
      ...(item.terminalName ? { terminalName: item.terminalName } : {}),
      ...(item.callerName ? { callerName: item.callerName } : {}),
      ...(session.displayName ? { lawyerName: session.displayName } : {}),
      startedAt: hub.now(),
      ...(session.county ? { staffCounty: session.county } : {}),
      kiosk: { id: item.kioskId, connected: true },
      lawyer: { id: session.id, connected: true },
    };
    hub.startCall(call);
    // Her socket here dropped while the claim ran: the call waits for her as for any lost socket.
    if (queuedHere && !hub.session('kiosk', item.kioskId)) hub.detach(call, 'kiosk');
  }

  /**
   * `queued` to every waiting kiosk and `queue` to every lawyer, after any change. With several
   * processes each one tells its own sockets, from the shared queue, when the bus says it changed.
   */
  broadcast(): void {
    if (this._hub.bus) return this._hub.bus.publish({ kind: 'changed' });
    this._send(this._queue.items());
  }

  /** The shared queue changed (or this process's view of who is online). */
  broadcastShared(): void {
    this._send(this._hub.bus?.queue() ?? []);
  }

  private _send(rows: readonly QueueRowView[]): void {
    const hub = this._hub;
    const staff = hub.staffOnline('lawyer');
    for (const { kioskId, message } of kioskUpdates(rows, hub.recentDurations(), staff))
      hub.sendKiosk(kioskId, message);
    const options = {
      nowMs: hub.now(),
      listed: hub.counties.listed(),
      name: (c: string) => hub.counties.name(c),
    };
    for (const s of hub.sessions()) if (s.role === 'lawyer') s.conn.send(lawyerView(s.county, rows, staff, options));
  }
}
