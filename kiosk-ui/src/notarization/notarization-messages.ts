// Makes the notarization namespace's keys typed (style R9; see i18n/message-types.ts).
import notarizationMessages from '../../../content/i18n/zh-CN/notarization.json' with { type: 'json' };
import type { MessageKey } from '../i18n/message-types.js';

declare global {
  interface KioskMessageNamespaces {
    notarization: typeof notarizationMessages;
  }
}

/** Keys built at run time from catalogue ids (matters, materials, groups): checked by tests/content. */
export function notarizationKey(key: string): MessageKey {
  return `notarization.${key}` as MessageKey;
}
