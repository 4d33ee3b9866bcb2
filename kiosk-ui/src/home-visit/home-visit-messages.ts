// Makes the homeVisit namespace's keys typed (style R9; see i18n/message-types.ts).
import homeVisitMessages from '../../../content/i18n/zh-CN/homeVisit.json' with { type: 'json' };
import type { MessageKey } from '../i18n/message-types.js';

declare global {
  interface KioskMessageNamespaces {
    homeVisit: typeof homeVisitMessages;
  }
}

/** Keys built at run time from answer values (age groups, services, modes): all exist in homeVisit.json. */
export function homeVisitKey(key: string): MessageKey {
  return `homeVisit.${key}` as MessageKey;
}
