/** The dictionary built by kiosk-ui/build/pinyin-index.ts (shape shared by build and run time). */
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
