import { openSqlite } from '@kiosk/node-common/sqlite';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG } from '../helpers/agent-harness.js';
import { APPLICANT_NAME, submission, validId } from '../device-agent/outbox/fixtures.js';
import { startTestCenter, type TestCenter } from '../service-center/center-harness.js';

// 200 submissions while the real agent process is SIGKILLed at random moments and restarted, and
// the centre is stopped and restarted: every submission the client saw acknowledged (HTTP 200)
// reaches the centre exactly once, and the terminal keeps no personal data afterwards.

const TOTAL = 200;
/** SIGKILL the agent shortly after this many submissions were acknowledged. */
const KILL_AT = [30, 70, 110, 150];
/** Clients submitting at the same time (several kiosk pages' worth of load). */
const LANES = 2;

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => done(port));
    });
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('outbox durability under SIGKILL and centre restarts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-durability-'));
  const dataDir = join(dir, 'data');
  const logs: string[] = [];
  let agent: ChildProcess | undefined;
  let center: TestCenter | undefined;

  afterAll(async () => {
    agent?.kill('SIGKILL');
    await center?.stop();
  });

  async function startAgent(port: number, base: string): Promise<void> {
    const child = spawn(process.execPath, ['--conditions=source', '--import', 'tsx', 'device-agent/src/main.ts'], {
      env: {
        ...process.env,
        KIOSK_CONFIG: join(dir, 'kiosk.config.json'),
        KIOSK_DATA_DIR: dataDir,
        KIOSK_OUTBOX_RETRY_BASE_MS: '50',
        KIOSK_OUTBOX_RETRY_MAX_MS: '400',
        KIOSK_OUTBOX_POLL_MS: '1000',
        KIOSK_OUTBOX_ACK_WAIT_MS: '0',
        LOG_LEVEL: 'info',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout.on('data', (b: Buffer) => logs.push(b.toString()));
    child.stderr.on('data', (b: Buffer) => logs.push(b.toString()));
    agent = child;
    for (let i = 0; i < 200; i++) {
      try {
        if ((await fetch(`${base}/healthz`)).ok) return;
      } catch {
        // not up yet
      }
      if (child.exitCode !== null) throw new Error(`agent exited with ${child.exitCode}: ${logs.slice(-5).join('')}`);
      await sleep(50);
    }
    throw new Error(`agent on port ${port} did not come up`);
  }

  async function killAgent(): Promise<void> {
    const child = agent!;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  }

  it('delivers every acknowledged submission exactly once and erases it from the terminal', async () => {
    center = await startTestCenter();
    const centerPort = center.port;
    const centerDir = center.dataDir;
    const [port, adminPort] = [await freePort(), await freePort()];
    const base = `http://127.0.0.1:${port}`;
    writeFileSync(
      join(dir, 'kiosk.config.json'),
      JSON.stringify({
        ...DEMO_CONFIG,
        agent: { host: '127.0.0.1', port, adminPort },
        center: { url: center.url, token: 'test-terminal-token' },
      }),
    );
    await startAgent(port, base);

    const acknowledged = new Map<string, string>(); // marker → receiptNo
    let attempts = 0;

    const lane = async (first: number): Promise<void> => {
      for (let i = first; i < TOTAL; i += LANES) {
        const marker = `durability-${String(i).padStart(3, '0')}`;
        const body = submission({ facts: `${marker} 老板欠工资` }, { clientSubmissionId: `client-${marker}` });
        for (;;) {
          attempts++;
          try {
            const res = await fetch(`${base}/api/v1/submissions`, {
              method: 'POST',
              headers: { 'content-type': 'application/json' },
              body: JSON.stringify(body),
            });
            if (res.status === 200) {
              acknowledged.set(marker, ((await res.json()) as { receiptNo: string }).receiptNo);
              break;
            }
            await res.body?.cancel();
          } catch {
            // the agent is down: the kiosk keeps the page and tries again with the same clientSubmissionId
          }
          await sleep(40);
        }
        await sleep(5);
      }
    };
    const client = Promise.all(Array.from({ length: LANES }, (_, k) => lane(k)));

    let kills = 0;
    let centreRestarts = 0;
    // Kill at random moments spread over the run: a little after each milestone of acknowledged
    // submissions, while both lanes have requests in flight.
    const chaos = (async () => {
      for (const milestone of KILL_AT) {
        while (acknowledged.size < milestone) await sleep(5);
        await sleep(Math.random() * 80);
        await killAgent();
        kills++;
        if (kills === 2) {
          await center.stop();
          await sleep(800);
          center = await startTestCenter({ dataDir: centerDir, port: centerPort });
          centreRestarts++;
        }
        await startAgent(port, base);
      }
    })();

    await client;
    await chaos;
    expect(acknowledged.size).toBe(TOTAL);
    expect(kills).toBe(KILL_AT.length);
    expect(centreRestarts).toBe(1);

    const centreDb = (): Array<{ receipt_no: string; data_json: string }> => {
      const db = openSqlite(join(centerDir, 'center.sqlite'), { readonly: true });
      try {
        return db.prepare('SELECT receipt_no, data_json FROM submissions').all() as Array<{
          receipt_no: string;
          data_json: string;
        }>;
      } finally {
        db.close();
      }
    };
    const deadline = Date.now() + 20_000;
    let rows = centreDb();
    while (rows.length < TOTAL && Date.now() < deadline) {
      await sleep(200);
      rows = centreDb();
    }
    const byMarker = new Map<string, string[]>();
    for (const r of rows) {
      const marker = /durability-\d{3}/.exec((JSON.parse(r.data_json) as { facts: string }).facts)![0];
      byMarker.set(marker, [...(byMarker.get(marker) ?? []), r.receipt_no]);
    }
    for (const [marker, receiptNo] of acknowledged) expect(byMarker.get(marker), marker).toEqual([receiptNo]);
    expect(rows).toHaveLength(TOTAL);

    // After the acknowledgements the terminal keeps bookkeeping only.
    const outbox = join(dataDir, 'outbox.sqlite');
    const local = await (async () => {
      for (;;) {
        const db = openSqlite(outbox, { readonly: true });
        try {
          const pending = db
            .prepare('SELECT count(*) FROM submissions WHERE uploaded_at IS NULL OR data_json IS NOT NULL')
            .pluck()
            .get() as number;
          const docs = db.prepare('SELECT count(*) FROM documents').pluck().get() as number;
          const all = db.prepare('SELECT count(*) FROM submissions').pluck().get() as number;
          if ((pending === 0 && docs === 0) || Date.now() > deadline) return { pending, docs, all };
        } finally {
          db.close();
        }
        await sleep(200);
      }
    })();
    expect(local).toEqual({ pending: 0, docs: 0, all: TOTAL });

    await sleep(300);
    const files = readdirSync(dataDir).filter((f) => f.startsWith('outbox.sqlite'));
    const bytes = Buffer.concat(files.map((f) => readFileSync(join(dataDir, f))));
    expect(bytes.includes(Buffer.from(validId()))).toBe(false);
    expect(bytes.includes(Buffer.from(APPLICANT_NAME))).toBe(false);
    expect(logs.join('')).not.toContain(validId());
    expect(attempts).toBeGreaterThanOrEqual(TOTAL);
  });
});
