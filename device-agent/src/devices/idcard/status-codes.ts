// SW3 verdicts (idcard-reader.md §2). Branch on SW3 only; SW1/SW2 may carry the card's own status.

export const SW3 = {
  ok: 0x90,
  found: 0x9f,
  noCard: 0x80,
  selectFailed: 0x81,
  readFailed: 0x41,
  randomFailed: 0x47,
  cardAuthSamFailed: 0x31,
  samAuthCardFailed: 0x32,
  verifyFailed: 0x33,
  unknownCardType: 0x40,
  noContent: 0x91,
  checksumError: 0x10,
  lengthError: 0x11,
  commandError: 0x21,
  notPermitted: 0x23,
  unknownError: 0x24,
  samSelfTestFailed: 0x60,
  samNotAuthorised: 0x66,
} as const;

/** What the driver does with a verdict. */
export type Sw3Action =
  | 'continue'
  | 'found'
  | 'noCard'
  | 'cardMoved' // 81/41/47: re-run find → select → read once
  | 'authRetry' // 31/32/33: one retry, then invalidMedia
  | 'invalidMedia' // 40
  | 'noContent' // 91: not an error
  | 'resend' // 10/11/24 and unknown: resend once, then link fault
  | 'restart' // 21: restart from find once, then link fault
  | 'samError'; // 23/60/66: device hardwareError

const TABLE: Record<number, { action: Sw3Action; text: string }> = {
  0x90: { action: 'continue', text: 'success' },
  0x9f: { action: 'found', text: 'card found' },
  0x80: { action: 'noCard', text: 'no card found' },
  0x81: { action: 'cardMoved', text: 'select failed' },
  0x41: { action: 'cardMoved', text: 'read failed' },
  0x47: { action: 'cardMoved', text: 'could not get a random number' },
  0x31: { action: 'authRetry', text: 'card failed to authenticate the SAM' },
  0x32: { action: 'authRetry', text: 'SAM failed to authenticate the card' },
  0x33: { action: 'authRetry', text: 'information verification error' },
  0x40: { action: 'invalidMedia', text: 'unrecognised card type' },
  0x91: { action: 'noContent', text: 'the card holds nothing for this item' },
  0x10: { action: 'resend', text: 'reader received a bad checksum' },
  0x11: { action: 'resend', text: 'reader received a bad length' },
  0x21: { action: 'restart', text: 'command error or illegal sequence' },
  0x23: { action: 'samError', text: 'operation not permitted' },
  0x24: { action: 'resend', text: 'unrecognised error' },
  0x60: { action: 'samError', text: 'SAM self-test failed' },
  0x66: { action: 'samError', text: 'SAM not authorised' },
};

export function describeSw3(sw3: number): { action: Sw3Action; text: string } {
  return TABLE[sw3] ?? { action: 'resend', text: `unknown status 0x${sw3.toString(16).padStart(2, '0')}` };
}

export const sw3Hex = (sw3: number): string => sw3.toString(16).padStart(2, '0').toUpperCase();
