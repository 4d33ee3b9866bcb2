/// <reference types="vite/client" />
import type { Localize, MessageKey, MessageParams } from './message-types.js';

export type Catalog = Record<string, unknown>;

/** Every namespace file of the locale, bundled at build time (small JSON). */
const zhCN = import.meta.glob<Catalog>('../../../content/i18n/zh-CN/*.json', { eager: true, import: 'default' });

function namespaceOf(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.json'.length);
}

const catalogs: Record<string, Map<string, string>> = { 'zh-CN': flatten(zhCN) };

function flatten(files: Record<string, Catalog>): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (prefix: string, node: unknown): void => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) if (!k.startsWith('$')) walk(`${prefix}.${k}`, v);
  };
  for (const [path, json] of Object.entries(files)) walk(namespaceOf(path), json);
  return out;
}

export const DEFAULT_LOCALE = 'zh-CN';

/** All keys of a locale with their text (the agent's voice catalogue reads the same files). */
export function messages(locale = DEFAULT_LOCALE): ReadonlyMap<string, string> {
  return catalogs[locale] ?? catalogs[DEFAULT_LOCALE];
}

export function hasMessage(key: string, locale = DEFAULT_LOCALE): key is MessageKey {
  return messages(locale).has(key);
}

export function interpolate(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

/**
 * Builds the localize function for a locale. An unknown key (only possible for keys built at
 * run time from content data) shows the key itself, so a content mistake is visible, not blank.
 */
export function createLocalize(locale = DEFAULT_LOCALE): Localize {
  const table = messages(locale);
  return (key: MessageKey, params?: MessageParams) => interpolate(table.get(key) ?? key, params);
}

/** For keys that come from content data (services.json, guide.json): checked at run time. */
export function asMessageKey(key: string): MessageKey {
  return key as MessageKey;
}
