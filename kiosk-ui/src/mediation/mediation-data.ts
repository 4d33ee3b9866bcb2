// The mediation flow's calls to the device agent (style R8): the submission and the receipt.
import type { SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import { postJson, runCommand } from '../data/agent-http.js';
import type { PrintOutcome, SubmitOutcome } from '../legal-aid/legal-aid-data.js';

/** POST /api/v1/submissions {kind:'mediation', data}: stored durably in the outbox before the answer. */
export async function submitMediation(
  data: object,
  clientSubmissionId: string,
  signal?: AbortSignal,
): Promise<SubmitOutcome> {
  try {
    const { status, body } = await postJson<SubmissionAccepted & { error?: string; n?: number }>(
      '/submissions',
      { kind: 'mediation', data, clientSubmissionId },
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

/** printer.printForm with the mediation-receipt form (content/forms/mediation-receipt.json). */
export async function printMediationReceipt(
  fields: Record<string, unknown>,
  signal: AbortSignal,
): Promise<PrintOutcome> {
  try {
    const out = await runCommand(
      'printer.printForm',
      { form: 'mediation-receipt', fields },
      { signal, timeoutMs: 60_000 },
    );
    if (out.completionCode === 'success') return { kind: 'printed' };
    const p = out.payload;
    if (p.errorCode === 'paperOut' && p.heldJobId) return { kind: 'paperOut', heldJobId: p.heldJobId };
    return { kind: 'failed', reason: p.errorCode ?? out.completionCode };
  } catch (err) {
    if (signal.aborted) throw err;
    return { kind: 'failed', reason: 'unreachable' };
  }
}
