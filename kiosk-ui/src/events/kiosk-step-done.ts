/**
 * Fired by <kiosk-step> when the villager taps 下一步 or 上一步. Flow owners listen for it and feed
 * their pure state machine (style R3); step-specific data travels in their own typed events.
 */
export class KioskStepDoneEvent extends Event {
  constructor(readonly direction: 'next' | 'previous') {
    super('kiosk-step-done', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-step-done': KioskStepDoneEvent;
  }
}
