import type { RequestHandler } from 'express';
import helmet from 'helmet';

// Security headers of the kiosk and admin pages (DESIGN §7, issue 13 item 12), set by helmet@8:
// a Content-Security-Policy that keeps the kiosk page talking only to the agent and the centre,
// nosniff, frame-ancestors 'none' (and X-Frame-Options DENY for old engines), no referrer.

/** The centre's origins a kiosk page may connect to: its http(s) origin and the ws(s) one. */
export function centerOrigins(centerUrl: string | undefined): string[] {
  if (!centerUrl) return [];
  let url: URL;
  try {
    url = new URL(centerUrl);
  } catch {
    return [];
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return [];
  const ws = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return [url.origin, `${ws}//${url.host}`];
}

/** Directives of the kiosk page: scripts from the agent (and WebAssembly), connections to the agent and the centre. */
export function kioskCspDirectives(centerUrl: string | undefined): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'connect-src': ["'self'", ...centerOrigins(centerUrl)],
    'media-src': ["'self'", 'blob:'],
    'img-src': ["'self'", 'data:', 'blob:'],
    // Lit's styles and the page's own <style>; styles cannot send data anywhere but 'self'.
    'style-src': ["'self'", "'unsafe-inline'"],
    'font-src': ["'self'", 'data:'],
    'worker-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
  };
}

/** Directives of the admin page: everything from the admin listener only. */
export function adminCspDirectives(): Record<string, string[]> {
  return { ...kioskCspDirectives(undefined), 'connect-src': ["'self'"] };
}

/** helmet with the given CSP; no HSTS and no upgrade-insecure-requests (the agent serves http on loopback). */
export function securityHeaders(directives: Record<string, string[]>): RequestHandler {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    strictTransportSecurity: false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  }) as RequestHandler;
}
