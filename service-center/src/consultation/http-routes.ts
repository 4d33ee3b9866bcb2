import express, { Router, type Request, type Response } from 'express';
import {
  CONSULTATION_TOPICS,
  INTAKE_SIGNALLING_TOKEN_PATH,
  SIGNALLING_PATH,
  STAFF_CALLS_PATH,
  STAFF_SIGNALLING_TOKEN_PATH,
  type CallList,
  type CallNote,
  type SignallingToken,
} from '@kiosk/contract/signalling-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { TerminalEntry } from '../config-schema.js';
import { StaffAccess, refuse, type StaffRequest } from '../http/staff-access.js';
import { terminalAuth, type TerminalRequest } from '../http/terminal-auth.js';
import type { CenterRepository, StaffRole } from '../store/repository.js';
import type { ConsultationSettings } from './settings.js';
import { isCallId } from './parse.js';
import { mintSignallingToken } from './tokens.js';

export interface ConsultationRouteDeps {
  settings: ConsultationSettings;
  repo: CenterRepository;
  terminals: () => readonly TerminalEntry[];
  sessions: StaffSessions;
  port: () => number;
  log: Logger;
  now?: () => number;
  /** A consultation's note was saved: its kiosk hears whether the lawyer wrote something for her. */
  noteSaved?: (call: { callId: string; kioskId: string }, forCaller: string | undefined) => void;
}

const CALL_ROLES: readonly StaffRole[] = ['lawyer', 'notary', 'admin'];
const REFERRALS = ['none', 'legalAid', 'notarization', 'mediation'] as const;

/**
 * Where the caller opens the WebSocket: the page's own origin (the console; https → wss), else the
 * Host it reached us by (the agent, which substitutes its own `center.url`). Both passed the guard.
 */
export function signallingUrl(req: Request): string {
  const origin = req.get('origin');
  const base = origin && /^https?:\/\//.test(origin) ? origin : `http://${req.get('host') ?? '127.0.0.1'}`;
  return `${base.replace(/^http/, 'ws')}${SIGNALLING_PATH}`;
}

function parseNote(body: unknown): CallNote | undefined {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return undefined;
  const b = body as Record<string, unknown>;
  const topic = CONSULTATION_TOPICS.find((t) => Object.hasOwn(b, 'topic') && t === b['topic']);
  const referral = REFERRALS.find((r) => Object.hasOwn(b, 'referral') && r === b['referral']);
  const advice = Object.hasOwn(b, 'advice') ? b['advice'] : undefined;
  const forCaller = Object.hasOwn(b, 'forCaller') ? b['forCaller'] : undefined;
  if (!topic || !referral || typeof advice !== 'string' || !advice.trim() || advice.length > 4000) return undefined;
  if (forCaller !== undefined && (typeof forCaller !== 'string' || forCaller.length > 1000)) return undefined;
  const known = new Set(['topic', 'referral', 'advice', 'forCaller']);
  if (Object.keys(b).some((k) => !known.has(k))) return undefined;
  return { topic, advice: advice.trim(), referral, ...(forCaller?.trim() ? { forCaller: forCaller.trim() } : {}) };
}

/**
 * The consultation's HTTP routes, mounted at the app's root: the kiosk token (terminal Bearer), the
 * lawyer token (staff session + CSRF, lawyer or admin role), call records and the lawyer's note.
 */
export function consultationRouter(deps: ConsultationRouteDeps): Router {
  const router = Router();
  const now = deps.now ?? Date.now;
  const access = new StaffAccess(deps.sessions, deps.port);
  const { settings, repo, log } = deps;

  const token = (req: Request, role: SignallingToken['role'], id: string): SignallingToken => ({
    ...mintSignallingToken(settings.tokenSecret, role, id, settings.tokenTtlS, now()),
    id,
    role,
    url: signallingUrl(req),
  });

  router.post(INTAKE_SIGNALLING_TOKEN_PATH, terminalAuth(deps.terminals), (req: TerminalRequest, res) => {
    const terminal = req.terminal!;
    log.debug({ terminal: terminal.id }, 'consultation: kiosk token');
    res.set('Cache-Control', 'no-store').json(token(req, 'kiosk', terminal.id));
  });

  const staff = Router();
  staff.use(express.json({ limit: '64kb' }));
  staff.use(access.attach);
  staff.use(access.require());
  const callStaff = async (req: StaffRequest, res: Response): Promise<StaffRole | undefined> => {
    const account = await repo.getStaff(req.staff!.name);
    if (account && CALL_ROLES.includes(account.role)) return account.role;
    refuse(res, 403, { error: 'forbidden', detail: 'lawyer or notary role required' });
    return undefined;
  };

  staff.post(STAFF_SIGNALLING_TOKEN_PATH, async (req: StaffRequest, res) => {
    const role = await callStaff(req, res);
    if (!role) return;
    // A notary signs in to signalling as a notary: interviews only, never the consultation queue.
    res.json(token(req, role === 'notary' ? 'notary' : 'lawyer', req.staff!.name));
  });

  staff.get(STAFF_CALLS_PATH, async (req: StaffRequest, res) => {
    const role = await callStaff(req, res);
    if (!role) return;
    const raw = Number(req.query['limit']);
    const limit = Number.isInteger(raw) && raw > 0 ? Math.min(raw, 500) : 100;
    const items = await repo.listCalls({ limit, ...(role === 'admin' ? {} : { lawyerId: req.staff!.name }) });
    const body: CallList = { items };
    res.json(body);
  });

  staff.post(`${STAFF_CALLS_PATH}/:callId/note`, async (req: StaffRequest, res) => {
    if (!(await callStaff(req, res))) return;
    const callId = req.params['callId'];
    const call = isCallId(callId) ? await repo.getCall(callId) : undefined;
    if (!call) return refuse(res, 404, { error: 'notFound' });
    if (call.lawyerId !== req.staff!.name)
      return refuse(res, 403, { error: 'forbidden', detail: 'only the lawyer of the call' });
    const note = parseNote(req.body);
    if (!note) return refuse(res, 400, { error: 'invalidRequest', detail: 'topic, advice, referral, forCaller?' });
    await repo.setCallNote(call.callId, note, new Date(now()).toISOString());
    log.info({ callId: call.callId }, 'consultation: note saved');
    if (call.kind !== 'interview') deps.noteSaved?.(call, note.forCaller);
    res.json(await repo.getCall(call.callId));
  });

  router.use((req, res, next) => {
    if (req.path === STAFF_SIGNALLING_TOKEN_PATH || req.path.startsWith(`${STAFF_CALLS_PATH}`)) {
      res.set('Cache-Control', 'no-store');
      return staff(req, res, next);
    }
    next();
  });
  return router;
}
