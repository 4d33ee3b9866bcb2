// The legal-aid flow's calls to the device agent (style R8): ID card, submission, receipt printing.
import type { IdCardFields, PrintFormResult, SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import { AgentUnreachableError, postJson, runCommand } from '../data/agent-http.js';

export type CardReadOutcome =
  | { kind: 'read'; fields: IdCardFields }
  /** A completion code or idcard error code; the step maps it to a message. */
  | { kind: 'failed'; reason: string };

/** idcard.read: waits for a card on the reader. Aborting the signal cancels the command at the agent. */
export async function readIdCard(signal: AbortSignal, timeoutMs = 60_000): Promise<CardReadOutcome> {
  try {
    const out = await runCommand('idcard.read', {}, { signal, timeoutMs });
    if (out.completionCode === 'success' && 'idNumber' in out.payload) return { kind: 'read', fields: out.payload };
    const code = 'errorCode' in out.payload ? out.payload.errorCode : out.completionCode;
    return { kind: 'failed', reason: code };
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: 'failed', reason: err instanceof AgentUnreachableError ? 'deviceNotReady' : 'other' };
  }
}

export type SubmitOutcome =
  | { kind: 'stored'; accepted: SubmissionAccepted }
  /** The agent refused the content (400 with a reason key of the submissions namespace). */
  | { kind: 'rejected'; error: string; n?: number }
  | { kind: 'unreachable' };

/** POST /api/v1/submissions {kind:'legalAid', data}: the agent stores it durably before answering. */
export async function submitLegalAid(
  data: object,
  clientSubmissionId: string,
  signal?: AbortSignal,
): Promise<SubmitOutcome> {
  try {
    const { status, body } = await postJson<SubmissionAccepted & { error?: string; n?: number }>(
      '/submissions',
      { kind: 'legalAid', data, clientSubmissionId },
      signal,
    );
    if (status >= 200 && status < 300 && body?.receiptNo) return { kind: 'stored', accepted: body };
    if (status >= 400 && status < 500)
      return {
        kind: 'rejected',
        error: body?.error ?? 'invalidRequest',
        ...(typeof body?.n === 'number' ? { n: body.n } : {}),
      };
    return { kind: 'unreachable' };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'unreachable' };
  }
}

export type PrintOutcome =
  { kind: 'printed' } | { kind: 'paperOut'; heldJobId: string } | { kind: 'failed'; reason: string };

function toPrintOutcome(completionCode: string, payload: PrintFormResult): PrintOutcome {
  if (completionCode === 'success') return { kind: 'printed' };
  if (payload.errorCode === 'paperOut' && payload.heldJobId) return { kind: 'paperOut', heldJobId: payload.heldJobId };
  return { kind: 'failed', reason: payload.errorCode ?? completionCode };
}

/** printer.printForm with the legal-aid-receipt form (content/forms/legal-aid-receipt.json). */
export async function printLegalAidReceipt(
  fields: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<PrintOutcome> {
  try {
    const out = await runCommand(
      'printer.printForm',
      { form: 'legal-aid-receipt', fields },
      { signal: signal ?? new AbortController().signal, timeoutMs: 60_000 },
    );
    return toPrintOutcome(out.completionCode, out.payload);
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed', reason: 'unreachable' };
  }
}

/** printer.reprint {jobId}: prints a receipt the printer kept after running out of paper. */
export async function reprintReceipt(jobId: string, signal?: AbortSignal): Promise<PrintOutcome> {
  try {
    const [service, command] = ['printer', 'reprint'];
    const { status, body } = await postJson<{ header?: { completionCode: string }; payload?: PrintFormResult }>(
      `/services/${service}/commands/${command}`,
      { payload: { jobId }, timeoutMs: 60_000 },
      signal,
    );
    if (status !== 200 || !body?.header) return { kind: 'failed', reason: `http${status}` };
    return toPrintOutcome(body.header.completionCode, body.payload ?? {});
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed', reason: 'unreachable' };
  }
}
