import type { IncomingMessage } from 'node:http';
import type { Router } from 'express';
import type { AgentStatusDocument, ServiceName } from '@kiosk/contract/kiosk-api';
import type { LoadedConfig } from '../config/load.js';
import type { KioskConfig } from '../config/schema.js';
import type { LogRing } from '@kiosk/node-common/log-ring';
import type { Logger } from '@kiosk/node-common/logger';
import type { Redactor } from '@kiosk/node-common/redact';
import type { Validator } from '@kiosk/node-common/validator';
import type { Dispatcher } from './dispatcher.js';
import type { EventBus } from './event-bus.js';
import type { Service } from './service.js';

/** What an agent module gets; it keeps what it needs. */
export interface ModuleContext {
  loaded: LoadedConfig;
  /** Null in the configuration error state. */
  config: KioskConfig | null;
  bus: EventBus;
  log: Logger;
  logRing: LogRing;
  /** This agent's schema validator (one Ajv per agent). */
  validator: Validator;
  /** This agent's memory of the current visitor's values, scrubbed from its log. */
  redactor: Redactor;
  services: ReadonlyMap<ServiceName, Service>;
  dispatcher: Dispatcher;
  statusDocument: () => AgentStatusDocument;
  contentDir: string;
  dataDir: string;
  repoRoot: string;
  /** Actual listening ports (known once started; 0 before). */
  ports: () => { port: number; adminPort: number };
}

/** A non-device part of the agent (voice, outbox, session, admin) with a start/stop lifecycle. */
export interface AgentModule {
  readonly name: string;
  start(signal: AbortSignal): Promise<void>;
  stop(): Promise<void>;
  /** Routes under /api/v1 on the kiosk listener. */
  kioskRouter?(): Router;
  /** Routes under /admin/api on the admin listener. */
  adminRouter?(): Router;
  /** Accepts the admin status WebSocket upgrade (/admin/api/ws); the admin module checks the login. */
  authorizeAdminSocket?(req: IncomingMessage): boolean;
  /** Contributes to GET /api/v1/status `agent` (e.g. voice availability). */
  agentStatus?(): Record<string, unknown>;
}

export type ModuleFactory = (ctx: ModuleContext) => AgentModule;
