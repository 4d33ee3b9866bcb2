import { isUsable } from '../../core/service.js';
import type { ReaderProbes } from './reader-probes.js';
import type { ReaderContext } from './reader-state.js';
import { ReplyTimeoutError } from './sam-channel.js';

/**
 * The idle loop between reads: the SAM health check while starting, faulty or due; otherwise the
 * removal probe after a read, or media polling. Two reply timeouts in a row are a link fault.
 */
export class IdleScheduler {
  private _timer: NodeJS.Timeout | undefined;
  private _stopped = true;

  constructor(
    private readonly _reader: ReaderContext,
    private readonly _probes: ReaderProbes,
    private readonly _isOpen: () => boolean,
  ) {}

  start(): void {
    this._stopped = false;
  }

  stop(): void {
    this._stopped = true;
    clearTimeout(this._timer);
  }

  /** Pauses until the next `schedule` (the link went away). */
  pause(): void {
    clearTimeout(this._timer);
  }

  schedule(ms: number): void {
    clearTimeout(this._timer);
    if (this._stopped) return;
    this._timer = setTimeout(() => void this._tick(), ms);
    this._timer.unref();
  }

  /** Counts a failed exchange; the second reply timeout in a row reopens the link (§10.2). */
  exchangeFailed(err: unknown): void {
    if (!(err instanceof ReplyTimeoutError)) return;
    if (++this._reader.state.timeouts >= 2) this._reader.linkFault();
  }

  private async _tick(): Promise<void> {
    const { state, timing } = this._reader;
    if (this._stopped || !this._isOpen()) return;
    if (!state.reading) {
      const signal = state.lost.signal;
      try {
        const device = this._reader.status().device;
        if (device === 'starting' || device === 'hardwareError' || Date.now() >= state.nextHealthAt)
          await this._probes.checkSam(signal);
        else if (state.latched) await this._probes.probeRemoval(signal);
        else await this._probes.pollMedia(signal);
        state.timeouts = 0;
      } catch (err) {
        this.exchangeFailed(err);
      }
    }
    const usable = isUsable(this._reader.status().device);
    this.schedule(!usable ? timing.healthMs / 5 : state.latched ? timing.removalProbeMs : timing.idlePollMs);
  }
}
