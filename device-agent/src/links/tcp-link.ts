import { EventEmitter } from 'node:events';
import { createConnection, type Socket } from 'node:net';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';

export interface TcpLinkOptions {
  host: string;
  /** Raw printing port; 9100 by default. */
  port?: number;
  connectTimeoutMs?: number;
}

/** A network receipt printer on raw TCP (port 9100): bidirectional, so status reads work. */
export class TcpLink extends EventEmitter implements ByteLink {
  readonly bidirectional = true;
  private _socket: Socket | undefined;
  private _closing = false;

  constructor(private readonly _options: TcpLinkOptions) {
    super();
  }

  get description(): string {
    return `tcp ${this._options.host}:${this._options.port ?? 9100}`;
  }

  get isOpen(): boolean {
    return this._socket !== undefined;
  }

  async open(): Promise<void> {
    if (this._socket) throw new Error(`${this.description}: already open`);
    const socket = createConnection({ host: this._options.host, port: this._options.port ?? 9100 });
    socket.setNoDelay(true);
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => {
        socket.destroy();
        fail(Object.assign(new Error(`${this.description}: connect timed out`), { code: 'ETIMEDOUT' }));
      }, this._options.connectTimeoutMs ?? 3000);
      socket.once('connect', () => {
        clearTimeout(timer);
        done();
      });
      socket.once('error', (err) => {
        clearTimeout(timer);
        fail(err);
      });
    });
    socket.setKeepAlive(true, 5000);
    this._socket = socket;
    this._closing = false;
    socket.on('data', (chunk: Buffer) => this.emit('data', chunk));
    socket.on('error', () => {
      // Followed by 'close'; handled there.
    });
    socket.once('close', () => {
      this._socket = undefined;
      this.emit('close', { disconnected: !this._closing } satisfies LinkCloseInfo);
    });
  }

  async close(): Promise<void> {
    const socket = this._socket;
    if (!socket) return;
    this._closing = true;
    await new Promise<void>((done) => {
      socket.once('close', () => done());
      socket.destroy();
    });
  }

  async write(data: Uint8Array): Promise<void> {
    const socket = this._socket;
    if (!socket) throw new Error(`${this.description}: not open`);
    await new Promise<void>((done, fail) => socket.write(data, (err) => (err ? fail(err) : done())));
  }

  async flushInput(): Promise<void> {}
}
