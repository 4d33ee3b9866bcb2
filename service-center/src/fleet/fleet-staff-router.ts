import { Router } from 'express';
import type { FleetList, FleetReadinessRequested, FleetTerminal } from '@kiosk/contract/staff-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { TerminalEntry } from '../config-schema.js';
import { StaffAccess, refuse, type StaffRequest } from '../http/staff-access.js';
import type { CenterRepository } from '../store/repository.js';
import { fleetTerminals } from './fleet-flags.js';

export const DEFAULT_SILENT_AFTER_S = 300;

export interface FleetStaffDeps {
  repo: Pick<CenterRepository, 'listTerminalHealth' | 'requestReadiness'>;
  access: StaffAccess;
  terminals: () => readonly TerminalEntry[];
  log: Logger;
  silentAfterS?: number;
  now?: () => Date;
}

/**
 * The 终端状态 page's API (admin and staff roles): GET /fleet lists every configured terminal with
 * its flags and last heartbeat; GET /fleet/:id one of them; POST /fleet/:id/readiness asks the
 * terminal for its readiness report, which arrives with its next heartbeat (the centre cannot reach
 * a terminal behind NAT, so the request rides on the heartbeat's answer).
 */
export function fleetStaffRouter(deps: FleetStaffDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const silentAfterSec = deps.silentAfterS ?? DEFAULT_SILENT_AFTER_S;
  const allowed = [deps.access.require(), StaffAccess.role('admin', 'staff')];

  const list = async (): Promise<FleetTerminal[]> =>
    fleetTerminals(deps.terminals(), await deps.repo.listTerminalHealth(), now().getTime(), silentAfterSec);
  const configured = (id: unknown): TerminalEntry | undefined =>
    typeof id === 'string' ? deps.terminals().find((t) => t.id === id) : undefined;

  router.get('/fleet', ...allowed, async (_req, res) => {
    res.json({ generatedAt: now().toISOString(), silentAfterSec, terminals: await list() } satisfies FleetList);
  });

  router.get('/fleet/:terminalId', ...allowed, async (req, res) => {
    const terminal = configured(req.params['terminalId']);
    const found = terminal && (await list()).find((t) => t.id === terminal.id);
    if (!found) return refuse(res, 404, { error: 'notFound' });
    res.json(found);
  });

  router.post('/fleet/:terminalId/readiness', ...allowed, async (req: StaffRequest, res) => {
    const terminal = configured(req.params['terminalId']);
    if (!terminal) return refuse(res, 404, { error: 'notFound' });
    const requestedAt = now().toISOString();
    await deps.repo.requestReadiness(terminal.id, requestedAt);
    deps.log.info({ terminal: terminal.id, by: req.staff?.name }, 'fleet: readiness report requested');
    res.json({ requestedAt } satisfies FleetReadinessRequested);
  });

  return router;
}
