import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { buildPinyinIndex } from './pinyin-index.js';

export const PINYIN_DICT_ID = 'virtual:kiosk-pinyin-dict';
const RESOLVED = `\0${PINYIN_DICT_ID}`;
/** Bump when pinyin-index.ts changes its output. */
const INDEX_FORMAT = 2;

const here = dirname(fileURLToPath(import.meta.url));

/** The index JSON, rebuilt only when the lexicons or the word data change (cached under node_modules/.cache). */
export function pinyinIndexJson(contentDir = resolve(here, '../../content')): string {
  const hash = createHash('sha256').update(String(INDEX_FORMAT));
  for (const f of ['legal-terms.json', 'name-chars.json', 'address-chars.json'])
    hash.update(readFileSync(join(contentDir, 'input', f)));
  hash.update(readFileSync(resolve(here, '../../node_modules/@pinyin-pro/data/package.json')));
  const cacheDir = resolve(here, '../../node_modules/.cache/kiosk-pinyin');
  const file = join(cacheDir, `${hash.digest('hex').slice(0, 16)}.json`);
  if (existsSync(file)) return readFileSync(file, 'utf8');
  const json = JSON.stringify(buildPinyinIndex({ contentDir }));
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(file, json);
  return json;
}

/**
 * Serves the pinyin dictionary as a virtual module built from @pinyin-pro/data and content/input
 * at build time. The keyboard imports it with dynamic import(), so it is a lazy chunk.
 * Used by kiosk-ui/vite.config.ts and by the kiosk-ui browser test project.
 */
export function pinyinDictPlugin(contentDir?: string): Plugin {
  return {
    name: 'kiosk-pinyin-dict',
    resolveId(id) {
      return id === PINYIN_DICT_ID ? RESOLVED : null;
    },
    load(id) {
      if (id !== RESOLVED) return null;
      return `export default JSON.parse(${JSON.stringify(pinyinIndexJson(contentDir))});`;
    },
  };
}
