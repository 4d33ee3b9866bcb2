import type { SubmissionKind } from '@kiosk/contract/kiosk-api';
import { chinaDayCode } from './china-time.js';

// Receipt numbers (受理回执编号), unique per terminal, easy to read out and type on a digit pad:
//
//   FY 261129 - 0001 - 0007
//   │  │        │      └ sequence of that kind on that day on this terminal (4 digits, more after 9999)
//   │  │        └ terminal suffix: the last 4 letters/digits of terminal.id, upper case, 0-padded
//   │  └ date (YYMMDD, China time, UTC+8) the villager submitted
//   └ kind: FY 法援 (legalAid), GZ 公证 (notarization), TJ 调解 (mediation),
//     SM 上门/预约 (homeVisit), HD 回电 (callback), PJ 评价 (rating)
//
// The centre keeps a terminal's receipt numbers unique together with the terminal id.

export const RECEIPT_PREFIX: Record<SubmissionKind, string> = {
  legalAid: 'FY',
  notarization: 'GZ',
  mediation: 'TJ',
  homeVisit: 'SM',
  callback: 'HD',
  rating: 'PJ',
};

export const RECEIPT_PATTERN = /^(FY|GZ|TJ|SM|HD|PJ)\d{6}-[0-9A-Z]{4}-\d{4,6}$/;

export const receiptDay = chinaDayCode;

export function terminalSuffix(terminalId: string): string {
  const clean = terminalId.toUpperCase().replace(/[^0-9A-Z]/g, '');
  return clean.slice(-4).padStart(4, '0');
}

/** The counter key and the number for the `seq`-th submission of `kind` that day. */
export function receiptCounterKey(kind: SubmissionKind, at: Date): string {
  return `${RECEIPT_PREFIX[kind]}${receiptDay(at)}`;
}

export function formatReceiptNo(kind: SubmissionKind, at: Date, terminalId: string, seq: number): string {
  return `${receiptCounterKey(kind, at)}-${terminalSuffix(terminalId)}-${String(seq).padStart(4, '0')}`;
}
