import type { ByteLink } from '../../links/byte-link.js';
import { statusQuery } from './encoder.js';
import type { StatusMap } from './profiles.js';
import { isValidReply, toHex, type StatusReplies } from './status.js';

export interface RawStatusReply {
  command: string;
  replyHex: string;
}

export interface StatusReading {
  replies: StatusReplies;
  raw: RawStatusReply[];
  /** True when every query got a valid reply. */
  answered: boolean;
}

/**
 * The byte conversation with one printer over a link. Callers serialise access (a query never
 * runs while a job is being sent: DLE EOT inside raster data would be answered mid-stream).
 */
export class PrinterChannel {
  constructor(
    private readonly _link: ByteLink,
    private readonly _queryTimeoutMs: number,
  ) {}

  /** DLE EOT n → the first valid reply byte, or null after the timeout. */
  async query(n: 1 | 2 | 3 | 4, map: StatusMap | null): Promise<number | null> {
    const [b] = await this._ask([n], map);
    return b ?? null;
  }

  /**
   * All of the profile's DLE EOT queries in one write: real-time commands are answered in order,
   * one valid byte each, so one round trip reads the whole status.
   */
  async readStatus(map: StatusMap): Promise<StatusReading> {
    const bytes = await this._ask(map.queries, map);
    const replies: StatusReplies = {};
    const raw: RawStatusReply[] = map.queries.map((n, i) => {
      const b = bytes[i];
      if (b !== undefined) replies[n] = b;
      return { command: `DLE EOT ${n}`, replyHex: b === undefined ? '' : toHex([b]) };
    });
    return { replies, raw, answered: bytes.length === map.queries.length };
  }

  private async _ask(queries: Array<1 | 2 | 3 | 4>, map: StatusMap | null): Promise<number[]> {
    await this._link.flushInput();
    const reply = this._collect((b) => (map ? isValidReply(map, b) : true), this._queryTimeoutMs, queries.length);
    try {
      await this._link.write(Uint8Array.from(queries.flatMap((n) => [...statusQuery(n)])));
    } catch (err) {
      reply.cancel();
      throw err;
    }
    return reply.promise;
  }

  /**
   * Sends a whole job. With `endMarker`, the job ends in GS r 1 and this waits for its reply (all
   * data processed); returns false when none came within the timeout.
   */
  async sendJob(bytes: Uint8Array, endMarker: { timeoutMs: number } | null): Promise<boolean> {
    if (!endMarker) {
      await this._link.write(bytes);
      return true;
    }
    await this._link.flushInput();
    const reply = this._collect(() => true, endMarker.timeoutMs);
    try {
      await this._link.write(bytes);
    } catch (err) {
      reply.cancel();
      throw err;
    }
    return (await reply.promise).length > 0;
  }

  private _collect(
    accept: (b: number) => boolean,
    timeoutMs: number,
    count = 1,
  ): { promise: Promise<number[]>; cancel(): void } {
    let finish: () => void = () => undefined;
    const got: number[] = [];
    const promise = new Promise<number[]>((resolve) => {
      const onData = (chunk: Buffer): void => {
        for (const b of chunk) {
          if (!accept(b)) continue;
          got.push(b);
          if (got.length === count) return done();
        }
      };
      const timer = setTimeout(() => done(), timeoutMs);
      const done = (): void => {
        clearTimeout(timer);
        this._link.off('data', onData);
        this._link.off('close', done);
        resolve(got);
      };
      finish = done;
      this._link.on('data', onData);
      this._link.on('close', done);
    });
    return { promise, cancel: () => finish() };
  }
}
