import type { NextFunction, Request, Response } from 'express';
import type { StaffErrorBody } from '@kiosk/contract/staff-api';
import { describeErrors, type Validator } from '@kiosk/node-common/validator';
import { StaffSessions, parseCookies, type StaffSession } from '../auth/staff-sessions.js';
import type { StaffRole } from '../store/repository.js';

/** A staff API request after `StaffAccess.attach`: the login, when the cookie names a live one. */
export type StaffRequest = Request & { staff?: StaffSession };

/**
 * Whether the console reached us over TLS: directly, or through the reverse proxy of `publicHosts`
 * (X-Forwarded-Proto, or the page's https Origin). Secure only ever narrows where the cookie goes.
 */
export function overTls(req: Request): boolean {
  return (
    req.secure ||
    req.get('x-forwarded-proto')?.split(',')[0]?.trim().toLowerCase() === 'https' ||
    /^https:\/\//i.test(req.get('origin') ?? '')
  );
}

/** Refuses a staff API call with the contract's error body. */
export const refuse = (res: Response, status: number, body: StaffErrorBody): void => void res.status(status).json(body);

/** Schema check of a request body: the error detail, or undefined when the body is valid. */
export type BodyCheck = (schema: object, body: unknown) => string | undefined;

export function bodyCheck(validator: Validator): BodyCheck {
  return (schema, body) => {
    const errors = validator.validate(schema, body);
    return errors.length ? describeErrors(errors) : undefined;
  };
}

/**
 * Who is calling the staff API: the session cookie (named after the listening port, since cookies
 * ignore ports) and the CSRF check every change needs. Shared by the login and application routes.
 */
export class StaffAccess {
  constructor(
    readonly sessions: StaffSessions,
    private readonly _port: () => number,
  ) {}

  get cookieName(): string {
    return `center_session_P${this._port()}`;
  }

  /** Middleware: sets `req.staff` when the cookie names a live login (read from storage). */
  readonly attach = (req: StaffRequest, _res: Response, next: NextFunction): void => {
    this.sessions.get(parseCookies(req.headers.cookie).get(this.cookieName)).then((session) => {
      if (session) req.staff = session;
      next();
    }, next);
  };

  /** Middleware: a login is required, with the CSRF token on changes; `allowMustChange` for the password routes. */
  require(allowMustChange = false) {
    return (req: StaffRequest, res: Response, next: NextFunction): void => {
      const s = req.staff;
      if (!s) return refuse(res, 401, { error: 'notLoggedIn' });
      if (!['GET', 'HEAD'].includes(req.method) && !StaffSessions.csrfMatches(s, req.get('X-CSRF-Token')))
        return refuse(res, 403, { error: 'csrf' });
      if (s.mustChange && !allowMustChange) return refuse(res, 403, { error: 'passwordChangeRequired' });
      next();
    };
  }

  /** Middleware after `require()`: the login's role must be one of `roles` (403 otherwise). */
  static role(...roles: StaffRole[]) {
    return (req: StaffRequest, res: Response, next: NextFunction): void => {
      if (!req.staff || !roles.includes(req.staff.role))
        return refuse(res, 403, { error: 'forbidden', detail: `role ${roles.join(' or ')} required` });
      next();
    };
  }

  /** Sets the session cookie of a new login. */
  setCookie(req: Request, res: Response, session: StaffSession): void {
    res.cookie(this.cookieName, session.id, { httpOnly: true, sameSite: 'strict', path: '/', secure: overTls(req) });
  }

  clearCookie(req: Request, res: Response): void {
    res.clearCookie(this.cookieName, { httpOnly: true, sameSite: 'strict', path: '/', secure: overTls(req) });
  }
}
