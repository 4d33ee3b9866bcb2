import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AckMessage, AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import type { Dispatcher } from '../core/dispatcher.js';
import type { Logger } from '@kiosk/node-common/logger';
import { commandRoute } from './command-route.js';
import { guardMiddleware, jsonOnly, type OriginPolicy } from '@kiosk/node-common/guards';

export interface KioskAppDeps {
  policy: OriginPolicy;
  dispatcher: Dispatcher;
  statusDocument: () => AgentStatusDocument;
  /** Built kiosk UI (dist/kiosk-ui). */
  staticDir: string;
  log: Logger;
  /** Routers of agent modules (voice, submissions, session), mounted under /api/v1. */
  apiRouters: Router[];
}

/** The kiosk API answers a refused Host or Origin in its own `ack` envelope (DESIGN §5). */
export const FORBIDDEN_ACK: AckMessage = {
  header: {
    type: 'ack',
    name: '',
    requestId: 0,
    status: 'notAuthorized',
    errorDescription: 'forbidden Host or Origin',
  },
  payload: {},
};

/** The kiosk listener's app (DESIGN §5). Built apart from listen(); no side effects. */
export function createKioskApp(deps: KioskAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(guardMiddleware(deps.policy, { forbiddenBody: FORBIDDEN_ACK }));
  app.use(jsonOnly);
  app.use(express.json({ limit: '24mb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  app.get('/api/v1/status', (_req, res) => {
    res.set('Cache-Control', 'no-store').json(deps.statusDocument());
  });
  app.post('/api/v1/services/:service/commands/:command', commandRoute(deps.dispatcher, 'kiosk'));
  for (const router of deps.apiRouters) app.use('/api/v1', router);
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'notFound' });
  });

  serveBuiltPage(app, deps.staticDir, 'index.html');
  app.use(errorHandler(deps.log));
  return app;
}

/** Serves a Vite build; a clear 503 when it has not been built yet. */
export function serveBuiltPage(app: express.Express, dir: string, page: string): void {
  app.use(express.static(dir, { index: false, maxAge: 0 }));
  app.get('/{*path}', (req, res) => {
    const file = join(dir, page);
    if (!existsSync(file)) {
      res.status(503).type('text/plain').send('UI not built yet: run `npm run build`.\n');
      return;
    }
    res.set('Cache-Control', 'no-store').sendFile(file);
  });
}

/** Central error handler: bad JSON → 400 ack envelope; anything else → 500 JSON, logged. */
export function errorHandler(log: Logger) {
  return (err: unknown, _req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number; message?: string };
    if (e.type === 'entity.parse.failed' || e.type === 'entity.too.large') {
      res.status(e.status ?? 400).json({
        header: { type: 'ack', name: '', requestId: 0, status: 'invalidMessage', errorDescription: e.type },
        payload: {},
      });
      return;
    }
    log.error({ err }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internalError' });
  };
}
