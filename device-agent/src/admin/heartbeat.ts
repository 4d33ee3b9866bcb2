import { Router } from 'express';
import type { HeartbeatInfo } from '@kiosk/contract/admin-api';

/**
 * The kiosk page's heartbeat (every 10 s). The Chromium launcher (deploy/chromium) reads its age
 * and restarts the browser when the page has stopped beating.
 */
export class Heartbeat {
  private _lastAt: number | null = null;
  private _lastElapsed = 0;

  /**
   * `now` dates the last beat; `elapsed` (monotonic) ages it, so a wall clock set an hour either
   * way does not read as a page that stopped beating (the launcher would restart it mid-visit).
   */
  constructor(
    private readonly _now: () => number = Date.now,
    private readonly _elapsed: () => number = () => performance.now(),
  ) {}

  ageSec(): number | null {
    return this._lastAt === null ? null : Math.floor((this._elapsed() - this._lastElapsed) / 1000);
  }

  router(): Router {
    const router = Router();
    router.post('/heartbeat', (_req, res) => {
      this._lastAt = this._now();
      this._lastElapsed = this._elapsed();
      res.json({ ok: true });
    });
    router.get('/heartbeat', (_req, res) => {
      res.set('Cache-Control', 'no-store').json({
        lastAt: this._lastAt === null ? null : new Date(this._lastAt).toISOString(),
        ageSec: this.ageSec(),
      } satisfies HeartbeatInfo);
    });
    return router;
  }
}
