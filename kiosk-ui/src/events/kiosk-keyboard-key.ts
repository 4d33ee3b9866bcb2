export type KeyboardAction = { type: 'insert'; text: string } | { type: 'delete' } | { type: 'close' };

/** The pinyin keyboard committed text, deleted a character of the field, or was closed. */
export class KioskKeyboardKeyEvent extends Event {
  constructor(readonly action: KeyboardAction) {
    super('kiosk-keyboard-key', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-keyboard-key': KioskKeyboardKeyEvent;
  }
}
