import { createServer, request, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { openSqlite } from '@kiosk/node-common/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import type { TestAgent } from '../helpers/agent-harness.js';
import { startTestCenter, type TestCenter } from '../service-center/center-harness.js';
import { postJson, submission, waitFor } from '../device-agent/outbox/fixtures.js';
import { queryOutbox, startOutboxAgent } from '../device-agent/outbox/outbox-harness.js';

// Fault injection: the county centre answers 500, hangs, resets connections; then recovers.

type Mode = '500' | 'hang' | 'reset' | 'proxy';

/** A tiny front for the real test centre that misbehaves as told. */
function misbehavingCentre(
  target: string,
): Promise<{ url: string; mode: Mode; hits: Record<Mode, number>; close(): Promise<void> }> {
  const state = { mode: '500' as Mode, hits: { '500': 0, hang: 0, reset: 0, proxy: 0 } as Record<Mode, number> };
  const sockets = new Set<Socket>();
  const server: Server = createServer((req, res) => {
    state.hits[state.mode]++;
    if (state.mode === '500') {
      res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":"internal"}');
    } else if (state.mode === 'hang') {
      req.resume(); // read the body, answer nothing
    } else if (state.mode === 'reset') {
      req.socket.destroy();
    } else {
      const up = new URL(req.url ?? '/', target);
      const out = request(up, { method: req.method, headers: { ...req.headers, host: up.host } }, (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      });
      out.on('error', () => res.destroy());
      req.pipe(out);
    }
  });
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  return new Promise((ready) =>
    server.listen(0, '127.0.0.1', () =>
      ready({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        get mode() {
          return state.mode;
        },
        set mode(m: Mode) {
          state.mode = m;
        },
        hits: state.hits,
        close: () =>
          new Promise<void>((done) => {
            for (const s of sockets) s.destroy();
            server.close(() => done());
          }),
      }),
    ),
  );
}

describe('fault: the centre answers 500, hangs, resets, then recovers', () => {
  let c: TestCenter;
  let front: Awaited<ReturnType<typeof misbehavingCentre>>;
  let t: TestAgent;

  beforeAll(async () => {
    c = await startTestCenter();
    front = await misbehavingCentre(c.url);
    t = await startOutboxAgent(front.url, {
      pollMs: 200,
      retryBaseMs: 50,
      retryMaxMs: 400,
      ackWaitMs: 300,
      requestTimeoutMs: 2_000,
    });
  });
  afterAll(async () => {
    await t?.stop();
    await front?.close();
    await c?.stop();
  });

  const centreCount = (receiptNo: string): number => {
    const db = openSqlite(join(c.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM submissions WHERE receipt_no = ?').get(receiptNo) as { n: number })
        .n;
    } finally {
      db.close();
    }
  };

  it('keeps every submission through 500s, a hanging centre and reset connections, and forwards each once on recovery', async () => {
    const receipts: string[] = [];
    for (const [i, mode] of (['500', 'hang', 'reset'] as const).entries()) {
      front.mode = mode;
      const res = await postJson(
        `${t.base}/api/v1/submissions`,
        submission({}, { clientSubmissionId: `fault-centre-${mode}-000${i}` }),
      );
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      const accepted = res.body as unknown as SubmissionAccepted;
      expect(accepted.uploaded).toBe(false);
      receipts.push(accepted.receiptNo);
      // Let the forwarder meet this failure a few times.
      await waitFor(() => (front.hits[mode] >= (mode === 'hang' ? 1 : 2) ? true : undefined), 30_000);
    }
    const pending = queryOutbox<{ n: number }>(t, 'SELECT count(*) AS n FROM submissions WHERE uploaded_at IS NULL')[0]
      .n;
    expect(pending).toBe(3);
    front.mode = 'proxy';
    await waitFor(
      () =>
        queryOutbox<{ n: number }>(t, 'SELECT count(*) AS n FROM submissions WHERE uploaded_at IS NULL')[0].n === 0
          ? true
          : undefined,
      60_000,
      100,
    );
    for (const r of receipts) expect(centreCount(r)).toBe(1);
    console.log(
      `[fault] centre 500 ×${front.hits['500']}, hang ×${front.hits.hang}, reset ×${front.hits.reset} → outbox kept ${pending}/3, forwarded each exactly once after recovery`,
    );
  }, 120_000);
});
