import { pinyin } from 'pinyin-pro';
import { readNumbers } from './number-reading.js';

/**
 * Text → numbered pinyin for `espeak-ng -v cmn-latn-pinyin` (chinese-input-and-voice.md B2):
 * numbers first, then word-aware readings from pinyin-pro (土地 → tu3 di4, 银行 → yin2 hang2).
 * Punctuation becomes a pause; other Latin letters are dropped rather than read as English.
 */
export function toSpeechPinyin(text: string): string {
  // A lone X is the ID check digit ("叉"); espeak-ng would read it as English "ex".
  const normalised = readNumbers(text.normalize('NFKC')).replace(/(?<![A-Za-z])[Xx](?![A-Za-z])/g, '叉');
  const syllables = pinyin(normalised, { toneType: 'num', type: 'array', v: true, nonZh: 'consecutive' });
  const out: string[] = [];
  for (const s of syllables) {
    if (/^[a-z]+[0-5]$/.test(s)) out.push(s);
    else if (/[，。！？；：、,.!?;:\n]/.test(s)) out.push(',');
  }
  return out
    .join(' ')
    .replace(/(\s*,\s*)+/g, ', ')
    .replace(/^, |, $/g, '')
    .trim();
}
