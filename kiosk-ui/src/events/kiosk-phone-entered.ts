/**
 * Fired by <kiosk-phone-step> when 下一步 accepts the number, or when 不知道 is tapped (`phone`
 * null). The flow owner turns it into its machine's event (style R2/R3).
 */
export class KioskPhoneEnteredEvent extends Event {
  constructor(readonly phone: string | null) {
    super('kiosk-phone-entered', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-phone-entered': KioskPhoneEnteredEvent;
  }
}
