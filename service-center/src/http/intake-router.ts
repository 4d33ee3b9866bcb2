import express, { Router, type Response } from 'express';
import type {
  IntakeError,
  IntakeStatusPage,
  IntakeSubmission,
} from '../../../device-agent/src/api/center-contract.js';
import { describeErrors, validate } from '../../../device-agent/src/core/validator.js';
import type { Logger } from '../../../device-agent/src/log/logger.js';
import { imageMatches } from '../../../device-agent/src/outbox/images.js';
import type { TerminalEntry } from '../config-schema.js';
import { decisionDueBy } from '../legal-aid-clock.js';
import type { CenterRepository } from '../store/repository.js';
import { bodyHash } from '../../../device-agent/src/outbox/canonical-json.js';
import { terminalAuth, type TerminalRequest } from './terminal-auth.js';

const intakeSchema = {
  type: 'object',
  properties: {
    receiptNo: { type: 'string', pattern: '^[A-Z]{2}[0-9A-Z-]{6,30}$' },
    kind: { enum: ['legalAid', 'notarization', 'callback', 'rating'] },
    submittedAt: { type: 'string', minLength: 20, maxLength: 40 },
    data: { type: 'object' },
    documents: {
      type: 'array',
      maxItems: 11,
      items: {
        type: 'object',
        properties: {
          role: { enum: ['photo', 'signature'] },
          index: { type: 'integer', minimum: 0, maximum: 20 },
          mime: { enum: ['image/jpeg', 'image/png'] },
          label: { type: 'string', maxLength: 40 },
          base64: { type: 'string', minLength: 4, maxLength: 2_200_000 },
        },
        required: ['role', 'index', 'mime', 'base64'],
        additionalProperties: false,
      },
    },
  },
  required: ['receiptNo', 'kind', 'submittedAt', 'data', 'documents'],
  additionalProperties: false,
} as const;

const KEY = /^[A-Za-z0-9_-]{8,80}$/;
const STATUS_PAGE = 200;

export interface IntakeDeps {
  repo: CenterRepository;
  terminals: () => readonly TerminalEntry[];
  decisionDays: number;
  log: Logger;
  now?: () => Date;
}

function fail(res: Response, status: number, body: IntakeError): void {
  res.status(status).json(body);
}

/** The terminals' API: store-and-forward intake and the status pull. */
export function intakeRouter(deps: IntakeDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  router.use(terminalAuth(deps.terminals));

  router.post('/submissions', express.json({ limit: '24mb' }), async (req: TerminalRequest, res) => {
    const terminal = req.terminal!;
    const key = req.get('Idempotency-Key');
    if (!key || !KEY.test(key)) return fail(res, 400, { error: 'missingIdempotencyKey' });
    const errors = validate(intakeSchema, req.body);
    if (errors.length) return fail(res, 400, { error: 'invalidSubmission', detail: describeErrors(errors).slice(0, 500) });
    const submission = req.body as IntakeSubmission;
    for (const d of submission.documents) {
      if (!imageMatches(Buffer.from(d.base64, 'base64'), d.mime))
        return fail(res, 400, { error: 'invalidSubmission', detail: `document ${d.role}/${d.index} is not a ${d.mime}` });
    }
    const receivedAt = now();
    const result = await deps.repo.insertIntake({
      terminalId: terminal.id,
      idempotencyKey: key,
      bodyHash: bodyHash(submission),
      submission,
      receivedAt: receivedAt.toISOString(),
      ...(submission.kind === 'legalAid' ? { decisionDueBy: decisionDueBy(receivedAt, deps.decisionDays) } : {}),
    });
    if (result.outcome === 'conflict') {
      deps.log.warn({ terminal: terminal.id }, 'intake: idempotency key reused with a different body');
      return fail(res, 409, { error: 'idempotencyConflict' });
    }
    if (result.outcome === 'created')
      deps.log.info({ terminal: terminal.id, kind: submission.kind, centerId: result.accepted.centerId }, 'intake: submission received');
    res.json(result.accepted);
  });

  router.get('/status', async (req: TerminalRequest, res) => {
    const raw = typeof req.query['since'] === 'string' ? req.query['since'] : '0';
    if (!/^\d{1,15}$/.test(raw)) return fail(res, 400, { error: 'badCursor' });
    const page = await deps.repo.statusChanges(req.terminal!.id, Number(raw), STATUS_PAGE);
    const body: IntakeStatusPage = { changes: page.changes, cursor: String(page.last), more: page.more };
    res.set('Cache-Control', 'no-store').json(body);
  });

  return router;
}
