import express, { Router, type Response } from 'express';
import {
  INTAKE_NOTARY_SLOTS_PATH,
  KIOSK_NOTARY_SLOTS_PATH,
  NOTARY_HOLD_SUFFIX,
  NOTARY_HOLDS_SEGMENT,
  type IntakeNotarySlots,
  type NotarySlotErrorCode,
  type NotarySlotHold,
  type NotarySlotRelease,
} from '@kiosk/contract/notary-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { KioskConfig } from '../config/schema.js';

const API_PREFIX = '/api/v1';
const TIMEOUT_MS = 8000;
const SLOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;
const MAX_SLOTS = 200;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Only the contract's fields of the centre's answer (it is not trusted to be well formed). */
function slotsOf(v: unknown): IntakeNotarySlots | undefined {
  if (!isObject(v) || !Array.isArray(v['slots'])) return undefined;
  const slots: IntakeNotarySlots['slots'] = [];
  for (const s of (v['slots'] as unknown[]).slice(0, MAX_SLOTS)) {
    if (!isObject(s)) continue;
    const { slotId, startsAt, lengthMin, free } = s;
    if (typeof slotId === 'string' && SLOT_ID.test(slotId) && typeof startsAt === 'string' && ISO.test(startsAt))
      if (Number.isInteger(lengthMin) && Number.isInteger(free) && (free as number) > 0)
        slots.push({ slotId, startsAt, lengthMin: lengthMin as number, free: free as number });
  }
  const online = v['notariesOnline'];
  return { slots, notariesOnline: Number.isInteger(online) && (online as number) > 0 ? (online as number) : 0 };
}

function holdOf(v: unknown): NotarySlotHold | undefined {
  if (!isObject(v)) return undefined;
  const { holdId, slotId, startsAt, lengthMin, expiresAt } = v;
  if (typeof holdId !== 'string' || !SLOT_ID.test(holdId) || typeof slotId !== 'string' || !SLOT_ID.test(slotId))
    return undefined;
  if (typeof startsAt !== 'string' || !ISO.test(startsAt) || typeof expiresAt !== 'string' || !ISO.test(expiresAt))
    return undefined;
  if (!Number.isInteger(lengthMin)) return undefined;
  return { holdId, slotId, startsAt, lengthMin: lengthMin as number, expiresAt };
}

function releaseOf(v: unknown): NotarySlotRelease | undefined {
  return isObject(v) && typeof v['released'] === 'boolean' ? { released: v['released'] } : undefined;
}

/** The centre's refusal code as the page may read it, or the usual one for the status. */
function refusalOf(v: unknown, status: 404 | 409): NotarySlotErrorCode {
  const known: readonly NotarySlotErrorCode[] = ['slotFull', 'slotNotFound', 'slotBooked', 'holdNotFound'];
  const code = isObject(v) ? v['error'] : undefined;
  return known.find((k) => k === code) ?? (status === 409 ? 'slotFull' : 'slotNotFound');
}

/**
 * The notary office's interview slots for the kiosk page (issue 12): `GET KIOSK_NOTARY_SLOTS_PATH`,
 * `POST …/:slotId/hold` and `DELETE …/holds/:holdId` ask the centre with the terminal credential
 * and pass on only the contract's fields. The centre unreachable: 503 `centerUnavailable` (the page
 * offers the phone; an unreleased hold expires at the centre).
 */
export function notarySlotsRouter(center: () => KioskConfig['center'] | undefined, log: Logger): Router {
  const router = Router();
  const base = KIOSK_NOTARY_SLOTS_PATH.slice(API_PREFIX.length);

  const ask = async (
    res: Response,
    path: string,
    method: 'GET' | 'POST' | 'DELETE',
    parse: (v: unknown) => object | undefined,
  ): Promise<void> => {
    res.set('Cache-Control', 'no-store');
    const c = center();
    if (!c) return void res.status(503).json({ error: 'configError' });
    let answer: globalThis.Response;
    try {
      answer = await fetch(new URL(path, c.url), {
        method,
        headers: {
          authorization: `Bearer ${c.token}`,
          ...(method === 'GET' ? {} : { 'content-type': 'application/json' }),
        },
        ...(method === 'GET' ? {} : { body: '{}' }),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      log.warn({ detail: (err as Error).name }, 'notary slots: centre unreachable');
      return void res.status(503).json({ error: 'centerUnavailable' });
    }
    const body: unknown = await answer.json().catch(() => undefined);
    if (answer.status === 409 || answer.status === 404)
      return void res.status(answer.status).json({ error: refusalOf(body, answer.status) });
    const parsed = answer.ok ? parse(body) : undefined;
    if (!parsed) {
      log.warn({ status: answer.status }, 'notary slots: the centre did not answer with slots');
      return void res.status(503).json({ error: 'centerUnavailable' });
    }
    res.json(parsed);
  };

  router.get(base, (_req, res) => ask(res, INTAKE_NOTARY_SLOTS_PATH, 'GET', slotsOf));
  router.post(`${base}/:slotId${NOTARY_HOLD_SUFFIX}`, express.json({ limit: '1kb' }), (req, res) => {
    const slotId = req.params['slotId'];
    if (typeof slotId !== 'string' || !SLOT_ID.test(slotId))
      return void res.status(404).json({ error: 'slotNotFound' });
    return ask(res, `${INTAKE_NOTARY_SLOTS_PATH}/${slotId}${NOTARY_HOLD_SUFFIX}`, 'POST', holdOf);
  });
  router.delete(`${base}${NOTARY_HOLDS_SEGMENT}/:holdId`, express.json({ limit: '1kb' }), (req, res) => {
    const holdId = req.params['holdId'];
    if (typeof holdId !== 'string' || !SLOT_ID.test(holdId))
      return void res.status(404).json({ error: 'holdNotFound' });
    return ask(res, `${INTAKE_NOTARY_SLOTS_PATH}${NOTARY_HOLDS_SEGMENT}/${holdId}`, 'DELETE', releaseOf);
  });
  return router;
}
