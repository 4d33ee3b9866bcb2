import type { InterviewWaiting } from '@kiosk/contract/signalling-api';
import type { SharedInterviewRow } from './bus.js';

/**
 * A kiosk waiting for its booked notary interview (issue 12). Not a FIFO queue: the notary picks the
 * applicant by receipt number and booked time. States as in the consultation queue.
 */
export interface InterviewItem extends SharedInterviewRow {
  timer?: NodeJS.Timeout;
}

/** Kiosks waiting for a notary, one entry per kiosk (a Map keeps arrival order). */
export class InterviewList {
  private readonly _items = new Map<string, InterviewItem>();

  get size(): number {
    return this._items.size;
  }

  get(kioskId: string): InterviewItem | undefined {
    return this._items.get(kioskId);
  }

  /** Replaces any earlier entry of the same kiosk. */
  put(item: InterviewItem): InterviewItem {
    this.remove(item.kioskId);
    this._items.set(item.kioskId, item);
    return item;
  }

  remove(kioskId: string): InterviewItem | undefined {
    const item = this._items.get(kioskId);
    if (!item) return undefined;
    clearTimeout(item.timer);
    this._items.delete(kioskId);
    return item;
  }

  items(): InterviewItem[] {
    return [...this._items.values()];
  }

  clear(): void {
    for (const item of this._items.values()) clearTimeout(item.timer);
    this._items.clear();
  }
}

/** What notaries see: booked ones by their slot's start, then the others by arrival. */
export function interviewEntries(rows: readonly SharedInterviewRow[], nowMs: number): InterviewWaiting[] {
  const order = (i: SharedInterviewRow): string => i.bookedAt ?? '~';
  return [...rows]
    .sort((a, b) => (order(a) < order(b) ? -1 : order(a) > order(b) ? 1 : a.since - b.since))
    .map((i) => ({
      kioskId: i.kioskId,
      ...(i.terminalName ? { terminalName: i.terminalName } : {}),
      receiptNo: i.receiptNo,
      ...(i.matter ? { matter: i.matter } : {}),
      ...(i.bookedAt ? { bookedAt: i.bookedAt } : {}),
      waitingS: Math.max(0, Math.round((nowMs - i.since) / 1000)),
      state: i.state,
    }));
}
