import { EventEmitter } from 'node:events';
import { SerialPort } from 'serialport';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';

/** The stream class's constructor options; tests pass SerialPortMock's binding through `create`. */
export interface SerialLinkOptions {
  path: string;
  baudRate: number;
  /** Test seam: builds the port (SerialPortMock in tests). */
  create?: (options: { path: string; baudRate: number; autoOpen: false }) => SerialPort;
}

/**
 * A serial port (USB-serial, CDC-ACM, pty) as a ByteLink: 8N1, one owner per path, `close`
 * handlers attached only after a successful open, unplug reported as `disconnected`.
 */
export class SerialLink extends EventEmitter implements ByteLink {
  readonly bidirectional = true;
  private _port: SerialPort | undefined;
  private _closing = false;

  constructor(private readonly _options: SerialLinkOptions) {
    super();
  }

  get description(): string {
    return `serial ${this._options.path}`;
  }

  get isOpen(): boolean {
    return this._port?.isOpen ?? false;
  }

  async open(): Promise<void> {
    if (this._port) throw new Error(`${this.description}: already open`);
    const settings = { path: this._options.path, baudRate: this._options.baudRate, autoOpen: false as const };
    const port = this._options.create
      ? this._options.create(settings)
      : new SerialPort({ ...settings, dataBits: 8, parity: 'none', stopBits: 1 });
    await new Promise<void>((done, fail) => port.open((err) => (err ? fail(err) : done())));
    this._port = port;
    this._closing = false;
    port.on('data', (chunk: Buffer) => this.emit('data', chunk));
    port.on('error', () => {
      // Errors also end in 'close'; handled there.
    });
    port.once('close', (err?: Error & { disconnected?: boolean }) => {
      this._port = undefined;
      const info: LinkCloseInfo = {
        disconnected: !this._closing && (err?.disconnected ?? true),
        ...(err ? { error: err } : {}),
      };
      this.emit('close', info);
    });
  }

  async close(): Promise<void> {
    const port = this._port;
    if (!port) return;
    this._closing = true;
    if (!port.isOpen) {
      this._port = undefined;
      return;
    }
    await new Promise<void>((done) => port.close(() => done()));
  }

  /**
   * Resolves once the bytes were handed to the port and drained. Fails fast when the link is
   * closed or closing, and when the port closes before the write finished: the serialport stream
   * would otherwise hold a write (and a drain) on a closed port until a reopen that never comes,
   * or report a drain of earlier data as success.
   */
  async write(data: Uint8Array): Promise<void> {
    const port = this._port;
    if (!port?.isOpen || this._closing) throw new Error(`${this.description}: not open`);
    await new Promise<void>((done, fail) => {
      let settled = false;
      const finish = (err?: Error | null): void => {
        if (settled) return;
        settled = true;
        port.off('close', onClose);
        if (err) fail(err);
        else done();
      };
      const onClose = (): void => finish(new Error(`${this.description}: closed before the write finished`));
      port.once('close', onClose);
      port.write(Buffer.from(data), (err) => {
        if (err) return finish(err);
        if (!port.isOpen) return finish(new Error(`${this.description}: closed before the write finished`));
        port.drain((drainErr) => finish(drainErr));
      });
    });
  }

  async flushInput(): Promise<void> {
    const port = this._port;
    if (!port?.isOpen) return;
    await new Promise<void>((done) => port.flush(() => done()));
  }
}
