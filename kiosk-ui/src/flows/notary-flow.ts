// Registers the remote-notarization request on the home screen (content/services.json entry "notary").
import type { FlowDefinition } from './flow-registry.js';
import '../notarization/kiosk-notarization-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-notarization-flow' };
