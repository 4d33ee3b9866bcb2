import type { LegalAidEvent } from '../flows/legal-aid-machine.js';

/**
 * A legal-aid step reports what the villager did: the machine event (discriminated union, style R3).
 * Only <kiosk-legal-aid-flow> listens; steps never change the flow state themselves.
 */
export class LegalAidAnswerEvent extends Event {
  constructor(readonly detail: LegalAidEvent) {
    super('kiosk-legal-aid-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-legal-aid-answer': LegalAidAnswerEvent;
  }
}
