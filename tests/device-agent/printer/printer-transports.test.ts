import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TcpLink } from '../../../device-agent/src/links/tcp-link.js';
import { PathClaims } from '../../../device-agent/src/links/path-claims.js';
import { UsblpLink } from '../../../device-agent/src/links/usblp-link.js';
import { decodeJobs } from '../../../device-agent/src/devices/printer/job.js';
import { PrinterService } from '../../../device-agent/src/devices/printer/printer-service.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../../device-agent/src/devices/printer/simulator.js';
import { FIXED_NOW, RECEIPT_FIELDS, jobText, printerDeps, waitFor, statusUrlOf } from './printer-fixtures.js';

const never = new AbortController().signal;

describe('usblp transport (write-only fallback; a plain file stands in for /dev/usb/lp0)', () => {
  const deps = printerDeps({ transport: 'usblp', path: '/dev/usb/lp0', paperWidthMm: 58 });
  const path = join(deps.dataDir, 'lp0');
  const claims = new PathClaims();
  let printer: PrinterService;

  beforeAll(async () => {
    writeFileSync(path, '');
    printer = new PrinterService(deps, {
      link: new UsblpLink({ path, presencePollMs: 100, claims }),
      transport: 'usblp',
      profile: resolveProfile(58).profile,
      queryTimeoutMs: 200,
      supervisor: { initialDelayMs: 100, maxDelayMs: 300 },
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 5000, 'usblp online');
  });
  afterAll(async () => printer?.stop());

  it('a printer that answers no status is print-only: online, paper unknown, bidirectional false', () => {
    expect(printer.status()).toMatchObject({
      device: 'online',
      paper: 'unknown',
      coverOpen: 'unknown',
      bidirectional: false,
    });
  });

  it('prints the whole job to the device node', async () => {
    const outcome = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never);
    expect(outcome.completionCode).toBe('success');
    const jobs = decodeJobs(readFileSync(path)).filter((j) => j.cut);
    expect(jobs).toHaveLength(1);
    expect(jobText(jobs[0])).toContain('GZ-2026-000042');
    expect(jobs[0].qrs).toEqual([statusUrlOf(RECEIPT_FIELDS.receiptNo)]);
  });

  it('is opened once: a second open of the same node is refused (EBUSY)', async () => {
    await expect(new UsblpLink({ path, claims }).open()).rejects.toMatchObject({ code: 'EBUSY' });
  });

  it('node removed → powerOff; node back → online', async () => {
    rmSync(path);
    await waitFor(() => printer.status().device === 'powerOff', 2000, 'powerOff');
    writeFileSync(path, '');
    await waitFor(() => printer.status().device === 'online', 3000, 'online after replug');
  });
});

describe('raw TCP 9100 transport', () => {
  const sim = new PrinterSimulator();
  const sockets = new Set<Socket>();
  let server: Server;
  let printer: PrinterService;

  beforeAll(async () => {
    server = createServer((socket) => {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      sim.attach({ send: (data) => socket.write(data), onData: (listener) => socket.on('data', listener) });
    });
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const port = (server.address() as { port: number }).port;
    const deps = printerDeps({ transport: 'tcp', host: '127.0.0.1', port, paperWidthMm: 80 });
    printer = new PrinterService(deps, {
      link: new TcpLink({ host: '127.0.0.1', port }),
      transport: 'tcp',
      profile: resolveProfile(80).profile,
      pollIntervalMs: 300,
      supervisor: { initialDelayMs: 100, maxDelayMs: 300 },
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => printer.status().device === 'online', 5000, 'tcp online');
  });
  afterAll(async () => {
    await printer?.stop();
    for (const s of sockets) s.destroy();
    await new Promise<void>((done) => server.close(() => done()));
  });

  it('reads status and prints over the socket', async () => {
    expect(printer.status()).toMatchObject({ paper: 'full', bidirectional: true });
    const outcome = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never);
    expect(outcome.completionCode).toBe('success');
    await waitFor(() => sim.jobs().length === 1, 2000, 'job over tcp');
    expect(sim.jobs()[0].qrs).toEqual([statusUrlOf(RECEIPT_FIELDS.receiptNo)]);
  });

  it('paper low is reported and still prints', async () => {
    sim.setPaper('low');
    await waitFor(() => printer.status().paper === 'low', 2000, 'paper low');
    const outcome = await printer.printForm({ form: 'receipt', fields: RECEIPT_FIELDS }, never);
    expect(outcome.completionCode).toBe('success');
    sim.setPaper('full');
  });

  it('connection dropped → powerOff; accepted again → online', async () => {
    for (const s of sockets) s.destroy();
    await waitFor(() => printer.status().device === 'powerOff', 2000, 'powerOff');
    await waitFor(() => printer.status().device === 'online', 3000, 'reconnected');
  });
});
