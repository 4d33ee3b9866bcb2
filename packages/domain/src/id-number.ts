// GB 11643-1999 citizen ID numbers (idcard-reader.md §6): 6-digit region code, 8-digit birth date,
// 3-digit sequence, and a check character over the first 17 (ISO 7064 MOD 11-2: weights
// 2^(17-i) mod 11, remainder → "10X98765432"). The 2023 foreign permanent resident card uses the same rule.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** Appends the check character to 17 digits (used to build fictional fixtures). */
export const withCheckCharacter = (first17: string): string => first17 + checkCharacter(first17);

/** The birth date (YYYY-MM-DD) in positions 7–14 when it is a real calendar date from 1900 on. */
function encodedBirthDate(id: string): string | undefined {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d)
    return undefined;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

/**
 * True for 17 digits + the right check character (digit or X; a lower-case x is accepted), a region
 * code that does not start with 0 and a birth date that exists.
 */
export function isValidIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  if (!/^[1-9]\d{16}[\dX]$/.test(id)) return false;
  if (!encodedBirthDate(id)) return false;
  return checkCharacter(id) === id[17];
}

/** Birth date (YYYY-MM-DD) of a valid number. */
export function birthDateOf(value: string): string | undefined {
  return isValidIdNumber(value) ? encodedBirthDate(value) : undefined;
}

/** The 6-digit administrative region code (GB/T 2260) of a valid number. */
export function regionCodeOf(value: string): string | undefined {
  return isValidIdNumber(value) ? value.slice(0, 6) : undefined;
}

/** The last four characters, upper case: what a villager types to look up her receipt. */
export const idLast4 = (id: string): string => id.slice(-4).toUpperCase();

/** 2017 foreign permanent resident number: 3 letters + 12 digits (no check rule is known). */
export const isForeign2017Number = (value: string): boolean => /^[A-Z]{3}\d{12}$/.test(value);
