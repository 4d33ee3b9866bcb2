import { INTAKE_HEARTBEAT_PATH, type HeartbeatAnswer, type TerminalHeartbeat } from '@kiosk/contract/intake-api';

export type HeartbeatResult =
  | { outcome: 'answered'; answer: HeartbeatAnswer; clockOffsetMs: number }
  /** 429: the centre wants fewer beats; wait at least `retryAfterMs`. */
  | { outcome: 'slowDown'; retryAfterMs: number }
  | { outcome: 'failed'; detail: string };

/** The heartbeat's side of the intake wire, with the terminal token. */
export class HeartbeatClient {
  constructor(
    private readonly _url: string,
    private readonly _token: string,
    private readonly _timeoutMs = 15_000,
  ) {}

  async send(beat: TerminalHeartbeat, signal?: AbortSignal): Promise<HeartbeatResult> {
    const timeout = AbortSignal.timeout(this._timeoutMs);
    const t0 = Date.now();
    let res: Response;
    try {
      res = await fetch(new URL(INTAKE_HEARTBEAT_PATH, this._url), {
        method: 'POST',
        headers: { authorization: `Bearer ${this._token}`, 'content-type': 'application/json' },
        body: JSON.stringify(beat),
        signal: signal ? AbortSignal.any([signal, timeout]) : timeout,
      });
    } catch (err) {
      const e = err as { name?: string; cause?: { code?: string } };
      return { outcome: 'failed', detail: e.cause?.code ?? e.name ?? 'network error' };
    }
    const t1 = Date.now();
    const body = await res.text().catch(() => '');
    if (res.status === 429) {
      const after = Number(res.headers.get('retry-after'));
      return { outcome: 'slowDown', retryAfterMs: Number.isFinite(after) && after > 0 ? after * 1000 : 60_000 };
    }
    if (!res.ok) return { outcome: 'failed', detail: `HTTP ${res.status}` };
    let answer: HeartbeatAnswer;
    try {
      answer = JSON.parse(body) as HeartbeatAnswer;
    } catch {
      return { outcome: 'failed', detail: 'answer is not JSON' };
    }
    const centre = Date.parse(answer.centerTime);
    // Terminal minus centre, taking the centre's clock as read at the midpoint of the round trip.
    const clockOffsetMs = Number.isFinite(centre) ? (t0 + t1) / 2 - centre : 0;
    return { outcome: 'answered', answer: { ...answer, sendReadiness: answer.sendReadiness === true }, clockOffsetMs };
  }
}
