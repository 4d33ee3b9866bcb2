// Makes the legalAid namespace's keys typed (style R9; see i18n/message-types.ts).
import legalAidMessages from '../../../content/i18n/zh-CN/legalAid.json' with { type: 'json' };
import type { MessageKey } from '../i18n/message-types.js';

type LegalAid = typeof legalAidMessages;

declare global {
  interface KioskMessageNamespaces {
    legalAid: LegalAid;
  }
}

/** Keys built at run time from rule ids (matters, groups, materials): checked by tests/content. */
export function legalAidKey(key: string): MessageKey {
  return `legalAid.${key}` as MessageKey;
}
