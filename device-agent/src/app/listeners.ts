import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import { loopbackPolicy } from '@kiosk/node-common/guards';
import type { Logger } from '@kiosk/node-common/logger';
import type { LoadedConfig } from '../config/load.js';
import type { Part } from '../core/controller.js';
import { Dispatcher } from '../core/dispatcher.js';
import type { AgentModule } from '../core/module.js';
import { createAdminApp } from '../http/admin-app.js';
import { createKioskApp } from '../http/kiosk-app.js';
import type { StatusHub } from '../http/status-hub.js';
import { attachWebSocket } from '../http/ws-server.js';
import type { Validator } from '@kiosk/node-common/validator';

export interface ListenerDeps {
  agent: LoadedConfig['agent'];
  /** Overrides of the configured ports (tests pass 0). */
  port: number | undefined;
  adminPort: number | undefined;
  staticDir: string;
  dispatcher: Dispatcher;
  hub: StatusHub;
  modules: readonly AgentModule[];
  statusDocument: () => AgentStatusDocument;
  log: Logger;
  validator: Validator;
  /** config center.url: the kiosk page's CSP lets it connect there (video consultation). */
  centerUrl?: string;
}

/** The kiosk and admin listeners: Express apps and WebSockets, opened last and closed first. */
export class Listeners implements Part {
  readonly name = 'listeners';
  private _kiosk: Server | undefined;
  private _admin: Server | undefined;

  constructor(private readonly _deps: ListenerDeps) {}

  get ports(): { port: number; adminPort: number } {
    const port = (s: Server | undefined): number => (s?.address() as AddressInfo | null)?.port ?? 0;
    return { port: port(this._kiosk), adminPort: port(this._admin) };
  }

  async start(): Promise<void> {
    const d = this._deps;
    const { host, port, adminPort, adminHost } = d.agent;
    const kioskPolicy = loopbackPolicy(() => this.ports.port, host);
    const adminPolicy = loopbackPolicy(() => this.ports.adminPort, adminHost ?? host);
    const kioskApp = createKioskApp({
      policy: kioskPolicy,
      dispatcher: d.dispatcher,
      statusDocument: d.statusDocument,
      staticDir: d.staticDir,
      log: d.log,
      apiRouters: d.modules.flatMap((m) => (m.kioskRouter ? [m.kioskRouter()] : [])),
      ...(d.centerUrl ? { centerUrl: d.centerUrl } : {}),
    });
    const adminApp = createAdminApp({
      policy: adminPolicy,
      staticDir: d.staticDir,
      log: d.log,
      apiRouters: d.modules.flatMap((m) => (m.adminRouter ? [m.adminRouter()] : [])),
    });
    this._kiosk = createServer(kioskApp);
    this._admin = createServer(adminApp);
    const socket = { hub: d.hub, statusDocument: d.statusDocument, log: d.log };
    attachWebSocket(this._kiosk, {
      ...socket,
      path: '/api/v1/ws',
      listener: 'kiosk',
      policy: kioskPolicy,
      dispatcher: d.dispatcher,
    });
    const adminAuth = d.modules.find((m) => m.authorizeAdminSocket !== undefined);
    if (adminAuth) {
      attachWebSocket(this._admin, {
        ...socket,
        path: '/admin/api/ws',
        listener: 'admin',
        policy: adminPolicy,
        // Status only: device commands from the admin page go through its HTTP API (masked test
        // read, re-authentication for raw printing), never through this socket.
        dispatcher: new Dispatcher(new Map(), d.statusDocument, d.log, d.validator),
        authorize: (req) => adminAuth.authorizeAdminSocket!(req),
      });
    }
    await listen(this._kiosk, d.port ?? port, host);
    await listen(this._admin, d.adminPort ?? adminPort, adminHost ?? host);
  }

  async stop(): Promise<void> {
    for (const server of [this._admin, this._kiosk]) {
      if (!server) continue;
      server.closeAllConnections();
      await new Promise<void>((done) => server.close(() => done()));
    }
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
