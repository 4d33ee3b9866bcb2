import express, { type Router } from 'express';
import type { Logger } from '@kiosk/node-common/logger';
import { guardMiddleware, jsonOnly, type OriginPolicy } from '@kiosk/node-common/guards';
import { errorHandler, serveBuiltPage } from './kiosk-app.js';
import { adminCspDirectives, securityHeaders } from './security-headers.js';

export interface AdminAppDeps {
  policy: OriginPolicy;
  staticDir: string;
  log: Logger;
  /** Routers of the admin module, mounted under /admin/api. */
  apiRouters: Router[];
}

/** The technician listener (DESIGN §6): a separate origin on agent.adminPort. */
export function createAdminApp(deps: AdminAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(guardMiddleware(deps.policy));
  app.use(securityHeaders(adminCspDirectives()));
  app.use((_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use(jsonOnly);
  app.use(express.json({ limit: '1mb' }));
  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });
  for (const router of deps.apiRouters) app.use('/admin/api', router);
  app.use('/admin/api', (_req, res) => {
    res.status(404).json({ error: 'notFound' });
  });
  serveBuiltPage(app, deps.staticDir, 'admin.html');
  app.use(errorHandler(deps.log));
  return app;
}
