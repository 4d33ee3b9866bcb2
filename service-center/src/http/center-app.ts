import { existsSync } from 'node:fs';
import { join } from 'node:path';
import helmet from 'helmet';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { guardMiddleware, jsonOnly, type OriginPolicy } from '@kiosk/node-common/guards';
import type { Logger } from '@kiosk/node-common/logger';
import { heartbeatRouter, type HeartbeatDeps } from '../fleet/heartbeat-router.js';
import { publicStatusRouter, type PublicStatusDeps } from '../public-status/public-status-router.js';
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
  /** Terminal heartbeats (POST /api/v1/intake/heartbeat). */
  heartbeat?: HeartbeatDeps;
  /** The public status page /s/ (a form post, so mounted before the JSON-only check). */
  publicStatus?: PublicStatusDeps;
}

/**
 * Security headers by helmet (issue 13 item 12): a Content-Security-Policy without inline scripts
 * that still lets the lawyer's video call work (getUserMedia streams as blob:/MediaStream, the
 * signalling WebSocket to the same origin), nosniff, no framing (frame-ancestors 'none' and
 * X-Frame-Options DENY), no referrer. HSTS is left to the TLS reverse proxy (`publicHosts`).
 */
export function securityHeaders(): ReturnType<typeof helmet> {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'blob:', 'data:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", 'ws:', 'wss:'],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: false,
  });
}

/** The centre's app, built apart from listen(): terminals' intake API, staff API and console. */
export function createCenterApp(deps: CenterAppDeps): express.Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('etag', false);
  app.use(guardMiddleware(deps.policy));
  app.use(securityHeaders());
  if (deps.publicStatus) app.use(publicStatusRouter(deps.publicStatus));
  app.use(jsonOnly);

  app.get('/healthz', (_req, res) => {
    res.set('Cache-Control', 'no-store').json({ ...deps.consultation?.health(), ok: true });
  });
  if (deps.heartbeat) app.use('/api/v1/intake/heartbeat', heartbeatRouter(deps.heartbeat));
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

  app.use((err: unknown, req: Request, res: Response, _next: NextFunction) => {
    const e = err as { type?: string; status?: number; code?: string };
    // A client that went away (closed tab, lost network) is not a centre failure: one debug line.
    if (e.type === 'request.aborted' || e.code === 'ECONNABORTED' || e.code === 'ECONNRESET' || req.socket.destroyed) {
      deps.log.debug({ method: req.method, path: req.path }, 'request aborted by the client');
      if (!res.headersSent && !res.destroyed) res.status(400).end();
      return;
    }
    if (e.type === 'entity.parse.failed' || e.type === 'entity.too.large') {
      res.status(e.status ?? 400).json({ error: e.type === 'entity.too.large' ? 'tooLarge' : 'badJson' });
      return;
    }
    deps.log.error({ err }, 'centre request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internalError' });
  });
  return app;
}
