import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CentreStatus } from '@kiosk/contract/admin-api';
import type { AdminApi } from './admin-api.js';

/** How often the board asks for the centre's reachability and the outbox depth. */
export const CENTRE_POLL_MS = 5_000;

/**
 * The county centre as the outbox sees it (GET /admin/api/centre), read now and every few
 * seconds while the board is shown. Background reads: they never keep the login alive.
 */
export class AdminCentreController implements ReactiveController {
  value: CentreStatus | null = null;
  /** The last read failed (the agent is not answering). */
  failed = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _abort: AbortController | undefined;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _api: () => AdminApi | undefined,
    private readonly _everyMs = CENTRE_POLL_MS,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    void this._read();
  }

  hostDisconnected(): void {
    clearTimeout(this._timer);
    this._timer = undefined;
    this._abort?.abort();
    this._abort = undefined;
  }

  private async _read(): Promise<void> {
    const api = this._api();
    if (!api) return;
    const abort = new AbortController();
    this._abort = abort;
    try {
      this.value = await api.get<CentreStatus>('/centre', { signal: abort.signal });
      this.failed = false;
    } catch {
      if (abort.signal.aborted) return;
      this.failed = true;
    }
    if (this._abort !== abort) return;
    this._host.requestUpdate();
    this._timer = setTimeout(() => void this._read(), this._everyMs);
  }
}
