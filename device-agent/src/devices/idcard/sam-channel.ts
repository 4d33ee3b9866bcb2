import type { ByteLink } from '../../links/byte-link.js';
import { FrameParser } from './frame-parser.js';
import { type SamCommand, type SamReply, decodeReply, encodeRequest } from './frame.js';

/** No valid reply within the command's timeout. */
export class ReplyTimeoutError extends Error {
  override name = 'ReplyTimeoutError';
  constructor(
    message: string,
    /** Whatever bytes did arrive (admin probe of a reader that is not GA 467). */
    readonly received: Buffer = Buffer.alloc(0),
  ) {
    super(message);
  }
}
/** A reply arrived with a wrong XOR; its SW3 must not be acted on. */
export class CorruptReplyError extends Error {
  override name = 'CorruptReplyError';
  constructor(
    message: string,
    readonly received: Buffer = Buffer.alloc(0),
  ) {
    super(message);
  }
}
/** The link closed or a write failed. */
export class LinkFaultError extends Error {
  override name = 'LinkFaultError';
}

interface Pending {
  command: SamCommand;
  /** Raw bytes received while this command was in flight (capped). */
  raw: Buffer[];
  resolve(reply: SamReply): void;
  reject(error: Error): void;
}

/**
 * The link layer of the reader (idcard-reader.md §10.1): one command in flight, a FIFO of
 * callers, input flushed and the parser reset before each command, per-command timeout,
 * cancellation, and a reply-shape check so a late reply is never taken for the next one.
 */
export class SamChannel {
  private readonly _parser = new FrameParser(4);
  private _pending: Pending | undefined;
  private _tail: Promise<unknown> = Promise.resolve();
  /** Counters for diagnostics (no personal data). */
  readonly stats = { sent: 0, stale: 0, corrupt: 0, timeouts: 0 };

  constructor(
    private readonly _link: ByteLink,
    /** Reply timeout per command (default: the command's own, idcard-reader.md §10.2). */
    private readonly _timeoutFor: (command: SamCommand) => number = (command) => command.timeoutMs,
  ) {
    _link.on('data', this._onData);
    _link.on('close', this._onClose);
  }

  dispose(): void {
    this._link.off('data', this._onData);
    this._link.off('close', this._onClose);
    this._pending?.reject(new LinkFaultError('channel disposed'));
  }

  /** Forgets buffered input (a cut-off 30 01 reply would hold card text until the next command). */
  dropBuffered(): void {
    this._parser.reset();
  }

  /** Sends one command and resolves with its reply; queued behind any command in flight. */
  exchange(command: SamCommand, signal?: AbortSignal, timeoutMs = this._timeoutFor(command)): Promise<SamReply> {
    const run = this._tail.then(() => this._exchange(command, signal, timeoutMs));
    this._tail = run.catch(() => undefined);
    return run;
  }

  /** Sends one command and returns the raw bytes exchanged (admin probe; device data only). */
  async probe(command: SamCommand, signal?: AbortSignal): Promise<{ sent: Buffer; reply: Buffer }> {
    const sent = encodeRequest(command);
    try {
      const reply = await this.exchange(command, signal);
      return { sent, reply: reply.frame };
    } catch (err) {
      if (err instanceof ReplyTimeoutError || err instanceof CorruptReplyError) return { sent, reply: err.received };
      throw err;
    }
  }

  private async _exchange(command: SamCommand, signal: AbortSignal | undefined, timeoutMs: number): Promise<SamReply> {
    signal?.throwIfAborted();
    if (!this._link.isOpen) throw new LinkFaultError(`${this._link.description} is not open`);
    await this._link.flushInput();
    this._parser.reset();
    return new Promise<SamReply>((resolve, reject) => {
      const finish = (): void => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        this._pending = undefined;
      };
      const onAbort = (): void => {
        finish();
        reject(abortReason(signal!));
      };
      const timer = setTimeout(() => {
        this.stats.timeouts++;
        const received = Buffer.concat(this._pending?.raw ?? []);
        finish();
        reject(new ReplyTimeoutError(`${command.name}: no reply within ${timeoutMs} ms`, received));
      }, timeoutMs);
      signal?.addEventListener('abort', onAbort, { once: true });
      this._pending = {
        command,
        raw: [],
        resolve: (reply) => {
          finish();
          resolve(reply);
        },
        reject: (error) => {
          finish();
          reject(error);
        },
      };
      this.stats.sent++;
      this._link.write(encodeRequest(command)).catch((err: Error) => {
        this._pending?.reject(new LinkFaultError(`${command.name}: write failed (${err.message})`));
      });
    });
  }

  private readonly _onData = (chunk: Buffer): void => {
    const raw = this._pending?.raw;
    if (raw && raw.length < 64) raw.push(chunk);
    for (const parsed of this._parser.push(chunk)) {
      const pending = this._pending;
      if (!parsed.ok) {
        this.stats.corrupt++;
        pending?.reject(new CorruptReplyError(`${pending.command.name}: reply checksum error`, parsed.frame));
        continue;
      }
      const reply = decodeReply(parsed.frame);
      if (!pending || !pending.command.acceptLens.includes(reply.len)) {
        this.stats.stale++;
        continue;
      }
      pending.resolve(reply);
    }
  };

  private readonly _onClose = (): void => {
    this._parser.reset();
    this._pending?.reject(new LinkFaultError(`${this._link.description} closed`));
  };
}

/** The abort reason as an Error (a TimeoutError DOMException or the dispatcher's CancelError). */
export function abortReason(signal: AbortSignal): Error {
  const reason: unknown = signal.reason;
  return reason instanceof Error ? reason : new Error('aborted');
}
