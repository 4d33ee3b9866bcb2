import type { ConsultationEvent } from '../flows/consultation-machine.js';

/**
 * A consultation screen reports what the villager did: the machine event (discriminated union,
 * style R3). Only <kiosk-consultation-flow> listens; screens never change the flow state.
 */
export class ConsultationAnswerEvent extends Event {
  constructor(readonly detail: ConsultationEvent) {
    super('kiosk-consultation-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-consultation-answer': ConsultationAnswerEvent;
  }
}
