// The consultation's calls to the device agent (style R8): the signalling token, the call-back booking
// and the rating (both through the agent's outbox), and the printed slips. No DOM.
import type { PrintFormResult, SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import type { SignallingToken } from '@kiosk/contract/signalling-api';
import { KIOSK_SIGNALLING_TOKEN_PATH } from '@kiosk/contract/signalling-api';
import { postJson, runCommand } from '../data/agent-http.js';

const API_PREFIX = '/api/v1';

/**
 * POST /api/v1/consultation/token: the agent asks the centre for a short-lived kiosk token (the page
 * never sees the terminal credential). Null when the agent or the centre cannot give one (rung 5).
 */
export async function requestSignallingToken(signal?: AbortSignal): Promise<SignallingToken | null> {
  try {
    const path = KIOSK_SIGNALLING_TOKEN_PATH.startsWith(API_PREFIX)
      ? KIOSK_SIGNALLING_TOKEN_PATH.slice(API_PREFIX.length)
      : KIOSK_SIGNALLING_TOKEN_PATH;
    const { status, body } = await postJson<SignallingToken>(path, {}, signal);
    if (status !== 200 || !body?.token || !body.url || !body.id) return null;
    if (!/^wss?:\/\//.test(body.url)) return null;
    return body;
  } catch (err) {
    if (signal?.aborted) throw err;
    return null;
  }
}

export type StoreOutcome = { kind: 'stored'; accepted: SubmissionAccepted } | { kind: 'failed' };

/** POST /api/v1/submissions: stored durably in the outbox before the answer, so it survives an outage. */
async function submit(
  kind: 'callback' | 'rating',
  data: object,
  clientSubmissionId: string,
  signal?: AbortSignal,
): Promise<StoreOutcome> {
  try {
    const { status, body } = await postJson<SubmissionAccepted>(
      '/submissions',
      { kind, data, clientSubmissionId },
      signal,
    );
    if (status >= 200 && status < 300 && body?.receiptNo) return { kind: 'stored', accepted: body };
    return { kind: 'failed' };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed' };
  }
}

/** content/schemas/submission-callback.schema.json */
export interface CallbackSubmission {
  phone: string;
  topic?: string;
  preferredTime: 'morning' | 'afternoon';
  /** China date (YYYY-MM-DD) of the window. */
  preferredDate: string;
  source: 'consultation';
  consent: { accepted: true; at: string };
}

export function submitCallback(
  data: CallbackSubmission,
  clientSubmissionId: string,
  signal?: AbortSignal,
): Promise<StoreOutcome> {
  return submit('callback', data, clientSubmissionId, signal);
}

/** content/schemas/submission-rating.schema.json */
export interface RatingSubmission {
  service: 'consultation';
  score: 1 | 2 | 3 | 4 | 5;
  callId?: string;
}

export function submitRating(
  data: RatingSubmission,
  clientSubmissionId: string,
  signal?: AbortSignal,
): Promise<StoreOutcome> {
  return submit('rating', data, clientSubmissionId, signal);
}

export type SlipOutcome = { kind: 'printed' } | { kind: 'failed'; reason: string };

/** printer.printForm with a consultation form (content/forms/consultation-*.json). */
export async function printSlip(
  form: 'consultation-summary' | 'consultation-hotline',
  fields: Record<string, unknown>,
  signal?: AbortSignal,
): Promise<SlipOutcome> {
  try {
    const out = await runCommand(
      'printer.printForm',
      { form, fields },
      { signal: signal ?? new AbortController().signal, timeoutMs: 60_000 },
    );
    if (out.completionCode === 'success') return { kind: 'printed' };
    const payload: PrintFormResult = out.payload;
    return { kind: 'failed', reason: payload.errorCode ?? out.completionCode };
  } catch (err) {
    if (signal?.aborted) throw err;
    return { kind: 'failed', reason: 'unreachable' };
  }
}
