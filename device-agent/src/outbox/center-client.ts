import {
  INTAKE_BATCH_PATH,
  INTAKE_STATUS_PATH,
  INTAKE_SUBMISSIONS_PATH,
  type IntakeAccepted,
  type IntakeBatch,
  type IntakeBatchAnswer,
  type IntakeStatusPage,
  type IntakeSubmission,
} from '@kiosk/contract/intake-api';

/** How a forward attempt ended, as far as the retry policy cares. */
export type ForwardResult =
  | { outcome: 'accepted'; accepted: IntakeAccepted }
  /** Network down, centre down or overloaded, token refused: retry later with backoff. */
  | { outcome: 'unavailable'; detail: string }
  /** The centre refuses this one submission (400/409): retry much later, it needs a person. */
  | { outcome: 'refused'; detail: string };

/** How long one request to the centre may take before it counts as unreachable (a slow village link). */
export const DEFAULT_CENTRE_TIMEOUT_MS = 20_000;

/** The outbox's side of the intake wire (device-agent/src/api/center-contract.ts). */
export class CenterClient {
  constructor(
    private readonly _url: string,
    private readonly _token: string,
    private readonly _timeoutMs = DEFAULT_CENTRE_TIMEOUT_MS,
  ) {}

  private _signal(signal?: AbortSignal): AbortSignal {
    const timeout = AbortSignal.timeout(this._timeoutMs);
    return signal ? AbortSignal.any([signal, timeout]) : timeout;
  }

  private _headers(extra: Record<string, string> = {}): Record<string, string> {
    return { authorization: `Bearer ${this._token}`, ...extra };
  }

  async forward(idempotencyKey: string, body: IntakeSubmission, signal?: AbortSignal): Promise<ForwardResult> {
    let res: Response;
    try {
      res = await fetch(new URL(INTAKE_SUBMISSIONS_PATH, this._url), {
        method: 'POST',
        headers: this._headers({ 'content-type': 'application/json', 'idempotency-key': idempotencyKey }),
        body: JSON.stringify(body),
        signal: this._signal(signal),
      });
    } catch (err) {
      return { outcome: 'unavailable', detail: networkDetail(err) };
    }
    const text = await res.text().catch(() => '');
    if (res.ok) {
      try {
        return { outcome: 'accepted', accepted: JSON.parse(text) as IntakeAccepted };
      } catch {
        return { outcome: 'unavailable', detail: 'centre answered 200 without JSON' };
      }
    }
    const detail = `HTTP ${res.status} ${errorCode(text)}`;
    return res.status === 400 || res.status === 409 || res.status === 413
      ? { outcome: 'refused', detail }
      : { outcome: 'unavailable', detail };
  }

  /** Several submissions in one request; one result per item, in order. */
  async forwardBatch(items: IntakeBatch['items'], signal?: AbortSignal): Promise<ForwardResult[]> {
    let res: Response;
    try {
      res = await fetch(new URL(INTAKE_BATCH_PATH, this._url), {
        method: 'POST',
        headers: this._headers({ 'content-type': 'application/json' }),
        body: JSON.stringify({ items } satisfies IntakeBatch),
        signal: this._signal(signal),
      });
    } catch (err) {
      return items.map(() => ({ outcome: 'unavailable', detail: networkDetail(err) }));
    }
    const text = await res.text().catch(() => '');
    let answer: IntakeBatchAnswer | undefined;
    try {
      answer = res.ok ? (JSON.parse(text) as IntakeBatchAnswer) : undefined;
    } catch {
      answer = undefined;
    }
    if (!answer || !Array.isArray(answer.results) || answer.results.length !== items.length) {
      const detail = `batch: HTTP ${res.status} ${errorCode(text)}`;
      return items.map(() => ({ outcome: 'unavailable', detail }));
    }
    return answer.results.map((r, i): ForwardResult => {
      if (r.idempotencyKey !== items[i].idempotencyKey)
        return { outcome: 'unavailable', detail: 'batch: answer out of order' };
      return r.status === 200
        ? { outcome: 'accepted', accepted: r.accepted }
        : { outcome: 'refused', detail: `HTTP ${r.status} ${r.error}` };
    });
  }

  async statusChanges(since: string, signal?: AbortSignal): Promise<IntakeStatusPage> {
    const url = new URL(INTAKE_STATUS_PATH, this._url);
    url.searchParams.set('since', since);
    const res = await fetch(url, {
      headers: this._headers(),
      signal: this._signal(signal),
    });
    if (!res.ok) throw new Error(`status pull: HTTP ${res.status}`);
    return (await res.json()) as IntakeStatusPage;
  }
}

function errorCode(text: string): string {
  try {
    const e = (JSON.parse(text) as { error?: unknown }).error;
    return typeof e === 'string' ? e : '';
  } catch {
    return '';
  }
}

function networkDetail(err: unknown): string {
  const e = err as { name?: string; cause?: { code?: string } };
  return e.cause?.code ?? e.name ?? 'network error';
}
