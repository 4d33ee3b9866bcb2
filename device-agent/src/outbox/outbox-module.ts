import { createHmac, randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Router, type Request, type Response } from 'express';
import type { SubmissionAccepted, SubmissionKind, SubmissionStatus } from '@kiosk/contract/kiosk-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { bodyHash } from '@kiosk/node-common/canonical-json';
import { CenterClient } from './center-client.js';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import { DEFAULT_FORWARDER_OPTIONS, OutboxForwarder, type ForwarderOptions } from './forwarder.js';
import { OutboxStore } from './outbox-store.js';
import { RECEIPT_PATTERN } from '@kiosk/domain/receipt-number';
import { SCHEMA_FILES, SUBMISSION_KINDS, validateSubmission } from './validate-submission.js';

export interface OutboxOptions extends Partial<ForwarderOptions> {
  /** How long POST /submissions waits for the centre's acknowledgement before answering uploaded:false. */
  ackWaitMs?: number;
}

type Messages = Record<string, string>;

/** KIOSK_OUTBOX_* environment overrides (the durability test tunes the real entry point with them). */
function envOptions(env: NodeJS.ProcessEnv): OutboxOptions {
  const num = (key: string): number | undefined => {
    const v = Number(env[key]);
    return env[key] !== undefined && Number.isFinite(v) && v >= 0 ? v : undefined;
  };
  const out: OutboxOptions = {};
  const map: Array<[keyof OutboxOptions, string]> = [
    ['retryBaseMs', 'KIOSK_OUTBOX_RETRY_BASE_MS'],
    ['retryMaxMs', 'KIOSK_OUTBOX_RETRY_MAX_MS'],
    ['pollMs', 'KIOSK_OUTBOX_POLL_MS'],
    ['ackWaitMs', 'KIOSK_OUTBOX_ACK_WAIT_MS'],
  ];
  for (const [key, name] of map) {
    const v = num(name);
    if (v !== undefined) out[key] = v;
  }
  return out;
}

/**
 * Submissions (DESIGN §5, §7): POST /api/v1/submissions stores durably, then answers with the
 * receipt; a worker forwards to the centre and erases personal data once acknowledged;
 * GET /api/v1/submissions/:receiptNo?idLast4= answers the status.
 */
export class OutboxModule implements AgentModule {
  readonly name = 'outbox';
  private _store: OutboxStore | undefined;
  private _forwarder: OutboxForwarder | undefined;
  private _schemas: Record<SubmissionKind, object> | undefined;
  private _messages: Messages = {};
  private readonly _waiters = new Map<string, Array<(uploaded: boolean) => void>>();
  private readonly _options: Required<OutboxOptions>;
  private readonly _guessLimiter = new FailureLimiter([[5, 60_000]]);
  private readonly _unknownLimiter = new FailureLimiter([[30, 60_000]]);

  constructor(
    private readonly _ctx: ModuleContext,
    options: OutboxOptions = {},
  ) {
    this._options = { ...DEFAULT_FORWARDER_OPTIONS, ackWaitMs: 1_500, ...envOptions(process.env), ...options };
  }

  async start(): Promise<void> {
    const schemaDir = join(this._ctx.contentDir, 'schemas');
    this._schemas = Object.fromEntries(
      SUBMISSION_KINDS.map((k) => {
        // The validator's one Ajv instance refuses a second schema with the same $id (a restart in-process).
        const {
          $id: _id,
          $schema: _meta,
          ...schema
        } = JSON.parse(readFileSync(join(schemaDir, SCHEMA_FILES[k]), 'utf8')) as Record<string, unknown>;
        return [k, schema];
      }),
    ) as Record<SubmissionKind, object>;
    this._messages = JSON.parse(
      readFileSync(join(this._ctx.contentDir, 'i18n/zh-CN/submissions.json'), 'utf8'),
    ) as Messages;
    this._store = new OutboxStore(join(this._ctx.dataDir, 'outbox.sqlite'));
    const config = this._ctx.config;
    if (!config) {
      this._ctx.log.warn('outbox: configuration error; submissions are stored but not forwarded');
      return;
    }
    const client = new CenterClient(config.center.url, config.center.token);
    this._forwarder = new OutboxForwarder(this._store, client, this._ctx.log, this._options, (id, uploaded) =>
      this._settle(id, uploaded),
    );
    this._forwarder.start();
    const pending = this._store.pendingCount();
    if (pending) this._ctx.log.info({ pending }, 'outbox: forwarding submissions stored before the restart');
  }

  async stop(): Promise<void> {
    await this._forwarder?.stop();
    for (const id of [...this._waiters.keys()]) this._settle(id, false);
    this._store?.close();
  }

  agentStatus(): Record<string, unknown> {
    return {
      outbox: { pending: this._store?.pendingCount() ?? 0, centreReachable: !(this._forwarder?.offline ?? true) },
    };
  }

  kioskRouter(): Router {
    const router = Router();
    router.post('/submissions', (req, res) => this._submit(req, res));
    router.get('/submissions/:receiptNo', (req, res) => this._status(req, res));
    return router;
  }

  private _reject(res: Response, status: number, error: string, extra: Record<string, unknown> = {}, n?: number): void {
    const template = this._messages[error] ?? this._messages['invalidField'] ?? error;
    const message = n === undefined ? template : template.replace('{n}', String(n));
    res.status(status).json({ error, message, ...extra });
  }

  private async _submit(req: Request, res: Response): Promise<void> {
    const store = this._store!;
    const checked = validateSubmission(req.body, this._schemas!);
    if (!checked.ok) {
      const r = checked.rejection;
      this._ctx.log.info({ error: r.error, fields: r.fields }, 'submission rejected');
      return this._reject(res, 400, r.error, { fields: r.fields }, r.n);
    }
    const s = checked.value;
    const hash = bodyHash(req.body);
    if (s.clientId) {
      const earlier = store.findByClientId(s.clientId);
      if (earlier) {
        if (earlier.bodyHash !== null && earlier.bodyHash !== hash) return this._reject(res, 409, 'clientIdConflict');
        const replay: SubmissionAccepted = {
          receiptNo: earlier.receiptNo,
          storedAt: earlier.storedAt,
          uploaded: earlier.uploaded,
        };
        return void res.json(replay);
      }
    }
    const id = randomUUID();
    let stored: { receiptNo: string; storedAt: string };
    try {
      const salt = randomBytes(16);
      stored = store.insert({
        id,
        ...(s.clientId ? { clientId: s.clientId } : {}),
        bodyHash: hash,
        kind: s.kind,
        terminalId: this._ctx.config?.terminal.id ?? 'unconfigured',
        submittedAt: new Date(),
        data: s.data,
        documents: s.documents,
        ...(s.checkValue ? { check: { salt, hash: checkHash(salt, s.checkValue) } } : {}),
      });
    } catch (err) {
      const e = err as { code?: string };
      if (e.code === 'SQLITE_CONSTRAINT_UNIQUE' && s.clientId) {
        const earlier = store.findByClientId(s.clientId);
        if (earlier)
          return void res.json({
            receiptNo: earlier.receiptNo,
            storedAt: earlier.storedAt,
            uploaded: earlier.uploaded,
          });
      }
      this._ctx.log.error({ err }, 'outbox: could not store a submission');
      return this._reject(res, 500, 'storageFailed');
    }
    this._ctx.log.info(
      { kind: s.kind, receiptNo: stored.receiptNo, documents: s.documents.length },
      'submission stored',
    );
    const uploaded = await this._waitForUpload(id);
    const answer: SubmissionAccepted = { receiptNo: stored.receiptNo, storedAt: stored.storedAt, uploaded };
    res.json(answer);
  }

  private _waitForUpload(id: string): Promise<boolean> {
    if (!this._forwarder || this._options.ackWaitMs <= 0) {
      this._forwarder?.nudge();
      return Promise.resolve(false);
    }
    return new Promise((done) => {
      const timer = setTimeout(() => this._settle(id, false), this._options.ackWaitMs);
      const list = this._waiters.get(id) ?? [];
      list.push((uploaded) => {
        clearTimeout(timer);
        done(uploaded);
      });
      this._waiters.set(id, list);
      this._forwarder!.nudge();
    });
  }

  private _settle(id: string, uploaded: boolean): void {
    const list = this._waiters.get(id);
    if (!list) return;
    this._waiters.delete(id);
    for (const fn of list) fn(uploaded);
  }

  private _status(req: Request, res: Response): void {
    const receiptNo = String(req.params['receiptNo'] ?? '').toUpperCase();
    const last4 = typeof req.query['idLast4'] === 'string' ? req.query['idLast4'].toUpperCase() : '';
    if (!RECEIPT_PATTERN.test(receiptNo) || !/^[0-9X]{4}$/.test(last4)) return this._reject(res, 400, 'statusBadQuery');
    const wait = Math.max(this._guessLimiter.retryAfterMs(receiptNo), this._unknownLimiter.retryAfterMs('*'));
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return this._reject(res, 429, 'tooManyAttempts', { retryAfterSec: Math.ceil(wait / 1000) });
    }
    const row = this._store!.status(receiptNo);
    if (!row) {
      this._unknownLimiter.fail('*');
      return this._reject(res, 404, 'statusNotFound');
    }
    const expected = row.check ? row.check.hash : undefined;
    const presented = row.check ? checkHash(row.check.salt, last4) : undefined;
    if (!expected || !presented || !timingSafeEqual(expected, presented)) {
      this._guessLimiter.fail(receiptNo);
      return this._reject(res, 403, 'statusMismatch');
    }
    this._guessLimiter.clear(receiptNo);
    const status: SubmissionStatus = {
      receiptNo: row.receiptNo,
      kind: row.kind,
      state: row.state,
      submittedAt: row.submittedAt,
      updatedAt: row.updatedAt,
      ...(row.decisionDueBy ? { decisionDueBy: row.decisionDueBy } : {}),
      ...(row.state === 'needMaterials' && row.missingMaterials ? { missingMaterials: row.missingMaterials } : {}),
      ...(row.state === 'rejected' && row.reason ? { reason: row.reason } : {}),
    };
    res.set('Cache-Control', 'no-store').json({ ...status, uploaded: row.uploaded });
  }
}

/** Salted HMAC of the ID's (or phone's) last four characters: all the terminal keeps to check a look-up. */
function checkHash(salt: Buffer, last4: string): Buffer {
  return createHmac('sha256', salt).update(last4.toUpperCase()).digest();
}
