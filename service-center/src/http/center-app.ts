import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { guardMiddleware, jsonOnly, type OriginPolicy } from '@kiosk/node-common/guards';
import type { Logger } from '@kiosk/node-common/logger';
import { intakeRouter, type IntakeDeps } from './intake-router.js';
import { staffRouter, type StaffDeps } from './staff-router.js';

export interface CenterAppDeps {
  policy: OriginPolicy;
  intake: IntakeDeps;
  staff: StaffDeps;
  /** Built staff console (dist/console). */
  consoleDir: string;
  log: Logger;
  /** Video consultation: its routes (full paths) and its counts in /healthz. */
  consultation?: { router: Router; health(): { queue: number; calls: number; lawyers: number } };
}

/** The centre's app, built apart from listen(): terminals' intake API, staff API and console. */
export function createCenterApp(deps: CenterAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(guardMiddleware(deps.policy));
  app.use((_req, res, next) => {
    res.set({
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Content-Security-Policy':
        "default-src 'self'; img-src 'self' blob: data:; style-src 'self' 'unsafe-inline'; frame-ancestors 'none'",
    });
    next();
  });
  app.use(jsonOnly);

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ...deps.consultation?.health(), ok: true });
  });
  app.use('/api/v1/intake', intakeRouter(deps.intake));
  app.use('/api/v1/staff', (_req, res, next) => {
    res.set('Cache-Control', 'no-store');
    next();
  });
  app.use('/api/v1/staff', staffRouter(deps.staff));
  if (deps.consultation) app.use(deps.consultation.router);
  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'notFound' });
  });

  app.use(express.static(deps.consoleDir, { index: false, maxAge: 0 }));
  app.get('/{*path}', (_req, res) => {
    const file = join(deps.consoleDir, 'index.html');
    if (!existsSync(file)) {
      res
        .status(503)
        .type('text/plain')
        .send('Staff console not built yet: run `npm run build:ui` (or `npm run build`).\n');
      return;
    }
    res.set('Cache-Control', 'no-store').sendFile(file);
  });

  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number };
    if (e.type === 'entity.parse.failed' || e.type === 'entity.too.large') {
      res.status(e.status ?? 400).json({ error: e.type === 'entity.too.large' ? 'tooLarge' : 'badJson' });
      return;
    }
    deps.log.error({ err }, 'centre request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internalError' });
  });
  return app;
}
