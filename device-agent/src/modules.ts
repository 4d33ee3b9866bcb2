import type { ModuleFactory } from './core/module.js';
import { SessionModule } from './session/session-module.js';

/** Agent modules in start order; stopped in reverse. */
export const MODULES: ModuleFactory[] = [(ctx) => new SessionModule(ctx)];
