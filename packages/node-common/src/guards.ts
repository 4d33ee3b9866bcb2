import type { IncomingMessage } from 'node:http';
import type { NextFunction, Request, Response } from 'express';

/** The Host and Origin values a listener accepts; computed from the port it actually bound. */
export interface OriginPolicy {
  hosts(): Set<string>;
  origins(): Set<string>;
}

export function loopbackPolicy(getPort: () => number, extraHost?: string): OriginPolicy {
  const names = (): string[] => [
    '127.0.0.1',
    'localhost',
    ...(extraHost && extraHost !== '0.0.0.0' ? [extraHost] : []),
  ];
  return {
    hosts: () => new Set(names().map((n) => `${n}:${getPort()}`)),
    origins: () => new Set(names().map((n) => `http://${n}:${getPort()}`)),
  };
}

/**
 * DNS-rebinding and cross-site guard shared by HTTP and the WebSocket upgrade: `Host` must name
 * this listener; `Origin`, when a browser sends one, must be this listener's own origin.
 */
export function isAllowed(req: IncomingMessage, policy: OriginPolicy): boolean {
  const host = req.headers.host;
  if (!host || !policy.hosts().has(host.toLowerCase())) return false;
  const origin = req.headers.origin;
  if (origin !== undefined && !policy.origins().has(origin.toLowerCase())) return false;
  return true;
}

/** The 403 body of a refused Host or Origin, unless the listener passes its own. */
export const FORBIDDEN_BODY = { error: 'forbidden', message: 'forbidden Host or Origin' } as const;

/**
 * Refuses a request whose Host or Origin this listener does not accept (403). The body is neutral
 * by default; a listener whose API answers in its own envelope (the kiosk API's `ack`, DESIGN §5)
 * passes it as `forbiddenBody`.
 */
export function guardMiddleware(policy: OriginPolicy, options: { forbiddenBody?: unknown } = {}) {
  const body = options.forbiddenBody ?? FORBIDDEN_BODY;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (isAllowed(req, policy)) return next();
    res.status(403).json(body);
  };
}

/** Writes must be JSON, which forces a CORS preflight for any cross-site attempt. */
export function jsonOnly(req: Request, res: Response, next: NextFunction): void {
  if (['GET', 'HEAD', 'OPTIONS'].includes(req.method) || req.is('application/json')) return next();
  res.status(415).json({ error: 'unsupportedMediaType', message: 'Content-Type must be application/json' });
}
