import { Router } from 'express';
import type { HeartbeatInfo } from '@kiosk/contract/admin-api';

/**
 * The kiosk page's heartbeat (every 10 s). The Chromium launcher (deploy/chromium) reads its age
 * and restarts the browser when the page has stopped beating.
 */
export class Heartbeat {
  private _lastAt: number | null = null;

  constructor(private readonly _now: () => number = Date.now) {}

  ageSec(): number | null {
    return this._lastAt === null ? null : Math.floor((this._now() - this._lastAt) / 1000);
  }

  router(): Router {
    const router = Router();
    router.post('/heartbeat', (_req, res) => {
      this._lastAt = this._now();
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
