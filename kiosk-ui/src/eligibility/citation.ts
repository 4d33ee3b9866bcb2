import type { Citation } from './types.js';

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as statutes write them (三十一, 四十四, 十). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumber: ${n} out of 1..99`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones === 0 ? '' : DIGITS[ones]}`;
}

/** "第三十一条（五）" — the form the receipt and the explanation screen print. */
export function citationText(c: Citation): string {
  const article = `第${chineseNumber(c.article)}条`;
  return c.item === undefined ? article : `${article}（${chineseNumber(c.item)}）`;
}

export function sameCitation(a: Citation, b: Citation): boolean {
  return a.article === b.article && a.item === b.item;
}

/** Sorted by article then item (a bare article first), duplicates removed. */
export function mergeCitations(lists: readonly (readonly Citation[])[]): Citation[] {
  const out: Citation[] = [];
  for (const c of lists.flat()) if (!out.some((o) => sameCitation(o, c))) out.push({ ...c });
  return out.sort((a, b) => a.article - b.article || (a.item ?? 0) - (b.item ?? 0));
}
