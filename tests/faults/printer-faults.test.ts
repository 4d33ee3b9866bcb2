import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MemoryLink } from '../../device-agent/src/links/memory-link.js';
import { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile } from '../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../device-agent/src/devices/printer/simulator.js';
import {
  FIXED_NOW,
  LEGAL_AID_FIELDS,
  outcomeOf,
  printerDeps,
  waitFor,
} from '../device-agent/printer/printer-fixtures.js';

// Fault injection: the receipt printer unplugged in the middle of a job, and paper running out in
// the middle of a job. The kiosk re-requests a kept receipt with `printer.reprint { jobId }`.

describe('fault: printer unplugged or out of paper mid-job', () => {
  const link = new MemoryLink('simulated printer');
  /** Set to pull the cable half-way through the next job's bytes. */
  let unplugOnJob = false;
  // The printer's end of the cable, with a cutter: half of a job reaches the printer, then unplug.
  const sim = new PrinterSimulator().attach({
    send: (data) => link.device.send(data),
    onData: (listener) =>
      link.device.onData((chunk) => {
        // A job starts with ESC @ (1B 40); status queries are DLE EOT (10 04 n).
        if (unplugOnJob && chunk.includes(0x1b)) {
          unplugOnJob = false;
          listener(chunk.subarray(0, chunk.length >> 1));
          link.device.unplug();
          return;
        }
        listener(chunk);
      }),
    unplug: () => link.device.unplug(),
    plug: () => link.device.plug(),
  });
  const deps = printerDeps({ transport: 'simulated', paperWidthMm: 80 });
  const never = new AbortController().signal;
  let printer: PrinterService;

  beforeAll(async () => {
    printer = new PrinterService(deps, {
      link,
      transport: 'simulated',
      profile: resolveProfile(80).profile,
      simulator: sim,
      endMarkerTimeoutMs: 2000,
      pollIntervalMs: 60_000,
      supervisor: { initialDelayMs: 100, maxDelayMs: 500 },
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 3000, 'online');
  });
  afterAll(async () => printer.stop());

  const printReceipt = () => printer.printForm({ form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS }, never);

  it('unplugged mid-job: the receipt is kept, reprinted once after replug, never printed twice', async () => {
    sim.clearJobs();
    unplugOnJob = true;
    const outcome = await outcomeOf(printReceipt());
    expect(outcome.completionCode).not.toBe('success');
    const heldJobId = (outcome.payload as { heldJobId?: string }).heldJobId;
    expect(heldJobId, 'the receipt is not kept for a reprint').toBeTruthy();
    const cameOut = sim.jobs().length;
    sim.plug();
    await waitFor(() => printer.status().device === 'online', 10_000, 'online after replug');
    const again = await outcomeOf(printer.reprint(heldJobId!, never));
    expect(again.completionCode).toBe('success');
    expect(cameOut).toBe(0);
    expect(sim.jobs()).toHaveLength(1);
    const twice = await outcomeOf(printer.reprint(heldJobId!, never));
    expect(twice.completionCode).toBe('sequenceError');
    expect(sim.jobs()).toHaveLength(1);
    console.log(
      `[fault] printer unplugged mid-job → ${outcome.completionCode} with the receipt kept; after replug reprinted whole once (${sim.jobs().length} complete receipt), a second reprint refused`,
    );
  });

  it('paper out mid-job: paperOut with the receipt kept, reprinted whole once paper is back, never twice', async () => {
    sim.clearJobs();
    sim.runOutAfter(6);
    const outcome = await outcomeOf(printReceipt());
    expect(outcome.completionCode).toBe('commandErrorCode');
    expect(outcome.payload).toMatchObject({ errorCode: 'paperOut' });
    const heldJobId = (outcome.payload as { heldJobId: string }).heldJobId;
    expect(sim.jobs()).toHaveLength(0);
    // Still out: the reprint is refused without losing the receipt.
    const early = await outcomeOf(printer.reprint(heldJobId, never));
    expect(early.payload).toMatchObject({ errorCode: 'paperOut', heldJobId });
    sim.setPaper('full');
    const again = await outcomeOf(printer.reprint(heldJobId, never));
    expect(again.completionCode).toBe('success');
    expect(sim.jobs()).toHaveLength(1);
    expect(sim.jobs()[0].lines.join('')).toContain(LEGAL_AID_FIELDS.receiptNo);
    expect((await outcomeOf(printer.reprint(heldJobId, never))).completionCode).toBe('sequenceError');
    expect(sim.jobs()).toHaveLength(1);
    console.log(
      `[fault] paper out mid-job → paperOut, receipt kept (half job discarded: ${sim.discardedJobs}); reprinted whole once after paper was loaded, never twice`,
    );
  });
});
