// Makes the satisfaction namespace's keys typed (style R9; see i18n/message-types.ts).
import satisfactionMessages from '../../../content/i18n/zh-CN/satisfaction.json' with { type: 'json' };

declare global {
  interface KioskMessageNamespaces {
    satisfaction: typeof satisfactionMessages;
  }
}
