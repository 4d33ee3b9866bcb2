// Builds the pinyin keyboard's dictionary at build time (chinese-input-and-voice.md A2):
// the top words of jieba's dictionary with pinyin (@pinyin-pro/data, MIT, jieba attribution kept
// in the output), every GB2312 character ranked by its reading-specific frequency, and the
// content/input lexicons at top priority.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pinyin } from 'pinyin-pro';

export interface PinyinIndex {
  attribution: string;
  /** toneless pinyin key (syllables concatenated) → ranked words, space-separated */
  words: Record<string, string>;
  /** syllable → ranked characters */
  chars: Record<string, string>;
  /** syllable → name characters, most common first */
  names: Record<string, string>;
  /** address characters boosted in address fields */
  address: string;
}

export interface IndexOptions {
  contentDir: string;
  /** How many multi-character words to keep (by frequency). */
  topWords?: number;
  /** Candidates kept per key. */
  perKey?: number;
}

const syllableCache = new Map<string, string>();

function toneless(syllable: string): string {
  let out = syllableCache.get(syllable);
  if (out === undefined) {
    out = syllable
      .normalize('NFD')
      .replace(/u\u0308/g, 'v')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase();
    syllableCache.set(syllable, out);
  }
  return out;
}

/** "lǜ shī" → ["lv", "shi"] */
export function tonelessSyllables(marked: string): string[] {
  return marked.split(' ').filter(Boolean).map(toneless);
}

function gb2312Chars(): Set<string> {
  const decoder = new TextDecoder('gbk');
  const out = new Set<string>();
  for (let hi = 0xb0; hi <= 0xf7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = decoder.decode(new Uint8Array([hi, lo]));
      if (ch.length === 1 && ch !== '\ufffd') out.add(ch);
    }
  return out;
}

function readJson<T>(path: string): T {
  return JSON.parse(readFileSync(path, 'utf8')) as T;
}

function push(map: Map<string, Array<[string, number]>>, key: string, item: string, score: number): void {
  const list = map.get(key);
  if (list) list.push([item, score]);
  else map.set(key, [[item, score]]);
}

function ranked(map: Map<string, Array<[string, number]>>, perKey: number, joiner: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, list] of map) {
    const seen = new Set<string>();
    const items = list
      .sort((a, b) => b[1] - a[1])
      .map(([w]) => w)
      .filter((w) => (seen.has(w) ? false : (seen.add(w), true)));
    out[key] = items.slice(0, perKey).join(joiner);
  }
  return out;
}

export function buildPinyinIndex({ contentDir, topWords = 60_000, perKey = 16 }: IndexOptions): PinyinIndex {
  const require = createRequire(import.meta.url);
  const complete = readJson<Record<string, [string, number]>>(require.resolve('@pinyin-pro/data/complete.json'));
  const gb = gb2312Chars();
  const words = new Map<string, Array<[string, number]>>();
  const charFreq = new Map<string, number>(); // `${char}|${syllable}` → summed frequency
  const multi: Array<[string, string[], number]> = [];
  for (const [word, [marked, freq]] of Object.entries(complete)) {
    const syllables = tonelessSyllables(marked);
    if ([...word].length !== syllables.length) continue;
    if (syllables.length === 1) {
      if (gb.has(word)) charFreq.set(`${word}|${syllables[0]}`, (charFreq.get(`${word}|${syllables[0]}`) ?? 0) + freq);
      continue;
    }
    multi.push([word, syllables, freq]);
    [...word].forEach((ch, i) => {
      if (gb.has(ch)) charFreq.set(`${ch}|${syllables[i]}`, (charFreq.get(`${ch}|${syllables[i]}`) ?? 0) + freq);
    });
  }
  multi.sort((a, b) => b[2] - a[2]);
  for (const [word, syllables, freq] of multi.slice(0, topWords)) push(words, syllables.join(''), word, freq);

  // Every reading of every GB2312 character, so rare readings can still be typed.
  const chars = new Map<string, Array<[string, number]>>();
  for (const ch of gb) {
    const readings = pinyin(ch, { toneType: 'none', type: 'array', multiple: true, v: true });
    for (const r of readings) push(chars, r, ch, charFreq.get(`${ch}|${r}`) ?? 0);
  }

  // Lexicon words go first for their key (score above any corpus frequency).
  const lexicon = readJson<{ words: string[] }>(join(contentDir, 'input/legal-terms.json')).words;
  lexicon.forEach((word, i) => {
    const key = pinyin(word, { toneType: 'none', type: 'array', v: true }).join('');
    push(words, key, word, 10 - i * 1e-6);
  });

  const names = new Map<string, Array<[string, number]>>();
  const nameChars = [...readJson<{ chars: string }>(join(contentDir, 'input/name-chars.json')).chars];
  nameChars.forEach((ch, i) => {
    const r = pinyin(ch, { toneType: 'none', v: true });
    push(names, r, ch, nameChars.length - i);
  });
  const address = readJson<{ chars: string }>(join(contentDir, 'input/address-chars.json')).chars;

  return {
    attribution: 'Word list and frequencies: jieba (MIT) via @pinyin-pro/data (ISC); readings: pinyin-pro (MIT).',
    words: ranked(words, perKey, ' '),
    chars: ranked(chars, 60, ''),
    names: ranked(names, 20, ''),
    address,
  };
}
