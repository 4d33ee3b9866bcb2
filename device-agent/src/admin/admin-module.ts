import type { IncomingMessage } from 'node:http';
import { join } from 'node:path';
import { chinaDateTime } from '@kiosk/domain/china-time';
import { Router } from 'express';
import type { CentreStatus, DiagnosticsReport, RestartAnswer } from '@kiosk/contract/admin-api';
import type { PrinterStatus } from '@kiosk/contract/kiosk-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { AdminAuth } from './admin-auth.js';
import { checkCentre, deviceVerdicts } from './centre-check.js';
import { configRouter } from './config-routes.js';
import { deviceRouter } from './device-routes.js';
import { collectDiagnostics, type DiagnosticsRoots } from './diagnostics.js';
import { Heartbeat } from './heartbeat.js';
import { logRouter } from './log-routes.js';
import { PRODUCTION_SCRYPT, type ScryptParams } from './password-hash.js';
import { scanPorts } from './port-scan.js';
import { readinessRouter, type ReadinessBuilder } from './readiness-routes.js';
import { textReceipt } from './receipt-bytes.js';
import { adminCommandRunner, type RunAdminCommand } from './run-command.js';
import {
  RESET_ADMIN_HINT,
  SecretsDamagedError,
  SecretsStore,
  setupTokenLive,
  type AdminSecrets,
} from './secrets-store.js';
import { LIMITER_FILE } from './login-limiter.js';
import { loadAdminTexts } from './texts.js';

export interface AdminModuleOptions {
  /** scrypt cost; tests use a low `ln` (the parameters travel inside the stored hash). */
  scrypt?: ScryptParams;
  /** Clock for logins, expiry and rate limits (tests move it; it then also stands in for the monotonic one). */
  now?: () => number;
  /** POST /restart: reply first, then this (default: SIGTERM to self, systemd starts us again). */
  restart?: () => void;
  diagnosticsRoots?: DiagnosticsRoots;
  scan?: typeof scanPorts;
}

/**
 * The technician's admin API on the admin listener (DESIGN §6, reference/device-agent.md §4)
 * and the kiosk page heartbeat on the kiosk listener.
 */
export class AdminModule implements AgentModule {
  readonly name = 'admin';
  readonly auth: AdminAuth;
  readonly heartbeat: Heartbeat;
  readonly secrets: SecretsStore;
  private readonly _text: ReturnType<typeof loadAdminTexts>;
  private _printingToken = false;
  private readonly _run: RunAdminCommand;
  private readonly _now: () => number;
  private _readiness: ReadinessBuilder | undefined;

  constructor(
    private readonly _ctx: ModuleContext,
    private readonly _options: AdminModuleOptions = {},
  ) {
    const now = _options.now ?? Date.now;
    const elapsed = _options.now ?? (() => performance.now());
    this._now = now;
    this.secrets = new SecretsStore(_ctx.dataDir);
    this.auth = new AdminAuth({
      secrets: this.secrets,
      log: _ctx.log,
      scrypt: _options.scrypt ?? PRODUCTION_SCRYPT,
      now,
      elapsed,
      adminPort: () => _ctx.ports().adminPort,
      limiterFile: join(_ctx.dataDir, LIMITER_FILE),
    });
    this.heartbeat = new Heartbeat(now, elapsed);
    this._text = loadAdminTexts(_ctx.contentDir);
    this._run = adminCommandRunner(_ctx.dispatcher);
  }

  async start(): Promise<void> {
    // The fleet heartbeat asks for the readiness report when the centre wants it (issue 14 item 3).
    this._ctx.bus.on('readinessWanted', this, ({ reply }) => {
      if (!this._readiness) return reply(null);
      this._readiness().then(
        (r) => reply({ generatedAt: new Date(this._now()).toISOString(), ok: r.ok, checks: r.checks }),
        () => reply(null),
      );
    });
    let token: string | null;
    try {
      token = this.secrets.ensureSetupToken(this._now());
    } catch (err) {
      if (!(err instanceof SecretsDamagedError)) throw err;
      // Fail closed: no new token, nothing printed; the admin page says the same.
      this._ctx.log.error({ file: this.secrets.path }, `admin secrets file is damaged: ${RESET_ADMIN_HINT}`);
      return;
    }
    if (!token) return;
    // Logged on every start until used (the technician reads it from `journalctl -u kiosk-agent`).
    this._ctx.log.warn(
      `admin setup token: ${token} (no technician password yet; open the admin page and enter this token)`,
    );
    this._ctx.bus.on('statusChanged', this, (change) => {
      if (change.service === 'printer') void this._printSetupToken();
    });
    void this._printSetupToken();
  }

  async stop(): Promise<void> {
    this._ctx.bus.removeListeners(this);
  }

  /** The admin status WebSocket accepts only a live login (it never refreshes the idle timer). */
  authorizeAdminSocket(req: IncomingMessage): boolean {
    return this.auth.loginOf(req) !== null;
  }

  kioskRouter(): Router {
    return this.heartbeat.router();
  }

  /**
   * Everything after `gate` needs a login. The gate also runs for paths this router does not
   * serve, so routers of modules listed after this one in modules.ts are behind it too.
   */
  adminRouter(): Router {
    const ctx = this._ctx;
    const router = Router();
    router.use(this.auth.publicRouter());
    router.use(this.auth.gate);
    router.use(this.auth.privateRouter());
    router.get('/status', (_req, res) => {
      res.json(ctx.statusDocument());
    });
    router.use(configRouter(ctx.loaded, this.auth, ctx.log, ctx.validator));
    router.get('/ports', async (_req, res) => {
      res.json(await (this._options.scan ?? scanPorts)());
    });
    router.use(
      deviceRouter({
        dispatcher: ctx.dispatcher,
        run: this._run,
        services: ctx.services,
        auth: this.auth,
        log: ctx.log,
        terminal: () => ({ id: ctx.config?.terminal.id ?? '', name: ctx.config?.terminal.name ?? '' }),
        testPageLines: (terminal, at) => [
          this._text('print.testTitle'),
          this._text('print.testLine1'),
          this._text('print.testLine2'),
          this._text('print.terminal', terminal),
          this._text('print.time', { time: chinaDateTime(at) }),
        ],
      }),
    );
    // The board's centre card: the outbox's view only (it polls; a probe would hold it up).
    router.get('/centre', async (_req, res) => {
      res.set('Cache-Control', 'no-store').json((await checkCentre(ctx, this._text, false)) satisfies CentreStatus);
    });
    // Devices and centre judged by the same functions as the readiness report: the pages agree.
    router.get('/diagnostics', async (_req, res) => {
      res.json({
        ...(await collectDiagnostics(ctx.config, this._options.diagnosticsRoots)),
        services: deviceVerdicts(ctx, this._text),
        centre: await checkCentre(ctx, this._text, true),
        heartbeatAgeSec: this.heartbeat.ageSec(),
      } satisfies DiagnosticsReport);
    });
    router.use(
      readinessRouter({
        ctx,
        run: this._run,
        configured: () => this.auth.configured(),
        heartbeatAgeSec: () => this.heartbeat.ageSec(),
        diagnosticsRoots: this._options.diagnosticsRoots,
        text: this._text,
        expose: (report) => {
          this._readiness = report;
        },
      }),
    );
    router.use(logRouter(ctx.logRing));
    // A restart applies saved changes to devices and the centre: the password again, like them.
    router.post('/restart', this.auth.requireRecentAuth, (_req, res) => {
      ctx.log.info('restart requested from the admin page');
      res.json({ restarting: true } satisfies RestartAnswer);
      setTimeout(this._options.restart ?? (() => process.kill(process.pid, 'SIGTERM')), 500).unref();
    });
    return router;
  }

  /**
   * Prints the setup token once per token, as soon as a printer is usable, and only while no
   * password exists and the token is live (24 h): never into the public tray once set up.
   */
  private async _printSetupToken(): Promise<void> {
    if (this._printingToken) return;
    let secrets: AdminSecrets;
    try {
      secrets = this.secrets.read();
    } catch {
      return; // damaged: fail closed, print nothing
    }
    if (secrets.passwordHash || !secrets.setupToken || secrets.setupTokenPrintedAt) return;
    if (!setupTokenLive(secrets, this._now())) return;
    const printer = this._ctx.services.get('printer')?.status() as PrinterStatus | undefined;
    if (!printer || printer.device !== 'online' || printer.paper === 'out') return;
    this._printingToken = true;
    try {
      const bytes = textReceipt([
        { text: this._text('print.tokenTitle'), large: true, center: true },
        { text: this._text('print.tokenHint') },
        { text: secrets.setupToken, large: true, center: true },
        { text: this._text('print.tokenWarning') },
      ]);
      const completion = await this._run('printer.printRaw', {
        data: bytes.toString('base64'),
      });
      if (completion.header.completionCode === 'success') {
        const latest = this.secrets.read();
        // Mark only the token that went out; a reset meanwhile issued a new one that may still print.
        if (latest.setupToken === secrets.setupToken)
          this.secrets.write({ ...latest, setupTokenPrintedAt: new Date(this._now()).toISOString() });
        this._ctx.log.info('admin setup token printed on the receipt printer');
      } else {
        this._ctx.log.warn(
          { completionCode: completion.header.completionCode },
          'admin setup token could not be printed',
        );
      }
    } finally {
      this._printingToken = false;
    }
  }
}
