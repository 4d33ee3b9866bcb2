// Numbers in text to speak are classified before the pinyin step (chinese-input-and-voice.md B2):
// phone, ID, receipt numbers and years are read digit by digit; amounts, months, days, counts and
// times as Chinese numerals. espeak-ng would otherwise read 13800138000 as a quantity.

const DIGIT_BY_DIGIT = ['零', '幺', '二', '三', '四', '五', '六', '七', '八', '九'];
const NUMERAL = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** "13800138000" → 幺三八零零幺三八零零零; the ID check digit X is read 叉. */
export function digitsOneByOne(digits: string): string {
  return [...digits]
    .map((c) => (c === 'X' || c === 'x' ? '叉' : /[0-9]/.test(c) ? DIGIT_BY_DIGIT[Number(c)] : ''))
    .join('');
}

function below10000(n: number, leadingTen: boolean): string {
  const units = ['', '十', '百', '千'];
  const digits = String(n).padStart(4, '0').split('').map(Number);
  let out = '';
  let zero = false;
  digits.forEach((d, i) => {
    const unit = units[3 - i];
    if (d === 0) {
      zero = out !== '';
      return;
    }
    if (zero) out += '零';
    zero = false;
    out += leadingTen && d === 1 && unit === '十' && out === '' ? '十' : NUMERAL[d] + unit;
  });
  return out;
}

/** 150 → 一百五十, 15 → 十五, 10086 → 一万零八十六 (integers up to 10^12; beyond that digit by digit). */
export function chineseNumeral(value: string): string {
  const [intPart = '0', frac] = value.split('.');
  let n = Number(intPart);
  if (!Number.isSafeInteger(n) || n >= 1e12) return digitsOneByOne(value.replace('.', ''));
  let out = '';
  if (n === 0) out = '零';
  else {
    const groups: number[] = [];
    while (n > 0) {
      groups.push(n % 10000);
      n = Math.floor(n / 10000);
    }
    const bigUnits = ['', '万', '亿'];
    for (let i = groups.length - 1; i >= 0; i--) {
      const g = groups[i];
      if (g === 0) continue;
      if (out && g < 1000) out += '零';
      out += below10000(g, out === '') + bigUnits[i];
    }
    out = out.replace(/零+/g, '零');
  }
  if (frac) out += '点' + [...frac].map((d) => NUMERAL[Number(d)]).join('');
  return out;
}

/**
 * Latin capital letters as Chinese speakers name them (F → 艾弗, Y → 歪), so a receipt number is
 * spoken with its letters: the villager must be able to say it back on the phone.
 */
const LETTER_NAMES: Record<string, string> = {
  A: '诶',
  B: '比',
  C: '西',
  D: '迪',
  E: '伊',
  F: '艾弗',
  G: '吉',
  H: '艾尺',
  I: '艾',
  J: '杰',
  K: '开',
  L: '艾勒',
  M: '艾姆',
  N: '恩',
  O: '欧',
  P: '披',
  Q: '丘',
  R: '阿尔',
  S: '艾斯',
  T: '提',
  U: '优',
  V: '维',
  W: '达布溜',
  X: '艾克斯',
  Y: '歪',
  Z: '贼德',
};

/** "FY" → "艾弗，歪". */
export function spellLetters(letters: string): string {
  return [...letters.toUpperCase()].map((c) => LETTER_NAMES[c] ?? c).join('，');
}

/** Replaces every number in the text by the words to say, chosen by the number's shape and context. */
export function readNumbers(text: string): string {
  return (
    text
      // Receipt numbers FY261129-0001-0001: the letters by name, then every digit one by one.
      .replace(
        /\b([A-Z]{2})(\d{6})-([0-9A-Z]{4})-(\d{4,6})\b/g,
        (_m, kind: string, day: string, terminal: string, seq: string) =>
          `${spellLetters(kind)}，${digitsOneByOne(day)}，${digitsOneByOne(terminal)}，${digitsOneByOne(seq)}`,
      )
      // A capital letter standing alone (a number spelt out "F，Y，二，六…"): its name.
      .replace(/(?<![A-Za-z])[A-WYZ](?![A-Za-z])/g, (c) => LETTER_NAMES[c])
      // Dates 2026-11-29 / 2026年11月29日: the year digit by digit, month and day as numerals.
      .replace(
        /(\d{4})-(\d{1,2})-(\d{1,2})/g,
        (_m, y: string, mo: string, d: string) => `${digitsOneByOne(y)}年${chineseNumeral(mo)}月${chineseNumeral(d)}日`,
      )
      .replace(/(\d{4})年/g, (_m, y: string) => `${digitsOneByOne(y)}年`)
      // Time ranges 8:30-12:00 → …至…; times 8:30 → 八点三十分, 14:00 → 十四点.
      .replace(/(\d{1,2}[:：]\d{2})\s*[-~～]\s*(\d{1,2}[:：]\d{2})/g, '$1至$2')
      .replace(
        /(\d{1,2})[:：](\d{2})/g,
        (_m, h: string, min: string) =>
          `${chineseNumeral(String(Number(h)))}点${Number(min) ? `${chineseNumeral(String(Number(min)))}分` : ''}`,
      )
      // Phone numbers with separators, ID numbers with X, long codes: digit by digit.
      .replace(/\d[\d\- ]*\d[Xx]?|\d[Xx]?/g, (m) => {
        const digits = m.replace(/[\s-]/g, '');
        if (/[\s-]/.test(m.trim()) && digits.length >= 7) return digitsOneByOne(digits);
        if (/[Xx]$/.test(digits) || digits.length >= 5 || (digits.length > 1 && digits.startsWith('0')))
          return digitsOneByOne(digits);
        // Short groups separated by spaces in prose ("3 天") are separate quantities.
        return m
          .split(/([\s-]+)/)
          .map((part) => (/^\d+$/.test(part) ? chineseNumeral(part) : part))
          .join('');
      })
      .replace(/(\d+\.\d+)/g, (m) => chineseNumeral(m))
  );
}
