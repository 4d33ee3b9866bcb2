import { backoffDelay } from '@kiosk/domain/backoff';
import type { Logger } from '@kiosk/node-common/logger';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';

export interface SupervisorEvents {
  /** The link is open; re-initialise the device now. */
  onOpen(): Promise<void> | void;
  /** The link closed (unplug when `disconnected`). */
  onLost(info: LinkCloseInfo): void;
  /** An open attempt failed; `attempt` counts from 1. */
  onOpenFailed?(error: Error, attempt: number): void;
}

export interface SupervisorOptions {
  initialDelayMs?: number;
  maxDelayMs?: number;
  /** 0..1: fraction of the delay randomised (so many terminals do not retry in lockstep). */
  jitter?: number;
}

/**
 * Keeps one link open: reopens after an unplug or failed open with exponential backoff and
 * jitter (1 s → 30 s), never holds two handles on one port, and logs a repeating error once.
 */
export class LinkSupervisor {
  private _timer: NodeJS.Timeout | undefined;
  private _attempt = 0;
  private _stopped = true;
  private _lastError = '';
  private _opening: Promise<void> | undefined;
  /** The link went away (unplug) since the last successful open. */
  private _wasLost = false;
  reconnects = 0;

  constructor(
    readonly link: ByteLink,
    private readonly _events: SupervisorEvents,
    private readonly _log: Logger,
    private readonly _options: SupervisorOptions = {},
  ) {}

  start(): void {
    this._stopped = false;
    this.link.on('close', this._onClose);
    this._schedule(0);
  }

  async stop(): Promise<void> {
    this._stopped = true;
    clearTimeout(this._timer);
    this.link.off('close', this._onClose);
    await this._opening?.catch(() => undefined);
    await this.link.close();
  }

  /** Close and reopen now (common.reset, admin "reconnect"). */
  async reopen(): Promise<void> {
    clearTimeout(this._timer);
    this.link.off('close', this._onClose);
    await this.link.close();
    if (this._stopped) return;
    this.link.on('close', this._onClose);
    this._attempt = 0;
    await this._tryOpen();
  }

  private readonly _onClose = (info: LinkCloseInfo): void => {
    if (this._stopped) return;
    this._events.onLost(info);
    if (info.disconnected) {
      this._wasLost = true;
      this._schedule(this._delay());
    }
  };

  private _schedule(delayMs: number): void {
    clearTimeout(this._timer);
    if (this._stopped) return;
    this._timer = setTimeout(() => void this._tryOpen(), delayMs);
    this._timer.unref?.();
  }

  private async _tryOpen(): Promise<void> {
    if (this._stopped || this.link.isOpen || this._opening) return;
    this._opening = (async () => {
      try {
        await this.link.open();
        if (this._attempt > 0 || this.reconnects > 0) this._log.info(`${this.link.description}: open`);
        if (this._lastError || this._wasLost) this.reconnects++;
        this._wasLost = false;
        this._attempt = 0;
        this._lastError = '';
        await this._events.onOpen();
      } catch (err) {
        const error = err as Error;
        this._attempt++;
        if (error.message !== this._lastError) {
          this._log.warn(`${this.link.description}: cannot open (${error.message}); retrying with backoff`);
          this._lastError = error.message;
        }
        this._events.onOpenFailed?.(error, this._attempt);
        await this.link.close().catch(() => undefined);
        this._schedule(this._delay());
      }
    })();
    try {
      await this._opening;
    } finally {
      this._opening = undefined;
    }
  }

  private _delay(): number {
    const initial = this._options.initialDelayMs ?? 1000;
    const max = this._options.maxDelayMs ?? 30_000;
    return backoffDelay(Math.max(1, this._attempt), initial, max, Math.random, this._options.jitter ?? 0.3);
  }
}
