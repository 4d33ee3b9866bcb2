import { createServer, request } from 'node:http';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openSqlite } from '@kiosk/node-common/sqlite';
import { backoffDelay } from '@kiosk/domain/backoff';
import { FailureLimiter } from '@kiosk/node-common/failure-limiter';
import { decisionDueBy } from '../../service-center/src/legal-aid-clock.js';
import { LoginLimiter } from '../../device-agent/src/admin/login-limiter.js';
import { MemoryLink } from '../../device-agent/src/links/memory-link.js';
import { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { EPSON_STATUS, resolveProfile } from '../../device-agent/src/devices/printer/profiles.js';
import { PrinterSimulator } from '../../device-agent/src/devices/printer/simulator.js';
import { DEMO_CONFIG } from '../helpers/agent-harness.js';
import { loggedInAgent } from '../device-agent/admin/admin-test-client.js';
import { FIXED_NOW, LEGAL_AID_FIELDS, outcomeOf, printerDeps } from '../device-agent/printer/printer-fixtures.js';
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
    let refused = 0;
    const gate = createServer((req, res) => {
      if (!up) {
        refused++;
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
      // A few failed rounds: the forwarder is backing off.
      await waitFor(() => (refused >= 3 ? true : undefined), 10_000);
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

describe('fault: clock jumps an hour on the terminal (idle timers, the page watchdog, the printer)', () => {
  it('the kiosk page heartbeat ages by elapsed time: a jump either way does not read as a stopped page', async () => {
    vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
    const { agent } = await loggedInAgent(DEMO_CONFIG, { now: undefined });
    const age = async (): Promise<number | null> =>
      ((await (await fetch(`${agent.base}/api/v1/heartbeat`)).json()) as { ageSec: number | null }).ageSec;
    try {
      const beat = await fetch(`${agent.base}/api/v1/heartbeat`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(beat.status).toBe(200);
      vi.setSystemTime(Date.now() + HOUR);
      const forward = await age();
      vi.setSystemTime(Date.now() - 2 * HOUR);
      const back = await age();
      console.log(`[fault] clock +1 h, then −1 h after a page heartbeat → age read ${forward} s, then ${back} s`);
      // deploy/chromium/kiosk-launcher.sh restarts the browser above 45 s, or on an age it cannot read.
      for (const a of [forward, back]) {
        expect(a).toBeGreaterThanOrEqual(0);
        expect(a).toBeLessThan(45);
      }
    } finally {
      await agent.stop();
    }
  });

  it('an admin login: an hour set back stretches neither the 5-minute re-authentication nor the 15-minute idle timer; an hour forward ends nothing', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'performance'], shouldAdvanceTime: true });
    const { agent, client } = await loggedInAgent(DEMO_CONFIG, { now: undefined });
    const devicesPatch = { devices: { printer: { transport: 'simulated', paperWidthMm: 58 } } };
    try {
      vi.setSystemTime(Date.now() + HOUR);
      const afterForward = (await client.get('/admin/api/config')).status;
      vi.setSystemTime(Date.now() - 2 * HOUR);
      vi.advanceTimersByTime(6 * 60_000);
      const patch = (await client.request('PATCH', '/admin/api/config', devicesPatch)).status;
      vi.advanceTimersByTime(16 * 60_000);
      const afterIdle = (await client.get('/admin/api/config')).status;
      console.log(
        `[fault] admin login, clock +1 h → ${afterForward}; clock −1 h and 6 min later a devices change → ${patch}; 16 min idle → ${afterIdle}`,
      );
      expect(afterForward).toBe(200);
      expect(patch).toBe(403);
      expect(afterIdle).toBe(401);
    } finally {
      await agent.stop();
    }
  });

  it('the admin login limiter never blocks for longer than its window when the clock is set back an hour', () => {
    let now = Date.parse('2026-11-29T02:00:00Z');
    const limiter = new LoginLimiter(() => now);
    for (let i = 0; i < 5; i++) limiter.recordFailure('10.0.0.9', 'technician');
    const before = limiter.retryAfterMs('10.0.0.9', 'technician');
    now -= HOUR;
    const afterBack = limiter.retryAfterMs('10.0.0.9', 'technician');
    console.log(`[fault] 5 failed admin logins, clock −1 h → wait ${afterBack} ms (was ${before} ms)`);
    expect(before).toBeGreaterThan(0);
    expect(afterBack).toBeLessThanOrEqual(10 * 60_000);
  });

  const simulatedPrinter = async (model: 'standard' | 'clone-no-gsr') => {
    const link = new MemoryLink('simulated printer');
    const sim = new PrinterSimulator(EPSON_STATUS, 576, { model }).attach(link.device);
    const printer = new PrinterService(printerDeps({ transport: 'simulated', paperWidthMm: 80 }), {
      link,
      transport: 'simulated',
      profile: resolveProfile(80).profile,
      simulator: sim,
      endMarkerTimeoutMs: 2000,
      pollIntervalMs: 100,
      now: () => FIXED_NOW,
    });
    await printer.start();
    await waitFor(() => (printer.status().device === 'online' ? true : undefined), 5000);
    return { sim, printer };
  };
  const never = new AbortController().signal;

  it('a receipt on a printer without GS r 1 completes when the clock is set back an hour while it prints', async () => {
    const { sim, printer } = await simulatedPrinter('clone-no-gsr');
    try {
      const print = () => printer.printForm({ form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS }, never);
      expect((await print()).completionCode).toBe('success'); // learns that no end marker comes
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      // Once the receipt is out and the driver reads DLE EOT to judge it, the clock goes back an hour.
      let armed = false;
      let jumped = false;
      sim.once('job', () => (armed = true));
      sim.on('query', () => {
        if (!armed || jumped) return;
        jumped = true;
        vi.setSystemTime(Date.now() - HOUR);
      });
      const t0 = performance.now();
      const outcome = await Promise.race([
        print(),
        new Promise<{ completionCode: string }>((r) =>
          setTimeout(() => r({ completionCode: 'still printing after 15 s' }), 15_000),
        ),
      ]);
      const ms = Math.round(performance.now() - t0);
      console.log(`[fault] clock −1 h while a receipt was judged from DLE EOT → ${outcome.completionCode} in ${ms} ms`);
      expect(jumped).toBe(true);
      expect(outcome.completionCode).toBe('success');
    } finally {
      await printer.stop();
    }
  });

  it('a receipt kept after paper-out survives the clock jumping forward an hour, and reprints', async () => {
    const { sim, printer } = await simulatedPrinter('standard');
    try {
      sim.setPaper('out');
      await waitFor(() => (printer.status().paper === 'out' ? true : undefined), 5000);
      const out = await outcomeOf(printer.printForm({ form: 'legal-aid-receipt', fields: LEGAL_AID_FIELDS }, never));
      const heldJobId = (out.payload as { heldJobId?: string }).heldJobId;
      expect(heldJobId).toBeTruthy();
      vi.useFakeTimers({ toFake: ['Date'], shouldAdvanceTime: true });
      vi.setSystemTime(Date.now() + HOUR);
      // A few status polls pass (each one drops receipts kept too long).
      let polls = 0;
      sim.on('query', () => polls++);
      await waitFor(() => (polls >= 6 ? true : undefined), 10_000);
      sim.setPaper('full');
      const again = await outcomeOf(printer.reprint(heldJobId!, never));
      console.log(`[fault] receipt kept after paper-out, clock +1 h → reprint ${again.completionCode}`);
      expect(again.completionCode).toBe('success');
      expect(sim.jobs()).toHaveLength(1);
    } finally {
      await printer.stop();
    }
  });
});
