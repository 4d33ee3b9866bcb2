import { randomBytes, randomUUID } from 'node:crypto';
import { Router, type Request, type Response } from 'express';
import type { MySubmissions, SubmissionAccepted, SubmissionStatus } from '@kiosk/contract/kiosk-api';
import { RECEIPT_PATTERN } from '@kiosk/domain/receipt-number';
import { bodyHash } from '@kiosk/node-common/canonical-json';
import type { Logger } from '@kiosk/node-common/logger';
import type { Validator } from '@kiosk/node-common/validator';
import type { CardMatcher } from './card-match.js';
import { LookupLimits, checkHash, checkMatches } from './lookup-check.js';
import type { OutboxStore, StatusRow } from './outbox-store.js';
import type { SubmissionContent } from './submission-content.js';
import { validateSubmission } from './validate-submission.js';

export interface SubmissionRouteDeps {
  /** Available once the outbox has started. */
  store: () => OutboxStore;
  content: () => SubmissionContent;
  validator: Validator;
  log: Logger;
  terminalId: () => string;
  /** Resolves with whether the centre acknowledged the stored submission in time. */
  waitForUpload: (id: string) => Promise<boolean>;
  /** Look-up limits of the current visit (the module clears them when the visit ends). */
  limits?: LookupLimits;
  /** 查询进度 by ID card: the keys of ID numbers and the card of the current visit. */
  cards?: () => CardMatcher;
}

/**
 * POST /submissions (stored before the answer), GET /submissions/mine (the card read in this visit)
 * and GET /submissions/:receiptNo?idLast4=.
 */
export function submissionRouter(deps: SubmissionRouteDeps): Router {
  const limits = deps.limits ?? new LookupLimits();
  const reject = (res: Response, status: number, error: string, extra: Record<string, unknown> = {}, n?: number) => {
    const messages = deps.content().messages;
    const template = messages[error] ?? messages['invalidField'] ?? error;
    const message = n === undefined ? template : template.replace('{n}', String(n));
    res.status(status).json({ error, message, ...extra });
  };
  const replay = (res: Response, earlier: SubmissionAccepted): void =>
    void res.json({ receiptNo: earlier.receiptNo, storedAt: earlier.storedAt, uploaded: earlier.uploaded });

  const submit = async (req: Request, res: Response): Promise<void> => {
    const store = deps.store();
    const checked = validateSubmission(req.body, deps.content().schemas, deps.validator);
    if (!checked.ok) {
      const r = checked.rejection;
      deps.log.info({ error: r.error, fields: r.fields }, 'submission rejected');
      return reject(res, 400, r.error, { fields: r.fields }, r.n);
    }
    const s = checked.value;
    const hash = bodyHash(req.body);
    if (s.clientId) {
      const earlier = store.findByClientId(s.clientId);
      if (earlier) {
        if (earlier.bodyHash !== null && earlier.bodyHash !== hash) return reject(res, 409, 'clientIdConflict');
        return replay(res, earlier);
      }
    }
    const id = randomUUID();
    const idNumber = (s.data['applicant'] as { idNumber?: unknown } | undefined)?.idNumber;
    const cardKey = typeof idNumber === 'string' ? deps.cards?.().key(idNumber) : undefined;
    let stored: { receiptNo: string; storedAt: string };
    try {
      const salt = randomBytes(16);
      stored = store.insert({
        id,
        ...(s.clientId ? { clientId: s.clientId } : {}),
        bodyHash: hash,
        kind: s.kind,
        terminalId: deps.terminalId(),
        submittedAt: new Date(),
        data: s.data,
        documents: s.documents,
        ...(s.checkValue ? { check: { salt, hash: checkHash(salt, s.checkValue) } } : {}),
        ...(cardKey ? { cardKey } : {}),
      });
    } catch (err) {
      // Two requests with one clientSubmissionId at once: the second answers with the first's receipt.
      if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && s.clientId) {
        const earlier = store.findByClientId(s.clientId);
        if (earlier) return replay(res, earlier);
      }
      deps.log.error({ err }, 'outbox: could not store a submission');
      return reject(res, 500, 'storageFailed');
    }
    deps.log.info({ kind: s.kind, receiptNo: stored.receiptNo, documents: s.documents.length }, 'submission stored');
    const uploaded = await deps.waitForUpload(id);
    const answer: SubmissionAccepted = { receiptNo: stored.receiptNo, storedAt: stored.storedAt, uploaded };
    res.json(answer);
  };

  const status = (req: Request, res: Response): void => {
    const receiptNo = String(req.params['receiptNo'] ?? '').toUpperCase();
    const last4 = typeof req.query['idLast4'] === 'string' ? req.query['idLast4'].toUpperCase() : '';
    if (!RECEIPT_PATTERN.test(receiptNo) || !/^[0-9X]{4}$/.test(last4)) return reject(res, 400, 'statusBadQuery');
    const wait = limits.retryAfterMs();
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return reject(res, 429, 'tooManyAttempts', { retryAfterSec: Math.ceil(wait / 1000) });
    }
    const row = deps.store().status(receiptNo);
    // Unknown receipt and wrong last 4 get one answer: receipt numbers are sequential, and a
    // different answer would tell which exist.
    if (!checkMatches(row?.check, last4) || !row) {
      limits.failed();
      res.set('Cache-Control', 'no-store');
      return reject(res, 404, 'statusNotFound');
    }
    res.set('Cache-Control', 'no-store').json(statusAnswer(row));
  };

  // Only the card the reader delivered in this visit: an ID number typed or sent by the page is never taken.
  const mine = (_req: Request, res: Response): void => {
    res.set('Cache-Control', 'no-store');
    const key = deps.cards?.().visitKey;
    if (!key) return reject(res, 403, 'cardRequired');
    const answer: MySubmissions = { submissions: deps.store().byCard(key).map(statusAnswer) };
    deps.log.info({ count: answer.submissions.length }, 'submissions listed for the card of this visit');
    res.json(answer);
  };

  const router = Router();
  router.post('/submissions', (req, res) => submit(req, res));
  router.get('/submissions/mine', (req, res) => mine(req, res));
  router.get('/submissions/:receiptNo', (req, res) => status(req, res));
  return router;
}

/** What a villager may see of a submission: never the name or ID number. */
function statusAnswer(row: StatusRow): SubmissionStatus {
  return {
    receiptNo: row.receiptNo,
    kind: row.kind,
    state: row.state,
    submittedAt: row.submittedAt,
    updatedAt: row.updatedAt,
    ...(row.decisionDueBy ? { decisionDueBy: row.decisionDueBy } : {}),
    ...(row.state === 'needMaterials' && row.missingMaterials ? { missingMaterials: row.missingMaterials } : {}),
    ...((row.state === 'rejected' || row.state === 'notMediated') && row.reason ? { reason: row.reason } : {}),
    ...(row.details ? { details: row.details } : {}),
    uploaded: row.uploaded,
  };
}
