import type { SubmissionStatus } from '@kiosk/contract/kiosk-api';
import { getJson } from './agent-http.js';

import type { SubmissionKind } from '@kiosk/contract/kiosk-api';

/** Receipt number prefixes by kind (device-agent/src/outbox/receipt-number.ts). */
export const RECEIPT_PREFIX: Record<SubmissionKind, string> = {
  legalAid: 'FY',
  notarization: 'GZ',
  callback: 'HD',
  rating: 'PJ',
};

/** The receipt's digits as typed on the pad → "FY261129-0001-0001" (date, terminal, sequence). */
export function receiptFromDigits(kind: SubmissionKind, digits: string): string | null {
  if (!/^\d{14,16}$/.test(digits)) return null;
  return `${RECEIPT_PREFIX[kind]}${digits.slice(0, 6)}-${digits.slice(6, 10)}-${digits.slice(10)}`;
}

export type StatusLookup =
  { kind: 'found'; status: SubmissionStatus } | { kind: 'notFound' } | { kind: 'mismatch' } | { kind: 'failed' };

/** GET /api/v1/submissions/:receiptNo?idLast4= (contract SubmissionStatus). */
export async function lookupSubmission(
  receiptNo: string,
  idLast4: string,
  signal?: AbortSignal,
): Promise<StatusLookup> {
  try {
    const path = `/submissions/${encodeURIComponent(receiptNo)}?idLast4=${encodeURIComponent(idLast4)}`;
    const { status, body } = await getJson<SubmissionStatus>(path, signal);
    if (status === 200 && body?.state) return { kind: 'found', status: body };
    if (status === 404 || status === 400) return { kind: 'notFound' };
    if (status === 403) return { kind: 'mismatch' };
    return { kind: 'failed' };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed' };
  }
}
