import { EventEmitter } from 'node:events';
import { constants, existsSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';
import { PathClaims } from './path-claims.js';

export interface UsblpLinkOptions {
  /** e.g. /dev/usb/lp0 (kernel usblp, root:lp 0660). */
  path: string;
  /** How often pending status bytes are read (non-blocking). */
  readPollMs?: number;
  /** How often the node's presence is checked (removal = unplug). */
  presencePollMs?: number;
  /** Retry delay when a non-blocking write answers EAGAIN (previous URB still in flight). */
  retryMs?: number;
  /** Nodes already open by this owner (default: this link's own); a second open gets EBUSY. */
  claims?: PathClaims;
}

const GONE = new Set(['ENODEV', 'ENXIO', 'EIO', 'ENOENT', 'ESHUTDOWN', 'EPIPE']);

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * A USB printer-class device through the kernel's usblp driver, opened once with O_NONBLOCK so
 * no libuv thread ever blocks on it. Reads work only on bidirectional (7/1/2) interfaces: the first
 * EINVAL marks the link write-only (`bidirectional` false) and reading stops.
 */
export class UsblpLink extends EventEmitter implements ByteLink {
  private _fh: FileHandle | undefined;
  private _bidirectional = true;
  private _readTimer: NodeJS.Timeout | undefined;
  private _presenceTimer: NodeJS.Timeout | undefined;
  private _reading = false;
  private readonly _claims: PathClaims;

  constructor(private readonly _options: UsblpLinkOptions) {
    super();
    this._claims = _options.claims ?? new PathClaims();
  }

  get description(): string {
    return `usblp ${this._options.path}`;
  }

  get bidirectional(): boolean {
    return this._bidirectional;
  }

  get isOpen(): boolean {
    return this._fh !== undefined;
  }

  async open(): Promise<void> {
    const path = this._options.path;
    if (this._fh || !this._claims.claim(path))
      throw Object.assign(new Error(`${this.description}: already open by this agent`), { code: 'EBUSY' });
    try {
      this._fh = await open(path, constants.O_RDWR | constants.O_NONBLOCK | constants.O_NOCTTY);
    } catch (err) {
      this._claims.release(path);
      throw err;
    }
    this._bidirectional = true;
    this._readTimer = setInterval(() => void this._poll(), this._options.readPollMs ?? 20);
    this._presenceTimer = setInterval(() => {
      if (!existsSync(path)) this._lost(new Error(`${path} disappeared`));
    }, this._options.presencePollMs ?? 1000);
    this._readTimer.unref();
    this._presenceTimer.unref();
  }

  async close(): Promise<void> {
    if (!this._fh) return;
    await this._release();
    this.emit('close', { disconnected: false } satisfies LinkCloseInfo);
  }

  async write(data: Uint8Array): Promise<void> {
    let offset = 0;
    while (offset < data.length) {
      const fh = this._fh;
      if (!fh) throw new Error(`${this.description}: not open`);
      try {
        const { bytesWritten } = await fh.write(data, offset, data.length - offset, null);
        offset += bytesWritten;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code ?? '';
        if (code === 'EAGAIN' || code === 'EWOULDBLOCK') {
          await sleep(this._options.retryMs ?? 15);
          continue;
        }
        if (GONE.has(code)) this._lost(err as Error);
        throw err;
      }
    }
  }

  async flushInput(): Promise<void> {
    if (!this._bidirectional) return;
    // Drain whatever is pending; a non-blocking read returns EAGAIN once nothing is left.
    for (let i = 0; i < 16 && this._fh; i++) if ((await this._readOnce(false)) === 0) return;
  }

  private async _poll(): Promise<void> {
    if (this._reading || !this._bidirectional) return;
    this._reading = true;
    try {
      await this._readOnce(true);
    } finally {
      this._reading = false;
    }
  }

  private async _readOnce(emit: boolean): Promise<number> {
    const fh = this._fh;
    if (!fh) return 0;
    try {
      const buffer = Buffer.alloc(64);
      const { bytesRead } = await fh.read(buffer, 0, buffer.length, null);
      if (bytesRead > 0 && emit) this.emit('data', buffer.subarray(0, bytesRead));
      return bytesRead;
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'EINVAL') {
        // usblp on a unidirectional (7/1/1) interface: print-only.
        this._bidirectional = false;
        clearInterval(this._readTimer);
      } else if (GONE.has(code)) this._lost(err as Error);
      return 0;
    }
  }

  private _lost(error: Error): void {
    if (!this._fh) return;
    void this._release().then(() => this.emit('close', { disconnected: true, error } satisfies LinkCloseInfo));
  }

  private async _release(): Promise<void> {
    clearInterval(this._readTimer);
    clearInterval(this._presenceTimer);
    const fh = this._fh;
    this._fh = undefined;
    this._claims.release(this._options.path);
    await fh?.close().catch(() => undefined);
  }
}
