import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FleetTerminal } from '@kiosk/contract/staff-api';
import { AdminModule } from '../../../device-agent/src/admin/admin-module.js';
import { printerExtras } from '../../../device-agent/src/admin/device-extras.js';
import { FleetModule } from '../../../device-agent/src/fleet/fleet-module.js';
import { OutboxModule } from '../../../device-agent/src/outbox/outbox-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { staffLogin } from '../../service-center/center-harness.js';
import { startFleetCentre, type FleetCentre } from '../../service-center/fleet/fleet-centre.js';

// The agent's heartbeat against a real centre (issue 14 item 3 acceptance): the simulated printer
// runs out of paper and the fleet page's API shows it within one heartbeat interval; a readiness
// report asked for on the centre arrives with a heartbeat; a stopped agent is flagged silent.

const INTERVAL_S = 1;

async function until<T>(what: () => Promise<T>, ok: (v: T) => boolean, timeoutMs: number): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await what();
    if (ok(v)) return v;
    if (Date.now() > end) throw new Error(`timed out; last value ${JSON.stringify(v)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('fleet heartbeat from the agent', () => {
  let c: FleetCentre;
  let t: TestAgent;
  let fleet: (path?: string) => Promise<FleetTerminal>;

  beforeAll(async () => {
    c = await startFleetCentre({ silentAfterS: 3, heartbeatsPerMinute: 120 });
    await c.addStaff('wang', 'staff-password-1', 'staff');
    t = await startTestAgent(
      { ...DEMO_CONFIG, center: { url: c.url, token: 'test-terminal-token', heartbeatSeconds: INTERVAL_S } },
      {
        modules: [
          (ctx) => new AdminModule(ctx, { scrypt: { ln: 4, r: 8, p: 1 } }),
          (ctx) => new OutboxModule(ctx),
          (ctx) => new FleetModule(ctx),
        ],
      },
    );
    const wang = await staffLogin(c.url, 'wang', 'staff-password-1');
    fleet = async () => (await (await wang.call('/api/v1/staff/fleet/test-0001')).json()) as FleetTerminal;
  });

  afterAll(async () => {
    await t?.stop();
    await c?.stop();
  });

  it('sends counts and states only: version, devices, paper, outbox, disk, clock offset', async () => {
    const seen = await until(fleet, (f) => f.heartbeat?.clockOffsetMs !== undefined, 10_000);
    const beat = seen.heartbeat!;
    expect(beat.agentVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(beat.devices.printer).toMatchObject({ device: 'online', paper: 'full' });
    expect(beat.devices.idcard.device).toBe('online');
    expect(beat.outbox).toEqual({ depth: 0, oldestAgeSec: null, lastForwardAt: null });
    expect(beat.diskFreeBytes).toBeGreaterThan(0);
    expect(Math.abs(beat.clockOffsetMs!)).toBeLessThan(1_000); // same machine, same clock
    expect(seen.regionCode).toBe('450100');
    expect(seen.flags).toEqual([]);
  });

  it('shows a printer that ran out of paper within one heartbeat interval', async () => {
    const sim = printerExtras(t.agent.services.get('printer')).simulator!;
    await sim.setPaper('out');
    // The agent notices through its status poll; the next heartbeat carries it.
    await until(
      async () => t.agent.statusDocument().services.printer.paper,
      (p) => p === 'out',
      5_000,
    );
    const noticed = Date.now();
    const f = await until(fleet, (v) => v.flags.includes('paperOut'), 5_000);
    expect(Date.now() - noticed).toBeLessThanOrEqual(INTERVAL_S * 1000 + 600);
    expect(f.heartbeat?.devices.printer.paper).toBe('out');
    await sim.setPaper('full');
  });

  it('sends the readiness report when the centre asks for it', async () => {
    const wang = await staffLogin(c.url, 'wang', 'staff-password-1');
    expect((await wang.call('/api/v1/staff/fleet/test-0001/readiness', { method: 'POST', body: {} })).status).toBe(200);
    const f = await until(fleet, (v) => v.readiness !== undefined && v.readinessRequestedAt === undefined, 25_000);
    const ids = f.readiness!.checks.map((check) => check.id);
    expect(ids).toEqual(expect.arrayContaining(['config', 'password', 'idcard', 'printer']));
    // No technician password is set on this fresh terminal: the report says so.
    expect(f.readiness!.checks.find((check) => check.id === 'password')?.ok).toBe(false);
    expect(f.readiness!.ok).toBe(false);
  });

  it('flags the terminal once its agent is stopped', async () => {
    await t.stop();
    const f = await until(fleet, (v) => v.flags.includes('silent'), 8_000);
    expect(f.silentSec).toBeGreaterThanOrEqual(3);
  });
});
