import { EventEmitter } from 'node:events';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';

/** The device's end of an in-process link: what a simulator holds. */
export interface DeviceEnd {
  /** Bytes from the device to the driver. */
  send(data: Uint8Array): void;
  /** Bytes written by the driver. */
  onData(listener: (chunk: Buffer) => void): void;
  /** Simulates pulling the cable: the driver's link closes with `disconnected`. */
  unplug(): void;
  /** Plugs back in: the next open() succeeds. */
  plug(): void;
  readonly plugged: boolean;
}

/**
 * An in-process link used by `"transport": "simulated"`: the real driver on one side, a
 * simulator speaking the real bytes on the other. Optionally paced at a baud rate (10 bits/byte).
 */
export class MemoryLink extends EventEmitter implements ByteLink {
  readonly bidirectional = true;
  private _open = false;
  private _plugged = true;
  private readonly _toDevice = new EventEmitter();

  constructor(
    readonly description = 'simulated',
    private readonly _baudRate = 0,
  ) {
    super();
    const isPlugged = (): boolean => this._plugged;
    this.device = {
      send: (data) => {
        if (!this._open) return;
        const chunk = Buffer.from(data);
        setImmediate(() => {
          if (this._open) this.emit('data', chunk);
        });
      },
      onData: (listener) => {
        this._toDevice.on('data', listener);
      },
      unplug: () => {
        this._plugged = false;
        if (this._open) {
          this._open = false;
          this.emit('close', { disconnected: true, error: new Error('simulated unplug') } satisfies LinkCloseInfo);
        }
      },
      plug: () => {
        this._plugged = true;
      },
      get plugged() {
        return isPlugged();
      },
    };
  }

  get isOpen(): boolean {
    return this._open;
  }

  readonly device: DeviceEnd;

  async open(): Promise<void> {
    if (!this._plugged) throw Object.assign(new Error(`${this.description}: no such device`), { code: 'ENOENT' });
    if (this._open) throw new Error(`${this.description}: already open`);
    this._open = true;
  }

  async close(): Promise<void> {
    if (!this._open) return;
    this._open = false;
    this.emit('close', { disconnected: false } satisfies LinkCloseInfo);
  }

  async write(data: Uint8Array): Promise<void> {
    if (!this._open) throw new Error(`${this.description}: not open`);
    const chunk = Buffer.from(data);
    if (this._baudRate > 0) await new Promise((r) => setTimeout(r, (chunk.length * 10 * 1000) / this._baudRate));
    this._toDevice.emit('data', chunk);
  }

  async flushInput(): Promise<void> {}
}
