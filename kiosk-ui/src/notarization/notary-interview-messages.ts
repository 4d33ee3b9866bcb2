// Makes the notary-interview namespace's keys typed (style R9; see i18n/message-types.ts).
import notaryInterviewMessages from '../../../content/i18n/zh-CN/notaryInterview.json' with { type: 'json' };

declare global {
  interface KioskMessageNamespaces {
    notaryInterview: typeof notaryInterviewMessages;
  }
}
