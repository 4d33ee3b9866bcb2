import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SerialLink } from '../../../device-agent/src/links/serial-link.js';
import { PrinterService } from '../../../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator, linkEnd } from '../../../device-agent/src/devices/printer/simulator.js';
import { SocatPair, socatAvailable } from '../../helpers/socat.js';
import {
  FIXED_NOW,
  LEGAL_AID_FIELDS,
  RECEIPT_FIELDS,
  jobText,
  printerDeps,
  waitFor,
  statusUrlOf,
} from './printer-fixtures.js';

// The real driver on one end of a socat pty pair, the ESC/POS simulator on the other: the same
// bytes a serial or USB-CDC receipt printer would see, including DLE EOT polling between jobs.

describe.skipIf(!socatAvailable())('printer over a socat pty pair at 115200 baud', () => {
  const pair = new SocatPair({ names: ['host', 'prn'] });
  const simLink = new SerialLink({ path: pair.b, baudRate: 115200 });
  const sim = new PrinterSimulator();
  let printer: PrinterService;
  const deps = printerDeps({ transport: 'serial', path: pair.a, baudRate: 115200, paperWidthMm: 80 });
  const never = new AbortController().signal;

  beforeAll(async () => {
    await pair.start();
    await simLink.open();
    sim.attach(linkEnd(simLink));
    printer = new PrinterService(deps, {
      link: new SerialLink({ path: pair.a, baudRate: 115200 }),
      transport: 'serial',
      profile: resolveProfile(80).profile,
      pollIntervalMs: 1000,
      supervisor: { initialDelayMs: 150, maxDelayMs: 600 },
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 5000, 'printer online');
  });

  afterAll(async () => {
    await printer?.stop();
    await simLink.close();
    await pair.stop();
  });

  it('reads DLE EOT status over the pty: online, paper full', () => {
    expect(printer.status()).toMatchObject({ device: 'online', paper: 'full', coverOpen: false, bidirectional: true });
  });

  it('prints a receipt: the simulator decodes text, QR payload and cut', async () => {
    sim.clearJobs();
    const outcome = await printer.printForm({ form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS }, never);
    expect(outcome.completionCode).toBe('success');
    await waitFor(() => sim.jobs().length === 1, 2000, 'job at the printer');
    const job = sim.jobs()[0];
    expect(jobText(job)).toContain('FY-2026-000123');
    expect(job.qrs).toEqual([statusUrlOf(LEGAL_AID_FIELDS.receiptNo)]);
    expect(job.cut).toBe(true);
    expect(job.fourByte).toBe(false);
  });

  it('paper out → paper "out" within 8 s; print → paperOut and kept; paper back → "full"; the kept job reprints once', async () => {
    sim.clearJobs();
    sim.setPaper('out');
    const t0 = Date.now();
    await waitFor(() => printer.status().paper === 'out', 8000, 'paper out');
    expect(Date.now() - t0).toBeLessThan(8000);

    const out = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never);
    expect(out.completionCode).toBe('commandErrorCode');
    expect(out.payload).toMatchObject({ errorCode: 'paperOut' });
    const jobId = (out.payload as { heldJobId: string }).heldJobId;
    expect(printer.status().heldJobs).toBe(1);

    sim.setPaper('full');
    const t1 = Date.now();
    await waitFor(() => printer.status().paper === 'full', 8000, 'paper full again');
    expect(Date.now() - t1).toBeLessThan(8000);
    expect(sim.jobs()).toEqual([]);

    const again = await printer.reprint(jobId, never);
    expect(again.completionCode).toBe('success');
    await waitFor(() => sim.jobs().length === 1, 2000, 'reprinted job');
    expect(sim.jobs()[0].lines).toContain('GZ-2026-000042');
    expect(printer.status().heldJobs).toBe(0);
    await expect(printer.reprint(jobId, never)).rejects.toThrow(/no kept receipt/);
    await new Promise((r) => setTimeout(r, 200));
    expect(sim.jobs()).toHaveLength(1);
  });

  it('unplug (socat killed) → powerOff; replug → online, and printing works again', async () => {
    await pair.kill();
    await waitFor(() => printer.status().device === 'powerOff', 3000, 'powerOff');
    expect(printer.status().paper).toBe('unknown');
    await expect(printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never)).rejects.toThrow(/powerOff/);

    await pair.start();
    await simLink.open();
    await waitFor(() => printer.status().device === 'online', 8000, 'online after replug');
    expect(printer.status().paper).toBe('full');
    expect(printer.status().connection?.reconnects).toBeGreaterThanOrEqual(1);
    sim.clearJobs();
    const outcome = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never);
    expect(outcome.completionCode).toBe('success');
    await waitFor(() => sim.jobs().length === 1, 2000, 'job after replug');
  });

  it('a printer that stops answering is hardwareError (reset), not silently online', async () => {
    sim.setMute(true);
    await waitFor(() => printer.status().device === 'hardwareError', 5000, 'hardwareError');
    expect(printer.status().lastError).toMatchObject({ eventId: 'printer.noReply', action: 'reset' });
    sim.setMute(false);
    await waitFor(() => printer.status().device === 'online', 5000, 'online again');
    expect(deps.logText()).not.toContain('张三');
  });
});
