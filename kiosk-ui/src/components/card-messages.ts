/* eslint-disable @typescript-eslint/consistent-type-imports -- JSON shapes need import() types with an attribute under NodeNext */
// Makes the card namespace's keys typed (style R9; see i18n/message-types.ts): the ID card return.

declare global {
  interface KioskMessageNamespaces {
    card: typeof import('../../../content/i18n/zh-CN/card.json', { with: { type: 'json' } });
  }
}

export {};
