// Outbox figures: how fast the worker forwards stored submissions to a local centre, and what
// durable storage (SQLite WAL, synchronous=FULL, one transaction per submission) adds to the
// villager's wait before the receipt number appears.
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@kiosk/node-common/logger';
import { CenterClient } from '../device-agent/src/outbox/center-client.js';
import { DEFAULT_FORWARDER_OPTIONS, OutboxForwarder } from '../device-agent/src/outbox/forwarder.js';
import { OutboxStore, type StoredDocument } from '../device-agent/src/outbox/outbox-store.js';
import { createCenter } from '../service-center/src/center.js';

const FORWARD_COUNT = 1000;
const LATENCY_COUNT = 300;
const THROUGHPUT_BUDGET = 200; // submissions/s without photos
const LATENCY_BUDGET_MS = 100; // a wait a person does not notice (Nielsen's 0.1 s)

const quiet = createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }), level: 'warn' });
const dir = mkdtempSync(join(tmpdir(), 'bench-outbox-'));

function data(i: number): Record<string, unknown> {
  return {
    applicant: { name: '韦秀兰', idNumber: '45010219580301123X', phone: '13907710001' },
    matter: { code: 'wages' },
    facts: `第${i}份：在工地干了三个月，老板一直不发工资。`.repeat(4),
    exemption: { group: 'migrantWorker' },
    urgency: { deadlineWithin7Days: false, preservationNeeded: false },
    eligibility: { matterId: 'wages', citations: [{ article: 31, item: 5 }] },
    consent: { accepted: true, at: new Date().toISOString() },
  };
}

function insert(store: OutboxStore, i: number, documents: StoredDocument[] = []): void {
  const salt = randomBytes(16);
  store.insert({
    id: randomUUID(),
    bodyHash: randomBytes(32).toString('hex'),
    kind: 'legalAid',
    terminalId: 'bench-0001',
    submittedAt: new Date(),
    data: data(i),
    documents,
    check: { salt, hash: salt },
  });
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function latency(label: string, store: OutboxStore, documents: StoredDocument[]): void {
  const times: number[] = [];
  for (let i = 0; i < LATENCY_COUNT; i++) {
    const t0 = performance.now();
    insert(store, i, documents);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / times.length;
  const p95 = percentile(times, 95);
  console.log(
    `durable store ${label}: mean ${mean.toFixed(2)} ms, p50 ${percentile(times, 50).toFixed(2)} ms, p95 ${p95.toFixed(2)} ms` +
      ` — budget ${LATENCY_BUDGET_MS} ms (p95 is ${(p95 / LATENCY_BUDGET_MS).toFixed(3)}× of it)`,
  );
}

const center = createCenter({
  config: {
    configVersion: 1,
    host: '127.0.0.1',
    port: 0,
    terminals: [{ id: 'bench-0001', token: 'bench-terminal-token', name: 'bench' }],
  },
  dataDir: join(dir, 'center'),
  port: 0,
  log: quiet,
  scryptLogN: 10,
  consoleDir: join(dir, 'none'),
});
await center.start();

try {
  // 1. Added latency of durable storage, per submission.
  const latencyStore = new OutboxStore(join(dir, 'latency.sqlite'));
  latency('(no photos)', latencyStore, []);
  const photo: StoredDocument = {
    role: 'photo',
    index: 0,
    mime: 'image/jpeg',
    bytes: Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), randomBytes(400_000)]),
  };
  latency('(3 photos of 400 kB)', latencyStore, [photo, { ...photo, index: 1 }, { ...photo, index: 2 }]);
  latencyStore.close();

  // 2. Forwarding throughput to a local centre (idempotent intake, erase after acknowledgement).
  const store = new OutboxStore(join(dir, 'outbox.sqlite'));
  for (let i = 0; i < FORWARD_COUNT; i++) insert(store, i);
  const client = new CenterClient(center.url, 'bench-terminal-token');
  const forwarder = new OutboxForwarder(store, client, quiet, {
    ...DEFAULT_FORWARDER_OPTIONS,
    retryBaseMs: 50,
    retryMaxMs: 500,
    pollMs: 3600_000,
  });
  const t0 = performance.now();
  forwarder.start();
  forwarder.nudge();
  while (store.pendingCount() > 0) await new Promise((r) => setTimeout(r, 5));
  const seconds = (performance.now() - t0) / 1000;
  await forwarder.stop();
  store.close();
  const rate = FORWARD_COUNT / seconds;
  console.log(
    `forwarded to a local centre: ${rate.toFixed(0)} submissions/s (${FORWARD_COUNT} without photos in ${seconds.toFixed(2)} s)` +
      ` — budget ≥ ${THROUGHPUT_BUDGET}/s (${(rate / THROUGHPUT_BUDGET).toFixed(2)}× of it);` +
      ` a county of 300 terminals at 20 submissions a day each drains in ${((300 * 20) / rate).toFixed(1)} s`,
  );
  if (rate < THROUGHPUT_BUDGET) process.exitCode = 1;
} finally {
  await center.stop();
  rmSync(dir, { recursive: true, force: true });
}
