import { mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import type { OriginPolicy } from '@kiosk/node-common/guards';
import { createLogger, type Logger } from '@kiosk/node-common/logger';
import { DEFAULT_LOG_N, hashPassword, randomPassword } from './auth/password.js';
import { StaffSessions } from './auth/staff-sessions.js';
import { centerConfigPath, centerDataDir, centerRepoRoot, loadCenterConfig } from './config.js';
import type { CenterConfig } from './config-schema.js';
import { createCenterApp } from './http/center-app.js';
import type { CenterRepository } from './store/repository.js';
import { SqliteRepository } from './store/sqlite-repository.js';

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

/** Builds the county service-center; `start()` opens the database and listens, `stop()` closes both. */
export function createCenter(options: CenterOptions = {}): Center {
  const env = options.env ?? process.env;
  const config = options.config ?? loadCenterConfig(options.configPath ?? centerConfigPath(env));
  const dataDir = options.dataDir ? resolve(options.dataDir) : centerDataDir(env);
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const log = options.log ?? createLogger();
  const repo = new SqliteRepository(join(dataDir, 'center.sqlite'));
  const sessions = new StaffSessions();
  const logN = options.scryptLogN ?? DEFAULT_LOG_N;
  let server: Server | undefined;
  const port = (): number => (server?.address() as AddressInfo | null)?.port ?? 0;

  const app = createCenterApp({
    policy: centerPolicy(config, port),
    intake: { repo, terminals: () => config.terminals, decisionDays: config.legalAid?.decisionDays ?? 7, log },
    staff: { repo, sessions, log, port, scryptLogN: logN },
    consoleDir: options.consoleDir ?? resolve(centerRepoRoot(), 'dist/console'),
    log,
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
      if ((await repo.countStaff()) === 0) {
        const password = randomPassword();
        await repo.putStaff({
          name: 'admin',
          passwordHash: await hashPassword(password, logN),
          mustChange: true,
          at: new Date().toISOString(),
        });
        log.warn(
          `first start: staff account "admin" created with the one-time password ${password} (change it at first login; shown only now)`,
        );
      }
      server = createServer(app);
      await new Promise<void>((done, fail) => {
        server!.once('error', fail);
        server!.listen(options.port ?? config.port, config.host, () => {
          server!.off('error', fail);
          done();
        });
      });
      log.info(
        { console: `http://127.0.0.1:${port()}/`, terminals: config.terminals.length },
        'service-center listening',
      );
    },
    async stop() {
      if (server) {
        const s = server;
        s.closeAllConnections();
        await new Promise<void>((done) => s.close(() => done()));
      }
      await repo.close();
    },
  };
}
