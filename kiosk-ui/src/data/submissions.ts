import type { SubmissionStatus } from '../../../device-agent/src/api/contract.js';
import { getJson } from './agent-http.js';

export type StatusLookup =
  | { kind: 'found'; status: SubmissionStatus }
  | { kind: 'notFound' }
  | { kind: 'mismatch' }
  | { kind: 'failed' };

/** GET /api/v1/submissions/:receiptNo?idLast4= (contract SubmissionStatus). */
export async function lookupSubmission(receiptNo: string, idLast4: string, signal?: AbortSignal): Promise<StatusLookup> {
  try {
    const path = `/submissions/${encodeURIComponent(receiptNo)}?idLast4=${encodeURIComponent(idLast4)}`;
    const { status, body } = await getJson<SubmissionStatus>(path, signal);
    if (status === 200 && body?.state) return { kind: 'found', status: body };
    if (status === 404) return { kind: 'notFound' };
    if (status === 403) return { kind: 'mismatch' };
    return { kind: 'failed' };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed' };
  }
}
