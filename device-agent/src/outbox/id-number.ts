// GB 11643-1999: an 18-character resident ID number. The last character is a check digit over the
// first 17 (ISO 7064 MOD 11-2): weights 2^(17-i) mod 11, remainder → "10X98765432".

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

export function idCheckDigit(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** True for 17 digits plus the matching check character (X upper or lower case). */
export function isValidIdNumber(id: string): boolean {
  if (!/^\d{17}[\dXx]$/.test(id)) return false;
  return idCheckDigit(id.slice(0, 17)) === id[17].toUpperCase();
}

export const idLast4 = (id: string): string => id.slice(-4).toUpperCase();
