import { EventEmitter } from 'node:events';
import type { HidDeviceLike } from '../../links/hid-link.js';
import { REPORT_BYTES, RESPONSE_CHUNK, unwrapRequest, wrapResponse } from './miaxis-envelope.js';
import type { SimulatorPort } from './simulator.js';

/**
 * A Miaxis-style HID reader for the simulator: node-hid's `write` / `'data'` / `'error'` surface
 * on one side, a SimulatorPort on the other. Unplug emits `error` (node-hid has no close event).
 */
export class SimulatedHidDevice extends EventEmitter implements HidDeviceLike {
  private _listener: ((chunk: Buffer) => void) | undefined;
  private _open = false;
  private _plugged = true;
  private _sequence = 0;
  /** Output reports received, as written (with the report-ID byte). */
  readonly written: Buffer[] = [];

  readonly port: SimulatorPort = {
    send: (data) => {
      for (let i = 0; i < data.length; i += RESPONSE_CHUNK) {
        const report = wrapResponse(data.subarray(i, i + RESPONSE_CHUNK), this._sequence++);
        setImmediate(() => {
          if (this._open) this.emit('data', report);
        });
      }
    },
    onData: (listener) => {
      this._listener = listener;
    },
    unplug: () => {
      this._plugged = false;
      if (this._open) {
        this._open = false;
        this.emit('error', new Error('could not read from HID device'));
      }
    },
    plug: () => {
      this._plugged = true;
    },
  };

  /** The `open` seam for HidLink. */
  readonly open = async (): Promise<HidDeviceLike> => {
    if (!this._plugged) throw Object.assign(new Error('no HID device 10c4:0007'), { code: 'ENOENT' });
    this._open = true;
    this._sequence = 0;
    return this;
  };

  async write(data: number[] | Buffer): Promise<number> {
    if (!this._open) throw new Error('Cannot write to hid device');
    const bytes = Buffer.from(data as Buffer);
    this.written.push(bytes);
    const report = bytes.length === REPORT_BYTES + 1 ? bytes.subarray(1) : bytes;
    const frame = unwrapRequest(report);
    if (frame) this._listener?.(frame);
    return bytes.length;
  }

  async close(): Promise<void> {
    this._open = false;
  }
}
