/** Refused at once: the waiting line is full (the route answers 503 with Retry-After). */
export class QueueFullError extends Error {
  constructor() {
    super('voice synthesis is busy');
    this.name = 'QueueFullError';
  }
}

interface Shared<T> {
  promise: Promise<T>;
  abort: AbortController;
  waiters: number;
}

interface Waiting {
  start(): void;
  cancel(): void;
}

/**
 * A small bound on speech synthesis: at most `concurrency` espeak-ng processes at a time, at most
 * `maxWaiting` jobs in line behind them (more are refused at once), identical jobs shared, and a
 * job whose every caller went away dropped from the line or, when running, aborted (its process
 * is killed through the signal).
 */
export class SynthesisQueue {
  private _running = 0;
  private readonly _line: Waiting[] = [];
  private readonly _shared = new Map<string, Shared<unknown>>();

  constructor(
    readonly concurrency = 2,
    readonly maxWaiting = 6,
  ) {}

  /** Jobs running and waiting (for tests and status). */
  get load(): { running: number; waiting: number } {
    return { running: this._running, waiting: this._line.length };
  }

  /**
   * Runs `make` for `id` (or joins the same id already queued or running) on behalf of one caller,
   * whose `signal` aborting withdraws it. Rejects with QueueFullError when the line is full.
   */
  run<T>(id: string, make: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    if (signal.aborted) return Promise.reject(abortError(signal));
    let shared = this._shared.get(id) as Shared<T> | undefined;
    if (!shared) {
      if (this._running >= this.concurrency && this._line.length >= this.maxWaiting)
        return Promise.reject(new QueueFullError());
      const abort = new AbortController();
      const promise = this._schedule(() => make(abort.signal), abort.signal);
      const entry: Shared<T> = { promise, abort, waiters: 0 };
      shared = entry;
      this._shared.set(id, entry);
      const forget = (): void => {
        if (this._shared.get(id) === entry) this._shared.delete(id);
      };
      promise.then(forget, forget);
    }
    const entry = shared;
    entry.waiters++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        entry.waiters--;
        if (entry.waiters === 0) {
          if (this._shared.get(id) === entry) this._shared.delete(id);
          entry.abort.abort(signal.reason);
        }
        reject(abortError(signal));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      entry.promise.then(
        (value) => {
          signal.removeEventListener('abort', onAbort);
          resolve(value);
        },
        (err: unknown) => {
          signal.removeEventListener('abort', onAbort);
          reject(err instanceof Error ? err : new Error(String(err)));
        },
      );
    });
  }

  private _schedule<T>(task: () => Promise<T>, signal: AbortSignal): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const start = (): void => {
        this._running++;
        task()
          .then(resolve, reject)
          .finally(() => {
            this._running--;
            this._line.shift()?.start();
          });
      };
      if (this._running < this.concurrency) return start();
      const waiting: Waiting = {
        start,
        cancel: () => {
          const index = this._line.indexOf(waiting);
          if (index >= 0) this._line.splice(index, 1);
          reject(abortError(signal));
        },
      };
      this._line.push(waiting);
      signal.addEventListener('abort', () => waiting.cancel(), { once: true });
    });
  }
}

function abortError(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new DOMException('aborted', 'AbortError');
}
