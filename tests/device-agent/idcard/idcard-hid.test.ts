import { afterEach, describe, expect, it } from 'vitest';
import { FOREIGN_2023_ID, RESIDENT_ID } from '../../../device-agent/src/devices/idcard/fixtures.js';
import { SimulatedHidDevice } from '../../../device-agent/src/devices/idcard/simulated-hid-device.js';
import { IdCardSimulator } from '../../../device-agent/src/devices/idcard/simulator.js';
import { type IdCardAgent, startIdCardAgent } from './idcard-harness.js';

let agent: IdCardAgent | undefined;
afterEach(async () => {
  await agent?.stop();
  agent = undefined;
});

describe('idcard over HID (Miaxis envelope, node-hid surface)', () => {
  it('reads through 64-byte reports, goes powerOff on a HID error and back online', async () => {
    const device = new SimulatedHidDevice();
    const sim = new IdCardSimulator(device.port, { latency: { find: 0, select: 0, read: 0 } });
    agent = await startIdCardAgent(
      { transport: 'hid', vendorId: '10c4', productId: '0007' },
      { hidOpen: device.open, supervisor: { initialDelayMs: 100, maxDelayMs: 300 } },
    );
    await agent.waitForDevice('online');
    sim.placeCard('resident');
    expect((await agent.read()).payload).toMatchObject({ cardType: 'resident', idNumber: RESIDENT_ID });
    // Every output report: report ID 0 + 64 bytes, the find request wrapped as in the reference.
    expect(device.written.every((r) => r.length === 65 && r[0] === 0)).toBe(true);
    expect(
      device.written.some((r) => r.subarray(1, 19).toString('hex') === '8800000b00b1aaaaaa96690003200122ff03'),
    ).toBe(true);

    sim.unplug();
    await agent.waitForDevice('powerOff', 1000);
    sim.plug();
    await agent.waitForDevice('online', 3000);
    await agent.swapCard('foreignPermanent2023', sim);
    const again = await agent.read();
    expect(again, JSON.stringify({ ...again, payload: again.payload.errorCode })).toMatchObject({
      completionCode: 'success',
    });
    expect(again.payload.idNumber).toBe(FOREIGN_2023_ID);
    sim.dispose();
  });
});
