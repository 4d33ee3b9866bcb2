import { createLocalize } from '../i18n/localize.js';
import type { MessageKey, MessageParams } from '../i18n/message-types.js';

declare global {
  interface KioskMessageNamespaces {
    // eslint-disable-next-line @typescript-eslint/consistent-type-imports -- a JSON module's shape, as in i18n/message-types.ts
    admin: typeof import('../../../content/i18n/zh-CN/admin.json', { with: { type: 'json' } });
  }
}

const localize = createLocalize();

/** Admin page texts (content/i18n/zh-CN/admin.json); keys are checked at compile time. */
export const t = (key: MessageKey & `admin.${string}`, params?: MessageParams): string => localize(key, params);

/** For keys built from data (device states, check ids): unknown keys show the key itself. */
export const tDynamic = (key: string, params?: MessageParams): string => localize(key as MessageKey, params);
