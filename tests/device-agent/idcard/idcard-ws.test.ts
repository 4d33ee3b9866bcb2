import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RESIDENT_ID } from '../../../device-agent/src/devices/idcard/fixtures.js';
import { TestWsClient } from '../../helpers/ws-client.js';
import { type IdCardAgent, startIdCardAgent } from './idcard-harness.js';

const NO_LATENCY = { latency: { find: 0, select: 0, read: 0 } };
let agent: IdCardAgent | undefined;
const clients: TestWsClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) await c.close().catch(() => undefined);
  await agent?.stop();
  agent = undefined;
});

async function connect(a: IdCardAgent): Promise<TestWsClient> {
  const c = await TestWsClient.connect(a.wsUrl);
  clients.push(c);
  return c;
}

describe('idcard.read over the WebSocket', () => {
  it('events and card data go to the requester only; other clients see only status', async () => {
    agent = await startIdCardAgent({ transport: 'simulated' }, { simulator: NO_LATENCY });
    await agent.waitForDevice('online');
    const requester = await connect(agent);
    const bystander = await connect(agent);
    requester.send('idcard.read', 1);
    await requester.waitFor((m) => m.header.name === 'idcard.insertCard');
    agent.service.simulator!.placeCard('resident');
    const done = await requester.completion(1);
    expect(done.payload).toMatchObject({ idNumber: RESIDENT_ID });
    expect(requester.messages.map((m) => m.header.name)).toEqual(
      expect.arrayContaining(['idcard.insertCard', 'idcard.mediaDetected']),
    );
    await new Promise((r) => setTimeout(r, 100));
    const seen = JSON.stringify(bystander.messages);
    expect(bystander.messages.every((m) => m.header.type === 'unsolicited')).toBe(true);
    expect(seen).not.toContain(RESIDENT_ID);
    expect(seen).not.toContain('张三');
    expect(seen).toContain('"media":"present"');
  });

  it('cancel while polling → canceled, and the next read is not confused by a late reply', async () => {
    agent = await startIdCardAgent({ transport: 'simulated' }, { simulator: NO_LATENCY });
    await agent.waitForDevice('online');
    const sim = agent.service.simulator!;
    const client = await connect(agent);
    client.send('idcard.read', 1);
    await client.waitFor((m) => m.header.name === 'idcard.insertCard');
    sim.delayNext(300);
    client.send('common.cancel', 2, { requestIds: [1] });
    expect((await client.completion(1)).header).toMatchObject({ completionCode: 'canceled' });
    sim.placeCard('resident');
    client.send('idcard.read', 3);
    expect(await client.completion(3)).toMatchObject({
      header: { completionCode: 'success' },
      payload: { idNumber: RESIDENT_ID },
    });
  });

  it('a disconnect while polling cancels the read; the device goes back online', async () => {
    agent = await startIdCardAgent({ transport: 'simulated' }, { simulator: NO_LATENCY });
    await agent.waitForDevice('online');
    const client = await connect(agent);
    client.send('idcard.read', 1);
    await client.waitFor((m) => m.header.name === 'idcard.insertCard');
    expect(agent.status().device).toBe('deviceBusy');
    clients.splice(clients.indexOf(client), 1);
    await client.close();
    await agent.waitForDevice('online', 2000);
  });
});

describe('WLT photo plugin', () => {
  it('adds the decoded image when a decoder is configured; the photo never reaches the log', async () => {
    const dir = (await import('node:fs')).mkdtempSync(join((await import('node:os')).tmpdir(), 'wlt-'));
    const script = join(dir, 'fake-decoder.cjs');
    // Stands in for a vendor decoder: reads the 1024 WLT bytes, writes a PNG signature + their length.
    writeFileSync(
      script,
      `let n=0;process.stdin.on('data',c=>n+=c.length);process.stdin.on('end',()=>{process.stdout.write(Buffer.concat([Buffer.from([0x89,0x50,0x4e,0x47,0x0d,0x0a,0x1a,0x0a]),Buffer.from(String(n))]))})`,
    );
    agent = await startIdCardAgent(
      { transport: 'simulated', photoDecoder: [process.execPath, script] },
      { simulator: NO_LATENCY },
    );
    await agent.waitForDevice('online');
    agent.service.simulator!.placeCard('resident');
    const done = await agent.read();
    expect(done.payload.photo?.decoded?.mimeType).toBe('image/png');
    expect(Buffer.from(done.payload.photo!.decoded!.base64, 'base64').subarray(8).toString()).toBe('1024');
    expect(agent.logText()).not.toContain(done.payload.photo!.base64.slice(0, 40));
  });

  it('a failing decoder leaves the read successful with the raw WLT only', async () => {
    agent = await startIdCardAgent(
      { transport: 'simulated', photoDecoder: ['/nonexistent/wlt-decoder'] },
      { simulator: NO_LATENCY },
    );
    await agent.waitForDevice('online');
    agent.service.simulator!.placeCard('resident');
    const done = await agent.read();
    expect(done.completionCode).toBe('success');
    expect(done.payload.photo).toMatchObject({ format: 'wlt' });
    expect(done.payload.photo).not.toHaveProperty('decoded');
    expect(agent.logText()).toContain('idcard photo decoder');
  });
});
