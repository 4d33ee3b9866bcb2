import iconv from 'iconv-lite';

// Receipt printers implement only the 1- and 2-byte part of GB18030 (escpos-printer.md §3). Every
// character is checked on its own: ASCII and 2-byte codes pass, 4-byte codes never reach the wire.

/**
 * Documented stand-ins for characters that GB18030 encodes in 4 bytes (or that printer fonts lack).
 * Anything not listed here and not encodable in 2 bytes is reported as unsupported.
 */
export const SUBSTITUTIONS: Readonly<Record<string, string>> = {
  '¥': '￥',
  '✓': '√',
  '✔': '√',
  '☑': '√',
  '☐': '□',
  '•': '·',
  '©': '(C)',
  '®': '(R)',
  '™': 'TM',
  '€': 'EUR',
  '\u00a0': ' ',
  '\u3000': '  ',
};

/** Printed in place of a character that is neither encodable nor rasterised. */
export const PLACEHOLDER = '□';
const PLACEHOLDER_BYTES = Uint8Array.of(0xa1, 0xf5);

export interface GbOptions {
  /** Some models carry GB2312 only: both bytes of a 2-byte code must lie in A1..FE. */
  gb2312Only?: boolean;
}

export interface GbResult {
  bytes: Uint8Array;
  /** Characters printed as the placeholder (distinct, in order of first appearance). */
  unsupported: string[];
}

const cache = new Map<string, Uint8Array | null>();

/** Control characters from field values (C0, DEL, C1) must never reach the printer as commands. */
export function sanitize(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.charCodeAt(0);
    out += code < 0x20 || (code >= 0x7f && code <= 0x9f) ? ' ' : ch;
  }
  return out;
}

/** Applies the substitution table. */
export function substitute(text: string): string {
  let out = '';
  for (const ch of text) out += SUBSTITUTIONS[ch] ?? ch;
  return out;
}

/** The 1- or 2-byte code of one character, or null when it has none the printer can print. */
export function encodeChar(ch: string, options: GbOptions = {}): Uint8Array | null {
  const key = options.gb2312Only ? `2:${ch}` : ch;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const bytes = new Uint8Array(iconv.encode(ch, 'gb18030'));
  let result: Uint8Array | null = null;
  if (bytes.length === 1 && bytes[0] >= 0x20 && bytes[0] < 0x7f) result = bytes;
  else if (bytes.length === 2 && bytes[0] >= 0x81 && bytes[1] >= 0x40) {
    const inGb2312 = bytes[0] >= 0xa1 && bytes[1] >= 0xa1;
    result = options.gb2312Only && !inGb2312 ? null : bytes;
  }
  cache.set(key, result);
  return result;
}

/** True when every character of `text` (after substitution) prints as text. */
export function isPrintable(text: string, options: GbOptions = {}): boolean {
  for (const ch of substitute(sanitize(text))) if (!encodeChar(ch, options)) return false;
  return true;
}

/** The characters of `text` that cannot print as text, even after substitution. */
export function unsupportedChars(text: string, options: GbOptions = {}): string[] {
  const out: string[] = [];
  for (const ch of substitute(sanitize(text))) if (!encodeChar(ch, options) && !out.includes(ch)) out.push(ch);
  return out;
}

/** Encodes text for a printer in hanzi mode (FS &): sanitised, substituted, 2 bytes at most. */
export function encodeGb(text: string, options: GbOptions = {}): GbResult {
  const parts: Uint8Array[] = [];
  const unsupported: string[] = [];
  let length = 0;
  for (const ch of substitute(sanitize(text))) {
    let code = encodeChar(ch, options);
    if (!code) {
      if (!unsupported.includes(ch)) unsupported.push(ch);
      code = PLACEHOLDER_BYTES;
    }
    parts.push(code);
    length += code.length;
  }
  const bytes = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.length;
  }
  return { bytes, unsupported };
}

/** Printed columns of one character: ASCII is 1 (12 dots in Font A), every 2-byte code is 2. */
export function charWidth(ch: string): number {
  const cp = ch.codePointAt(0)!;
  return cp < 0x80 ? 1 : 2;
}

/** Printed columns of a string (after substitution), at normal size. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const ch of substitute(sanitize(text))) width += charWidth(ch);
  return width;
}

const NO_LINE_END = new Set(['（', '(', '【', '《', '“', '‘', '〔', '［']);
const NO_LINE_START = new Set([
  '，',
  '。',
  '、',
  '：',
  '；',
  '！',
  '？',
  '）',
  ')',
  '】',
  '》',
  '”',
  '’',
  '〕',
  '］',
  '·',
]);

const isWordChar = (ch: string): boolean => /^[!-~]$/.test(ch);

/**
 * Wraps `text` into lines of at most `cols` columns. Never splits a character; ASCII words are
 * kept whole when the line has a space to break at. Newlines in the text start new lines.
 */
export function wrapText(text: string, cols: number): string[] {
  const out: string[] = [];
  for (const paragraph of substitute(text.replace(/\r\n?/g, '\n')).split('\n')) {
    const chars = [...sanitize(paragraph)];
    let line: string[] = [];
    let width = 0;
    for (const ch of chars) {
      const w = charWidth(ch);
      if (width + w > cols && line.length > 0) {
        let carry: string[] = [];
        if (isWordChar(ch) && isWordChar(line[line.length - 1])) {
          // Keep an ASCII word whole: break after the last space or CJK character before it.
          let k = line.length - 1;
          while (k >= 0 && isWordChar(line[k])) k--;
          if (k >= 0) {
            carry = line.slice(k + 1);
            line = line.slice(0, k + 1);
          }
        }
        // 避头尾: no opening bracket at a line end, no closing punctuation at a line start.
        for (let moved = 0; moved < 2 && line.length > 1; moved++) {
          const last = line[line.length - 1];
          const next = carry[0] ?? ch;
          const carried = carry.reduce((sum, c) => sum + charWidth(c), 0) + charWidth(last) + w;
          const fix = NO_LINE_END.has(last) || (NO_LINE_START.has(next) && !NO_LINE_START.has(last));
          if (!fix || carried > cols) break;
          carry = [line.pop() as string, ...carry];
        }
        out.push(line.join('').trimEnd());
        line = carry;
        width = carry.reduce((sum, c) => sum + charWidth(c), 0);
        if (ch === ' ' && line.length === 0) continue;
      }
      line.push(ch);
      width += w;
    }
    out.push(line.join('').trimEnd());
  }
  return out;
}
