import { join } from 'node:path';
import type { OutboxStatus } from '@kiosk/contract/kiosk-api';
import type { Router } from 'express';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { CardMatcher } from './card-match.js';
import { CenterClient } from './center-client.js';
import { LookupLimits } from './lookup-check.js';
import { OutboxForwarder } from './forwarder.js';
import { resolveOutboxOptions, type OutboxOptions } from './outbox-options.js';
import { OutboxStore } from './outbox-store.js';
import { loadSubmissionContent, type SubmissionContent } from './submission-content.js';
import { submissionRouter } from './submission-routes.js';
import { UploadWaiters } from './upload-waiters.js';

export type { OutboxOptions } from './outbox-options.js';

/**
 * Submissions (DESIGN §5, §7): POST /api/v1/submissions stores durably, then answers with the
 * receipt; a worker forwards to the centre and erases personal data once acknowledged;
 * GET /api/v1/submissions/:receiptNo?idLast4= answers the status; GET /api/v1/submissions/mine lists
 * those of the ID card read in the current visit.
 */
export class OutboxModule implements AgentModule {
  readonly name = 'outbox';
  private _store: OutboxStore | undefined;
  private _forwarder: OutboxForwarder | undefined;
  private _content: SubmissionContent | undefined;
  private _cards: CardMatcher | undefined;
  private readonly _waiters = new UploadWaiters();
  private readonly _limits = new LookupLimits();
  private readonly _options: Required<OutboxOptions>;

  constructor(
    private readonly _ctx: ModuleContext,
    options: OutboxOptions = {},
  ) {
    this._options = resolveOutboxOptions(process.env, options);
  }

  async start(): Promise<void> {
    this._ctx.bus.on('sessionEnded', this, () => {
      this._limits.endVisit();
      this._cards?.endVisit();
    });
    this._ctx.bus.on('cardRead', this, ({ idNumber }) => this._cards?.cardRead(idNumber));
    this._content = loadSubmissionContent(this._ctx.contentDir);
    this._store = new OutboxStore(join(this._ctx.dataDir, 'outbox.sqlite'));
    this._cards = new CardMatcher(this._ctx.dataDir);
    const config = this._ctx.config;
    if (!config) {
      this._ctx.log.warn('outbox: configuration error; submissions are stored but not forwarded');
      return;
    }
    const client = new CenterClient(config.center.url, config.center.token, this._options.requestTimeoutMs);
    this._forwarder = new OutboxForwarder(this._store, client, this._ctx.log, this._options, (id, uploaded) =>
      this._waiters.settle(id, uploaded),
    );
    this._forwarder.start();
    const pending = this._store.pendingCount();
    if (pending) this._ctx.log.info({ pending }, 'outbox: forwarding submissions stored before the restart');
  }

  async stop(): Promise<void> {
    this._ctx.bus.removeListeners(this);
    await this._forwarder?.stop();
    this._waiters.settleAll();
    this._store?.close();
  }

  agentStatus(): { outbox: OutboxStatus } {
    return {
      outbox: {
        pending: this._store?.pendingCount() ?? 0,
        centreReachable: this._forwarder?.centreReachable ?? false,
        ...this._store?.forwardTimes(),
      },
    };
  }

  kioskRouter(): Router {
    return submissionRouter({
      store: () => this._store!,
      content: () => this._content!,
      validator: this._ctx.validator,
      log: this._ctx.log,
      terminalId: () => this._ctx.config?.terminal.id ?? 'unconfigured',
      waitForUpload: (id) => this._waitForUpload(id),
      limits: this._limits,
      cards: () => this._cards!,
    });
  }

  private _waitForUpload(id: string): Promise<boolean> {
    const forwarder = this._forwarder;
    if (!forwarder || this._options.ackWaitMs <= 0) {
      forwarder?.nudge();
      return Promise.resolve(false);
    }
    const uploaded = this._waiters.wait(id, this._options.ackWaitMs);
    forwarder.nudge();
    return uploaded;
  }
}
