import type { CommandOutcome } from './service.js';

export interface QueueItem {
  connectionId: number;
  requestId: number;
  signal: AbortSignal;
  /** Runs the command once it reaches the head of the queue. */
  run(): Promise<CommandOutcome>;
  /** Called exactly once with the final outcome. */
  complete(outcome: CommandOutcome): void;
}

/** Maps an abort reason to the completion the client sees: a timeout or a cancel. */
export function abortOutcome(signal: AbortSignal): CommandOutcome {
  const reason: unknown = signal.reason;
  const timedOut = reason instanceof Error && reason.name === 'TimeoutError';
  return timedOut
    ? { completionCode: 'timeOut', errorDescription: 'timed out (queue time included)', payload: {} }
    : { completionCode: 'canceled', errorDescription: 'canceled', payload: {} };
}

/**
 * One FIFO per service (XFS CommandQueue): one command runs at a time; a queued command whose
 * signal aborts completes at once and leaves the queue.
 */
export class CommandQueue {
  private readonly _waiting: QueueItem[] = [];
  private _running: QueueItem | null = null;

  constructor(readonly maxRequests = 4) {}

  get size(): number {
    return this._waiting.length + (this._running ? 1 : 0);
  }

  get isFull(): boolean {
    return this.size >= this.maxRequests;
  }

  enqueue(item: QueueItem): void {
    this._waiting.push(item);
    item.signal.addEventListener(
      'abort',
      () => {
        const index = this._waiting.indexOf(item);
        if (index >= 0) {
          this._waiting.splice(index, 1);
          item.complete(abortOutcome(item.signal));
        }
      },
      { once: true },
    );
    this._pump();
  }

  private _pump(): void {
    if (this._running) return;
    const item = this._waiting.shift();
    if (!item) return;
    this._running = item;
    void this._execute(item).finally(() => {
      this._running = null;
      this._pump();
    });
  }

  /**
   * Never rejects: a runner that throws completes `internalError` (the queue moves on and no
   * rejection goes unhandled, which would end the process), and a completion sink that throws
   * does not stop the queue either.
   */
  private async _execute(item: QueueItem): Promise<void> {
    let outcome: CommandOutcome;
    if (item.signal.aborted) outcome = abortOutcome(item.signal);
    else {
      try {
        outcome = await item.run();
      } catch {
        outcome = item.signal.aborted
          ? abortOutcome(item.signal)
          : { completionCode: 'internalError', errorDescription: 'internal error', payload: {} };
      }
    }
    try {
      item.complete(outcome);
    } catch {
      // The requester's sink failed (e.g. its connection went away); nothing more to tell it.
    }
  }
}
