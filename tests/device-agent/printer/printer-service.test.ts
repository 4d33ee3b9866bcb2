import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { PrinterStatus } from '@kiosk/contract/kiosk-api';
import type { PrinterService } from '../../../device-agent/src/devices/printer/printer-service.js';
import type { PrinterSimulator } from '../../../device-agent/src/devices/printer/simulator.js';
import { SessionModule } from '../../../device-agent/src/session/session-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { LEGAL_AID_FIELDS, RECEIPT_FIELDS, TERMINAL, jobText, statusUrlOf, waitFor } from './printer-fixtures.js';

interface Completion {
  header: { type: string; completionCode?: string; status?: string | null; errorDescription?: string };
  payload: Record<string, unknown>;
}

describe('printer service over the simulated transport (real driver, simulator speaking ESC/POS)', () => {
  let t: TestAgent;
  let printer: PrinterService;
  let sim: PrinterSimulator;

  const command = async (name: string, payload: unknown): Promise<{ status: number; body: Completion }> => {
    const res = await fetch(`${t.base}/api/v1/services/printer/commands/${name}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload }),
    });
    return { status: res.status, body: (await res.json()) as Completion };
  };
  const status = (): PrinterStatus => printer.status();

  beforeAll(async () => {
    t = await startTestAgent(
      { ...DEMO_CONFIG, center: { ...DEMO_CONFIG.center, publicUrl: TERMINAL.publicUrl } },
      { modules: [(ctx) => new SessionModule(ctx)] },
    );
    printer = t.agent.services.get('printer') as PrinterService;
    sim = printer.simulator!;
    await waitFor(() => status().device === 'online', 5000, 'printer online');
  });
  afterAll(async () => t.stop());
  beforeEach(() => {
    sim.setPaper('full');
    sim.setCoverOpen(false);
    sim.clearJam();
    sim.clearJobs();
    printer.endSession();
  });

  it('reports online, paper full, bidirectional, no kept receipts', () => {
    expect(status()).toMatchObject({
      device: 'online',
      paper: 'full',
      coverOpen: false,
      bidirectional: true,
      heldJobs: 0,
    });
    expect(status().connection).toMatchObject({ transport: 'simulated' });
  });

  it('prints the legal-aid receipt; the simulator decodes it and the admin preview shows it', async () => {
    const { status: http, body } = await command('printForm', { form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS });
    expect(http).toBe(200);
    expect(body.header.completionCode).toBe('success');
    const [job] = sim.jobs();
    expect(job.qrs).toEqual([statusUrlOf(LEGAL_AID_FIELDS.receiptNo)]);
    expect(jobText(job)).toContain('FY-2026-000123');
    expect(job.cut).toBe(true);
    expect(printer.lastPreview()).toContain('申请回执');
    expect(status().device).toBe('online');
  });

  it('rejects an unknown form and bad fields before queuing (HTTP 400), printing nothing', async () => {
    const unknown = await command('printForm', { form: 'nope', fields: {} });
    expect(unknown.status).toBe(400);
    expect(unknown.body.header).toMatchObject({ type: 'ack', status: 'invalidData' });
    expect(unknown.body.header.errorDescription).toMatch(/unknown form/);
    const bad = await command('printForm', { form: 'receipt', fields: { ...RECEIPT_FIELDS, receiptNo: '' } });
    expect(bad.status).toBe(400);
    expect(bad.body.header.errorDescription).toMatch(/receiptNo/);
    expect(sim.jobs()).toEqual([]);
  });

  it('paper out: the receipt completes paperOut, is kept, and reprints exactly once when paper is back', async () => {
    sim.setPaper('out');
    const out = await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    expect(out.status).toBe(200);
    expect(out.body.header.completionCode).toBe('commandErrorCode');
    expect(out.body.payload['errorCode']).toBe('paperOut');
    const jobId = out.body.payload['heldJobId'] as string;
    expect(jobId).toMatch(/^[0-9a-f-]{36}$/);
    expect(status()).toMatchObject({ paper: 'out', device: 'hardwareError', heldJobs: 1 });
    expect(status().lastError).toMatchObject({ eventId: 'printer.paperOut', action: 'clear' });
    expect(sim.jobs()).toEqual([]);

    sim.setPaper('full');
    const again = await command('reprint', { jobId });
    expect(again.body.header.completionCode).toBe('success');
    expect(sim.jobs()).toHaveLength(1);
    expect(sim.jobs()[0].lines).toContain('GZ-2026-000042');
    expect(status()).toMatchObject({ paper: 'full', device: 'online', heldJobs: 0 });
    expect(status().lastError).toBeUndefined();

    const twice = await command('reprint', { jobId });
    expect(twice.status).toBe(400);
    expect(sim.jobs()).toHaveLength(1);
  });

  it('cover open and paper jam complete with their error codes and keep the receipt', async () => {
    sim.setCoverOpen(true);
    const cover = await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    expect(cover.body.payload).toMatchObject({ errorCode: 'coverOpen' });
    sim.setCoverOpen(false);
    sim.jam();
    const jam = await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    expect(jam.body.payload).toMatchObject({ errorCode: 'paperJammed' });
    expect(status()).toMatchObject({ paper: 'jammed', heldJobs: 2 });
    expect(sim.jobs()).toEqual([]);
  });

  it('the end of the visit drops kept receipts and the preview (they hold names)', async () => {
    await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    sim.setPaper('out');
    const out = await command('printForm', { form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS });
    expect(status().heldJobs).toBe(1);
    const res = await fetch(`${t.base}/api/v1/session/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(200);
    expect(status().heldJobs).toBe(0);
    expect(printer.lastPreview()).toBeUndefined();
    sim.setPaper('full');
    const reprint = await command('reprint', { jobId: out.body.payload['heldJobId'] });
    expect(reprint.status).toBe(400);
    expect(sim.jobs()).toHaveLength(1);
  });

  it('吉𠮷祥 prints as 吉□祥 and the completion says which character could not print; no name in the log', async () => {
    const r = await command('printForm', {
      form: 'legal-aid-receipt',
      fields: { ...LEGAL_AID_FIELDS, applicantName: '吉𠮷祥' },
    });
    expect(r.body.header.completionCode).toBe('success');
    expect(r.body.payload).toMatchObject({ unsupported: ['𠮷'], placeholders: ['𠮷'] });
    const job = sim.jobs()[0];
    expect(job.fourByte).toBe(false);
    expect(jobText(job)).toContain('申请人：吉□祥');
    expect(t.logText()).not.toContain('吉𠮷祥');
    expect(t.logText()).not.toContain('4501**********123X');
  });

  it('printRaw is not offered on the kiosk listener', async () => {
    const r = await command('printRaw', { data: Buffer.from('test').toString('base64') });
    expect(r.status).toBe(404);
  });

  it('self-test prints the probe page and returns the raw DLE EOT replies', async () => {
    const result = await printer.selfTest();
    expect(result.printed).toBe(true);
    expect(result.statusReplies.map((r) => r.replyHex)).toEqual(['12', '12', '12', '12']);
    expect(result.statusReplies[0].command).toContain('10 04 01');
    expect(sim.jobs()[0].lines[0]).toBe('打印机自检');
  });

  it('common.reset reopens the printer and it comes back online with its status', async () => {
    const r = await command('reset', {});
    expect(r.body.header.completionCode).toBe('success');
    expect(status()).toMatchObject({ device: 'online', paper: 'full' });
    const printed = await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    expect(printed.body.header.completionCode).toBe('success');
  });

  it('unplug → powerOff and deviceNotReady; plug → online again', async () => {
    sim.unplug();
    await waitFor(() => status().device === 'powerOff', 2000, 'powerOff');
    expect(status().paper).toBe('unknown');
    const r = await command('printForm', { form: 'receipt', fields: RECEIPT_FIELDS });
    expect(r.body.header.completionCode).toBe('deviceNotReady');
    sim.plug();
    await waitFor(() => status().device === 'online', 5000, 'online after replug');
    expect(status().paper).toBe('full');
    expect(status().connection?.reconnects).toBeGreaterThanOrEqual(1);
  });
});

describe('printer not configured ("transport": "none")', () => {
  it('reports noDevice; printForm and reprint complete deviceNotReady', async () => {
    const t = await startTestAgent(
      { ...DEMO_CONFIG, devices: { ...DEMO_CONFIG.devices, printer: { transport: 'none' } } },
      { modules: [] },
    );
    try {
      expect(t.agent.services.get('printer')!.status()).toMatchObject({ device: 'noDevice', paper: 'unknown' });
      for (const [name, payload] of [
        ['printForm', { form: 'receipt', fields: RECEIPT_FIELDS }],
        ['reprint', { jobId: 'x' }],
      ] as const) {
        const res = await fetch(`${t.base}/api/v1/services/printer/commands/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ payload }),
        });
        expect(res.status).toBe(200);
        expect(((await res.json()) as Completion).header.completionCode).toBe('deviceNotReady');
      }
    } finally {
      await t.stop();
    }
  });
});
