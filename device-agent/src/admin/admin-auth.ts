import type { IncomingMessage } from 'node:http';
import { Router, type NextFunction, type Request, type Response } from 'express';
import { stringifySetCookie } from 'cookie';
import type {
  AdminErrorBody,
  LoginAnswer,
  LogoutAnswer,
  PasswordChangeAnswer,
  ReauthAnswer,
  SessionInfo,
  SetupAnswer,
  SetupStatus,
} from '@kiosk/contract/admin-api';
import type { Logger } from '@kiosk/node-common/logger';
import { LoginLimiter } from './login-limiter.js';
import { LoginStore, parseCookies, type Login } from './login-store.js';
import { hashPassword, verifyPassword, type ScryptParams } from './password-hash.js';
import {
  RESET_ADMIN_HINT,
  SecretsDamagedError,
  setupTokenLive,
  tokenMatches,
  type AdminSecrets,
  type SecretsStore,
} from './secrets-store.js';

/** The one technician account; the per-account limit counts across every address. */
export const ACCOUNT = 'technician';
export const MIN_PASSWORD_LENGTH = 10;

export interface AdminAuthDeps {
  secrets: SecretsStore;
  log: Logger;
  scrypt: ScryptParams;
  now: () => number;
  /** Monotonic clock for the logins' idle and re-authentication timers. */
  elapsed: () => number;
  /** The bound admin port (cookie names carry it: cookies are not port-specific). */
  adminPort: () => number;
  /** Where failed attempts are kept across restarts (the data directory); in memory without it. */
  limiterFile?: string;
}

declare module 'express-serve-static-core' {
  interface Request {
    adminLogin?: Login;
  }
}

const fail = (res: Response, status: number, error: string, message: string): void => {
  res.status(status).json({ error, message } satisfies AdminErrorBody);
};

/**
 * Setup token, password, logins, CSRF and re-authentication for the admin listener
 * (reference/device-agent.md §4.2–4.7).
 */
export class AdminAuth {
  readonly logins: LoginStore;
  readonly limiter: LoginLimiter;
  private _setupLock: Promise<unknown> = Promise.resolve();
  /** One scrypt at a time: each needs 128 MiB at N = 2^17, so parallel attempts must queue. */
  private _hashQueue: Promise<unknown> = Promise.resolve();

  constructor(private readonly _deps: AdminAuthDeps) {
    this.logins = new LoginStore(_deps.elapsed);
    this.limiter = new LoginLimiter(_deps.now, _deps.limiterFile);
  }

  get sessionCookie(): string {
    return `kiosk_admin_P${this._deps.adminPort()}`;
  }

  get csrfCookie(): string {
    return `kiosk_csrf_P${this._deps.adminPort()}`;
  }

  /** A password is set. False also for a damaged secrets file (every admin route then answers 503). */
  configured(): boolean {
    return Boolean(this._secrets()?.passwordHash);
  }

  /** The login behind a request's cookie, without refreshing its idle timer (WebSocket upgrade). */
  loginOf(req: IncomingMessage, refresh = false): Login | null {
    const secrets = this._secrets();
    if (!secrets) return null;
    const id = parseCookies(req.headers.cookie)[this.sessionCookie];
    return this.logins.find(id, secrets.passwordHash, refresh);
  }

  /** The secrets, or null when the file is damaged (fail closed: nobody logs in, nothing is set up). */
  private _secrets(): AdminSecrets | null {
    try {
      return this._deps.secrets.read();
    } catch (err) {
      if (err instanceof SecretsDamagedError) return null;
      throw err;
    }
  }

  /** 503 for every admin route while the secrets file is damaged; the page shows how to reset it. */
  readonly failClosed = (_req: Request, res: Response, next: NextFunction): void => {
    if (!this._deps.secrets.damaged()) return next();
    fail(
      res,
      503,
      'secretsDamaged',
      `the admin secrets file is damaged: ${RESET_ADMIN_HINT}, then open this page again`,
    );
  };

  /** Routes that work without a login: setup status, setup, login, logout, session. */
  publicRouter(): Router {
    const router = Router();
    router.use(this.failClosed);
    router.get('/setup', (_req, res) => {
      res.json({ configured: this.configured() } satisfies SetupStatus);
    });
    router.post('/setup', this.requireOrigin, (req, res, next) => {
      const run = this._setupLock.then(() => this._setup(req, res));
      this._setupLock = run.catch(() => undefined);
      run.catch(next);
    });
    router.post('/login', this.requireOrigin, (req, res, next) => {
      this._serial(() => this._login(req, res)).catch(next);
    });
    router.post('/logout', this.requireOrigin, (req, res) => {
      this.logins.remove(parseCookies(req.headers.cookie)[this.sessionCookie]);
      this._clearCookies(res);
      res.json({ loggedIn: false } satisfies LogoutAnswer);
    });
    router.get('/session', (req, res) => {
      const login = this.loginOf(req);
      if (!login) return void res.json({ configured: this.configured(), loggedIn: false } satisfies SessionInfo);
      res.json({
        configured: true,
        loggedIn: true,
        csrfToken: login.csrf,
        recentlyAuthenticated: this.logins.recentlyAuthenticated(login),
      } satisfies SessionInfo);
    });
    return router;
  }

  /** Everything else: setup done, a live login, and on changes the admin Origin and CSRF token. */
  readonly gate = (req: Request, res: Response, next: NextFunction): void => {
    if (!this.configured()) return fail(res, 403, 'setupRequired', 'set the technician password first');
    const change = !['GET', 'HEAD', 'OPTIONS'].includes(req.method);
    // Background reads (status, log tails) must not keep a login alive; the page marks the reads a technician asked for.
    const refresh = change || req.get('X-User-Action') === '1';
    const login = this.loginOf(req, false);
    if (!login) return fail(res, 401, 'loginRequired', 'log in first');
    if (change) {
      if (!this._originOk(req)) return fail(res, 403, 'badOrigin', 'Origin must be the admin page');
      const cookie = parseCookies(req.headers.cookie)[this.csrfCookie];
      if (!this.logins.csrfMatches(login, req.get('X-CSRF-Token'), cookie))
        return fail(res, 403, 'csrf', 'missing or wrong X-CSRF-Token');
    }
    if (refresh) this.logins.find(login.id, this._secrets()?.passwordHash, true);
    req.adminLogin = login;
    next();
  };

  /** Dangerous changes (listen address, password, raw printing) need the password typed within 5 minutes. */
  readonly requireRecentAuth = (req: Request, res: Response, next: NextFunction): void => {
    if (req.adminLogin && this.logins.recentlyAuthenticated(req.adminLogin)) return next();
    fail(res, 403, 'reauthRequired', 'enter the password again to confirm this change');
  };

  readonly requireOrigin = (req: Request, res: Response, next: NextFunction): void => {
    if (this._originOk(req)) return next();
    fail(res, 403, 'badOrigin', 'Origin must be the admin page');
  };

  /** Routes for a logged-in technician: re-authenticate and change the password. */
  privateRouter(): Router {
    const router = Router();
    router.post('/reauth', (req, res, next) => {
      this._serial(() => this._reauth(req, res)).catch(next);
    });
    router.post('/password', this.requireRecentAuth, (req, res, next) => {
      this._serial(() => this._changePassword(req, res)).catch(next);
    });
    return router;
  }

  private _serial(task: () => Promise<void>): Promise<void> {
    const run = this._hashQueue.then(task);
    this._hashQueue = run.catch(() => undefined);
    return run;
  }

  private _originOk(req: Request): boolean {
    const origin = req.get('Origin');
    return (
      origin !== undefined && origin.toLowerCase() === `${req.protocol}://${String(req.get('Host')).toLowerCase()}`
    );
  }

  private _address(req: Request): string {
    return req.socket.remoteAddress ?? 'unknown';
  }

  /** 429 with Retry-After when the limiter says wait; the attempt is not checked at all. */
  private _limited(req: Request, res: Response, what: string): boolean {
    const wait = this.limiter.retryAfterMs(this._address(req), ACCOUNT);
    if (wait <= 0) return false;
    const seconds = Math.ceil(wait / 1000);
    this._deps.log.warn(
      { remote: this._address(req), retryAfterSec: seconds },
      `admin ${what} refused: too many failures`,
    );
    res.set('Retry-After', String(seconds));
    fail(res, 429, 'tooManyAttempts', `too many failed attempts; retry in ${seconds} s`);
    return true;
  }

  private _passwordProblem(password: unknown): string | null {
    if (typeof password !== 'string') return 'password must be a string';
    if ([...password].length < MIN_PASSWORD_LENGTH)
      return `password must have at least ${MIN_PASSWORD_LENGTH} characters`;
    if (password.length > 200) return 'password is too long';
    return null;
  }

  private async _setup(req: Request, res: Response): Promise<void> {
    if (this.configured()) return fail(res, 403, 'alreadyConfigured', 'setup is already done');
    if (this._limited(req, res, 'setup')) return;
    const body = (req.body ?? {}) as { setupToken?: unknown; password?: unknown };
    const stored = this._deps.secrets.read();
    const liveToken = setupTokenLive(stored, this._deps.now()) ? stored.setupToken : undefined;
    if (!tokenMatches(body.setupToken, liveToken)) {
      this.limiter.recordFailure(this._address(req), ACCOUNT);
      this._deps.log.warn({ remote: this._address(req), reason: 'wrong setup token' }, 'admin setup failed');
      return fail(res, 403, 'badSetupToken', 'the setup token is wrong or already used');
    }
    const problem = this._passwordProblem(body.password);
    if (problem) return fail(res, 400, 'weakPassword', problem);
    const passwordHash = await hashPassword(body.password as string, this._deps.scrypt);
    this._deps.secrets.write({ passwordHash, passwordChangedAt: new Date(this._deps.now()).toISOString() });
    this._deps.log.info({ remote: this._address(req) }, 'admin password set by setup; setup token used up');
    this._startLogin(res, passwordHash);
    res.json({ configured: true, loggedIn: true } satisfies SetupAnswer);
  }

  private async _login(req: Request, res: Response): Promise<void> {
    if (!this.configured()) return fail(res, 403, 'setupRequired', 'set the technician password first');
    if (this._limited(req, res, 'login')) return;
    const password = (req.body as { password?: unknown } | undefined)?.password;
    const secrets = this._deps.secrets.read();
    const result = await verifyPassword(
      typeof password === 'string' ? password : '',
      secrets.passwordHash,
      this._deps.scrypt,
    );
    if (!result.ok) {
      this.limiter.recordFailure(this._address(req), ACCOUNT);
      this._deps.log.warn({ remote: this._address(req), reason: 'wrong password' }, 'admin login failed');
      return fail(res, 401, 'badPassword', 'wrong password');
    }
    let passwordHash = secrets.passwordHash!;
    if (result.needsRehash) {
      passwordHash = await hashPassword(password as string, this._deps.scrypt);
      this._deps.secrets.write({ ...secrets, passwordHash });
    }
    this._deps.log.info({ remote: this._address(req) }, 'admin login');
    this._startLogin(res, passwordHash);
    res.json({ loggedIn: true } satisfies LoginAnswer);
  }

  private async _reauth(req: Request, res: Response): Promise<void> {
    if (this._limited(req, res, 're-authentication')) return;
    const password = (req.body as { password?: unknown } | undefined)?.password;
    const result = await verifyPassword(
      typeof password === 'string' ? password : '',
      this._deps.secrets.read().passwordHash,
      this._deps.scrypt,
    );
    if (!result.ok) {
      this.limiter.recordFailure(this._address(req), ACCOUNT);
      this._deps.log.warn({ remote: this._address(req), reason: 'wrong password' }, 'admin re-authentication failed');
      return fail(res, 401, 'badPassword', 'wrong password');
    }
    this.logins.reauthenticated(req.adminLogin!);
    res.json({ recentlyAuthenticated: true } satisfies ReauthAnswer);
  }

  private async _changePassword(req: Request, res: Response): Promise<void> {
    const password = (req.body as { newPassword?: unknown } | undefined)?.newPassword;
    const problem = this._passwordProblem(password);
    if (problem) return fail(res, 400, 'weakPassword', problem);
    const passwordHash = await hashPassword(password as string, this._deps.scrypt);
    this._deps.secrets.write({ passwordHash, passwordChangedAt: new Date(this._deps.now()).toISOString() });
    // Every older login carries the old hash's tag and is now void; start a fresh one here.
    this.logins.clear();
    this._deps.log.info({ remote: this._address(req) }, 'admin password changed; other logins ended');
    this._startLogin(res, passwordHash);
    res.json({ changed: true } satisfies PasswordChangeAnswer);
  }

  private _startLogin(res: Response, passwordHash: string): void {
    const login = this.logins.create(passwordHash);
    const secure = res.req.secure;
    res.append('Set-Cookie', setCookie(this.sessionCookie, login.id, { httpOnly: true, path: '/admin', secure }));
    res.append('Set-Cookie', setCookie(this.csrfCookie, login.csrf, { path: '/', secure }));
  }

  private _clearCookies(res: Response): void {
    const secure = res.req.secure;
    res.append('Set-Cookie', setCookie(this.sessionCookie, '', { httpOnly: true, path: '/admin', secure, maxAge: 0 }));
    res.append('Set-Cookie', setCookie(this.csrfCookie, '', { path: '/', secure, maxAge: 0 }));
  }
}

/** A `Set-Cookie` line: SameSite=Strict always, `Secure` when the page came over TLS (cookie@2). */
export function setCookie(
  name: string,
  value: string,
  options: { path: string; httpOnly?: boolean; secure: boolean; maxAge?: number },
): string {
  return stringifySetCookie({
    name,
    value,
    path: options.path,
    sameSite: 'strict',
    ...(options.httpOnly ? { httpOnly: true } : {}),
    ...(options.secure ? { secure: true } : {}),
    ...(options.maxAge !== undefined ? { maxAge: options.maxAge } : {}),
  });
}
