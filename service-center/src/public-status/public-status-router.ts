import { isIPv6 } from 'node:net';
import express, { Router, type Request, type Response } from 'express';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository } from '../store/repository.js';
import { LAST4_INPUT, RECEIPT_INPUT, lookUpStatus } from './status-lookup.js';
import { formPage, resultPage, type PageNotice } from './status-page.js';
import type { PublicStatusTexts } from './status-texts.js';

/** Look-ups per client address: 10 a minute in all, and 5 failed a minute / 20 an hour. */
export const LOOKUP_WINDOWS: ReadonlyArray<readonly [number, number]> = [[10, 60_000]];
export const FAILED_WINDOWS: ReadonlyArray<readonly [number, number]> = [
  [5, 60_000],
  [20, 3600_000],
];

/** Distinct client addresses the limiters remember before they start afresh. */
export const MAX_TRACKED = 50_000;

export interface PublicStatusDeps {
  repo: Pick<CenterRepository, 'findByReceiptNo'>;
  texts: PublicStatusTexts;
  log: Logger;
  /** The rate limit keys on the last X-Forwarded-For entry (the proxy's) instead of the socket. */
  behindProxy?: boolean;
  now?: () => number;
}

/** The client's address as the limiter keys it: an IPv6 address by its /64 (one subscriber's block). */
export function clientKey(req: Request, behindProxy: boolean): string {
  const forwarded = behindProxy ? req.get('x-forwarded-for')?.split(',').pop()?.trim() : undefined;
  const address = (forwarded || req.socket.remoteAddress || 'unknown').replace(/^::ffff:/, '');
  if (!isIPv6(address)) return address;
  const [head] = address.split('%');
  const groups = head.includes('::')
    ? (() => {
        const [l, r] = head.split('::');
        const left = l ? l.split(':') : [];
        const right = r ? r.split(':') : [];
        return [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
      })()
    : head.split(':');
  return `${groups.slice(0, 4).join(':')}::/64`;
}

function send(res: Response, status: number, html: string): void {
  // same-origin instead of the centre's no-referrer: under no-referrer Chromium posts the form with
  // `Origin: null`, which the Origin guard refuses; same-origin still tells other sites nothing.
  res.status(status).set({ 'Cache-Control': 'no-store', 'Referrer-Policy': 'same-origin' }).type('html').send(html);
}

/**
 * The public status page for the receipt's QR (`/s/?r=<receiptNo>`, issue 14 item 4): no login,
 * a form asking the last four characters of the ID number, the status and its dates as the answer.
 * A wrong last-4 and an unknown receipt get the same page; look-ups are limited per client address;
 * the typed characters are never logged.
 */
export function publicStatusRouter(deps: PublicStatusDeps): Router {
  // Strict: `/s` redirects to `/s/` (relative links), which a non-strict route would match again.
  const router = Router({ strict: true });
  const now = deps.now ?? Date.now;
  let lookups = new FailureLimiter(LOOKUP_WINDOWS, now);
  let failures = new FailureLimiter(FAILED_WINDOWS, now);
  // The limiters forget an address only when it comes back; addresses seen once would pile up. Past
  // MAX_TRACKED distinct addresses in an hour both start afresh (a flood from that many addresses
  // is beyond a per-address limit anyway).
  let tracked = new Set<string>();
  let trackedSince = now();
  const track = (key: string): void => {
    if (now() - trackedSince > 3600_000 || (tracked.size >= MAX_TRACKED && !tracked.has(key))) {
      if (tracked.size >= MAX_TRACKED) deps.log.warn({ addresses: tracked.size }, 'public status: limiter reset');
      lookups = new FailureLimiter(LOOKUP_WINDOWS, now);
      failures = new FailureLimiter(FAILED_WINDOWS, now);
      tracked = new Set();
      trackedSince = now();
    }
    tracked.add(key);
  };
  const form = (res: Response, status: number, receiptNo: string, notice?: PageNotice): void =>
    send(res, status, formPage(deps.texts, receiptNo, notice));

  router.get('/s', (_req, res) => res.redirect(301, '/s/'));
  router.get('/s/', (req, res) => {
    const r = typeof req.query['r'] === 'string' ? req.query['r'].trim().toUpperCase() : '';
    form(res, 200, RECEIPT_INPUT.test(r) ? r : '');
  });

  router.post('/s/', express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 }), async (req, res) => {
    const key = clientKey(req, deps.behindProxy ?? false);
    track(key);
    const body = (req.is('application/x-www-form-urlencoded') ? req.body : {}) as Record<string, unknown>;
    const raw = (name: string): string =>
      Object.hasOwn(body, name) && typeof body[name] === 'string' ? body[name].trim().toUpperCase() : '';
    const receiptNo = raw('r');
    const last4 = raw('k');
    const safeReceipt = RECEIPT_INPUT.test(receiptNo) ? receiptNo : '';
    const wait = Math.max(lookups.retryAfterMs(key), failures.retryAfterMs(key));
    if (wait > 0) {
      res.set('Retry-After', String(Math.ceil(wait / 1000)));
      return form(res, 429, safeReceipt, { tooManyMinutes: Math.max(1, Math.ceil(wait / 60_000)) });
    }
    lookups.fail(key);
    if (!safeReceipt || !LAST4_INPUT.test(last4)) return form(res, 400, safeReceipt, 'badInput');
    const status = await lookUpStatus(deps.repo, safeReceipt, last4);
    if (!status) {
      failures.fail(key);
      return form(res, 404, safeReceipt, 'notFound');
    }
    send(res, 200, resultPage(deps.texts, status));
  });

  return router;
}
