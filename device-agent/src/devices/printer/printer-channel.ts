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
    await this._link.flushInput();
    const reply = this._collect((b) => (map ? isValidReply(map, b) : true), this._queryTimeoutMs);
    try {
      await this._link.write(statusQuery(n));
    } catch (err) {
      reply.cancel();
      throw err;
    }
    return reply.promise;
  }

  async readStatus(map: StatusMap): Promise<StatusReading> {
    const replies: StatusReplies = {};
    const raw: RawStatusReply[] = [];
    let answered = true;
    for (const n of map.queries) {
      const b = await this.query(n, map);
      raw.push({ command: `DLE EOT ${n}`, replyHex: b === null ? '' : toHex([b]) });
      if (b === null) {
        answered = false;
        break;
      }
      replies[n] = b;
    }
    return { replies, raw, answered };
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
    return (await reply.promise) !== null;
  }

  private _collect(
    accept: (b: number) => boolean,
    timeoutMs: number,
  ): { promise: Promise<number | null>; cancel(): void } {
    let finish: (value: number | null) => void = () => undefined;
    const promise = new Promise<number | null>((resolve) => {
      const onData = (chunk: Buffer): void => {
        for (const b of chunk) if (accept(b)) return done(b);
      };
      const onClose = (): void => done(null);
      const timer = setTimeout(() => done(null), timeoutMs);
      const done = (value: number | null): void => {
        clearTimeout(timer);
        this._link.off('data', onData);
        this._link.off('close', onClose);
        resolve(value);
      };
      finish = done;
      this._link.on('data', onData);
      this._link.on('close', onClose);
    });
    return { promise, cancel: () => finish(null) };
  }
}
