// Registers the legal-aid application on the home screen (content/services.json entry "legal-aid").
import type { FlowDefinition } from './flow-registry.js';
import '../legal-aid/kiosk-legal-aid-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-legal-aid-flow' };
