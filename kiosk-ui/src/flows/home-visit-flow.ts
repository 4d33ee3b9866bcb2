// Registers the 绿色通道 预约/上门 booking (opened from home and from each service's first screen).
import type { FlowDefinition } from './flow-registry.js';
import '../home-visit/kiosk-home-visit-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-home-visit-flow' };
