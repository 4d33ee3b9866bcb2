import { isIPv6 } from 'node:net';
import express, { Router, type Request, type Response } from 'express';
import type { Logger } from '@kiosk/node-common/logger';
import type { CenterRepository, LoginLimitKey } from '../store/repository.js';
import { LAST4_INPUT, RECEIPT_INPUT, lookUpStatus } from './status-lookup.js';
import { formPage, resultPage, type PageNotice } from './status-page.js';
import type { PublicStatusTexts } from './status-texts.js';

/** Look-ups per client address: 10 a minute in all, and 5 failed a minute / 20 an hour. */
export const LOOKUP_WINDOWS: LoginLimitKey['windows'] = [[10, 60_000]];
export const FAILED_WINDOWS: LoginLimitKey['windows'] = [
  [5, 60_000],
  [20, 3600_000],
];

export interface PublicStatusDeps {
  /** The limits are counted in storage (the staff login limiter's table), so every centre process
   *  sharing it counts the same guesses and a restart forgets none. */
  repo: Pick<CenterRepository, 'findByReceiptNo' | 'reserveLoginAttempt' | 'releaseLoginAttempt'>;
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
  const form = (res: Response, status: number, receiptNo: string, notice?: PageNotice): void =>
    send(res, status, formPage(deps.texts, receiptNo, notice));

  router.get('/s', (_req, res) => res.redirect(301, '/s/'));
  router.get('/s/', (req, res) => {
    const r = typeof req.query['r'] === 'string' ? req.query['r'].trim().toUpperCase() : '';
    form(res, 200, RECEIPT_INPUT.test(r) ? r : '');
  });

  router.post('/s/', express.urlencoded({ extended: false, limit: '2kb', parameterLimit: 10 }), async (req, res) => {
    const key = clientKey(req, deps.behindProxy ?? false);
    const body = (req.is('application/x-www-form-urlencoded') ? req.body : {}) as Record<string, unknown>;
    const raw = (name: string): string =>
      Object.hasOwn(body, name) && typeof body[name] === 'string' ? body[name].trim().toUpperCase() : '';
    const receiptNo = raw('r');
    const last4 = raw('k');
    const safeReceipt = RECEIPT_INPUT.test(receiptNo) ? receiptNo : '';
    // Every look-up counts, and counts as failed until it is known not to be: a burst of parallel
    // guesses is refused by the atomic reservation, not after the fact.
    const reserved = await deps.repo.reserveLoginAttempt(
      [
        { key: `status:${key}`, windows: LOOKUP_WINDOWS },
        { key: `status-failed:${key}`, windows: FAILED_WINDOWS },
      ],
      now(),
    );
    if (!reserved.ok) {
      res.set('Retry-After', String(Math.ceil(reserved.retryAfterMs / 1000)));
      return form(res, 429, safeReceipt, { tooManyMinutes: Math.max(1, Math.ceil(reserved.retryAfterMs / 60_000)) });
    }
    const notFailed = (): Promise<void> => deps.repo.releaseLoginAttempt(reserved.ids.slice(1));
    if (!safeReceipt || !LAST4_INPUT.test(last4)) {
      await notFailed();
      return form(res, 400, safeReceipt, 'badInput');
    }
    const status = await lookUpStatus(deps.repo, safeReceipt, last4);
    if (!status) return form(res, 404, safeReceipt, 'notFound');
    await notFailed();
    send(res, 200, resultPage(deps.texts, status));
  });

  return router;
}
