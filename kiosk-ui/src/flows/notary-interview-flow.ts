// Registers 我预约了公证视频 (issue 12): the home screen's entry that joins a booked notary interview.
import type { FlowDefinition } from './flow-registry.js';
import '../notarization/kiosk-notary-interview-flow.js';

export const flow: FlowDefinition = { tag: 'kiosk-notary-interview-flow' };
