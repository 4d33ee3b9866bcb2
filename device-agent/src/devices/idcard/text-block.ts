import type { CardType, IdCardFields } from '@kiosk/contract/kiosk-api';
import { ethnicityLabel, genderLabel } from './code-tables.js';
import { isForeign2017Number, isValidIdNumber } from '@kiosk/domain/id-number';

export const TEXT_BYTES = 256;
export const PHOTO_BYTES = 1024;
export const LONG_TERM = '长期';

/** Type flag at text offset 248 (idcard-reader.md §4.1). */
const FLAGS: Record<string, CardType> = {
  ' ': 'resident',
  J: 'hkMacaoTaiwan',
  I: 'foreignPermanent2017',
  Y: 'foreignPermanent2023',
};

export type DecodedText = Omit<IdCardFields, 'photo'>;

/** Consistency findings: logged as codes, never with values, never fatal (§6 rules 3, 4, 6). */
export type TextWarning = 'birthDateMismatch' | 'birthDateInvalid' | 'prefixTypeMismatch' | 'genderParityMismatch';

export type TextResult =
  | { ok: true; fields: DecodedText; warnings: TextWarning[] }
  | { ok: false; reason: 'unknownCardType' | 'badLength'; flag?: string };

/** A field without its right padding (U+0020, and NULs some readers use). */
function field(text: Buffer, offset: number, bytes: number): string {
  const value = text.subarray(offset, offset + bytes).toString('utf16le');
  let end = value.length;
  while (end > 0 && (value[end - 1] === ' ' || value[end - 1] === '\u0000' || value[end - 1] === '\u3000')) end--;
  return value.slice(0, end);
}

/** YYYYMMDD → YYYY-MM-DD; "长期" stays "长期"; anything else is returned as read. */
export function isoDate(raw: string): string {
  if (raw.startsWith(LONG_TERM)) return LONG_TERM;
  const m = /^(\d{4})(\d{2})(\d{2})$/.exec(raw);
  return m ? `${m[1]}-${m[2]}-${m[3]}` : raw;
}

function isRealDate(iso: string, today: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === iso && iso <= today;
}

export const todayIso = (now = new Date()): string =>
  `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;

/** Decodes the 256-byte UCS-2LE text block of any of the four card types. */
export function decodeTextBlock(text: Buffer, today = todayIso()): TextResult {
  if (text.length !== TEXT_BYTES) return { ok: false, reason: 'badLength' };
  const flag = text.subarray(248, 250).toString('utf16le');
  const cardType = FLAGS[flag];
  if (!cardType) return { ok: false, reason: 'unknownCardType', flag: flag.charCodeAt(0).toString(16) };
  const fields = cardType === 'foreignPermanent2017' ? decodeForeign2017(text) : decodeCommonLayout(text, cardType);
  fields.expired =
    fields.validUntil !== LONG_TERM && /^\d{4}-\d{2}-\d{2}$/.test(fields.validUntil) && fields.validUntil < today;
  return { ok: true, fields, warnings: warningsFor(fields, today) };
}

/** Resident, J and Y share the resident offsets for name, gender, birth, number and dates. */
function decodeCommonLayout(text: Buffer, cardType: CardType): DecodedText {
  const genderCode = field(text, 30, 2);
  const idNumber = field(text, 122, 36).toUpperCase();
  const base: DecodedText = {
    cardType,
    name: field(text, 0, 30),
    gender: genderLabel(genderCode),
    genderCode,
    birthDate: isoDate(field(text, 36, 16)),
    idNumber,
    idNumberValid: isValidIdNumber(idNumber),
    issuingAuthority: field(text, 158, 30),
    validFrom: isoDate(field(text, 188, 16)),
    validUntil: isoDate(field(text, 204, 16)),
  };
  if (cardType === 'resident') {
    const ethnicityCode = field(text, 32, 4);
    return { ...base, ethnicityCode, ethnicity: ethnicityLabel(ethnicityCode), address: field(text, 52, 70) };
  }
  if (cardType === 'hkMacaoTaiwan') {
    return { ...base, address: field(text, 52, 70), passNumber: field(text, 220, 18), issueCount: field(text, 238, 4) };
  }
  // 2023 foreign permanent resident card (Johann356 labels; medium confidence, §4.5).
  return {
    ...base,
    issuingAuthority: '',
    englishName: (field(text, 52, 70) + field(text, 220, 22)).trim(),
    issueCount: field(text, 32, 4),
    nationality: field(text, 242, 6),
  };
}

function decodeForeign2017(text: Buffer): DecodedText {
  const genderCode = field(text, 120, 2);
  const idNumber = field(text, 122, 30).toUpperCase();
  const englishName = field(text, 0, 120);
  const chineseName = field(text, 158, 30);
  return {
    cardType: 'foreignPermanent2017',
    name: chineseName || englishName,
    englishName,
    gender: genderLabel(genderCode),
    genderCode,
    nationality: field(text, 152, 6),
    birthDate: isoDate(field(text, 220, 16)),
    idNumber,
    idNumberValid: isForeign2017Number(idNumber),
    issuingAuthority: field(text, 240, 8),
    validFrom: isoDate(field(text, 188, 16)),
    validUntil: isoDate(field(text, 204, 16)),
    cardVersion: field(text, 236, 4),
  };
}

function warningsFor(f: DecodedText, today: string): TextWarning[] {
  const out: TextWarning[] = [];
  if (!isRealDate(f.birthDate, today)) out.push('birthDateInvalid');
  if (f.cardType === 'foreignPermanent2017' || !/^\d{17}/.test(f.idNumber)) return out;
  if (f.idNumber.slice(6, 14) !== f.birthDate.replace(/-/g, '')) out.push('birthDateMismatch');
  const prefixType = /^8[123]/.test(f.idNumber)
    ? 'hkMacaoTaiwan'
    : f.idNumber.startsWith('9')
      ? 'foreignPermanent2023'
      : 'resident';
  if (prefixType !== f.cardType) out.push('prefixTypeMismatch');
  const parity = Number(f.idNumber[16]) % 2 === 1 ? '1' : '2';
  if ((f.genderCode === '1' || f.genderCode === '2') && f.genderCode !== parity) out.push('genderParityMismatch');
  return out;
}
