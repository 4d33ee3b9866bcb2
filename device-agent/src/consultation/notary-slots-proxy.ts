import express, { Router, type Response } from 'express';
import {
  INTAKE_NOTARY_SLOTS_PATH,
  KIOSK_NOTARY_SLOTS_PATH,
  NOTARY_HOLD_SUFFIX,
  type IntakeNotarySlots,
  type NotarySlotHold,
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

/**
 * The notary office's interview slots for the kiosk page (issue 12): `GET KIOSK_NOTARY_SLOTS_PATH`
 * and `POST …/:slotId/hold` ask the centre with the terminal credential and pass on only the
 * contract's fields. The centre unreachable: 503 `centerUnavailable` (the page offers the phone).
 */
export function notarySlotsRouter(center: () => KioskConfig['center'] | undefined, log: Logger): Router {
  const router = Router();
  const base = KIOSK_NOTARY_SLOTS_PATH.slice(API_PREFIX.length);

  const ask = async (
    res: Response,
    path: string,
    method: 'GET' | 'POST',
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
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
        signal: AbortSignal.timeout(TIMEOUT_MS),
      });
    } catch (err) {
      log.warn({ detail: (err as Error).name }, 'notary slots: centre unreachable');
      return void res.status(503).json({ error: 'centerUnavailable' });
    }
    const body: unknown = await answer.json().catch(() => undefined);
    if (answer.status === 409) return void res.status(409).json({ error: 'slotFull' });
    if (answer.status === 404) return void res.status(404).json({ error: 'slotNotFound' });
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
  return router;
}
