import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeEscPos } from '../../../device-agent/src/devices/printer/decoder.js';
import { MemoryLink } from '../../../device-agent/src/links/memory-link.js';
import { PrinterService } from '../../../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../../device-agent/src/devices/printer/simulator.js';
import { FIXED_NOW, LEGAL_AID_FIELDS, printerDeps, waitFor, statusUrlOf } from './printer-fixtures.js';

describe('paper running out in the middle of a receipt', () => {
  const link = new MemoryLink('simulated printer');
  const sim = new PrinterSimulator().attach(link.device);
  const deps = printerDeps({ transport: 'simulated', paperWidthMm: 80 });
  const never = new AbortController().signal;
  const queries: number[] = [];
  const wire: number[] = [];
  link.device.onData((chunk) => wire.push(...chunk));
  let printer: PrinterService;

  beforeAll(async () => {
    printer = new PrinterService(deps, {
      link,
      transport: 'simulated',
      profile: resolveProfile(80).profile,
      simulator: sim,
      endMarkerTimeoutMs: 300,
      pollIntervalMs: 60_000,
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 3000, 'online');
    sim.on('query', (n: number) => queries.push(n));
  });
  afterAll(async () => printer.stop());

  it('keeps the receipt, clears the printer buffer, and reprints it whole once paper is back', async () => {
    sim.runOutAfter(5);
    const outcome = await printer.printForm({ form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS }, never);
    expect(outcome.completionCode).toBe('commandErrorCode');
    expect(outcome.payload).toMatchObject({ errorCode: 'paperOut' });
    expect(printer.status()).toMatchObject({ paper: 'out', heldJobs: 1 });
    // Nothing complete came out, and no query was sent in the middle of the job's bytes.
    expect(sim.jobs()).toEqual([]);
    expect(sim.discardedJobs).toBe(1);
    expect(queries.length).toBeGreaterThanOrEqual(8);
    let inJob = false;
    for (const op of decodeEscPos(Uint8Array.from(wire))) {
      if (op.op === 'text' || op.op === 'raster' || op.op === 'qrStore') inJob = true;
      if (op.op === 'cut') inJob = false;
      if (op.op === 'statusQuery') expect(inJob, 'DLE EOT inside a job').toBe(false);
    }

    sim.setPaper('full');
    const heldJobId = (outcome.payload as { heldJobId: string }).heldJobId;
    const again = await printer.reprint(heldJobId, never);
    expect(again.completionCode).toBe('success');
    expect(sim.jobs()).toHaveLength(1);
    expect(sim.jobs()[0].lines.join('')).toContain('FY-2026-000123');
    expect(sim.jobs()[0].qrs).toEqual([statusUrlOf(LEGAL_AID_FIELDS.receiptNo)]);
  });
});
