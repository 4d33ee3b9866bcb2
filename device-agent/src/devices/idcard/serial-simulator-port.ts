import { SerialPort } from 'serialport';
import type { SimulatorPort } from './simulator.js';

/**
 * Puts the simulator on a real serial device, e.g. the far end of a socat pty pair, so the
 * agent's real `serial` transport can be exercised (tests, bench, a bench-top demo).
 * Re-openable: after socat restarts (a re-plug) call `open()` again.
 */
export class SerialSimulatorPort implements SimulatorPort {
  private _port: SerialPort | undefined;
  private _listener: ((chunk: Buffer) => void) | undefined;

  constructor(
    readonly path: string,
    private readonly _baudRate = 115_200,
  ) {}

  async open(): Promise<void> {
    const port = new SerialPort({ path: this.path, baudRate: this._baudRate, autoOpen: false });
    await new Promise<void>((done, fail) => port.open((err) => (err ? fail(err) : done())));
    port.on('data', (chunk: Buffer) => this._listener?.(chunk));
    port.on('error', () => undefined);
    port.once('close', () => {
      if (this._port === port) this._port = undefined;
    });
    this._port = port;
  }

  async close(): Promise<void> {
    const port = this._port;
    this._port = undefined;
    if (port?.isOpen) await new Promise<void>((done) => port.close(() => done()));
  }

  send(data: Buffer): void {
    if (this._port?.isOpen) this._port.write(data);
  }

  onData(listener: (chunk: Buffer) => void): void {
    this._listener = listener;
  }
}
