import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  FOREIGN_2017_ID,
  FOREIGN_2023_ID,
  HMT_ID,
  RESIDENT_ID,
} from '../../../device-agent/src/devices/idcard/fixtures.js';
import { SerialSimulatorPort } from '../../../device-agent/src/devices/idcard/serial-simulator-port.js';
import { IdCardSimulator } from '../../../device-agent/src/devices/idcard/simulator.js';
import { SocatPair } from '../../helpers/socat.js';
import { type IdCardAgent, startIdCardAgent } from './idcard-harness.js';

// The real serialport link over a socat pty pair; the simulator plays the reader on the far end,
// adding the 115200-baud wire time itself (a pty does not enforce a rate).
describe('idcard over a socat pty pair (real serialport link)', () => {
  let pair: SocatPair;
  let simPort: SerialSimulatorPort;
  let sim: IdCardSimulator;
  let agent: IdCardAgent;

  beforeAll(async () => {
    pair = new SocatPair({ names: ['idcard-host', 'idcard-sim'] });
    await pair.start();
    simPort = new SerialSimulatorPort(pair.b);
    await simPort.open();
    sim = new IdCardSimulator(simPort, { baudRate: 115_200, latency: { find: 0, select: 0, read: 0 } });
    agent = await startIdCardAgent(
      { transport: 'serial', path: pair.a, baudRate: 115_200 },
      { supervisor: { initialDelayMs: 500, maxDelayMs: 3000 } },
    );
    await agent.waitForDevice('online');
  });

  afterAll(async () => {
    await agent?.stop();
    sim?.dispose();
    await simPort?.close();
    await pair?.stop();
  });

  async function swap(card: Parameters<IdCardSimulator['placeCard']>[0]): Promise<void> {
    sim.removeCard();
    const start = Date.now();
    while (agent.status().media !== 'notPresent' && Date.now() - start < 3000)
      await new Promise((r) => setTimeout(r, 10));
    sim.placeCard(card);
  }

  it('reads all four card types', async () => {
    sim.placeCard('resident');
    expect((await agent.read()).payload).toMatchObject({
      cardType: 'resident',
      name: '张三',
      idNumber: RESIDENT_ID,
      validUntil: '长期',
      ethnicity: '汉',
    });
    await swap('hkMacaoTaiwan');
    expect((await agent.read()).payload).toMatchObject({ cardType: 'hkMacaoTaiwan', idNumber: HMT_ID });
    await swap('foreignPermanent2017');
    expect((await agent.read()).payload).toMatchObject({ cardType: 'foreignPermanent2017', idNumber: FOREIGN_2017_ID });
    await swap('foreignPermanent2023');
    expect((await agent.read()).payload).toMatchObject({ cardType: 'foreignPermanent2023', idNumber: FOREIGN_2023_ID });
  });

  it('reads with every reply cut into random 1-to-70-byte chunks, and with garbage before frames', async () => {
    sim.chunking({ min: 1, max: 70 });
    for (const card of ['resident', 'hkMacaoTaiwan', 'foreignPermanent2017', 'foreignPermanent2023'] as const) {
      await swap(card);
      expect((await agent.read()).payload.cardType).toBe(card);
    }
    sim.chunking(null);
    sim.garbage({ before: true });
    await swap('resident');
    expect((await agent.read()).payload.idNumber).toBe(RESIDENT_ID);
    sim.garbage(null);
  });

  it('checksum error → retried → success; persistent → readFailed', async () => {
    await swap('resident');
    sim.corruptNextFrames(1, '3001');
    expect((await agent.read()).completionCode).toBe('success');
    await swap('resident');
    sim.corruptNextFrames(2, '3001');
    expect(await agent.read()).toMatchObject({
      completionCode: 'commandErrorCode',
      payload: { errorCode: 'readFailed' },
    });
  });

  it('card removed mid-read → noMedia (status 41 and a reply cut off half-way)', async () => {
    await swap('resident');
    sim.removeCardAt('duringRead');
    expect(await agent.read()).toMatchObject({ completionCode: 'commandErrorCode', payload: { errorCode: 'noMedia' } });
    sim.placeCard('resident');
    sim.removeCardAt('duringRead', 600);
    const cut = await agent.read();
    expect(cut).toMatchObject({ completionCode: 'commandErrorCode', payload: { errorCode: 'noMedia' } });
    expect(cut.payload).not.toHaveProperty('name');
  });

  it('no card → timeOut at the requested timeout', async () => {
    sim.removeCard();
    const started = Date.now();
    expect((await agent.read(1500)).completionCode).toBe('timeOut');
    expect(Date.now() - started).toBeGreaterThanOrEqual(1490);
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('unplug (kill socat) → powerOff within 6 s; replug → online within 20 s and reads again', async () => {
    await pair.kill();
    const off = await agent.waitForDevice('powerOff', 6000);
    expect(off).toBeLessThan(6000);
    expect(agent.status().media).toBe('unknown');
    // Stay unplugged long enough for several failed reopen attempts (backoff), logged once.
    await new Promise((r) => setTimeout(r, 2500));
    expect(agent.status().device).toBe('powerOff');
    expect(
      agent
        .logText()
        .split('\n')
        .filter((line) => line.includes('cannot open')),
    ).toHaveLength(1);
    await pair.start();
    await simPort.open();
    const on = await agent.waitForDevice('online', 20_000);
    expect(on).toBeLessThan(20_000);
    expect(agent.status().connection?.reconnects).toBeGreaterThanOrEqual(1);
    sim.placeCard('resident');
    expect((await agent.read()).payload.idNumber).toBe(RESIDENT_ID);
  }, 30_000);

  it("the agent's log never contains the names or ID numbers read (text or UTF-16LE hex)", () => {
    const log = agent.logText();
    for (const secret of [
      '张三',
      '李四',
      '测试爱丽丝',
      '测试鲍勃',
      'TEST, ALICE',
      RESIDENT_ID,
      HMT_ID,
      FOREIGN_2017_ID,
      FOREIGN_2023_ID,
      '北京市朝阳区测试路一号',
    ]) {
      expect(log).not.toContain(secret);
      expect(log.toLowerCase()).not.toContain(Buffer.from(secret, 'utf16le').toString('hex'));
    }
    expect(log).toContain('idcard read');
    expect(sim.requests).not.toContain('30 10');
  });
});
