// The interview step's calls to the device agent (style R8): the notary office's free interview slots,
// the hold on one seat and its release. The agent adds the terminal credential; the page never sees it.
import {
  KIOSK_NOTARY_SLOTS_PATH,
  NOTARY_HOLD_SUFFIX,
  NOTARY_HOLDS_SEGMENT,
  type IntakeNotarySlot,
  type NotarySlotHold,
} from '@kiosk/contract/notary-api';
import { deleteJson, getJson, postJson } from '../data/agent-http.js';

const API_PREFIX = '/api/v1';
const PATH = KIOSK_NOTARY_SLOTS_PATH.slice(API_PREFIX.length);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export type SlotsOutcome =
  | { kind: 'slots'; slots: IntakeNotarySlot[]; notariesOnline: number }
  /** The centre (or the agent) cannot be reached: the office phones her. */
  | { kind: 'unreachable' };

export type HoldOutcome =
  | { kind: 'held'; hold: NotarySlotHold }
  /** Someone else took the last seat (409), or the slot is gone (404): choose again. */
  | { kind: 'taken' }
  | { kind: 'failed' };

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function slotOf(v: unknown): IntakeNotarySlot | undefined {
  if (!isRecord(v)) return undefined;
  const { slotId, startsAt, lengthMin, free } = v;
  if (typeof slotId !== 'string' || !UUID.test(slotId) || typeof startsAt !== 'string' || !ISO.test(startsAt))
    return undefined;
  if (!Number.isInteger(lengthMin) || !Number.isInteger(free) || (free as number) < 1) return undefined;
  return { slotId, startsAt, lengthMin: lengthMin as number, free: free as number };
}

/** GET /api/v1/notary-slots: the free seats of the next working days, earliest first. */
export async function loadNotarySlots(signal?: AbortSignal): Promise<SlotsOutcome> {
  try {
    const { status, body } = await getJson<unknown>(PATH, signal);
    if (status !== 200 || !isRecord(body) || !Array.isArray(body['slots'])) return { kind: 'unreachable' };
    const slots = (body['slots'] as unknown[]).flatMap((s) => slotOf(s) ?? []);
    slots.sort((a, b) => a.startsAt.localeCompare(b.startsAt));
    const online = body['notariesOnline'];
    return { kind: 'slots', slots, notariesOnline: Number.isInteger(online) ? Math.max(0, online as number) : 0 };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'unreachable' };
  }
}

/** POST /api/v1/notary-slots/:slotId/hold: one seat kept for her until the request arrives. */
export async function holdNotarySlot(slotId: string, signal?: AbortSignal): Promise<HoldOutcome> {
  if (!UUID.test(slotId)) return { kind: 'taken' };
  try {
    const { status, body } = await postJson<unknown>(
      `${PATH}/${encodeURIComponent(slotId)}${NOTARY_HOLD_SUFFIX}`,
      {},
      signal,
    );
    if (status === 409 || status === 404) return { kind: 'taken' };
    if (status !== 200 || !isRecord(body)) return { kind: 'failed' };
    const { holdId, startsAt, lengthMin, expiresAt } = body;
    if (typeof holdId !== 'string' || !UUID.test(holdId) || typeof startsAt !== 'string' || !ISO.test(startsAt))
      return { kind: 'failed' };
    if (!Number.isInteger(lengthMin) || typeof expiresAt !== 'string') return { kind: 'failed' };
    return { kind: 'held', hold: { holdId, slotId, startsAt, lengthMin: lengthMin as number, expiresAt } };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed' };
  }
}

export type ReleaseOutcome = 'released' | 'gone' | 'booked' | 'failed';

/**
 * DELETE /api/v1/notary-slots/holds/:holdId: the seat goes back to the office's list. Sent with
 * `keepalive` as she leaves (the flow may be gone by the answer); a lost release expires at the centre.
 */
export async function releaseNotarySlotHold(holdId: string): Promise<ReleaseOutcome> {
  if (!UUID.test(holdId)) return 'gone';
  try {
    const { status, body } = await deleteJson<unknown>(
      `${PATH}${NOTARY_HOLDS_SEGMENT}/${encodeURIComponent(holdId)}`,
      {},
      { keepalive: true },
    );
    if (status === 409) return 'booked';
    if (status === 404) return 'gone';
    if (status !== 200 || !isRecord(body) || typeof body['released'] !== 'boolean') return 'failed';
    return body['released'] ? 'released' : 'gone';
  } catch {
    return 'failed';
  }
}
