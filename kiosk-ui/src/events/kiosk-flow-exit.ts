/**
 * A flow is finished. `done`: the villager tapped 完成 (the visit ends and everything is wiped);
 * `home`: back to the home screen within the same visit.
 */
export class KioskFlowExitEvent extends Event {
  constructor(readonly outcome: 'done' | 'home') {
    super('kiosk-flow-exit', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-flow-exit': KioskFlowExitEvent;
  }
}
