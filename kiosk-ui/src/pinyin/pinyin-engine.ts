// eslint-disable-next-line @typescript-eslint/triple-slash-reference -- types of the build-time virtual module
/// <reference path="./virtual-dict.d.ts" />
import type { PinyinIndex } from './pinyin-index-types.js';

/** A candidate and how many typed letters it uses up (the rest stays in the pinyin buffer). */
export interface Candidate {
  text: string;
  consumed: number;
}

/** Field kinds get boosts: surname/given-name characters, or address characters (村/镇/组…). */
export type FieldMode = 'text' | 'name' | 'address';

/**
 * The in-page IME's query engine (chinese-input-and-voice.md A2), pure and synchronous:
 * exact words, a composed sentence, prefix words, then single characters of the first syllable.
 * The per-visit history boost lives here and is cleared by `forget()` at the end of a visit.
 */
export class PinyinEngine {
  private readonly _syllables: Set<string>;
  private readonly _maxSyllable: number;
  private readonly _wordKeys: string[];
  private readonly _history = new Map<string, string[]>();

  constructor(private readonly _index: PinyinIndex) {
    this._syllables = new Set(Object.keys(_index.chars));
    this._maxSyllable = Math.max(...[...this._syllables].map((s) => s.length));
    this._wordKeys = Object.keys(_index.words).sort();
  }

  /** Splits letters into syllables with the fewest pieces; the last one may be incomplete. */
  segment(input: string): { syllables: string[]; partial: boolean } {
    const n = input.length;
    const best: Array<string[] | null> = new Array(n + 1).fill(null);
    best[0] = [];
    for (let i = 0; i < n; i++) {
      const prev = best[i];
      if (!prev) continue;
      for (let len = 1; len <= this._maxSyllable && i + len <= n; len++) {
        const piece = input.slice(i, i + len);
        if (!this._syllables.has(piece)) continue;
        const next = best[i + len];
        if (!next || next.length > prev.length + 1) best[i + len] = [...prev, piece];
      }
    }
    if (best[n]) return { syllables: best[n], partial: false };
    // Longest segmentable prefix plus an incomplete final syllable.
    for (let i = n - 1; i >= 0; i--) {
      const rest = input.slice(i);
      if (best[i] && [...this._syllables].some((s) => s.startsWith(rest)))
        return { syllables: [...best[i]!, rest], partial: true };
    }
    return { syllables: [input], partial: true };
  }

  private _words(key: string): string[] {
    const list = this._index.words[key];
    return list ? list.split(' ') : [];
  }

  private _chars(syllable: string, mode: FieldMode): string[] {
    const chars = [...(this._index.chars[syllable] ?? '')];
    let boosted: string[] = [];
    if (mode === 'name') boosted = [...(this._index.names[syllable] ?? '')];
    if (mode === 'address') boosted = [...this._index.address].filter((c) => chars.includes(c));
    return [...boosted, ...chars.filter((c) => !boosted.includes(c))];
  }

  /** The best sentence for complete syllables: fewest pieces, words preferred over characters. */
  private _compose(syllables: string[], mode: FieldMode): string | null {
    const n = syllables.length;
    const best: Array<{ pieces: number; text: string } | null> = new Array(n + 1).fill(null);
    best[0] = { pieces: 0, text: '' };
    for (let i = 0; i < n; i++) {
      const prev = best[i];
      if (!prev) continue;
      for (let j = i + 1; j <= n; j++) {
        const key = syllables.slice(i, j).join('');
        // Village names are mostly a surname + 家/庄/村…: in addresses the first character ranks like a name.
        const charMode = mode === 'address' && i === 0 ? 'name' : mode;
        const word = j - i > 1 ? this._words(key)[0] : this._chars(key, charMode)[0];
        if (!word) continue;
        const next = best[j];
        if (!next || next.pieces > prev.pieces + 1) best[j] = { pieces: prev.pieces + 1, text: prev.text + word };
      }
    }
    return best[n]?.text ?? null;
  }

  candidates(input: string, mode: FieldMode = 'text', limit = 48): Candidate[] {
    const letters = input.toLowerCase().replace(/[^a-z]/g, '');
    if (!letters) return [];
    const out: Candidate[] = [];
    const seen = new Set<string>();
    const add = (text: string | undefined, consumed: number): void => {
      if (!text || seen.has(text) || out.length >= limit) return;
      seen.add(text);
      out.push({ text, consumed });
    };
    const { syllables, partial } = this.segment(letters);
    const complete = partial ? syllables.slice(0, -1) : syllables;

    for (const w of this._history.get(letters) ?? []) add(w, letters.length);
    if (!partial) {
      if (syllables.length === 1) for (const c of this._chars(letters, mode).slice(0, 1)) add(c, letters.length);
      for (const w of this._words(letters)) add(w, letters.length);
      if (complete.length > 1) add(this._compose(complete, mode) ?? undefined, letters.length);
    } else {
      // Words whose pinyin starts with what was typed ("laodongz" → 劳动争议).
      for (const key of this._prefixKeys(letters, 6)) add(this._words(key)[0], letters.length);
      if (complete.length > 1) add(this._compose(complete, mode) ?? undefined, complete.join('').length);
    }
    // Leading words, longest first, then characters of the first syllable.
    for (let k = complete.length - 1; k >= 2; k--) {
      const key = complete.slice(0, k).join('');
      for (const w of this._words(key).slice(0, 3)) add(w, key.length);
    }
    const first = syllables[0];
    if (partial && syllables.length === 1) {
      for (const s of [...this._syllables].filter((s) => s.startsWith(first)).sort())
        for (const c of this._chars(s, mode).slice(0, 4)) add(c, first.length);
    } else for (const c of this._chars(first, mode)) add(c, first.length);
    return out;
  }

  private _prefixKeys(prefix: string, max: number): string[] {
    let lo = 0;
    let hi = this._wordKeys.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this._wordKeys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const keys: string[] = [];
    for (let i = lo; i < this._wordKeys.length && keys.length < max && this._wordKeys[i].startsWith(prefix); i++)
      keys.push(this._wordKeys[i]);
    return keys.sort((a, b) => a.length - b.length);
  }

  /** Per-visit boost: a word chosen for these letters comes first next time. */
  remember(letters: string, text: string): void {
    const list = (this._history.get(letters) ?? []).filter((w) => w !== text);
    this._history.set(letters, [text, ...list].slice(0, 8));
  }

  forget(): void {
    this._history.clear();
  }
}

let shared: Promise<PinyinEngine> | undefined;

/** Loads the dictionary chunk once (lazy: it is not part of the initial bundle). */
export function loadPinyinEngine(): Promise<PinyinEngine> {
  shared ??= import('virtual:kiosk-pinyin-dict').then((m) => new PinyinEngine(m.default));
  return shared;
}
