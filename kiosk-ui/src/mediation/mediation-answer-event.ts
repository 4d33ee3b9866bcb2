import type { MediationEvent } from '../flows/mediation-machine.js';

/** A mediation step reports what the villager did; only <kiosk-mediation-flow> changes the state. */
export class MediationAnswerEvent extends Event {
  constructor(readonly detail: MediationEvent) {
    super('kiosk-mediation-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-mediation-answer': MediationAnswerEvent;
  }
}
