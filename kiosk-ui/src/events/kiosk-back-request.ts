/**
 * Dispatched by the shell on the active flow element when the villager taps 返回. A flow that
 * steps back itself calls preventDefault(); otherwise the shell leaves the flow.
 */
export class KioskBackRequestEvent extends Event {
  constructor() {
    super('kiosk-back-request', { bubbles: false, composed: false, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-back-request': KioskBackRequestEvent;
  }
}
