import express, { Router, type NextFunction, type Request, type Response } from 'express';
import type { SubmissionState } from '@kiosk/contract/kiosk-api';
import { describeErrors, validate } from '@kiosk/node-common/validator';
import type { Logger } from '@kiosk/node-common/logger';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import { DEFAULT_LOG_N, MIN_PASSWORD_LENGTH, hashLogN, hashPassword, verifyPassword } from '../auth/password.js';
import { StaffSessions, parseCookies, type StaffSession } from '../auth/staff-sessions.js';
import { STAFF_STATES, checkStatusChange, type StaffState } from '../status-rules.js';
import type { CenterRepository } from '../store/repository.js';

export interface StaffDeps {
  repo: CenterRepository;
  sessions: StaffSessions;
  log: Logger;
  /** The listening port, for the port-suffixed cookie name (cookies ignore ports). */
  port: () => number;
  scryptLogN?: number;
  now?: () => Date;
}

type StaffRequest = Request & { staff?: StaffSession };

const loginSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 40 },
    password: { type: 'string', minLength: 1, maxLength: 200 },
  },
  required: ['name', 'password'],
  additionalProperties: false,
} as const;

const passwordSchema = {
  type: 'object',
  properties: {
    current: { type: 'string', minLength: 1, maxLength: 200 },
    next: { type: 'string', minLength: MIN_PASSWORD_LENGTH, maxLength: 200 },
  },
  required: ['current', 'next'],
  additionalProperties: false,
} as const;

const statusSchema = {
  type: 'object',
  properties: {
    state: { enum: [...STAFF_STATES] },
    missingMaterials: {
      type: 'array',
      items: { type: 'string', minLength: 1, maxLength: 200 },
      minItems: 1,
      maxItems: 30,
    },
    reason: { type: 'string', minLength: 1, maxLength: 1000 },
  },
  required: ['state'],
  additionalProperties: false,
} as const;

const STATES: readonly string[] = ['received', 'accepted', 'needMaterials', 'approved', 'rejected'];

/** The staff console's API: login (scrypt, cookie + CSRF), applications, status changes. */
export function staffRouter(deps: StaffDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const logN = deps.scryptLogN ?? DEFAULT_LOG_N;
  // Failures only: per address 5 per 10 minutes, per account 5 per 10 minutes; no permanent bans.
  const byAddress = new FailureLimiter([
    [5, 10 * 60_000],
    [10, 3600_000],
  ]);
  const byAccount = new FailureLimiter([[5, 10 * 60_000]]);
  const cookieName = (): string => `center_session_P${deps.port()}`;

  router.use(express.json({ limit: '64kb' }));
  router.use((req: StaffRequest, _res, next) => {
    const session = deps.sessions.get(parseCookies(req.headers.cookie).get(cookieName()));
    if (session) req.staff = session;
    next();
  });

  const requireStaff =
    (allowMustChange = false) =>
    (req: StaffRequest, res: Response, next: NextFunction): void => {
      const s = req.staff;
      if (!s) return void res.status(401).json({ error: 'notLoggedIn' });
      if (!['GET', 'HEAD'].includes(req.method) && !StaffSessions.csrfMatches(s, req.get('X-CSRF-Token')))
        return void res.status(403).json({ error: 'csrf' });
      if (s.mustChange && !allowMustChange) return void res.status(403).json({ error: 'passwordChangeRequired' });
      next();
    };

  router.post('/login', async (req: StaffRequest, res) => {
    const errors = validate(loginSchema, req.body);
    if (errors.length) return void res.status(400).json({ error: 'invalidRequest', detail: describeErrors(errors) });
    const { name, password } = req.body as { name: string; password: string };
    const address = req.socket.remoteAddress ?? 'unknown';
    const wait = Math.max(byAddress.retryAfterMs(address), byAccount.retryAfterMs(name));
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return void res.status(429).json({ error: 'tooManyAttempts', retryAfterSec: Math.ceil(wait / 1000) });
    }
    const account = await deps.repo.getStaff(name);
    // An unknown account costs as much time as a wrong password.
    const ok = account
      ? await verifyPassword(password, account.passwordHash)
      : (await hashPassword(password, logN), false);
    if (!account || !ok) {
      byAddress.fail(address);
      byAccount.fail(name);
      deps.log.warn({ staff: account ? name : '(unknown)', remote: address }, 'staff login failed');
      return void res.status(401).json({ error: 'badCredentials' });
    }
    if (hashLogN(account.passwordHash) !== logN)
      await deps.repo.putStaff({
        name,
        passwordHash: await hashPassword(password, logN),
        mustChange: account.mustChange,
        at: now().toISOString(),
      });
    if (req.staff) deps.sessions.end(req.staff.id);
    const session = deps.sessions.create(name, account.mustChange);
    deps.log.info({ staff: name, remote: address }, 'staff login');
    res.cookie(cookieName(), session.id, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.json({ name, mustChange: session.mustChange, csrfToken: session.csrfToken });
  });

  router.post('/logout', requireStaff(true), (req: StaffRequest, res) => {
    deps.sessions.end(req.staff!.id);
    res.clearCookie(cookieName(), { path: '/' }).json({ ok: true });
  });

  router.get('/me', (req: StaffRequest, res) => {
    const s = req.staff;
    if (!s) return void res.status(401).json({ error: 'notLoggedIn' });
    res.json({ name: s.name, mustChange: s.mustChange, csrfToken: s.csrfToken });
  });

  router.post('/password', requireStaff(true), async (req: StaffRequest, res) => {
    const errors = validate(passwordSchema, req.body);
    if (errors.length) return void res.status(400).json({ error: 'weakPassword', minLength: MIN_PASSWORD_LENGTH });
    const { current, next } = req.body as { current: string; next: string };
    const s = req.staff!;
    const account = await deps.repo.getStaff(s.name);
    if (!account || !(await verifyPassword(current, account.passwordHash)))
      return void res.status(401).json({ error: 'badCredentials' });
    if (current === next) return void res.status(400).json({ error: 'weakPassword', minLength: MIN_PASSWORD_LENGTH });
    await deps.repo.putStaff({
      name: s.name,
      passwordHash: await hashPassword(next, logN),
      mustChange: false,
      at: now().toISOString(),
    });
    deps.sessions.endAllOf(s.name);
    const session = deps.sessions.create(s.name, false);
    deps.log.info({ staff: s.name }, 'staff password changed');
    res.cookie(cookieName(), session.id, { httpOnly: true, sameSite: 'strict', path: '/' });
    res.json({ name: s.name, mustChange: false, csrfToken: session.csrfToken });
  });

  router.get('/applications', requireStaff(), async (req, res) => {
    const state =
      typeof req.query['state'] === 'string' && STATES.includes(req.query['state'])
        ? (req.query['state'] as SubmissionState)
        : undefined;
    const items = await deps.repo.listApplications({ ...(state ? { state } : {}), limit: 200 });
    res.json({ items });
  });

  router.get('/applications/:id', requireStaff(), async (req, res) => {
    const detail = await deps.repo.getApplication(String(req.params['id']));
    if (!detail) return void res.status(404).json({ error: 'notFound' });
    res.json(detail);
  });

  router.get('/applications/:id/documents/:role/:index', requireStaff(), async (req, res) => {
    const role = req.params['role'];
    const index = Number(req.params['index']);
    if ((role !== 'photo' && role !== 'signature') || !Number.isInteger(index))
      return void res.status(404).json({ error: 'notFound' });
    const doc = await deps.repo.getDocument(String(req.params['id']), role, index);
    if (!doc) return void res.status(404).json({ error: 'notFound' });
    res.set('Content-Type', doc.mime).set('Content-Disposition', 'inline').send(doc.bytes);
  });

  router.post('/applications/:id/status', requireStaff(), async (req: StaffRequest, res) => {
    const errors = validate(statusSchema, req.body);
    if (errors.length) return void res.status(400).json({ error: 'invalidRequest', detail: describeErrors(errors) });
    const body = req.body as { state: StaffState; missingMaterials?: string[]; reason?: string };
    const id = String(req.params['id']);
    const current = await deps.repo.getApplication(id);
    if (!current) return void res.status(404).json({ error: 'notFound' });
    const notifiedBefore = current.history.some((h) => h.state === 'needMaterials');
    const problem = checkStatusChange(current.state, body.state, body, notifiedBefore);
    if (problem) return void res.status(409).json({ error: problem });
    const missing = body.missingMaterials?.map((m) => m.trim()).filter(Boolean);
    const detail = await deps.repo.changeStatus(id, {
      state: body.state,
      ...(body.state === 'needMaterials' && missing ? { missingMaterials: missing } : {}),
      ...(body.state === 'rejected' && body.reason ? { reason: body.reason.trim() } : {}),
      by: req.staff!.name,
      at: now().toISOString(),
    });
    deps.log.info({ staff: req.staff!.name, centerId: id, state: body.state }, 'application status changed');
    res.json(detail);
  });

  return router;
}
