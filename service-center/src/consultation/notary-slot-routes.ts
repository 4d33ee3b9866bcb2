import { randomUUID } from 'node:crypto';
import express, { Router, type Response } from 'express';
import {
  INTAKE_NOTARY_SLOTS_PATH,
  NOTARY_HOLD_MINUTES,
  NOTARY_HOLD_SUFFIX,
  NOTARY_HOLDS_SEGMENT,
  NOTARY_SLOT_DAYS_AHEAD,
  NOTARY_SLOT_LENGTHS,
  NOTARY_SLOT_MAX_CAPACITY,
  NOTARY_SLOT_MAX_RUN,
  STAFF_NOTARY_INTERVIEWS_PATH,
  STAFF_NOTARY_SLOTS_PATH,
  type IntakeNotarySlots,
  type NotaryInterviewList,
  type NotarySlotHold,
  type NotarySlotList,
  type NotarySlotRelease,
  type PublishNotarySlots,
} from '@kiosk/contract/notary-api';
import { addChinaDays, chinaDate, isChinaWorkingDay } from '@kiosk/domain/china-time';
import type { Logger } from '@kiosk/node-common/logger';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { TerminalEntry } from '../config-schema.js';
import { StaffAccess, refuse, type StaffRequest } from '../http/staff-access.js';
import { terminalAuth, type TerminalRequest } from '../http/terminal-auth.js';
import type { NotarySlotStore } from '../store/notary-slot-store.js';
import type { CenterRepository } from '../store/repository.js';

export interface NotarySlotRouteDeps {
  repo: CenterRepository;
  terminals: () => readonly TerminalEntry[];
  sessions: StaffSessions;
  port: () => number;
  notariesOnline: () => number;
  log: Logger;
  now?: () => number;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const SLOT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const PUBLISH_KEYS = new Set(['date', 'start', 'lengthMin', 'count', 'capacity']);
/** Interviews happen in office hours (China time). */
const FIRST_START = '07:00';
const LAST_END_MIN = 21 * 60;

/** The instant of a China date and time of day. */
export const chinaInstant = (date: string, time: string): Date => new Date(`${date}T${time}:00+08:00`);

const validDate = (d: unknown): d is string =>
  typeof d === 'string' && DATE.test(d) && chinaDate(`${d}T12:00:00+08:00`) === d;

/** The body's slots (instants), or why it is not a valid run. */
export function parsePublish(body: unknown, nowMs: number): PublishNotarySlots | string {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return 'an object';
  const b = body as Record<string, unknown>;
  if (Object.keys(b).some((k) => !PUBLISH_KEYS.has(k))) return `only ${[...PUBLISH_KEYS].join(', ')}`;
  const get = (k: string): unknown => (Object.hasOwn(b, k) ? b[k] : undefined);
  const date = get('date');
  const start = get('start');
  const lengthMin = NOTARY_SLOT_LENGTHS.find((l) => l === get('lengthMin'));
  const count = get('count');
  const capacity = get('capacity') ?? 1;
  if (!validDate(date)) return 'date YYYY-MM-DD';
  if (typeof start !== 'string' || !TIME.test(start) || start < FIRST_START) return 'start HH:MM from 07:00';
  if (!lengthMin) return `lengthMin one of ${NOTARY_SLOT_LENGTHS.join(', ')}`;
  if (!Number.isInteger(count) || (count as number) < 1 || (count as number) > NOTARY_SLOT_MAX_RUN)
    return `count 1–${NOTARY_SLOT_MAX_RUN}`;
  if (!Number.isInteger(capacity) || (capacity as number) < 1 || (capacity as number) > NOTARY_SLOT_MAX_CAPACITY)
    return `capacity 1–${NOTARY_SLOT_MAX_CAPACITY}`;
  const [h, m] = start.split(':').map(Number);
  if (h * 60 + m + lengthMin * (count as number) > LAST_END_MIN) return 'the last slot ends by 21:00';
  if (chinaInstant(date, start).getTime() <= nowMs) return 'the first slot is in the past';
  return { date, start, lengthMin, count: count as number, capacity: capacity as number };
}

/** [from, to) instants covering `days` China days from the China date `from`. */
function chinaDays(from: string, days: number): { from: string; to: string } {
  return {
    from: chinaInstant(from, '00:00').toISOString(),
    to: chinaInstant(addChinaDays(`${from}T00:00:00+08:00`, days), '00:00').toISOString(),
  };
}

/** The China date after the next `n` working days (today counts when it is one). */
function workingDaysAhead(nowMs: number, n: number): string {
  let date = chinaDate(nowMs);
  let left = isChinaWorkingDay(date) ? n - 1 : n;
  while (left > 0) {
    date = addChinaDays(`${date}T00:00:00+08:00`, 1);
    if (isChinaWorkingDay(date)) left--;
  }
  return addChinaDays(`${date}T00:00:00+08:00`, 1);
}

/**
 * The notary office's slots: staff publish, withdraw and read them with today's booked interviews
 * (notary; an administrator reads); terminals read the free seats of the next working days and hold
 * one atomically (`confirmInterviewHold` ties the hold to the receipt number when the request arrives),
 * and give back a seat of theirs the villager left without sending the request.
 */
export function notarySlotRouter(deps: NotarySlotRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const access = new StaffAccess(deps.sessions, deps.port);
  const { log } = deps;
  const store = (res: Response): NotarySlotStore | undefined => {
    if (deps.repo.notarySlots) return deps.repo.notarySlots;
    res.status(503).json({ error: 'slotsUnavailable' });
    return undefined;
  };

  // ---- terminals ----
  const intake = Router();
  intake.use(terminalAuth(deps.terminals));
  intake.get('/', async (_req: TerminalRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const at = now();
    const list = await slots.listSlots(
      {
        from: new Date(at).toISOString(),
        to: chinaInstant(workingDaysAhead(at, NOTARY_SLOT_DAYS_AHEAD), '00:00').toISOString(),
      },
      new Date(at).toISOString(),
    );
    const body: IntakeNotarySlots = {
      slots: list
        .filter((s) => s.booked + s.held < s.capacity)
        .map((s) => ({
          slotId: s.slotId,
          startsAt: s.startsAt,
          lengthMin: s.lengthMin,
          free: s.capacity - s.booked - s.held,
        })),
      notariesOnline: deps.notariesOnline(),
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  intake.post(`/:slotId${NOTARY_HOLD_SUFFIX}`, async (req: TerminalRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const slotId = req.params['slotId'];
    if (typeof slotId !== 'string' || !SLOT_ID.test(slotId)) return res.status(404).json({ error: 'slotNotFound' });
    const at = now();
    const hold = {
      bookingId: randomUUID(),
      slotId,
      terminalId: req.terminal!.id,
      heldAt: new Date(at).toISOString(),
      expiresAt: new Date(at + NOTARY_HOLD_MINUTES * 60_000).toISOString(),
    };
    const result = await slots.holdSeat(hold, hold.heldAt);
    if (result.outcome === 'notFound') return res.status(404).json({ error: 'slotNotFound' });
    if (result.outcome === 'full') return res.status(409).json({ error: 'slotFull' });
    log.info({ terminal: hold.terminalId, slotId }, 'interview: seat held');
    const body: NotarySlotHold = {
      holdId: hold.bookingId,
      slotId,
      startsAt: result.slot.startsAt,
      lengthMin: result.slot.lengthMin,
      expiresAt: hold.expiresAt,
    };
    res.set('Cache-Control', 'no-store').json(body);
  });
  intake.delete(`${NOTARY_HOLDS_SEGMENT}/:holdId`, async (req: TerminalRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const holdId = req.params['holdId'];
    if (typeof holdId !== 'string' || !SLOT_ID.test(holdId)) return res.status(404).json({ error: 'holdNotFound' });
    const terminal = req.terminal!.id;
    const outcome = await slots.releaseHold(holdId, terminal);
    res.set('Cache-Control', 'no-store');
    if (outcome === 'booked') return res.status(409).json({ error: 'slotBooked' });
    if (outcome === 'released') log.info({ terminal, holdId }, 'interview: seat released');
    const body: NotarySlotRelease = { released: outcome === 'released' };
    res.json(body);
  });

  // ---- staff ----
  const staff = Router();
  staff.use(express.json({ limit: '8kb' }));
  staff.use(access.attach);
  staff.use(access.require());
  const readers = StaffAccess.role('notary', 'admin');
  const writers = StaffAccess.role('notary');

  staff.get(STAFF_NOTARY_SLOTS_PATH, readers, async (req: StaffRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const from = validDate(req.query['from']) ? req.query['from'] : chinaDate(now());
    const rawDays = Number(req.query['days']);
    const days = Number.isInteger(rawDays) && rawDays > 0 ? Math.min(rawDays, 31) : 14;
    const body: NotarySlotList = { items: await slots.listSlots(chinaDays(from, days), new Date(now()).toISOString()) };
    res.json(body);
  });

  staff.post(STAFF_NOTARY_SLOTS_PATH, writers, async (req: StaffRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const run = parsePublish(req.body, now());
    if (typeof run === 'string') return refuse(res, 400, { error: 'invalidRequest', detail: run });
    const first = chinaInstant(run.date, run.start).getTime();
    const at = new Date(now()).toISOString();
    const result = await slots.publishSlots(
      Array.from({ length: run.count }, (_, i) => ({
        slotId: randomUUID(),
        startsAt: new Date(first + i * run.lengthMin * 60_000).toISOString(),
        lengthMin: run.lengthMin,
        capacity: run.capacity ?? 1,
        publishedBy: req.staff!.name,
        publishedAt: at,
      })),
    );
    if (result.outcome === 'taken')
      return refuse(res, 409, { error: 'exists', detail: `a slot already starts at ${result.startsAt}` });
    log.info({ by: req.staff!.name, count: run.count, date: run.date }, 'interview: slots published');
    const body: NotarySlotList = { items: result.slots };
    res.status(201).json(body);
  });

  staff.delete(`${STAFF_NOTARY_SLOTS_PATH}/:slotId`, writers, async (req: StaffRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const slotId = req.params['slotId'];
    if (typeof slotId !== 'string' || !SLOT_ID.test(slotId)) return refuse(res, 404, { error: 'notFound' });
    const outcome = await slots.withdrawSlot(slotId, new Date(now()).toISOString());
    if (outcome === 'notFound') return refuse(res, 404, { error: 'notFound' });
    if (outcome === 'booked')
      return refuse(res, 409, { error: 'notAllowed', detail: 'booked: phone the applicants before withdrawing' });
    log.info({ by: req.staff!.name, slotId }, 'interview: slot withdrawn');
    res.json({ withdrawn: true });
  });

  staff.get(STAFF_NOTARY_INTERVIEWS_PATH, readers, async (req: StaffRequest, res) => {
    const slots = store(res);
    if (!slots) return;
    const date = validDate(req.query['date']) ? req.query['date'] : chinaDate(now());
    const body: NotaryInterviewList = { date, items: await slots.interviews(chinaDays(date, 1)) };
    res.json(body);
  });

  router.use(INTAKE_NOTARY_SLOTS_PATH, intake);
  router.use((req, res, next) => {
    if (req.path.startsWith(STAFF_NOTARY_SLOTS_PATH) || req.path === STAFF_NOTARY_INTERVIEWS_PATH)
      return staff(req, res, next);
    next();
  });
  return router;
}
