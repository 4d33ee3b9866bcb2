// Masking, one rule for every part. The admin test read proves the reader works without showing who the card belongs to:
// "3201**********1234", "张*" (reference/device-agent.md §3.7).

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keeps the first 4 and last 4 characters: 4501**********123X; a value of 8 or fewer shows nothing. */
export function maskNumber(value: string): string {
  if (value.length <= 8) return stars(value.length);
  return `${value.slice(0, 4)}${stars(value.length - 8)}${value.slice(-4)}`;
}

/** An ID number as printed on receipts and shown on review screens. */
export const maskIdNumber = maskNumber;

export function maskName(value: string): string {
  const chars = [...value];
  return `${chars[0] ?? ''}${stars(chars.length - 1)}`;
}

export function maskAddress(value: string): string {
  const chars = [...value];
  const keep = Math.min(6, Math.floor(chars.length / 3));
  return `${chars.slice(0, keep).join('')}${stars(chars.length - keep)}`;
}

const NUMBERS = new Set(['idNumber', 'passNumber']);
const NAMES = new Set(['name', 'englishName']);
const SAFE = new Set([
  'cardType',
  'gender',
  'genderCode',
  'ethnicity',
  'ethnicityCode',
  'nationality',
  'idNumberValid',
  'issuingAuthority',
  'validFrom',
  'validUntil',
  'issueCount',
  'errorCode',
]);

/** Masks the fields of an `idcard.read` completion payload; unknown keys are dropped, not shown. */
export function maskCardFields(payload: unknown): Record<string, unknown> {
  if (!payload || typeof payload !== 'object') return {};
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(payload as Record<string, unknown>)) {
    if (key === 'photo') out['photo'] = value ? 'present' : 'absent';
    else if (typeof value !== 'string') {
      if (SAFE.has(key)) out[key] = value;
    } else if (NUMBERS.has(key)) out[key] = maskNumber(value);
    else if (NAMES.has(key)) out[key] = maskName(value);
    else if (key === 'address') out[key] = maskAddress(value);
    else if (key === 'birthDate') out[key] = `${value.slice(0, 4)}-**-**`;
    else if (SAFE.has(key)) out[key] = value;
  }
  return out;
}
