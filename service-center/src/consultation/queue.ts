import type { ConsultationTopic } from '@kiosk/contract/signalling-api';

/**
 * One waiting kiosk. `waiting`: offered to `take-next`; `held`: timed out, her place kept while she
 * chooses between waiting on, 12348 and a call-back; `away`: her WebSocket dropped, kept for the
 * grace period so a reconnect and a new `enqueue` keep the place.
 */
export interface QueueItem {
  ticket: string;
  kioskId: string;
  /** Her terminal's county: whose lawyers are offered her. */
  county: string;
  topic: ConsultationTopic;
  terminalName?: string;
  callerName?: string;
  consent: boolean;
  enqueuedAt: number;
  state: 'waiting' | 'held' | 'away';
  timer?: NodeJS.Timeout;
}

/**
 * The centre's waiting kiosks, keyed by kiosk, oldest `enqueuedAt` first (arrival order, except a
 * caller put back at the head after her lawyer was lost): one FIFO queue per county, read through each
 * item's county.
 */
export class WaitingQueue {
  private readonly _items = new Map<string, QueueItem>();
  private _counter = 0;

  get size(): number {
    return this._items.size;
  }

  get(kioskId: string): QueueItem | undefined {
    return this._items.get(kioskId);
  }

  /** Numbers the ticket itself unless given one (several processes share a database sequence). */
  add(item: Omit<QueueItem, 'ticket' | 'state'>, ticket?: string): QueueItem {
    if (!ticket) this._counter = (this._counter % 999) + 1;
    const entry: QueueItem = {
      ...item,
      ticket: ticket ?? `Q${String(this._counter).padStart(3, '0')}`,
      state: 'waiting',
    };
    this._items.set(item.kioskId, entry);
    return entry;
  }

  remove(kioskId: string): QueueItem | undefined {
    const item = this._items.get(kioskId);
    if (!item) return undefined;
    clearTimeout(item.timer);
    this._items.delete(kioskId);
    return item;
  }

  /** The first waiting entry that `available` accepts (FIFO). */
  next(available: (item: QueueItem) => boolean): QueueItem | undefined {
    return this.items().find((item) => item.state === 'waiting' && available(item));
  }

  items(): QueueItem[] {
    return [...this._items.values()].sort((a, b) => a.enqueuedAt - b.enqueuedAt);
  }

  clear(): void {
    for (const item of this._items.values()) clearTimeout(item.timer);
    this._items.clear();
  }
}

/**
 * The contract's honest estimate: mean of recent call lengths × people ahead ÷ lawyers online;
 * undefined without call history or without a lawyer.
 */
export function estimateWaitS(
  recentDurationsS: readonly number[],
  position: number,
  lawyers: number,
): number | undefined {
  if (!recentDurationsS.length || lawyers < 1 || position < 1) return undefined;
  const mean = recentDurationsS.reduce((a, b) => a + b, 0) / recentDurationsS.length;
  return Math.round((mean * (position - 1)) / lawyers);
}
