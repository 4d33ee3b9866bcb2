import { Router, type Response } from 'express';
import type {
  StaffLoginRequest,
  StaffLogoutAnswer,
  StaffPasswordChangeRequest,
  StaffSessionInfo,
} from '@kiosk/contract/staff-api';
import type { Logger } from '@kiosk/node-common/logger';
import { LoginLimiter } from '../auth/login-limiter.js';
import { DEFAULT_LOG_N, MIN_PASSWORD_LENGTH, hashLogN, hashPassword, verifyPassword } from '../auth/password.js';
import type { StaffSession } from '../auth/staff-sessions.js';
import type { CenterRepository } from '../store/repository.js';
import { refuse, type BodyCheck, type StaffAccess, type StaffRequest } from './staff-access.js';

export interface StaffAuthDeps {
  repo: Pick<CenterRepository, 'getStaff' | 'putStaff' | 'reserveLoginAttempt' | 'releaseLoginAttempt'>;
  access: StaffAccess;
  /** The centre's schema check of request bodies. */
  invalidBody: BodyCheck;
  log: Logger;
  scryptLogN?: number;
  now?: () => Date;
}

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

const sessionInfo = (s: StaffSession): StaffSessionInfo => ({
  name: s.name,
  mustChange: s.mustChange,
  csrfToken: s.csrfToken,
  role: s.role,
});

/** Staff login (scrypt, cookie + CSRF, failure limits without permanent bans), logout, session, password. */
export function staffAuthRouter(deps: StaffAuthDeps): Router {
  const router = Router();
  const { access, repo, log, invalidBody } = deps;
  const now = deps.now ?? (() => new Date());
  const logN = deps.scryptLogN ?? DEFAULT_LOG_N;
  // Failures only (an attempt counts while in flight), persisted, serialised: see login-limiter.ts.
  const limiter = new LoginLimiter(repo);
  const weakPassword = (res: Response): void =>
    refuse(res, 400, { error: 'weakPassword', minLength: MIN_PASSWORD_LENGTH });

  router.post('/login', async (req: StaffRequest, res) => {
    const detail = invalidBody(loginSchema, req.body);
    if (detail) return refuse(res, 400, { error: 'invalidRequest', detail });
    const { name, password } = req.body as StaffLoginRequest;
    const address = req.socket.remoteAddress ?? 'unknown';
    const account = await repo.getStaff(name);
    // An unknown account costs as much time as a wrong password.
    const check = await limiter.attempt(address, name, async () =>
      account ? verifyPassword(password, account.passwordHash) : (await hashPassword(password, logN), false),
    );
    if (!check.allowed) {
      const sec = Math.max(1, Math.ceil(check.retryAfterMs / 1000));
      res.set('Retry-After', String(sec));
      return refuse(res, 429, { error: 'tooManyAttempts', retryAfterSec: sec });
    }
    if (!account || !check.ok) {
      log.warn({ staff: account ? name : '(unknown)', remote: address }, 'staff login failed');
      return refuse(res, 401, { error: 'badCredentials' });
    }
    if (hashLogN(account.passwordHash) !== logN)
      await repo.putStaff({
        name,
        passwordHash: await hashPassword(password, logN),
        mustChange: account.mustChange,
        at: now().toISOString(),
      });
    if (req.staff) await access.sessions.end(req.staff.id);
    const session = await access.sessions.create(name, account.mustChange, account.role);
    log.info({ staff: name, remote: address }, 'staff login');
    access.setCookie(req, res, session);
    res.json(sessionInfo(session));
  });

  router.post('/logout', access.require(true), async (req: StaffRequest, res) => {
    await access.sessions.end(req.staff!.id);
    access.clearCookie(req, res);
    res.json({ ok: true } satisfies StaffLogoutAnswer);
  });

  router.get('/me', (req: StaffRequest, res) => {
    if (!req.staff) return refuse(res, 401, { error: 'notLoggedIn' });
    res.json(sessionInfo(req.staff));
  });

  router.post('/password', access.require(true), async (req: StaffRequest, res) => {
    if (invalidBody(passwordSchema, req.body)) return weakPassword(res);
    const { current, next } = req.body as StaffPasswordChangeRequest;
    const s = req.staff!;
    const account = await repo.getStaff(s.name);
    if (!account || !(await verifyPassword(current, account.passwordHash)))
      return refuse(res, 401, { error: 'badCredentials' });
    if (current === next) return weakPassword(res);
    await repo.putStaff({
      name: s.name,
      passwordHash: await hashPassword(next, logN),
      mustChange: false,
      at: now().toISOString(),
    });
    await access.sessions.endAllOf(s.name);
    const session = await access.sessions.create(s.name, false, account.role);
    log.info({ staff: s.name }, 'staff password changed');
    access.setCookie(req, res, session);
    res.json(sessionInfo(session));
  });

  return router;
}
