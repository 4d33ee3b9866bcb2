import { rmSync } from 'node:fs';
import { createServer, type IncomingMessage, type RequestListener, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { join, resolve } from 'node:path';
import type { OriginPolicy } from '@kiosk/node-common/guards';
import { createLogger, type Logger } from '@kiosk/node-common/logger';
import { createValidator } from '@kiosk/node-common/validator';
import { DEFAULT_LOG_N, hashPassword, randomPassword } from './auth/password.js';
import { StaffSessions } from './auth/staff-sessions.js';
import { centerConfigPath, centerDataDir, centerRepoRoot, loadCenterConfig } from './config.js';
import type { CenterConfig } from './config-schema.js';
import { createConsultation } from './consultation/consultation.js';
import { privateDir, privateFile, writeSecretFile } from './file-modes.js';
import { createCenterApp } from './http/center-app.js';
import { loadPublicStatusTexts } from './public-status/status-texts.js';
import type { CenterRepository } from './store/repository.js';
import { createRepository } from './store/create-repository.js';

export interface CenterOptions {
  configPath?: string;
  /** A config object instead of a file (tests). */
  config?: CenterConfig;
  dataDir?: string;
  /** Overrides the configured port (tests pass 0). */
  port?: number;
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  /** Built console directory; default dist/console. */
  consoleDir?: string;
  /** scrypt cost (log2 N) for new hashes; tests lower it. */
  scryptLogN?: number;
  /** The signalling heartbeat (default 10 s); tests shorten it. */
  signallingHeartbeatMs?: number;
}

export interface Center {
  readonly config: CenterConfig;
  readonly repo: CenterRepository;
  readonly log: Logger;
  readonly url: string;
  readonly port: number;
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function centerPolicy(config: CenterConfig, port: () => number): OriginPolicy {
  const names = (): string[] => {
    const list = [
      '127.0.0.1',
      'localhost',
      ...(config.host !== '0.0.0.0' && config.host !== '::' ? [config.host] : []),
    ];
    return [...new Set(list)].map((n) => `${n}:${port()}`).concat(config.publicHosts ?? []);
  };
  return {
    hosts: () => new Set(names().map((n) => n.toLowerCase())),
    origins: () =>
      new Set(
        names()
          .flatMap((n) => [`http://${n}`, `https://${n}`])
          .map((n) => n.toLowerCase()),
      ),
  };
}

/** The HTTP listener: the port is known once it listens (tests ask for port 0). */
class Listener {
  private _server: Server | undefined;

  get port(): number {
    return (this._server?.address() as AddressInfo | null)?.port ?? 0;
  }

  async listen(
    app: RequestListener,
    port: number,
    host: string,
    upgrade?: (req: IncomingMessage, socket: Duplex, head: Buffer) => void,
  ): Promise<void> {
    const server = createServer(app);
    if (upgrade) server.on('upgrade', upgrade);
    this._server = server;
    await new Promise<void>((done, fail) => {
      server.once('error', fail);
      server.listen(port, host, () => {
        server.off('error', fail);
        done();
      });
    });
  }

  async close(): Promise<void> {
    const server = this._server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((done) => server.close(() => done()));
  }
}

/** Where the first start leaves the administrator's one-time password (0600, in the data directory). */
export const FIRST_PASSWORD_FILE = 'first-staff-password';

/**
 * First start: an "admin" account (administrator role) with a one-time password, to be changed at
 * first login. The password goes once into a 0600 file in the data directory, never into the log
 * (the journal keeps logs for long and more people read it); the log says where it is.
 */
async function ensureFirstStaff(repo: CenterRepository, log: Logger, logN: number, dataDir: string): Promise<void> {
  if ((await repo.countStaff()) > 0) return;
  const password = randomPassword();
  const file = join(dataDir, FIRST_PASSWORD_FILE);
  writeSecretFile(file, `${password}\n`);
  const created = await repo.createStaff({
    name: 'admin',
    passwordHash: await hashPassword(password, logN),
    mustChange: true,
    role: 'admin',
    at: new Date().toISOString(),
  });
  // Another centre process on the same database made it first: its data directory has the password.
  if (!created) return rmSync(file, { force: true });
  log.warn(
    { file },
    `first start: staff account "admin" created; its one-time password is in ${file} (readable by this user only). Log in, change it, then delete the file`,
  );
}

/**
 * The centre's composition root: builds every part (configuration, storage, staff sessions, the
 * HTTP app) and wires them; nothing runs until `start()` (migrate, first staff account, listen),
 * `stop()` closes the listener then the database. All state lives in the returned object.
 */
export function createCenter(options: CenterOptions = {}): Center {
  // Configuration and places.
  const env = options.env ?? process.env;
  const configFile = options.config ? undefined : (options.configPath ?? centerConfigPath(env));
  const config = options.config ?? loadCenterConfig(configFile!);
  const dataDir = privateDir(options.dataDir ? resolve(options.dataDir) : centerDataDir(env));
  const log = options.log ?? createLogger();
  // The configuration holds the terminals' tokens: 0600 like every secret.
  if (configFile && !privateFile(configFile))
    log.warn({ file: configFile }, 'centre configuration could not be made 0600 (not the owner?)');
  const logN = options.scryptLogN ?? DEFAULT_LOG_N;

  // Storage, staff logins, request checks.
  const repo: CenterRepository = createRepository(config.storage, dataDir, log);
  const sessions = new StaffSessions(repo);
  const validator = createValidator();

  // HTTP: the app is built apart from the listener; Host/Origin and cookie names follow the bound port.
  const listener = new Listener();
  const port = (): number => listener.port;
  const policy = centerPolicy(config, port);

  // Video consultation: queue, presence and signalling (WebSocket upgrade), tokens, call records.
  const consultation = createConsultation({
    config: config.consultation,
    storage: config.storage,
    dataDir,
    repo,
    terminals: () => config.terminals,
    counties: () => config.counties ?? [],
    sessions,
    policy,
    port,
    log,
    ...(options.signallingHeartbeatMs ? { heartbeatMs: options.signallingHeartbeatMs } : {}),
  });

  const app = createCenterApp({
    policy,
    intake: { repo, terminals: () => config.terminals, decisionDays: config.legalAid?.decisionDays ?? 7, log },
    staff: {
      repo,
      sessions,
      log,
      port,
      scryptLogN: logN,
      validator,
      fleet: { terminals: () => config.terminals, silentAfterS: config.fleet?.silentAfterS },
      counties: () => (config.counties ?? []).map((c) => c.code),
      ...(config.notarization?.workingDays ? { notarizationWorkingDays: config.notarization.workingDays } : {}),
    },
    heartbeat: {
      repo,
      terminals: () => config.terminals,
      log,
      heartbeatsPerMinute: config.fleet?.heartbeatsPerMinute,
    },
    publicStatus: {
      repo,
      texts: loadPublicStatusTexts(join(centerRepoRoot(), 'content')),
      log,
      behindProxy: config.publicStatus?.behindProxy ?? false,
    },
    consoleDir: options.consoleDir ?? resolve(centerRepoRoot(), 'dist/console'),
    log,
    consultation,
  });

  return {
    config,
    repo,
    log,
    get port() {
      return port();
    },
    get url() {
      return `http://127.0.0.1:${port()}`;
    },
    async start() {
      await repo.migrate();
      await ensureFirstStaff(repo, log, logN, dataDir);
      await consultation.start();
      await listener.listen(app, options.port ?? config.port, config.host, consultation.upgrade);
      log.info(
        { console: `http://127.0.0.1:${port()}/`, terminals: config.terminals.length },
        'service-center listening',
      );
    },
    async stop() {
      await consultation.stop();
      await listener.close();
      await repo.close();
    },
  };
}

/** Builds and starts a centre (what `main.ts` does, minus the signals). */
export async function startCenter(options: CenterOptions = {}): Promise<Center> {
  const center = createCenter(options);
  await center.start();
  return center;
}
