// Makes the mediation namespace's keys typed (style R9; see i18n/message-types.ts).
import mediationMessages from '../../../content/i18n/zh-CN/mediation.json' with { type: 'json' };
import type { MessageKey } from '../i18n/message-types.js';

declare global {
  interface KioskMessageNamespaces {
    mediation: typeof mediationMessages;
  }
}

/** Keys built at run time from content ids (kinds, phrases): checked by tests/content. */
export function mediationKey(key: string): MessageKey {
  return `mediation.${key}` as MessageKey;
}
