import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INTAKE_BATCH_PATH, INTAKE_SUBMISSIONS_PATH } from '@kiosk/contract/intake-api';
import { openSqlite } from '@kiosk/node-common/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../device-agent/src/admin/password-hash.js';
import { SECRETS_FILE } from '../../device-agent/src/admin/secrets-store.js';
import { SerialLink } from '../../device-agent/src/links/serial-link.js';
import { PrinterSimulator, linkEnd } from '../../device-agent/src/devices/printer/simulator.js';
import { DEMO_CONFIG } from '../helpers/agent-harness.js';
import { SocatPair } from '../helpers/socat.js';
import { postJson, submission, validId, waitFor } from '../device-agent/outbox/fixtures.js';
import { LEGAL_AID_FIELDS, jobText } from '../device-agent/printer/printer-fixtures.js';
import { startTestCenter, type TestCenter } from '../service-center/center-harness.js';
import { startAgentProcess, type AgentProcess } from '../helpers/agent-process.js';

// Fault injection: the device agent is SIGKILLed (OOM killer, power cut of the process) while it
// prints a receipt and while it forwards a submission; systemd starts it again.

const FAST_OUTBOX = {
  KIOSK_OUTBOX_RETRY_BASE_MS: '50',
  KIOSK_OUTBOX_RETRY_MAX_MS: '400',
  KIOSK_OUTBOX_POLL_MS: '200',
  KIOSK_OUTBOX_ACK_WAIT_MS: '0',
};

const outboxRows = (dir: string, receiptNo: string): { uploaded: number }[] => {
  const db = openSqlite(join(dir, 'data', 'outbox.sqlite'), { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare('SELECT uploaded_at IS NOT NULL AS uploaded FROM submissions WHERE receipt_no = ?')
      .all(receiptNo) as { uploaded: number }[];
  } finally {
    db.close();
  }
};

const command = async (agent: AgentProcess, name: string, payload: unknown) => {
  const [service, cmd] = name.split('.');
  const res = await fetch(`${agent.kiosk}/api/v1/services/${service}/commands/${cmd}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ timeoutMs: 30_000, payload }),
  });
  return (await res.json()) as { header: { completionCode?: string }; payload: Record<string, unknown> };
};

const printerStatus = async (agent: AgentProcess): Promise<string | undefined> => {
  const res = await fetch(`${agent.kiosk}/api/v1/status`);
  return ((await res.json()) as { services?: { printer?: { device?: string } } }).services?.printer?.device;
};

describe('fault: SIGKILL of the agent during printing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sigkill-print-'));
  const pair = new SocatPair({ names: ['host', 'prn'] });
  const simLink = new SerialLink({ path: pair.b, baudRate: 115200 });
  const sim = new PrinterSimulator();
  let agent: AgentProcess | undefined;
  /** Armed: the next job's bytes reach the printer only half, and the agent is killed there. */
  let killOnJob = false;
  /** Set once the agent is killed: what it had still queued never reaches the printer. */
  let cutOff = false;
  let bytesBeforeKill = 0;

  beforeAll(async () => {
    await pair.start();
    await simLink.open();
    const end = linkEnd(simLink);
    sim.attach({
      send: (data) => end.send(data),
      onData: (listener) =>
        end.onData((chunk) => {
          if (cutOff) return;
          const jobStart = chunk.findIndex((b, i) => b === 0x1b && chunk[i + 1] === 0x40);
          if (killOnJob && jobStart >= 0) {
            killOnJob = false;
            cutOff = true;
            const half = chunk.subarray(0, jobStart + Math.max(2, (chunk.length - jobStart) >> 1));
            bytesBeforeKill = half.length - jobStart;
            listener(half);
            agent?.child.kill('SIGKILL');
            return;
          }
          listener(chunk);
        }),
    });
    writeFileSync(
      join(dir, 'kiosk.config.json'),
      JSON.stringify({
        ...DEMO_CONFIG,
        devices: {
          ...DEMO_CONFIG.devices,
          printer: { transport: 'serial', path: pair.a, baudRate: 115200, paperWidthMm: 80 },
        },
      }),
    );
    // A terminal already set up: no setup slip comes out of the printer at start.
    mkdirSync(join(dir, 'data'), { mode: 0o700 });
    const passwordHash = await hashPassword('technician-password-1', { ln: 10, r: 8, p: 1 });
    writeFileSync(join(dir, 'data', SECRETS_FILE), JSON.stringify({ passwordHash }), { mode: 0o600 });
  });
  afterAll(async () => {
    await agent?.kill('SIGTERM');
    await simLink.close();
    await pair.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the submission, comes back with the printer online, and the receipt then prints whole once', async () => {
    agent = await startAgentProcess(dir);
    await waitFor(async () => (await printerStatus(agent!)) === 'online', 20_000);
    const stored = await postJson(`${agent.kiosk}/api/v1/submissions`, submission());
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const receiptNo = String(stored.body['receiptNo']);
    const fields = { ...LEGAL_AID_FIELDS, receiptNo };

    killOnJob = true;
    const killed = agent;
    const printing = command(killed, 'printer.printForm', { form: 'legal-aid-receipt', fields }).catch(
      (err: Error) => `no answer (${err.message})`,
    );
    await killed.exited;
    expect(killed.child.signalCode).toBe('SIGKILL');
    expect(await printing).toMatch(/^no answer/);
    const complete = sim.jobs().length;
    expect(complete, 'a half job came out as a complete receipt').toBe(0);
    cutOff = false;

    // systemd starts it again.
    agent = await startAgentProcess(dir);
    await waitFor(async () => (await printerStatus(agent!)) === 'online', 20_000);
    const lookup = await fetch(`${agent.kiosk}/api/v1/submissions/${receiptNo}?idLast4=${validId().slice(-4)}`);
    expect(lookup.status).toBe(200);
    expect(outboxRows(dir, receiptNo)).toHaveLength(1);
    const again = await command(agent, 'printer.printForm', { form: 'legal-aid-receipt', fields });
    expect(again.header.completionCode, JSON.stringify(again)).toBe('success');
    await waitFor(() => sim.jobs().length >= 1, 5_000);
    expect(sim.jobs()).toHaveLength(1);
    expect(jobText(sim.jobs()[0])).toContain(receiptNo);
    expect(sim.jobs()[0].cut).toBe(true);
    console.log(
      `[fault] SIGKILL with ${bytesBeforeKill} bytes of the receipt at the printer → no completion to the kiosk, no cut receipt; after restart the submission ${receiptNo} was still stored, the printer online, and the receipt printed whole once`,
    );
  }, 120_000);
});

/** A front for the real centre that, while `holding`, passes submissions on but keeps the centre's answer. */
function answerHoldingGate(target: string) {
  const state = { holding: true, storedAtCentre: 0 };
  const held: Array<() => void> = [];
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    const up = new URL(req.url ?? '/', target);
    const intake = req.method === 'POST' && [INTAKE_SUBMISSIONS_PATH, INTAKE_BATCH_PATH].includes(up.pathname);
    const out = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (answer) => {
      const deliver = (): void => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      };
      if (intake && state.holding) {
        state.storedAtCentre++;
        held.push(deliver);
      } else deliver();
    });
    out.on('error', () => res.destroy());
    req.pipe(out);
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise<{ url: string; state: typeof state; close(): Promise<void> }>((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        state,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

describe('fault: SIGKILL of the agent during forwarding', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-sigkill-forward-'));
  let centre: TestCenter;
  let gate: Awaited<ReturnType<typeof answerHoldingGate>>;
  let agent: AgentProcess | undefined;

  beforeAll(async () => {
    centre = await startTestCenter();
    gate = await answerHoldingGate(centre.url);
    writeFileSync(
      join(dir, 'kiosk.config.json'),
      JSON.stringify({ ...DEMO_CONFIG, center: { url: gate.url, token: 'test-terminal-token' } }),
    );
  });
  afterAll(async () => {
    await agent?.kill('SIGTERM');
    await gate?.close();
    await centre?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const atCentre = (receiptNo: string): number => {
    const db = openSqlite(join(centre.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM submissions WHERE receipt_no = ?').pluck().get(receiptNo) as number;
    } finally {
      db.close();
    }
  };

  it('the centre has stored it but the answer never reached the agent: after restart it is forwarded again and kept once', async () => {
    agent = await startAgentProcess(dir, FAST_OUTBOX);
    const stored = await postJson(`${agent.kiosk}/api/v1/submissions`, submission());
    expect(stored.status, JSON.stringify(stored.body)).toBe(200);
    const receiptNo = String(stored.body['receiptNo']);
    // The centre has answered (so it has stored the submission); the answer is on its way back.
    await waitFor(() => gate.state.storedAtCentre >= 1 || undefined, 30_000);
    await agent.kill('SIGKILL');
    expect(atCentre(receiptNo)).toBe(1);
    const survived = outboxRows(dir, receiptNo);
    expect(survived).toEqual([{ uploaded: 0 }]);

    gate.state.holding = false;
    agent = await startAgentProcess(dir, FAST_OUTBOX);
    await waitFor(() => outboxRows(dir, receiptNo)[0]?.uploaded === 1 || undefined, 30_000);
    expect(atCentre(receiptNo)).toBe(1);
    expect((await fetch(`${agent.kiosk}/healthz`)).status).toBe(200);
    console.log(
      `[fault] SIGKILL while the centre's answer for ${receiptNo} was on its way → the outbox kept it unsent (1 row); after restart forwarded again, the centre holds it once`,
    );
  }, 120_000);
});
