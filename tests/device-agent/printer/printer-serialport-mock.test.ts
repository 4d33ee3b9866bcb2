import { SerialPortMock } from 'serialport';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialLink } from '../../../device-agent/src/links/serial-link.js';
import { PrinterService } from '../../../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../../device-agent/src/devices/printer/simulator.js';
import { FIXED_NOW, RECEIPT_FIELDS, printerDeps, waitFor } from './printer-fixtures.js';

// The same driver over serialport's SerialPortMock (no OS dependency): the simulator answers from
// behind the mock binding, and the binding records every byte written.

/** The parts of the mock binding (serialport's SerialPortMock.binding port) this test uses. */
interface MockPortBinding {
  recording: Buffer;
  write(buffer: Buffer): Promise<void>;
  emitData(data: Buffer): void;
}
const MockBinding = SerialPortMock.binding;

describe('printer over SerialPortMock', () => {
  const path = '/dev/ttyMOCKPRN';
  const sim = new PrinterSimulator();
  let binding: MockPortBinding | undefined;
  let printer: PrinterService;

  beforeAll(async () => {
    MockBinding.createPort(path, { record: true });
    const link = new SerialLink({
      path,
      baudRate: 115200,
      create: (settings) => {
        const port = new SerialPortMock(settings);
        port.once('open', () => {
          const b = port.port as unknown as MockPortBinding;
          binding = b;
          const write = b.write.bind(b);
          b.write = async (buffer: Buffer) => {
            await write(buffer);
            sim.receive(buffer);
          };
          sim.attach({ send: (data) => b.emitData(Buffer.from(data)), onData: () => undefined });
        });
        return port as never;
      },
    });
    printer = new PrinterService(printerDeps({ transport: 'serial', path, paperWidthMm: 58 }), {
      link,
      transport: 'serial',
      profile: resolveProfile(58).profile,
      queryTimeoutMs: 200,
      pollIntervalMs: 200,
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 3000, 'online');
  });
  afterAll(async () => {
    await printer?.stop();
    MockBinding.reset();
  });

  it('re-initialises after open (ESC @ FS & GS a 0) and polls DLE EOT 1–4', () => {
    const recording = binding!.recording.toString('hex');
    expect(recording.startsWith('1b401c261d6100')).toBe(true);
    expect(recording).toContain('100401100402100403100404');
    expect(printer.status()).toMatchObject({ paper: 'full', coverOpen: false });
  });

  it('prints; paper low is reported; paper out keeps the receipt', async () => {
    const ok = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, new AbortController().signal);
    expect(ok.completionCode).toBe('success');
    expect(sim.jobs()).toHaveLength(1);
    sim.setPaper('low');
    await waitFor(() => printer.status().paper === 'low', 2000, 'paper low');
    sim.setPaper('out');
    const out = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, new AbortController().signal);
    expect(out.payload).toMatchObject({ errorCode: 'paperOut' });
    expect(sim.jobs()).toHaveLength(1);
  });
});
