/** Fired by <kiosk-idle-warning> when the villager taps 我还在用; the shell extends the visit. */
export class KioskIdleStayEvent extends Event {
  constructor() {
    super('kiosk-idle-stay', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-idle-stay': KioskIdleStayEvent;
  }
}
