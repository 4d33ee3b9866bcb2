import { AdminModule } from '../admin/admin-module.js';
import { ConsultationModule } from '../consultation/consultation-module.js';
import { FleetModule } from '../fleet/fleet-module.js';
import type { ModuleFactory } from '../core/module.js';
import { OutboxModule } from '../outbox/outbox-module.js';
import { SessionModule } from '../session/session-module.js';
import { VoiceModule } from '../voice/voice-module.js';

/** Agent modules in start order; stopped in reverse. */
export const MODULES: ModuleFactory[] = [
  (ctx) => new SessionModule(ctx),
  (ctx) => new AdminModule(ctx),
  (ctx) => new OutboxModule(ctx),
  (ctx) => new VoiceModule(ctx),
  (ctx) => new ConsultationModule(ctx),
  (ctx) => new FleetModule(ctx),
];
