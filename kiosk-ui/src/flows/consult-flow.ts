// Registers the video consultation on the home screen (content/services.json entry "consult").
import type { FlowDefinition } from './flow-registry.js';
import '../consultation/kiosk-consultation-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-consultation-flow' };
