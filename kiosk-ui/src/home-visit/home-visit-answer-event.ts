import type { HomeVisitEvent } from '../flows/home-visit-machine.js';

/** A booking step reports what the villager did; only <kiosk-home-visit-flow> changes the state. */
export class HomeVisitAnswerEvent extends Event {
  constructor(readonly detail: HomeVisitEvent) {
    super('kiosk-home-visit-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-home-visit-answer': HomeVisitAnswerEvent;
  }
}
