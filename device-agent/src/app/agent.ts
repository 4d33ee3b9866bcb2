import { resolve } from 'node:path';
import {
  SERVICE_NAMES,
  type AgentStatusDocument,
  type ServiceName,
  type ServiceStatusMap,
} from '@kiosk/contract/kiosk-api';
import { LogRing } from '@kiosk/node-common/log-ring';
import { createLogger, type Logger, type LoggerOptions } from '@kiosk/node-common/logger';
import { Redactor } from '@kiosk/node-common/redact';
import { createValidator, type Validator } from '@kiosk/node-common/validator';
import { loadConfig, repoRoot, type LoadedConfig } from '../config/load.js';
import { Controller } from '../core/controller.js';
import { Dispatcher } from '../core/dispatcher.js';
import { EventBus } from '../core/event-bus.js';
import type { AgentModule, ModuleContext, ModuleFactory } from '../core/module.js';
import type { Service } from '../core/service.js';
import { createServices } from '../devices/registry.js';
import { publicBaseUrl } from '../devices/printer/status-url.js';
import { StatusHub } from '../http/status-hub.js';
import { AGENT_VERSION } from '../version.js';
import { Listeners } from './listeners.js';
import { MODULES } from './modules.js';

export interface AgentOptions {
  env?: NodeJS.ProcessEnv;
  /** Where log lines go besides the ring (stdout by default); the agent's logger redacts first. */
  logDestination?: LoggerOptions['destination'];
  logLevel?: string;
  logRing?: LogRing;
  /** Override the configured ports (tests pass 0). */
  port?: number;
  adminPort?: number;
  /** Replace the module list (tests). */
  modules?: ModuleFactory[];
  /** Replace device services (tests inject simulators or mocks at the transport seam). */
  services?: (ctx: {
    loaded: LoadedConfig;
    bus: EventBus;
    log: Logger;
    validator: Validator;
    redactor: Redactor;
  }) => Map<ServiceName, Service>;
}

/**
 * The composition root: one agent's logger, redactor, validator, bus, services, modules and
 * listeners, wired together and handed to the core controller. Nothing here is shared between two
 * agents in one process.
 */
export class Agent {
  readonly log: Logger;
  readonly logRing: LogRing;
  /** This agent's memory of the current visitor's values (its logger scrubs them). */
  readonly redactor = new Redactor();
  readonly validator = createValidator();
  readonly bus: EventBus;
  readonly loaded: LoadedConfig;
  readonly services: Map<ServiceName, Service>;
  readonly dispatcher: Dispatcher;
  readonly hub: StatusHub;
  readonly modules: AgentModule[];
  private readonly _startedAt = Date.now();
  private readonly _listeners: Listeners;
  private readonly _controller: Controller;

  constructor(options: AgentOptions = {}) {
    this.logRing = options.logRing ?? new LogRing();
    this.log = createLogger({
      ring: this.logRing,
      redactor: this.redactor,
      ...(options.logDestination ? { destination: options.logDestination } : {}),
      ...(options.logLevel ? { level: options.logLevel } : {}),
    });
    this.bus = new EventBus(this.log);
    this.loaded = loadConfig(options.env ?? process.env, this.validator);
    const root = repoRoot();
    const config = this.loaded.config;
    const shared = { bus: this.bus, log: this.log, validator: this.validator, redactor: this.redactor };
    const contentDir = resolve(root, 'content');
    const publicUrl = publicBaseUrl(config?.center.publicUrl);
    if (config?.center.publicUrl && !publicUrl)
      this.log.warn(
        { publicUrl: config.center.publicUrl },
        'center.publicUrl is a loopback or invalid address: receipts are printed without a QR code',
      );
    this.services = options.services
      ? options.services({ ...shared, loaded: this.loaded })
      : createServices(config, {
          ...shared,
          contentDir,
          dataDir: this.loaded.dataDir,
          terminal: {
            id: config?.terminal.id ?? 'unconfigured',
            name: config?.terminal.name ?? '',
            ...(publicUrl ? { publicUrl } : {}),
          },
        });
    this.hub = new StatusHub(this.bus);
    const statusDocument = (): AgentStatusDocument => this.statusDocument();
    this.dispatcher = new Dispatcher(this.services, statusDocument, this.log, this.validator);
    const ctx: ModuleContext = {
      ...shared,
      loaded: this.loaded,
      config,
      logRing: this.logRing,
      services: this.services,
      dispatcher: this.dispatcher,
      statusDocument,
      contentDir,
      dataDir: this.loaded.dataDir,
      repoRoot: root,
      ports: () => this.ports,
    };
    this.modules = (options.modules ?? MODULES).map((factory) => factory(ctx));
    this._listeners = new Listeners({
      agent: this.loaded.agent,
      port: options.port,
      adminPort: options.adminPort,
      staticDir: resolve(root, 'dist/kiosk-ui'),
      dispatcher: this.dispatcher,
      hub: this.hub,
      modules: this.modules,
      statusDocument,
      log: this.log,
      validator: this.validator,
      ...(config ? { centerUrl: config.center.url } : {}),
    });
    this._controller = new Controller(this.log, this.services, this.modules, this._listeners);
  }

  get ports(): { port: number; adminPort: number } {
    return this._listeners.ports;
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

  /** Rejects when the listeners cannot open (the caller stops and exits). */
  async start(): Promise<void> {
    if (this.loaded.errors.length) {
      this.log.error(
        { errors: this.loaded.errors, file: this.loaded.path },
        'configuration error: devices stay noDevice until the configuration is fixed',
      );
    }
    this.hub.start();
    await this._controller.start();
    this.log.info({ kiosk: this.urls.kiosk, admin: this.urls.admin }, 'device agent listening');
  }

  /** Stops in reverse order; returns the exit code (non-zero when something failed to stop). */
  async stop(): Promise<number> {
    const code = await this._controller.stop();
    this.hub.stop();
    return code;
  }
}
