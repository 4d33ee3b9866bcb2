// The review's 读给我听 as pure functions (issue 15 item 4): what each answer sounds like, one item
// at a time. No DOM, no voice: <kiosk-review-list> speaks what these return.
import type { Localize } from '../i18n/message-types.js';

/** One answer on a review screen: shown as a row, read as one piece, opened again with 改一下. */
export interface ReviewItem {
  /** Unique within the review. */
  id: string;
  label: string;
  /** As shown; a number-only value (phone, masked ID number) is set at the digit size. */
  value: string;
  /** The value as spoken, without the label (see the helpers below); personal data only as allowed. */
  spoken: string;
  /** The flow step 改一下 opens; no 改一下 without it (e.g. what the ID card gave). */
  editStep?: string;
}

/** Free text longer than this is cut when spoken, so an item stays well under 20 s. */
export const MAX_SPOKEN_CHARS = 60;

/**
 * Digits one by one in the locale's words (`words`: the ten digit words 0–9, then the word for X),
 * groups joined by `separator`: "13800138000" with groups [3, 4, 4] → "幺三八，零零幺三，八零零零".
 * Anything that is not a digit or X is dropped.
 */
export function digitWords(digits: string, words: string, separator: string, groups: readonly number[] = []): string {
  const table = [...words];
  const spoken = [...digits.toUpperCase()]
    .filter((c) => /[0-9X]/.test(c))
    .map((c) => (c === 'X' ? (table[10] ?? c) : table[Number(c)]));
  const parts: string[] = [];
  let at = 0;
  for (const n of groups) {
    if (at >= spoken.length) break;
    parts.push(spoken.slice(at, at + n).join(''));
    at += n;
  }
  if (at < spoken.length) parts.push(spoken.slice(at).join(''));
  return parts.join(separator);
}

/** A mobile number read back digit by digit in the usual 3-4-4 groups, 1 as 幺. */
export function phoneSpoken(t: Localize, phone: string): string {
  return digitWords(phone, t('app.review.phoneDigits'), t('app.review.groupSeparator'), [3, 4, 4]);
}

/** The ID number as masked on screen (first 4, last 4), never in full. */
export function idNumberSpoken(t: Localize, idNumber: string): string {
  const clean = idNumber.replace(/[^0-9Xx]/g, '');
  if (clean.length < 8) return t('app.review.seeScreen');
  const words = t('app.review.phoneDigits');
  return t('app.review.idNumberSpoken', {
    head: digitWords(clean.slice(0, 4), words, ''),
    tail: digitWords(clean.slice(-4), words, ''),
  });
}

/** Free text as spoken: cut at MAX_SPOKEN_CHARS with a pointer to the screen. */
export function clipSpoken(t: Localize, text: string): string {
  const chars = [...text.trim()];
  return chars.length <= MAX_SPOKEN_CHARS
    ? chars.join('')
    : `${chars.slice(0, MAX_SPOKEN_CHARS).join('')}${t('app.review.more')}`;
}

/**
 * What 读给我听 says for the item at `index`: its label and value; the first item also says how the
 * reading goes (and that bystanders hear it), the last one what to do next.
 */
export function readBackText(t: Localize, items: readonly ReviewItem[], index: number): string {
  const item = items[index];
  if (!item) return '';
  // The item's own closing punctuation gives way to the template's (no "。。").
  const value = item.spoken.replace(/[。.！!？?，,；;：:\s]+$/u, '');
  const text = t('app.review.itemSpoken', { label: item.label, value });
  const lead = index === 0 ? t('app.review.start') : '';
  const tail = index === items.length - 1 ? t('app.review.last') : '';
  return `${lead}${text}${tail}`;
}
