import express, { Router } from 'express';
import type { HeartbeatAnswer, IntakeError, TerminalHeartbeat } from '@kiosk/contract/intake-api';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import type { Logger } from '@kiosk/node-common/logger';
import { createValidator, describeErrors } from '@kiosk/node-common/validator';
import type { TerminalEntry } from '../config-schema.js';
import { terminalAuth, type TerminalRequest } from '../http/terminal-auth.js';
import type { CenterRepository } from '../store/repository.js';
import { heartbeatSchema } from './heartbeat-schema.js';

export const DEFAULT_HEARTBEATS_PER_MINUTE = 12;

export interface HeartbeatDeps {
  repo: Pick<CenterRepository, 'recordHeartbeat'>;
  terminals: () => readonly TerminalEntry[];
  log: Logger;
  heartbeatsPerMinute?: number;
  now?: () => Date;
}

/**
 * POST /api/v1/intake/heartbeat (terminal token): stores the terminal's counts-only heartbeat and
 * answers the centre's clock and whether to send the readiness report next time. A terminal that
 * beats more often than `heartbeatsPerMinute` gets 429 (a stuck loop must not load the centre).
 */
export function heartbeatRouter(deps: HeartbeatDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const validator = createValidator();
  // Every beat counts (the limiter's "failure" is just "an attempt" here); keyed by terminal id.
  const limiter = new FailureLimiter([[deps.heartbeatsPerMinute ?? DEFAULT_HEARTBEATS_PER_MINUTE, 60_000]], () =>
    now().getTime(),
  );
  let lastFloodLog = new Map<string, number>();

  router.post('/', terminalAuth(deps.terminals), express.json({ limit: '32kb' }), async (req: TerminalRequest, res) => {
    const terminal = req.terminal!;
    const wait = limiter.retryAfterMs(terminal.id);
    if (wait > 0) {
      const at = now().getTime();
      if ((lastFloodLog.get(terminal.id) ?? 0) < at - 60_000) {
        lastFloodLog.set(terminal.id, at);
        if (lastFloodLog.size > 10_000) lastFloodLog = new Map();
        deps.log.warn({ terminal: terminal.id }, 'fleet: heartbeats too often; refused for a while');
      }
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return void res.status(429).json({ error: 'tooManyHeartbeats' } satisfies IntakeError);
    }
    limiter.fail(terminal.id);
    const errors = validator.validate(heartbeatSchema, req.body);
    if (errors.length)
      return void res
        .status(400)
        .json({ error: 'invalidHeartbeat', detail: describeErrors(errors).slice(0, 300) } satisfies IntakeError);
    const receivedAt = now().toISOString();
    const { sendReadiness } = await deps.repo.recordHeartbeat(terminal.id, receivedAt, req.body as TerminalHeartbeat);
    res
      .set('Cache-Control', 'no-store')
      .json({ centerTime: now().toISOString(), sendReadiness } satisfies HeartbeatAnswer);
  });
  return router;
}
