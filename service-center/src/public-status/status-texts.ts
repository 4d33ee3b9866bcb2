import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// The page's words: its own texts (content/i18n/zh-CN/publicStatus.json) and the villager-facing
// kind and state names the kiosk's 查询进度 uses (progress.json), so both say the same thing.

type Texts = Record<string, string>;

export interface PublicStatusTexts {
  page: Texts;
  kinds: Texts;
  states: Texts;
}

export function loadPublicStatusTexts(contentDir: string): PublicStatusTexts {
  const read = (name: string): Record<string, unknown> =>
    JSON.parse(readFileSync(join(contentDir, 'i18n', 'zh-CN', name), 'utf8')) as Record<string, unknown>;
  const progress = read('progress.json');
  return {
    page: read('publicStatus.json') as Texts,
    kinds: progress['kinds'] as Texts,
    states: progress['states'] as Texts,
  };
}

/** A text by key (own keys only), the key itself when missing; `{name}` filled from `params`. */
export function text(table: Texts, key: string, params: Record<string, string | number> = {}): string {
  const raw = Object.hasOwn(table, key) ? table[key] : key;
  return raw.replace(/\{(\w+)\}/g, (all, name: string) => (Object.hasOwn(params, name) ? String(params[name]) : all));
}
