/** The technician logged in (setup or login form): the app shows the pages. */
export class KioskAdminLoggedInEvent extends Event {
  static readonly type = 'kiosk-admin-logged-in';
  constructor() {
    super(KioskAdminLoggedInEvent.type, { bubbles: true, composed: true });
  }
}

/** The re-authentication dialog closed: `ok` tells whether the password was accepted. */
export class KioskAdminReauthDoneEvent extends Event {
  static readonly type = 'kiosk-admin-reauth-done';
  constructor(readonly ok: boolean) {
    super(KioskAdminReauthDoneEvent.type, { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-admin-logged-in': KioskAdminLoggedInEvent;
    'kiosk-admin-reauth-done': KioskAdminReauthDoneEvent;
  }
}
