import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import {
  SERVICE_NAMES,
  type AgentStatusDocument,
  type ServiceName,
  type ServiceStatusMap,
} from '@kiosk/contract/kiosk-api';
import { loadConfig, repoRoot, type LoadedConfig } from '../config/load.js';
import { createServices } from '../devices/registry.js';
import { createAdminApp } from '../http/admin-app.js';
import { loopbackPolicy } from '@kiosk/node-common/guards';
import { createKioskApp } from '../http/kiosk-app.js';
import { StatusHub } from '../http/status-hub.js';
import { attachWebSocket } from '../http/ws-server.js';
import { LogRing } from '@kiosk/node-common/log-ring';
import { createLogger, type Logger } from '@kiosk/node-common/logger';
import { MODULES } from '../modules.js';
import { AGENT_VERSION } from '../version.js';
import { Dispatcher } from './dispatcher.js';
import { EventBus } from './event-bus.js';
import type { AgentModule, ModuleContext, ModuleFactory } from './module.js';
import type { Service } from './service.js';

export interface AgentOptions {
  env?: NodeJS.ProcessEnv;
  log?: Logger;
  logRing?: LogRing;
  /** Override the configured ports (tests pass 0). */
  port?: number;
  adminPort?: number;
  /** Replace the module list (tests). */
  modules?: ModuleFactory[];
  /** Replace device services (tests inject simulators or mocks at the transport seam). */
  services?: (ctx: { loaded: LoadedConfig; bus: EventBus; log: Logger }) => Map<ServiceName, Service>;
}

/**
 * The agent controller (zigbee2mqtt style): builds the services and modules, starts each in its
 * own try/catch, opens the two listeners, and stops everything in reverse order.
 */
export class Agent {
  readonly log: Logger;
  readonly logRing: LogRing;
  readonly bus: EventBus;
  readonly loaded: LoadedConfig;
  readonly services: Map<ServiceName, Service>;
  readonly dispatcher: Dispatcher;
  readonly hub: StatusHub;
  readonly modules: AgentModule[];
  private readonly _startedAt = Date.now();
  private readonly _abort = new AbortController();
  private _kioskServer: Server | undefined;
  private _adminServer: Server | undefined;

  constructor(private readonly _options: AgentOptions = {}) {
    this.logRing = _options.logRing ?? new LogRing();
    this.log = _options.log ?? createLogger({ ring: this.logRing });
    this.bus = new EventBus(this.log);
    this.loaded = loadConfig(_options.env ?? process.env);
    const root = repoRoot();
    const config = this.loaded.config;
    const deps = {
      bus: this.bus,
      log: this.log,
      contentDir: resolve(root, 'content'),
      dataDir: this.loaded.dataDir,
      terminal: { id: config?.terminal.id ?? 'unconfigured', name: config?.terminal.name ?? '' },
    };
    this.services = _options.services
      ? _options.services({ loaded: this.loaded, bus: this.bus, log: this.log })
      : createServices(config, deps);
    this.hub = new StatusHub(this.bus);
    this.dispatcher = new Dispatcher(this.services, () => this.statusDocument(), this.log);
    const ctx: ModuleContext = {
      loaded: this.loaded,
      config,
      bus: this.bus,
      log: this.log,
      logRing: this.logRing,
      services: this.services,
      dispatcher: this.dispatcher,
      statusDocument: () => this.statusDocument(),
      contentDir: deps.contentDir,
      dataDir: deps.dataDir,
      repoRoot: root,
      ports: () => this.ports,
    };
    this.modules = (_options.modules ?? MODULES).map((factory) => factory(ctx));
  }

  get ports(): { port: number; adminPort: number } {
    const port = (s: Server | undefined): number => (s?.address() as AddressInfo | null)?.port ?? 0;
    return { port: port(this._kioskServer), adminPort: port(this._adminServer) };
  }

  get urls(): { kiosk: string; admin: string } {
    const { port, adminPort } = this.ports;
    return { kiosk: `http://127.0.0.1:${port}/`, admin: `http://127.0.0.1:${adminPort}/` };
  }

  statusDocument(): AgentStatusDocument {
    const services = {} as Record<ServiceName, unknown>;
    for (const name of SERVICE_NAMES) services[name] = this.services.get(name)!.status();
    const agent: AgentStatusDocument['agent'] = {
      version: AGENT_VERSION,
      uptimeSec: Math.floor((Date.now() - this._startedAt) / 1000),
      seq: this.hub.seq,
      configState: this.loaded.config ? 'ok' : 'error',
    };
    if (this.loaded.config)
      agent.terminal = { id: this.loaded.config.terminal.id, name: this.loaded.config.terminal.name };
    for (const module of this.modules) Object.assign(agent, module.agentStatus?.() ?? {});
    const doc: AgentStatusDocument = { agent, services: services as unknown as ServiceStatusMap };
    if (this.loaded.errors.length) doc.configErrors = this.loaded.errors;
    return doc;
  }

  async start(): Promise<void> {
    const signal = this._abort.signal;
    if (this.loaded.errors.length) {
      this.log.error(
        { errors: this.loaded.errors, file: this.loaded.path },
        'configuration error: devices stay noDevice until the configuration is fixed',
      );
    }
    this.hub.start();
    for (const [name, service] of this.services) {
      try {
        await service.start(signal);
      } catch (err) {
        this.log.error({ err }, `Failed to start '${name}'`);
      }
    }
    for (const module of this.modules) {
      try {
        await module.start(signal);
      } catch (err) {
        this.log.error({ err }, `Failed to start '${module.name}'`);
      }
    }
    await this._listen();
  }

  private async _listen(): Promise<void> {
    const root = repoRoot();
    const staticDir = resolve(root, 'dist/kiosk-ui');
    const { host, port, adminPort, adminHost } = this.loaded.agent;
    const kioskPolicy = loopbackPolicy(() => this.ports.port, host);
    const adminPolicy = loopbackPolicy(() => this.ports.adminPort, adminHost ?? host);
    const kioskApp = createKioskApp({
      policy: kioskPolicy,
      dispatcher: this.dispatcher,
      statusDocument: () => this.statusDocument(),
      staticDir,
      log: this.log,
      apiRouters: this.modules.flatMap((m) => (m.kioskRouter ? [m.kioskRouter()] : [])),
    });
    const adminApp = createAdminApp({
      policy: adminPolicy,
      staticDir,
      log: this.log,
      apiRouters: this.modules.flatMap((m) => (m.adminRouter ? [m.adminRouter()] : [])),
    });
    this._kioskServer = createServer(kioskApp);
    this._adminServer = createServer(adminApp);
    attachWebSocket(this._kioskServer, {
      path: '/api/v1/ws',
      listener: 'kiosk',
      policy: kioskPolicy,
      dispatcher: this.dispatcher,
      hub: this.hub,
      statusDocument: () => this.statusDocument(),
      log: this.log,
    });
    const adminAuth = this.modules.find((m) => m.authorizeAdminSocket !== undefined);
    if (adminAuth) {
      attachWebSocket(this._adminServer, {
        path: '/admin/api/ws',
        listener: 'admin',
        policy: adminPolicy,
        // Status only: device commands from the admin page go through its HTTP API (masked test
        // read, re-authentication for raw printing), never through this socket.
        dispatcher: new Dispatcher(new Map(), () => this.statusDocument(), this.log),
        hub: this.hub,
        statusDocument: () => this.statusDocument(),
        log: this.log,
        authorize: (req) => adminAuth.authorizeAdminSocket!(req),
      });
    }
    await listen(this._kioskServer, this._options.port ?? port, host);
    await listen(this._adminServer, this._options.adminPort ?? adminPort, adminHost ?? host);
    this.log.info({ kiosk: this.urls.kiosk, admin: this.urls.admin }, 'device agent listening');
  }

  /** Stops in reverse order; returns the exit code (non-zero when something failed to stop). */
  async stop(): Promise<number> {
    let failures = 0;
    this._abort.abort();
    for (const server of [this._adminServer, this._kioskServer]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
    for (const module of [...this.modules].reverse()) {
      try {
        await module.stop();
      } catch (err) {
        failures++;
        this.log.error({ err }, `Failed to stop '${module.name}'`);
      }
    }
    for (const [name, service] of [...this.services].reverse()) {
      try {
        await service.stop();
      } catch (err) {
        failures++;
        this.log.error({ err }, `Failed to stop '${name}'`);
      }
    }
    this.hub.stop();
    return failures ? 1 : 0;
  }
}

function listen(server: Server, port: number, host: string): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => {
      server.off('error', fail);
      done();
    });
  });
}
