import { EventEmitter } from 'node:events';
import type { ByteLink, LinkCloseInfo } from './byte-link.js';

/** The part of node-hid's `HIDAsync` the link uses (tests pass a simulated device). */
export interface HidDeviceLike {
  write(data: number[] | Buffer): Promise<number>;
  close(): Promise<void>;
  on(event: 'data', listener: (report: Buffer) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
  removeAllListeners(event?: string): unknown;
}

/** How a device packs a byte protocol into fixed-size reports (e.g. the Miaxis ID card envelope). */
export interface HidReportCodec {
  /** Request bytes → whole output reports (without the report-ID prefix). */
  wrap(bytes: Buffer): Buffer[];
  /** An input report → the protocol bytes it carries, or null for a report to drop. */
  unwrap(report: Buffer): Buffer | null;
}

export interface HidLinkOptions {
  /** Lower-case hex, as in the config ("10c4"). */
  vendorId: string;
  productId: string;
  /** A hidraw path, when several devices share the VID:PID. */
  path?: string;
  codec: HidReportCodec;
  /** Prefix each output report with report ID 0x00 (hidapi's unnumbered reports; default true). */
  reportIdPrefix?: boolean;
  /** Test seam: opens the device (default: node-hid `devicesAsync` + `HIDAsync.open`). */
  open?: (options: { vendorId: number; productId: number; path?: string }) => Promise<HidDeviceLike>;
}

const DRAIN_MS = 5;

async function openWithNodeHid(options: {
  vendorId: number;
  productId: number;
  path?: string;
}): Promise<HidDeviceLike> {
  const HID = await import('node-hid');
  const devices = await HID.devicesAsync(options.vendorId, options.productId);
  const match = devices.find((d) => !options.path || d.path === options.path);
  if (!match?.path) {
    const id = `${options.vendorId.toString(16).padStart(4, '0')}:${options.productId.toString(16).padStart(4, '0')}`;
    throw Object.assign(new Error(`no HID device ${id}`), { code: 'ENOENT' });
  }
  try {
    return await HID.HIDAsync.open(match.path);
  } catch (err) {
    // node-hid reports a permission problem as "cannot open device with path …".
    throw Object.assign(new Error((err as Error).message), { code: 'EACCES' });
  }
}

/**
 * A HID device (node-hid async API) as a ByteLink: output reports built by a codec, input
 * reports unwrapped into a byte stream. node-hid gives no close event on unplug, only an
 * `error` event: that is reported as a `disconnected` close (an unhandled one would crash).
 */
export class HidLink extends EventEmitter implements ByteLink {
  readonly bidirectional = true;
  private _device: HidDeviceLike | undefined;
  private _draining = false;

  constructor(private readonly _options: HidLinkOptions) {
    super();
  }

  get description(): string {
    return `hid ${this._options.vendorId}:${this._options.productId}${this._options.path ? ` ${this._options.path}` : ''}`;
  }

  get isOpen(): boolean {
    return this._device !== undefined;
  }

  async open(): Promise<void> {
    if (this._device) throw new Error(`${this.description}: already open`);
    const open = this._options.open ?? openWithNodeHid;
    const device = await open({
      vendorId: parseInt(this._options.vendorId, 16),
      productId: parseInt(this._options.productId, 16),
      ...(this._options.path ? { path: this._options.path } : {}),
    });
    this._device = device;
    device.on('data', (report: Buffer) => {
      if (this._draining || this._device !== device) return;
      const bytes = this._options.codec.unwrap(Buffer.from(report));
      if (bytes && bytes.length) this.emit('data', bytes);
    });
    device.on('error', (error: Error) => {
      if (this._device !== device) return;
      this._lose(device, error);
    });
  }

  /** Unplug: forget the handle (keeping a no-op error listener, as an unhandled one would crash). */
  private _lose(device: HidDeviceLike, error: Error): void {
    this._device = undefined;
    this._release(device);
    this.emit('close', { disconnected: true, error } satisfies LinkCloseInfo);
  }

  private _release(device: HidDeviceLike): void {
    device.removeAllListeners('data');
    device.removeAllListeners('error');
    device.on('error', () => undefined);
    void device.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    const device = this._device;
    if (!device) return;
    this._device = undefined;
    this._release(device);
    this.emit('close', { disconnected: false } satisfies LinkCloseInfo);
  }

  async write(data: Uint8Array): Promise<void> {
    const device = this._device;
    if (!device) throw new Error(`${this.description}: not open`);
    const prefix = this._options.reportIdPrefix ?? true;
    for (const report of this._options.codec.wrap(Buffer.from(data))) {
      try {
        await device.write(prefix ? Buffer.concat([Buffer.from([0]), report]) : report);
      } catch (err) {
        if (this._device === device) this._lose(device, err as Error);
        throw err;
      }
    }
  }

  /** Drops stale reports for a few milliseconds (the Miaxis driver drains before each command). */
  async flushInput(): Promise<void> {
    if (!this._device) return;
    this._draining = true;
    await new Promise((r) => setTimeout(r, DRAIN_MS));
    this._draining = false;
  }
}
