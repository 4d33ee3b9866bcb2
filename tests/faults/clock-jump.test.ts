import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '@kiosk/node-common/sqlite';
import { backoffDelay } from '@kiosk/domain/backoff';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import { decisionDueBy } from '../../service-center/src/legal-aid-clock.js';
import { postJson, submission, waitFor } from '../device-agent/outbox/fixtures.js';
import { startOutboxAgent } from '../device-agent/outbox/outbox-harness.js';
import { startTestCenter } from '../service-center/center-harness.js';

// Fault injection: the terminal's or the centre's clock jumps back or forward an hour (NTP
// correction, a dead RTC battery). The pure time rules must not move with it.

const HOUR = 3_600_000;

afterEach(() => {
  vi.useRealTimers();
});

describe('fault: clock jumps an hour', () => {
  it('the Art. 43 7-day clock depends only on the centre’s receipt time, not on the clock now', () => {
    const receivedAt = new Date('2026-11-29T15:30:00Z'); // 23:30 China time
    vi.useFakeTimers();
    vi.setSystemTime(new Date('2026-11-29T15:31:00Z'));
    const due = decisionDueBy(receivedAt, 7);
    vi.setSystemTime(Date.now() - HOUR);
    expect(decisionDueBy(receivedAt, 7)).toBe(due);
    vi.setSystemTime(Date.now() + 2 * HOUR);
    expect(decisionDueBy(receivedAt, 7)).toBe(due);
    expect(due).toBe('2026-12-06');
    console.log(`[fault] clock ±1 h around 23:30 China time → 7-day due date stayed ${due}`);
  });

  it('retry back-off is a duration: the same after a jump either way', () => {
    const random = () => 0.5;
    vi.useFakeTimers();
    const before = [1, 2, 5, 12].map((n) => backoffDelay(n, 1000, 60_000, random));
    vi.setSystemTime(Date.now() - HOUR);
    expect([1, 2, 5, 12].map((n) => backoffDelay(n, 1000, 60_000, random))).toEqual(before);
    vi.setSystemTime(Date.now() + 2 * HOUR);
    expect([1, 2, 5, 12].map((n) => backoffDelay(n, 1000, 60_000, random))).toEqual(before);
    console.log(`[fault] clock ±1 h → back-off delays unchanged (${before.join(', ')} ms)`);
  });

  it('a failure limiter never locks out for longer than its window when the clock is set back an hour', () => {
    let now = Date.parse('2026-11-29T02:00:00Z');
    const limiter = new FailureLimiter([[3, 60_000]], () => now);
    for (let i = 0; i < 3; i++) limiter.fail('desk');
    expect(limiter.retryAfterMs('desk')).toBe(60_000);
    now -= HOUR;
    const afterBack = limiter.retryAfterMs('desk');
    expect(afterBack).toBeLessThanOrEqual(60_000);
    now += 60_001;
    expect(limiter.retryAfterMs('desk')).toBe(0);
    // Forward an hour: the old failures are simply forgotten.
    for (let i = 0; i < 3; i++) limiter.fail('desk');
    now += HOUR;
    expect(limiter.retryAfterMs('desk')).toBe(0);
    console.log(
      `[fault] clock back 1 h after 3 failed attempts → wait ${afterBack} ms (not an hour); forward 1 h → failures forgotten`,
    );
  });
});

describe('fault: clock set back an hour while the centre is down', () => {
  it('the outbox forwards as soon as the centre is back, not an hour later', async () => {
    const centre = await startTestCenter();
    // A gate in front of the centre: 503 while "down", a plain proxy once it is back.
    let up = false;
    const gate = createServer((req, res) => {
      if (!up) {
        res.writeHead(503).end();
        return;
      }
      const target = new URL(req.url ?? '/', centre.url);
      const fwd = request(target, { method: req.method, headers: { ...req.headers, host: target.host } }, (r) => {
        res.writeHead(r.statusCode ?? 502, r.headers);
        r.pipe(res);
      });
      fwd.on('error', () => res.destroy());
      req.pipe(fwd);
    });
    await new Promise<void>((r) => gate.listen(0, '127.0.0.1', r));
    const gateUrl = `http://127.0.0.1:${(gate.address() as { port: number }).port}`;
    const agent = await startOutboxAgent(gateUrl, { pollMs: 100, retryBaseMs: 200, retryMaxMs: 400, ackWaitMs: 0 });
    try {
      const stored = await postJson(`${agent.base}/api/v1/submissions`, submission());
      expect(stored.status).toBe(200);
      const receiptNo = String(stored.body['receiptNo']);
      await new Promise((r) => setTimeout(r, 1000)); // a few failed rounds: the forwarder is backing off
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      vi.setSystemTime(Date.now() - HOUR);
      up = true;
      const atCentre = (): boolean => {
        const db = openSqlite(join(centre.dataDir, 'center.sqlite'), { readonly: true });
        try {
          return db.prepare('SELECT count(*) FROM submissions WHERE receipt_no = ?').pluck().get(receiptNo) === 1;
        } finally {
          db.close();
        }
      };
      const uploaded = await waitFor(() => (atCentre() ? true : undefined), 8000).catch(() => false);
      console.log(
        `[fault] clock set back 1 h while the centre was down → submission uploaded once it was back: ${uploaded}`,
      );
      expect(uploaded).toBe(true);
    } finally {
      vi.useRealTimers();
      await agent.stop();
      gate.close();
      await centre.stop();
    }
  });
});
