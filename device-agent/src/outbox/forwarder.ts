import type { IntakeAccepted } from '@kiosk/contract/intake-api';
import type { Logger } from '@kiosk/node-common/logger';
import { backoffDelay } from '@kiosk/domain/backoff';
import type { CenterClient } from './center-client.js';
import type { OutboxStore } from './outbox-store.js';

export interface ForwarderOptions {
  /** First retry delay after the centre was unreachable. */
  retryBaseMs: number;
  /** Longest retry delay. */
  retryMaxMs: number;
  /** How often status changes are pulled from the centre. */
  pollMs: number;
  /** Most submissions sent per round (one batch request when more than one is due). */
  batch: number;
  /** Most bytes of submission bodies per round (photos make a round big). */
  batchBytes: number;
  /** A submission the centre refuses (400/409) is tried again after this long. */
  refusedRetryMs: number;
}

export const DEFAULT_FORWARDER_OPTIONS: ForwarderOptions = {
  retryBaseMs: 1_000,
  retryMaxMs: 60_000,
  pollMs: 30_000,
  batch: 50,
  batchBytes: 8 * 1024 * 1024,
  refusedRetryMs: 3600_000,
};

/**
 * The store-and-forward worker: sends every pending submission with its idempotency key until the
 * centre acknowledges it, backing off (with jitter) while the network or the centre is down, and
 * pulls status changes. Nothing here holds personal data beyond one round.
 */
export class OutboxForwarder {
  private readonly _abort = new AbortController();
  private _loop: Promise<void> | undefined;
  private _wake: (() => void) | undefined;
  private _nudged = false;
  private _failures = 0;
  // Retry and pull times are monotonic (performance.now): a wall clock set back an hour must not
  // hold the outbox for an hour. Only the stored next-attempt times are wall-clock (they outlive
  // the process), and `due()` treats one further ahead than any real deferral as due.
  private _retryAt = 0;
  private _lastPull = -Infinity;
  private _acksSinceCheckpoint = 0;
  private _pullFailing = false;

  constructor(
    private readonly _store: OutboxStore,
    private readonly _client: CenterClient,
    private readonly _log: Logger,
    private readonly _options: ForwarderOptions,
    /** Told after each attempt of a submission (for the "uploaded" flag of a fresh receipt). */
    private readonly _onAttempt: (id: string, uploaded: boolean) => void = () => {},
  ) {}

  /** True while the centre is known to be unreachable. */
  get offline(): boolean {
    return this._failures > 0;
  }

  /** False when the last forwarding attempt or the last status pull could not reach the centre. */
  get centreReachable(): boolean {
    return !this.offline && !this._pullFailing;
  }

  start(): void {
    this._loop ??= this._run();
  }

  async stop(): Promise<void> {
    this._abort.abort();
    this._wake?.();
    await this._loop;
  }

  /** A new submission is stored: try it now (also during a backoff wait). */
  nudge(): void {
    this._nudged = true;
    this._wake?.();
  }

  /** Pull status changes at the next turn of the loop. */
  pullSoon(): void {
    this._lastPull = -Infinity;
    this._wake?.();
  }

  private async _run(): Promise<void> {
    const signal = this._abort.signal;
    while (!signal.aborted) {
      let progressed = false;
      try {
        progressed = await this._forwardDue();
      } catch (err) {
        if (!signal.aborted) this._log.error({ err }, 'outbox: forwarding round failed');
      }
      if (!signal.aborted && !this.offline && performance.now() - this._lastPull >= this._options.pollMs) {
        try {
          await this._pull();
          this._pullFailing = false;
        } catch (err) {
          if (!signal.aborted && !this._pullFailing)
            this._log.warn({ detail: (err as Error).message }, 'outbox: status pull failed; will retry');
          this._pullFailing = true;
        }
      }
      if (progressed || signal.aborted) continue;
      await this._sleep(this._waitMs());
    }
  }

  private _waitMs(): number {
    const untilPull = Math.max(0, this._lastPull + this._options.pollMs - performance.now());
    const nextDue = this._store.nextDueAt();
    const untilRetry = Math.max(0, this._retryAt - performance.now());
    const untilDue = nextDue === undefined ? Infinity : Math.max(0, nextDue - Date.now(), untilRetry);
    return Math.min(untilPull, untilDue, this._options.retryMaxMs);
  }

  private _sleep(ms: number): Promise<void> {
    if (this._nudged) return Promise.resolve();
    return new Promise((done) => {
      const timer = setTimeout(finish, ms);
      function finish(): void {
        clearTimeout(timer);
        done();
      }
      this._wake = () => {
        this._wake = undefined;
        finish();
      };
    });
  }

  /** One round: up to `batch` due submissions in parallel. True when something was acknowledged. */
  private async _forwardDue(): Promise<boolean> {
    const nudged = this._nudged;
    this._nudged = false;
    if (this.offline && performance.now() < this._retryAt && !nudged) return false;
    const horizonMs = this._options.refusedRetryMs + this._options.retryMaxMs;
    const due = this._store.due(Date.now(), this._options.batch, this._options.batchBytes, horizonMs);
    if (!due.length) {
      this._checkpointIfIdle();
      return false;
    }
    const signal = this._abort.signal;
    const results =
      due.length === 1
        ? [await this._client.forward(due[0].id, due[0].body, signal)]
        : await this._client.forwardBatch(
            due.map((p) => ({ idempotencyKey: p.id, submission: p.body })),
            signal,
          );
    const acks: Array<{ id: string; accepted: IntakeAccepted }> = [];
    let unavailable: string | undefined;
    for (const [i, result] of results.entries()) {
      const p = due[i];
      if (result.outcome === 'accepted') acks.push({ id: p.id, accepted: result.accepted });
      else if (result.outcome === 'refused') {
        this._store.defer(p.id, Date.now() + this._options.refusedRetryMs, result.detail);
        this._log.error(
          { receiptNo: p.body.receiptNo, detail: result.detail },
          'outbox: the centre refused a submission; kept for a later retry',
        );
      } else unavailable = result.detail;
    }
    if (acks.length) this._store.markUploaded(acks, new Date());
    for (const [i, result] of results.entries()) this._onAttempt(due[i].id, result.outcome === 'accepted');
    const acked = acks.length;
    if (acked) {
      if (this.offline) this._log.info('outbox: the centre is reachable again');
      this._acksSinceCheckpoint += acked;
      if (this._acksSinceCheckpoint >= 200) this._checkpoint();
    }
    if (unavailable !== undefined && !acked) {
      this._failures++;
      const delay = backoffDelay(this._failures, this._options.retryBaseMs, this._options.retryMaxMs);
      this._retryAt = performance.now() + delay;
      if (this._failures === 1 || this._failures % 10 === 0)
        this._log.warn(
          { detail: unavailable, pending: this._store.pendingCount(), retryInMs: delay },
          'outbox: the centre is unreachable; submissions stay stored',
        );
      return false;
    }
    if (acked) {
      this._failures = 0;
      this._retryAt = 0;
    }
    return acked > 0;
  }

  private _checkpointIfIdle(): void {
    if (this._acksSinceCheckpoint > 0) this._checkpoint();
  }

  private _checkpoint(): void {
    this._acksSinceCheckpoint = 0;
    this._store.checkpoint();
  }

  private async _pull(): Promise<void> {
    this._lastPull = performance.now();
    for (let page = 0; page < 50; page++) {
      const result = await this._client.statusChanges(this._store.statusCursor(), this._abort.signal);
      if (result.changes.length || result.cursor !== this._store.statusCursor())
        this._store.applyStatusChanges(result.changes, result.cursor);
      if (!result.more) break;
    }
  }
}
