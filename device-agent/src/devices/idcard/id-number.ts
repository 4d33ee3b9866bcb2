// GB 11643-1999 citizen ID numbers (idcard-reader.md §6); the 2023 foreign card uses the same rule.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

/** The check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

/** True for 17 digits + the right check character (digit or X; a lower-case x is accepted). */
export function isValidIdNumber(value: string): boolean {
  const id = value.toUpperCase();
  return /^\d{17}[\dX]$/.test(id) && checkCharacter(id) === id[17];
}

/** Appends the check character to 17 digits (used to build fictional fixtures). */
export const withCheckCharacter = (first17: string): string => first17 + checkCharacter(first17);

/** 2017 foreign permanent resident number: 3 letters + 12 digits (no check rule is known). */
export const isForeign2017Number = (value: string): boolean => /^[A-Z]{3}\d{12}$/.test(value);
