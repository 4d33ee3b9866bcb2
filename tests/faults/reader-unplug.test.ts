import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESIDENT_ID } from '../../device-agent/src/devices/idcard/fixtures.js';
import { SerialSimulatorPort } from '../../device-agent/src/devices/idcard/serial-simulator-port.js';
import { IdCardSimulator } from '../../device-agent/src/devices/idcard/simulator.js';
import { SocatPair } from '../helpers/socat.js';
import { FAST_TIMING, type IdCardAgent, startIdCardAgent } from '../device-agent/idcard/idcard-harness.js';

// Fault injection: the ID card reader (serial, over a socat pty pair) is unplugged in the middle
// of a read: socat is killed while the reader is still sending the card's text.

describe('fault: ID card reader unplugged during a read', () => {
  let pair: SocatPair;
  let simPort: SerialSimulatorPort;
  let sim: IdCardSimulator;
  let agent: IdCardAgent;

  beforeAll(async () => {
    pair = new SocatPair({ names: ['fault-idcard-host', 'fault-idcard-sim'] });
    await pair.start();
    simPort = new SerialSimulatorPort(pair.b);
    await simPort.open();
    // A slow read (1.5 s for the text reply) leaves time to pull the cable in the middle of it.
    sim = new IdCardSimulator(simPort, { baudRate: 115_200, latency: { find: 0, select: 0, read: 1500 } });
    agent = await startIdCardAgent(
      { transport: 'serial', path: pair.a, baudRate: 115_200 },
      {
        supervisor: { initialDelayMs: 300, maxDelayMs: 2000 },
        timing: { ...FAST_TIMING, readTimeoutMs: 5000, replyTimeoutMs: 3000 },
      },
    );
    await agent.waitForDevice('online');
  });
  afterAll(async () => {
    await agent?.stop();
    sim?.dispose();
    await simPort?.close();
    await pair?.stop();
  });

  it('completes the read with a clear code, stays up, and reads again once the reader is back', async () => {
    const seen = sim.requests.length;
    sim.placeCard('resident');
    const reading = agent.read(30_000);
    // Pull the cable once the reader has the read-text request (30 01): its reply takes 1.5 s.
    const t0 = Date.now();
    while (!sim.requests.slice(seen).includes('30 01') && Date.now() - t0 < 10_000)
      await new Promise((r) => setTimeout(r, 10));
    expect(sim.requests.slice(seen), 'the read never reached the reader').toContain('30 01');
    await pair.kill();
    const outcome = await reading;
    expect(outcome.completionCode).not.toBe('success');
    expect(['hardwareError', 'deviceNotReady', 'commandErrorCode', 'canceled']).toContain(outcome.completionCode);
    expect(outcome.errorDescription ?? outcome.payload.errorCode, 'no explanation given').toBeTruthy();
    expect(JSON.stringify(outcome.payload)).not.toContain(RESIDENT_ID);
    // The agent is still up.
    expect((await fetch(`${agent.base}/healthz`)).status).toBe(200);
    await agent.waitForDevice('powerOff', 6000);
    // Plug back in.
    await pair.start();
    await simPort.open();
    await agent.waitForDevice('online', 20_000);
    await agent.swapCard('resident', sim);
    sim.setLatency({ read: 0 });
    const again = await agent.read(30_000);
    expect(again.completionCode).toBe('success');
    expect(again.payload.idNumber).toBe(RESIDENT_ID);
    console.log(
      `[fault] reader unplugged (socat killed) mid-read → ${outcome.completionCode}${outcome.payload.errorCode ? `/${outcome.payload.errorCode}` : ''} (${outcome.errorDescription ?? ''}); agent stayed up; after replug online and read OK`,
    );
  }, 60_000);
});
