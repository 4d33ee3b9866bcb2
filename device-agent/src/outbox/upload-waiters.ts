/**
 * Requests waiting for the centre's acknowledgement of the submission they stored: each is
 * settled by the forwarder's result, by its own deadline, or when the outbox stops.
 */
export class UploadWaiters {
  private readonly _waiting = new Map<string, Array<(uploaded: boolean) => void>>();

  /** Resolves true once `id` is acknowledged, false after `ms`. */
  wait(id: string, ms: number): Promise<boolean> {
    return new Promise((done) => {
      const timer = setTimeout(() => this.settle(id, false), ms);
      const list = this._waiting.get(id) ?? [];
      list.push((uploaded) => {
        clearTimeout(timer);
        done(uploaded);
      });
      this._waiting.set(id, list);
    });
  }

  settle(id: string, uploaded: boolean): void {
    const list = this._waiting.get(id);
    if (!list) return;
    this._waiting.delete(id);
    for (const fn of list) fn(uploaded);
  }

  /** Answers every waiting request with uploaded:false (the outbox stops). */
  settleAll(): void {
    for (const id of [...this._waiting.keys()]) this.settle(id, false);
  }
}
