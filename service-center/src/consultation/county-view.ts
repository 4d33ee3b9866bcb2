import type {
  ConsultationTopic,
  CountyQueueSummary,
  QueueEntry,
  QueueMessage,
  QueuedMessage,
} from '@kiosk/contract/signalling-api';
import { estimateWaitS } from './queue.js';

// What each party sees of the queues per county (issue 14 item 2), from one list of waiting kiosks
// (this process's, or the shared one on PostgreSQL): a kiosk her place, estimate and lawyers in her
// county; a county lawyer her county's callers; province staff every county's, with a summary each.

/** Staff who can take a call, by id: her county, or undefined for province staff. */
export type StaffCounties = ReadonlyMap<string, string | undefined>;

/** A waiting kiosk as the views need it (a queue item or a shared row). */
export interface QueueRowView {
  kioskId: string;
  ticket: string;
  county: string;
  topic: ConsultationTopic;
  terminalName?: string;
  enqueuedAt: number;
  state: 'waiting' | 'held' | 'away';
}

/** A county lawyer's queue is her county's; province staff (undefined) take from all. */
export const inScope = (scope: string | undefined, county: string): boolean => scope === undefined || scope === county;

/**
 * Lawyers who can take a call of `scope`: the county's own and province staff (they may take from
 * any county); for province staff themselves, every lawyer.
 */
export function lawyersFor(scope: string | undefined, staff: StaffCounties): number {
  if (scope === undefined) return staff.size;
  let n = 0;
  for (const county of staff.values()) if (county === undefined || county === scope) n += 1;
  return n;
}

/** `queued` for every waiting kiosk: her place among her county's callers. */
export function kioskUpdates(
  rows: readonly QueueRowView[],
  recentDurationsS: readonly number[],
  staff: StaffCounties,
): Array<{ kioskId: string; message: QueuedMessage }> {
  const places = new Map<string, number>();
  const updates: Array<{ kioskId: string; message: QueuedMessage }> = [];
  for (const row of rows) {
    const position = (places.get(row.county) ?? 0) + 1;
    places.set(row.county, position);
    if (row.state !== 'waiting') continue;
    const lawyersOnline = lawyersFor(row.county, staff);
    const estimatedWaitS = estimateWaitS(recentDurationsS, position, lawyersOnline);
    updates.push({
      kioskId: row.kioskId,
      message: {
        type: 'queued',
        ticket: row.ticket,
        position,
        ...(estimatedWaitS !== undefined ? { estimatedWaitS } : {}),
        lawyersOnline,
      },
    });
  }
  return updates;
}

export interface LawyerViewOptions {
  nowMs: number;
  /** Counties to list for province staff even when nobody waits or serves there. */
  listed: readonly string[];
  name: (county: string) => string | undefined;
}

/** `queue` for one lawyer: the callers of her scope, and for province staff each county's summary. */
export function lawyerView(
  scope: string | undefined,
  rows: readonly QueueRowView[],
  staff: StaffCounties,
  o: LawyerViewOptions,
): QueueMessage {
  const places = new Map<string, number>();
  const queue: QueueEntry[] = [];
  for (const r of rows) {
    const position = (places.get(r.county) ?? 0) + 1;
    places.set(r.county, position);
    if (!inScope(scope, r.county)) continue;
    queue.push({
      ticket: r.ticket,
      kioskId: r.kioskId,
      ...(r.terminalName ? { terminalName: r.terminalName } : {}),
      topic: r.topic,
      waitingS: waitedS(r, o.nowMs),
      position,
      state: r.state,
      county: r.county,
    });
  }
  const message: QueueMessage = { type: 'queue', queue, lawyersOnline: lawyersFor(scope, staff) };
  if (scope !== undefined) return { ...message, county: scope };
  const counties = countySummaries(rows, staff, o);
  return counties.length > 1 ? { ...message, counties } : message;
}

/** Every county listed, waited in or served, in the configuration's order and then by code. */
function countySummaries(
  rows: readonly QueueRowView[],
  staff: StaffCounties,
  o: LawyerViewOptions,
): CountyQueueSummary[] {
  const seen = [...rows.map((r) => r.county), ...[...staff.values()].filter((c) => c !== undefined)];
  const extra = [...new Set(seen)].filter((c) => !o.listed.includes(c)).sort();
  return [...o.listed, ...extra].map((county) => {
    const waiting = rows.filter((r) => r.county === county && r.state === 'waiting');
    const name = o.name(county);
    return {
      county,
      ...(name ? { name } : {}),
      waiting: waiting.length,
      longestWaitS: Math.max(0, ...waiting.map((r) => waitedS(r, o.nowMs))),
      lawyersOnline: [...staff.values()].filter((c) => c === county).length,
    };
  });
}

const waitedS = (r: QueueRowView, nowMs: number): number => Math.max(0, Math.round((nowMs - r.enqueuedAt) / 1000));
