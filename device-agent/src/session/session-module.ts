import { Router } from 'express';
import type { AgentModule, ModuleContext } from '../core/module.js';

/**
 * The end of a villager's visit (DESIGN §7): the UI calls POST /api/v1/session/end and every
 * module drops what it holds for that visit.
 */
export class SessionModule implements AgentModule {
  readonly name = 'session';

  constructor(private readonly _ctx: ModuleContext) {}

  async start(): Promise<void> {}

  async stop(): Promise<void> {}

  end(): void {
    for (const service of this._ctx.services.values()) service.endSession();
    this._ctx.bus.emit('sessionEnded');
    this._ctx.redactor.forget();
  }

  kioskRouter(): Router {
    const router = Router();
    router.post('/session/end', (_req, res) => {
      this.end();
      res.json({ ended: true });
    });
    return router;
  }
}
