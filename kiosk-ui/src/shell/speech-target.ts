import type { MessageKey, MessageParams } from '../i18n/message-types.js';

export type SpeechTarget = { key: MessageKey; params?: MessageParams } | { text: string };

/**
 * The nearest tapped element marked by say()/sayText() (i18n/say.ts), if any. Taps on buttons
 * act rather than read: the screen they open speaks its own prompt.
 */
export function speechTarget(path: EventTarget[]): SpeechTarget | null {
  if (path.some((node) => node instanceof HTMLButtonElement)) return null;
  for (const node of path) {
    if (!(node instanceof HTMLElement)) continue;
    const key = node.dataset['say'];
    if (key) {
      const raw = node.dataset['sayParams'];
      let params: MessageParams | undefined;
      try {
        params = raw ? (JSON.parse(raw) as MessageParams) : undefined;
      } catch {
        params = undefined;
      }
      return params ? { key: key as MessageKey, params } : { key: key as MessageKey };
    }
    const text = node.dataset['sayText'];
    if (text) return { text };
  }
  return null;
}
