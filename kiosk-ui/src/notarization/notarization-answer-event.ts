import type { NotarizationEvent } from '../flows/notarization-machine.js';

/** A notarization step reports what the villager did; only <kiosk-notarization-flow> changes the state. */
export class NotarizationAnswerEvent extends Event {
  constructor(readonly detail: NotarizationEvent) {
    super('kiosk-notarization-answer', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-notarization-answer': NotarizationAnswerEvent;
  }
}
