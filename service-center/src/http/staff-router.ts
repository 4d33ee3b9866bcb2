import express, { Router } from 'express';
import type { Logger } from '@kiosk/node-common/logger';
import { createValidator, type Validator } from '@kiosk/node-common/validator';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { CenterRepository } from '../store/repository.js';
import type { TerminalEntry } from '../config-schema.js';
import { fleetStaffRouter } from '../fleet/fleet-staff-router.js';
import { satisfactionRouter } from '../satisfaction/satisfaction-router.js';
import { accountsRouter } from './accounts-router.js';
import { applicationsRouter } from './applications-router.js';
import { StaffAccess, bodyCheck } from './staff-access.js';
import { staffAuthRouter } from './staff-auth-router.js';

export interface StaffDeps {
  repo: CenterRepository;
  sessions: StaffSessions;
  log: Logger;
  /** Schema checks of request bodies; a router of its own by default. */
  validator?: Validator;
  /** The listening port, for the port-suffixed cookie name (cookies ignore ports). */
  port: () => number;
  scryptLogN?: number;
  now?: () => Date;
  /** The 终端状态 page: configured terminals and the silence threshold. */
  fleet?: { terminals: () => readonly TerminalEntry[]; silentAfterS?: number };
  /** Working days from a notary's acceptance to the certificate (default 15, 公证法 Art. 30). */
  notarizationWorkingDays?: number;
  /** The counties the centre serves (an account's county must be one of them when any are listed). */
  counties?: () => readonly string[];
}

/**
 * The staff console's API (`@kiosk/contract/staff-api`), mounted at /api/v1/staff: the login routes
 * (staff-auth-router) and the application routes (applications-router) share one session lookup.
 */
export function staffRouter(deps: StaffDeps): Router {
  const access = new StaffAccess(deps.sessions, deps.port);
  const invalidBody = bodyCheck(deps.validator ?? createValidator());
  const router = Router();
  router.use(express.json({ limit: '64kb' }));
  router.use(access.attach);
  router.use(
    staffAuthRouter({
      repo: deps.repo,
      access,
      invalidBody,
      log: deps.log,
      ...(deps.scryptLogN !== undefined ? { scryptLogN: deps.scryptLogN } : {}),
      ...(deps.now ? { now: deps.now } : {}),
    }),
  );
  router.use(
    applicationsRouter({
      repo: deps.repo,
      access,
      invalidBody,
      log: deps.log,
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.notarizationWorkingDays ? { notarizationWorkingDays: deps.notarizationWorkingDays } : {}),
    }),
  );
  router.use(
    accountsRouter({
      repo: deps.repo,
      access,
      invalidBody,
      log: deps.log,
      ...(deps.scryptLogN !== undefined ? { scryptLogN: deps.scryptLogN } : {}),
      ...(deps.now ? { now: deps.now } : {}),
      ...(deps.counties ? { counties: deps.counties } : {}),
    }),
  );
  router.use(satisfactionRouter({ repo: deps.repo, access }));
  if (deps.fleet)
    router.use(
      fleetStaffRouter({
        repo: deps.repo,
        access,
        log: deps.log,
        ...deps.fleet,
        ...(deps.now ? { now: deps.now } : {}),
      }),
    );
  return router;
}
