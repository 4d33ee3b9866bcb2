import { SerialPortMock, type SerialPort } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { RESIDENT_ID } from '../../../device-agent/src/devices/idcard/fixtures.js';
import { IdCardSimulator, type SimulatorPort } from '../../../device-agent/src/devices/idcard/simulator.js';
import { type IdCardAgent, startIdCardAgent } from './idcard-harness.js';

const PATH = '/dev/ttyMOCKIDCARD';
// The binding instance serialport's (CommonJS) SerialPortMock uses; an ESM import of
// @serialport/binding-mock is a second instance with its own port registry.
const MockBinding = SerialPortMock.binding;
type MockPortBinding = InstanceType<typeof SerialPortMock>['port'] & {
  emitData(data: Buffer): void;
  recording: Buffer;
  isOpen: boolean;
  write: (buffer: Buffer) => Promise<void>;
};

/** Plays the simulator on SerialPortMock: host writes reach the simulator, its replies are emitted as port data. */
function mockSeam(): {
  create: (o: { path: string; baudRate: number; autoOpen: false }) => SerialPort;
  port: SimulatorPort;
  binding: () => MockPortBinding;
} {
  let listener: ((chunk: Buffer) => void) | undefined;
  let binding: MockPortBinding | undefined;
  const create = (options: { path: string; baudRate: number; autoOpen: false }): SerialPort => {
    const port = new SerialPortMock(options);
    port.on('open', () => {
      const b = port.port as MockPortBinding;
      binding = b;
      const write = b.write.bind(b);
      b.write = async (buffer: Buffer) => {
        await write(buffer);
        listener?.(Buffer.from(buffer));
      };
    });
    return port as unknown as SerialPort;
  };
  return {
    create,
    binding: () => binding!,
    port: {
      send: (data) => {
        if (binding?.isOpen) binding.emitData(data);
      },
      onData: (l) => {
        listener = l;
      },
    },
  };
}

let agent: IdCardAgent | undefined;
afterEach(async () => {
  await agent?.stop();
  agent = undefined;
  MockBinding.reset();
});

describe('idcard over SerialPortMock', () => {
  it('reads a card, survives 1-byte chunks, and goes powerOff on a read error then back online', async () => {
    MockBinding.createPort(PATH, { echo: false, record: true });
    const seam = mockSeam();
    const sim = new IdCardSimulator(seam.port, { latency: { find: 0, select: 0, read: 0 } });
    agent = await startIdCardAgent(
      { transport: 'serial', path: PATH },
      { serialCreate: seam.create, supervisor: { initialDelayMs: 100, maxDelayMs: 300 } },
    );
    await agent.waitForDevice('online');
    sim.chunking({ min: 1, max: 1 });
    sim.placeCard('resident');
    const done = await agent.read();
    expect(done.payload).toMatchObject({ cardType: 'resident', idNumber: RESIDENT_ID });
    // Every command went out as the exact reference bytes.
    const written = seam.binding().recording.toString('hex');
    expect(written).toContain('aaaaaa96690003200122');
    expect(written).toContain('aaaaaa96690003200221');
    expect(written).toContain('aaaaaa96690003300132');
    expect(written).not.toContain('aaaaaa96690003301023');

    // Unplug as node-serialport sees it: a read fails with a non-canceled error.
    const binding = seam.binding();
    Object.assign(binding, { read: () => Promise.reject(new Error('EIO: device unplugged')) });
    binding.emitData(Buffer.from([0]));
    await agent.waitForDevice('powerOff', 2000);
    await agent.waitForDevice('online', 5000);
    expect(agent.status().connection?.reconnects).toBeGreaterThanOrEqual(1);
    sim.dispose();
  });

  it('a missing port is powerOff, not a crash', async () => {
    const seam = mockSeam();
    agent = await startIdCardAgent({ transport: 'serial', path: '/dev/ttyMOCKABSENT' }, { serialCreate: seam.create });
    await agent.waitForDevice('powerOff', 2000);
    expect((await agent.read()).completionCode).toBe('deviceNotReady');
  });
});
