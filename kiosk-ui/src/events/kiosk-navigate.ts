import type { ScreenRequest } from '../shell/nav-machine.js';

/** A screen asks the shell to open another screen (properties down, events up: style R2). */
export class KioskNavigateEvent extends Event {
  constructor(readonly screen: ScreenRequest) {
    super('kiosk-navigate', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-navigate': KioskNavigateEvent;
  }
}
