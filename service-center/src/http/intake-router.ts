import { join } from 'node:path';
import express, { Router, type Response } from 'express';
import {
  INTAKE_BATCH_MAX,
  type IntakeBatch,
  type IntakeBatchAnswer,
  type IntakeBatchResult,
  type IntakeError,
  type IntakeStatusPage,
  type IntakeSubmission,
} from '@kiosk/contract/intake-api';
import { createValidator, describeErrors, type Validator } from '@kiosk/node-common/validator';
import type { Logger } from '@kiosk/node-common/logger';
import { bodyHash } from '@kiosk/node-common/canonical-json';
import { imageMatches } from '@kiosk/node-common/images';
import { centerRepoRoot } from '../config.js';
import type { TerminalEntry } from '../config-schema.js';
import { checkSubmissionContent, loadIntakeSchemas, type IntakeSchemas } from '../intake-validation.js';
import { linkRating } from '../consultation/rating-link.js';
import { countRating } from '../satisfaction/record-rating.js';
import { confirmInterviewHold } from '../consultation/interview-hold-link.js';
import { decisionDueBy } from '../legal-aid-clock.js';
import type { CenterRepository, IntakeResult, NewIntake } from '../store/repository.js';
import { terminalAuth, type TerminalRequest } from './terminal-auth.js';

const intakeSchema = {
  type: 'object',
  properties: {
    receiptNo: { type: 'string', pattern: '^[A-Z]{2}[0-9A-Z-]{6,30}$' },
    kind: { enum: ['legalAid', 'notarization', 'mediation', 'homeVisit', 'callback', 'rating'] },
    submittedAt: { type: 'string', minLength: 20, maxLength: 40 },
    data: { type: 'object' },
    documents: {
      type: 'array',
      // A notarization's 9 material photos, the face crop and the ID card's photo, then the signature.
      maxItems: 12,
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

const batchSchema = {
  type: 'object',
  properties: {
    items: {
      type: 'array',
      minItems: 1,
      maxItems: INTAKE_BATCH_MAX,
      items: {
        type: 'object',
        properties: { idempotencyKey: { type: 'string' }, submission: { type: 'object' } },
        required: ['idempotencyKey', 'submission'],
        additionalProperties: false,
      },
    },
  },
  required: ['items'],
  additionalProperties: false,
} as const;

const KEY = /^[A-Za-z0-9_-]{8,80}$/;
const STATUS_PAGE = 200;

export interface IntakeDeps {
  repo: CenterRepository;
  terminals: () => readonly TerminalEntry[];
  decisionDays: number;
  log: Logger;
  /** Each kind's answers schema; default: the repository's content/schemas. */
  schemas?: IntakeSchemas;
  now?: () => Date;
}

function fail(res: Response, status: number, body: IntakeError): void {
  res.status(status).json(body);
}

/** Why one submission from `terminal` cannot be taken, or null. */
function check(
  validator: Validator,
  schemas: IntakeSchemas,
  terminal: TerminalEntry,
  key: string | undefined,
  body: unknown,
): { status: 400; error: IntakeError } | null {
  if (!key || !KEY.test(key)) return { status: 400, error: { error: 'missingIdempotencyKey' } };
  const errors = validator.validate(intakeSchema, body);
  if (errors.length)
    return { status: 400, error: { error: 'invalidSubmission', detail: describeErrors(errors).slice(0, 500) } };
  const content = checkSubmissionContent(validator, schemas, terminal.id, body as IntakeSubmission);
  if (content) return { status: 400, error: content };
  for (const d of (body as IntakeSubmission).documents) {
    if (!imageMatches(Buffer.from(d.base64, 'base64'), d.mime))
      return {
        status: 400,
        error: { error: 'invalidSubmission', detail: `document ${d.role}/${d.index} is not a ${d.mime}` },
      };
  }
  return null;
}

/** The terminals' API: store-and-forward intake (single and batch) and the status pull. */
export function intakeRouter(deps: IntakeDeps): Router {
  const router = Router();
  const now = deps.now ?? (() => new Date());
  const validator = createValidator();
  const schemas = deps.schemas ?? loadIntakeSchemas(join(centerRepoRoot(), 'content'));
  router.use(terminalAuth(deps.terminals));

  const intake = (terminal: TerminalEntry, key: string, submission: IntakeSubmission, receivedAt: Date): NewIntake => ({
    terminalId: terminal.id,
    idempotencyKey: key,
    bodyHash: bodyHash(submission),
    submission,
    receivedAt: receivedAt.toISOString(),
    ...(submission.kind === 'legalAid' ? { decisionDueBy: decisionDueBy(receivedAt, deps.decisionDays) } : {}),
  });

  const logResult = (terminal: TerminalEntry, kind: string, result: IntakeResult): void => {
    if (result.outcome === 'conflict')
      deps.log.warn({ terminal: terminal.id }, 'intake: idempotency key reused with a different body');
    if (result.outcome === 'created')
      deps.log.info({ terminal: terminal.id, kind, centerId: result.accepted.centerId }, 'intake: submission received');
  };

  router.post('/submissions', express.json({ limit: '24mb' }), async (req: TerminalRequest, res) => {
    const terminal = req.terminal!;
    const key = req.get('Idempotency-Key');
    const problem = check(validator, schemas, terminal, key, req.body);
    if (problem) return fail(res, problem.status, problem.error);
    const submission = req.body as IntakeSubmission;
    const result = await deps.repo.insertIntake(intake(terminal, key!, submission, now()));
    logResult(terminal, submission.kind, result);
    linkRating(deps.repo, terminal.id, submission, result, deps.log);
    await countRating(deps.repo, terminal.id, submission, result, now().toISOString(), deps.log);
    await confirmInterviewHold(deps.repo, terminal.id, submission, result, deps.log);
    if (result.outcome === 'conflict') return fail(res, 409, { error: 'idempotencyConflict' });
    res.json(result.accepted);
  });

  router.post('/batch', express.json({ limit: '24mb' }), async (req: TerminalRequest, res) => {
    const terminal = req.terminal!;
    const errors = validator.validate(batchSchema, req.body);
    if (errors.length)
      return fail(res, 400, { error: 'invalidSubmission', detail: describeErrors(errors).slice(0, 500) });
    const items = (req.body as IntakeBatch).items;
    const results: IntakeBatchResult[] = new Array(items.length);
    const valid: Array<{ at: number; input: NewIntake }> = [];
    const receivedAt = now();
    items.forEach((item, at) => {
      const problem = check(validator, schemas, terminal, item.idempotencyKey, item.submission);
      if (problem) results[at] = { idempotencyKey: item.idempotencyKey, status: 400, ...problem.error };
      else valid.push({ at, input: intake(terminal, item.idempotencyKey, item.submission, receivedAt) });
    });
    const stored = valid.length ? await deps.repo.insertIntakeMany(valid.map((v) => v.input)) : [];
    for (const [i, result] of stored.entries())
      await confirmInterviewHold(deps.repo, terminal.id, valid[i].input.submission, result, deps.log);
    for (const [i, result] of stored.entries())
      await countRating(deps.repo, terminal.id, valid[i].input.submission, result, valid[i].input.receivedAt, deps.log);
    stored.forEach((result, i) => {
      const { at, input } = valid[i];
      logResult(terminal, input.submission.kind, result);
      linkRating(deps.repo, terminal.id, input.submission, result, deps.log);
      results[at] =
        result.outcome === 'conflict'
          ? { idempotencyKey: input.idempotencyKey, status: 409, error: 'idempotencyConflict' }
          : { idempotencyKey: input.idempotencyKey, status: 200, accepted: result.accepted };
    });
    const answer: IntakeBatchAnswer = { results };
    res.json(answer);
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
