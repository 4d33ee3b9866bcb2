// Registers the people's mediation application on the home screen (content/services.json entry "mediation").
import type { FlowDefinition } from './flow-registry.js';
import '../mediation/kiosk-mediation-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-mediation-flow' };
