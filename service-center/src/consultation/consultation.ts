import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import type { Router } from 'express';
import type { SignallingHealth } from '@kiosk/contract/signalling-api';
import type { OriginPolicy } from '@kiosk/node-common/guards';
import type { Logger } from '@kiosk/node-common/logger';
import type { StaffSessions } from '../auth/staff-sessions.js';
import type { ConsultationConfig, CountyEntry, StorageConfig, TerminalEntry } from '../config-schema.js';
import type { CenterRepository } from '../store/repository.js';
import { CountyDirectory } from './counties.js';
import { consultationRouter } from './http-routes.js';
import { SignallingHub } from './hub.js';
import { notarySlotRouter } from './notary-slot-routes.js';
import { PgConsultationBus } from './pg-bus.js';
import { consultationSettings, type ConsultationSettings } from './settings.js';
import { SignallingServer } from './ws-server.js';

export interface ConsultationDeps {
  config: ConsultationConfig | undefined;
  dataDir: string;
  repo: CenterRepository;
  terminals: () => readonly TerminalEntry[];
  /** The counties a province-run centre serves (none: one county). */
  counties?: () => readonly CountyEntry[];
  sessions: StaffSessions;
  policy: OriginPolicy;
  port: () => number;
  log: Logger;
  /** Tests shorten the heartbeat. */
  heartbeatMs?: number;
  /** On PostgreSQL the queue, presence and calls are shared with the other centre processes. */
  storage?: StorageConfig;
}

/** The video consultation part of the centre: one object the composition root wires in. */
export interface Consultation {
  readonly settings: ConsultationSettings;
  /** HTTP routes, mounted at the app's root before its 404. */
  readonly router: Router;
  /** The HTTP server's `upgrade` listener (SIGNALLING_PATH). */
  readonly upgrade: (req: IncomingMessage, socket: Duplex, head: Buffer) => void;
  health(): SignallingHealth;
  /** After the database is migrated. */
  start(): Promise<void>;
  stop(): Promise<void>;
}

export function createConsultation(deps: ConsultationDeps): Consultation {
  const settings = consultationSettings(deps.config, deps.dataDir);
  const log = deps.log.child({ part: 'consultation' });
  const bus = deps.storage?.kind === 'postgres' ? new PgConsultationBus({ url: deps.storage.url, log }) : undefined;
  const counties = new CountyDirectory({
    terminals: deps.terminals,
    counties: deps.counties ?? (() => []),
    repo: deps.repo,
  });
  const hub = new SignallingHub({ settings, repo: deps.repo, log, counties, ...(bus ? { bus } : {}) });
  const server = new SignallingServer({
    hub,
    policy: deps.policy,
    kioskOrigins: settings.kioskOrigins,
    log,
    ...(deps.heartbeatMs ? { heartbeatMs: deps.heartbeatMs } : {}),
  });
  const router = consultationRouter({
    settings,
    repo: deps.repo,
    terminals: deps.terminals,
    sessions: deps.sessions,
    port: deps.port,
    log,
    noteSaved: (call, forCaller) => hub.noteForCaller(call.kioskId, call.callId, forCaller),
  });
  // The notary office's interview slots (issue 12): staff and terminal routes beside the call routes.
  router.use(
    notarySlotRouter({
      repo: deps.repo,
      terminals: deps.terminals,
      sessions: deps.sessions,
      port: deps.port,
      notariesOnline: () => hub.notariesOnline(),
      log,
    }),
  );
  return {
    settings,
    router,
    upgrade: server.upgrade,
    health: () => hub.health(),
    async start() {
      await hub.start();
      server.start();
    },
    async stop() {
      await server.stop();
      hub.stop();
      await bus?.stop();
    },
  };
}
