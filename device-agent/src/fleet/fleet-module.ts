import { statfs } from 'node:fs/promises';
import type { HeartbeatReadiness } from '@kiosk/contract/intake-api';
import type { AgentModule, ModuleContext } from '../core/module.js';
import { HeartbeatClient } from './heartbeat-client.js';
import { buildHeartbeat } from './heartbeat-report.js';

export const DEFAULT_HEARTBEAT_SECONDS = 60;
/** How long the admin module may take to assemble the readiness report (diagnostics scan ports). */
const READINESS_WAIT_MS = 20_000;

export interface FleetModuleOptions {
  /** Overrides `center.heartbeatSeconds` (tests). */
  intervalMs?: number;
}

/**
 * Fleet health (issue 14 item 3, DESIGN §8): every `center.heartbeatSeconds` (default 60) the
 * terminal tells the centre its agent version, uptime, device states and last error codes, paper,
 * outbox depth and oldest age, last acknowledged forward, free disk and clock offset — counts and
 * states only. The centre cannot call a terminal behind NAT, so "readiness on demand" rides on the
 * heartbeat: an answer with `sendReadiness` makes the next heartbeat (sent at once) carry the admin
 * page's readiness report (check ids, pass/fail, short details).
 */
export class FleetModule implements AgentModule {
  readonly name = 'fleet';
  private _timer: NodeJS.Timeout | undefined;
  private _abort: AbortController | undefined;
  private _running: Promise<void> | undefined;
  private _clockOffsetMs: number | undefined;
  private _wantReadiness = false;
  private _reachable: boolean | undefined;

  constructor(
    private readonly _ctx: ModuleContext,
    private readonly _options: FleetModuleOptions = {},
  ) {}

  private get _intervalMs(): number {
    return this._options.intervalMs ?? (this._ctx.config?.center.heartbeatSeconds ?? DEFAULT_HEARTBEAT_SECONDS) * 1000;
  }

  async start(): Promise<void> {
    const config = this._ctx.config;
    if (!config) return; // configuration error: no centre to talk to
    this._abort = new AbortController();
    const client = new HeartbeatClient(config.center.url, config.center.token);
    this._schedule(client, 0);
  }

  async stop(): Promise<void> {
    clearTimeout(this._timer);
    this._timer = undefined;
    this._abort?.abort();
    await this._running;
  }

  private _schedule(client: HeartbeatClient, delayMs: number): void {
    if (this._abort?.signal.aborted) return;
    this._timer = setTimeout(() => {
      this._running = this._beat(client)
        .catch((err: unknown) => {
          this._ctx.log.error({ err }, 'fleet: heartbeat round failed');
          return this._intervalMs;
        })
        .then((nextMs) => this._schedule(client, nextMs));
    }, delayMs);
    this._timer.unref();
  }

  /** One heartbeat; answers how long to wait before the next one. */
  private async _beat(client: HeartbeatClient): Promise<number> {
    const signal = this._abort!.signal;
    const readiness = this._wantReadiness ? await this._readiness() : undefined;
    if (signal.aborted) return this._intervalMs;
    const beat = buildHeartbeat({
      status: this._ctx.statusDocument(),
      regionCode: this._ctx.config?.terminal.regionCode,
      now: new Date(),
      diskFreeBytes: await this._diskFree(),
      ...(this._clockOffsetMs !== undefined ? { clockOffsetMs: this._clockOffsetMs } : {}),
      ...(readiness ? { readiness } : {}),
    });
    const result = await client.send(beat, signal);
    if (signal.aborted) return this._intervalMs;
    if (result.outcome === 'slowDown') return Math.max(this._intervalMs, result.retryAfterMs);
    if (result.outcome === 'failed') {
      if (this._reachable !== false) this._ctx.log.warn({ detail: result.detail }, 'fleet: heartbeat not delivered');
      this._reachable = false;
      return this._intervalMs;
    }
    if (this._reachable === false) this._ctx.log.info('fleet: heartbeat delivered again');
    this._reachable = true;
    this._clockOffsetMs = result.clockOffsetMs;
    // A report just sent satisfies the request; a fresh request (or one we could not answer) asks again.
    const asked = result.answer.sendReadiness && !readiness;
    this._wantReadiness = result.answer.sendReadiness;
    return asked ? 0 : this._intervalMs;
  }

  private _readiness(): Promise<HeartbeatReadiness | undefined> {
    return new Promise((done) => {
      const timer = setTimeout(() => done(undefined), READINESS_WAIT_MS);
      timer.unref();
      let answered = false;
      this._ctx.bus.emit('readinessWanted', {
        reply: (report) => {
          if (answered) return;
          answered = true;
          clearTimeout(timer);
          done(report ? compact(report) : undefined);
        },
      });
    });
  }

  private async _diskFree(): Promise<number | null> {
    try {
      const s = await statfs(this._ctx.dataDir);
      return Number(s.bavail) * Number(s.bsize);
    } catch {
      return null;
    }
  }
}

/** Only what the wire takes: id, ok and a one-line detail (the names and fixes are the terminal's texts). */
function compact(report: HeartbeatReadiness): HeartbeatReadiness {
  return {
    generatedAt: report.generatedAt,
    ok: report.ok,
    checks: report.checks.slice(0, 40).map((c) => ({
      id: c.id,
      ok: c.ok,
      ...(c.detail ? { detail: oneLine(c.detail).slice(0, 200) } : {}),
    })),
  };
}

/** Control characters (line breaks, tabs) become spaces. */
function oneLine(s: string): string {
  return [...s].map((ch) => (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f ? ' ' : ch)).join('');
}
