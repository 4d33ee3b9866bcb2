import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import type { AckMessage, AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import type { Dispatcher } from '../core/dispatcher.js';
import type { Logger } from '@kiosk/node-common/logger';
import { commandRoute } from './command-route.js';
import { guardMiddleware, jsonOnly, type OriginPolicy } from '@kiosk/node-common/guards';
import { kioskCspDirectives, securityHeaders } from './security-headers.js';

export interface KioskAppDeps {
  policy: OriginPolicy;
  dispatcher: Dispatcher;
  statusDocument: () => AgentStatusDocument;
  /** Built kiosk UI (dist/kiosk-ui). */
  staticDir: string;
  log: Logger;
  /** Routers of agent modules (voice, submissions, session), mounted under /api/v1. */
  apiRouters: Router[];
  /** The centre's URL (config center.url): the only other origin the page may connect to. */
  centerUrl?: string;
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
  app.use(securityHeaders(kioskCspDirectives(deps.centerUrl)));
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

/** A client that went away mid-request (closed tab, killed kiosk): nothing to answer, nothing to fix. */
function clientAborted(err: unknown, req: Request): boolean {
  const e = err as { type?: string; code?: string };
  return (
    e.type === 'request.aborted' ||
    e.code === 'ECONNRESET' ||
    e.code === 'ECONNABORTED' ||
    e.code === 'ERR_STREAM_PREMATURE_CLOSE' ||
    req.socket.destroyed
  );
}

/**
 * Central error handler: bad JSON → 400 ack envelope; a request the client aborted → one debug
 * line (not an error stack); anything else → 500 JSON, logged.
 */
export function errorHandler(log: Logger) {
  return (err: unknown, req: Request, res: Response, _next: NextFunction): void => {
    const e = err as { type?: string; status?: number; message?: string; code?: string };
    if (clientAborted(err, req)) {
      log.debug({ method: req.method, path: req.path, reason: e.type ?? e.code }, 'request aborted by the client');
      if (!res.headersSent && !res.destroyed) res.status(400).end();
      return;
    }
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
