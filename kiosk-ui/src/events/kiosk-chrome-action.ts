export type ChromeAction =
  'back' | 'home' | 'help' | 'hotline' | 'toggleVoice' | 'toggleLargeText' | 'repeat' | 'pause' | 'resume' | 'rate';

/** A tap on one of the always-present controls (返回, 首页, 求助, 语音, 大字, 再听一遍, 暂停). */
export class KioskChromeActionEvent extends Event {
  constructor(readonly action: ChromeAction) {
    super('kiosk-chrome-action', { bubbles: true, composed: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'kiosk-chrome-action': KioskChromeActionEvent;
  }
}
