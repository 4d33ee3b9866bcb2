import type { StaffSessionInfo, StatusChangeRequest } from '@kiosk/contract/staff-api';
import type { CallNote } from '@kiosk/contract/signalling-api';

// Typed events of the console: properties go down, these go up (bubbles, composed).

export class CenterLoggedInEvent extends Event {
  constructor(readonly staff: StaffSessionInfo) {
    super('center-logged-in', { bubbles: true, composed: true });
  }
}

export class CenterApplicationOpenEvent extends Event {
  constructor(readonly centerId: string) {
    super('center-application-open', { bubbles: true, composed: true });
  }
}

export class CenterBackEvent extends Event {
  constructor() {
    super('center-back', { bubbles: true, composed: true });
  }
}

export class CenterStatusSubmitEvent extends Event {
  constructor(readonly change: StatusChangeRequest) {
    super('center-status-submit', { bubbles: true, composed: true });
  }
}

export class CenterLogoutEvent extends Event {
  constructor() {
    super('center-logout', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'center-logged-in': CenterLoggedInEvent;
    'center-application-open': CenterApplicationOpenEvent;
    'center-back': CenterBackEvent;
    'center-status-submit': CenterStatusSubmitEvent;
    'center-logout': CenterLogoutEvent;
  }
}

/** The login expired (a 401 from the API): the owner shows the login form again. */
export class CenterSessionLostEvent extends Event {
  constructor() {
    super('center-session-lost', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'center-session-lost': CenterSessionLostEvent;
  }
}

// ---- The lawyer's video consultation desk ----

/** The lawyer takes the next villager from the queue. */
/** Take the next caller: of her own queue, or (province staff) of this county. */
export class CenterTakeNextEvent extends Event {
  constructor(readonly county?: string) {
    super('center-take-next', { bubbles: true, composed: true });
  }
}

/** The lawyer hangs up, or mutes / unmutes her microphone. */
export class CenterCallActionEvent extends Event {
  constructor(readonly action: 'hang-up' | 'mute' | 'unmute') {
    super('center-call-action', { bubbles: true, composed: true });
  }
}

/** The lawyer's note on a finished call. */
export class CenterCallNoteSubmitEvent extends Event {
  constructor(
    readonly callId: string,
    readonly note: CallNote,
  ) {
    super('center-call-note-submit', { bubbles: true, composed: true });
  }
}

/** The lawyer sets the note aside for later. */
export class CenterCallNoteSkipEvent extends Event {
  constructor(readonly callId: string) {
    super('center-call-note-skip', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'center-call-note-skip': CenterCallNoteSkipEvent;
    'center-take-next': CenterTakeNextEvent;
    'center-call-action': CenterCallActionEvent;
    'center-call-note-submit': CenterCallNoteSubmitEvent;
  }
}
