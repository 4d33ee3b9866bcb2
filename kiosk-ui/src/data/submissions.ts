import type { MySubmissions, SubmissionStatus } from '@kiosk/contract/kiosk-api';
import { getJson, runCommand } from './agent-http.js';

import type { SubmissionKind } from '@kiosk/contract/kiosk-api';
import { RECEIPT_PREFIX } from '@kiosk/domain/receipt-number';

/** Receipt number prefixes by kind (one table, in the domain package). */
export { RECEIPT_PREFIX };

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

export type MineLookup =
  | { kind: 'found'; submissions: SubmissionStatus[] }
  /** No card came (the read timed out or was cancelled). */
  | { kind: 'noCard' }
  /** A card was placed but could not be read: she is told to place it again. */
  | { kind: 'unreadable' }
  /** No reader, or the agent did not answer: the typed look-up stays. */
  | { kind: 'failed' };

/**
 * 查询进度 by ID card: idcard.read waits for the card, then GET /api/v1/submissions/mine lists her
 * submissions on this terminal. The agent matches the card it read itself; the page never sends an ID
 * number. Aborting the signal cancels the read at the agent.
 */
export async function lookupByCard(signal: AbortSignal, timeoutMs = 120_000): Promise<MineLookup> {
  try {
    const read = await runCommand('idcard.read', {}, { signal, timeoutMs });
    const code = read.completionCode;
    if (code === 'timeOut' || code === 'canceled') return { kind: 'noCard' };
    if (code === 'deviceNotReady' || code === 'hardwareError') return { kind: 'failed' };
    if (code !== 'success') return { kind: 'unreadable' };
    if (!('idNumber' in read.payload)) return { kind: 'noCard' };
    const { status, body } = await getJson<MySubmissions>('/submissions/mine', signal);
    if (status === 200 && body?.submissions) return { kind: 'found', submissions: body.submissions };
    return status === 403 ? { kind: 'noCard' } : { kind: 'failed' };
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: 'failed' };
  }
}

/** printer.printForm with content/forms/progress-status.json: the statuses and what is missing. */
export async function printProgress(
  fields: { title: string; rows: Array<{ label: string; value: string }> },
  signal?: AbortSignal,
): Promise<boolean> {
  try {
    const out = await runCommand(
      'printer.printForm',
      { form: 'progress-status', fields },
      { signal: signal ?? new AbortController().signal, timeoutMs: 60_000 },
    );
    return out.completionCode === 'success';
  } catch (err) {
    if (signal?.aborted) throw err;
    return false;
  }
}
