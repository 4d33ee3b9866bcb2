import { describe, expect, it } from 'vitest';
import { FrameParser } from '../../../device-agent/src/devices/idcard/frame-parser.js';
import { COMMANDS, decodeReply, encodeFrame, encodeRequest } from '../../../device-agent/src/devices/idcard/frame.js';
import { IdCardSimulator, type SimulatorPort } from '../../../device-agent/src/devices/idcard/simulator.js';

/** Drives the simulator with raw request bytes and collects its replies' SW3. */
function harness(options = {}) {
  const parser = new FrameParser();
  const replies: number[] = [];
  let deliver: (chunk: Buffer) => void = () => undefined;
  const port: SimulatorPort = {
    send: (data) => {
      for (const f of parser.push(data)) replies.push(f.ok ? decodeReply(f.frame).sw3 : -1);
    },
    onData: (listener) => {
      deliver = listener;
    },
  };
  const sim = new IdCardSimulator(port, { latency: { find: 0, select: 0, read: 0 }, ...options });
  const ask = async (bytes: Buffer): Promise<number> => {
    const before = replies.length;
    deliver(bytes);
    for (let i = 0; i < 500 && replies.length === before; i++) await new Promise((r) => setTimeout(r, 2));
    return replies[before];
  };
  return { sim, ask };
}

describe('simulator, reader side (idcard-reader.md §9.2)', () => {
  it('answers a bad request XOR with 10, a bad LEN with 11, unknown commands and 30 02 with 21', async () => {
    const { ask } = harness();
    const bad = encodeRequest(COMMANDS.find);
    bad[bad.length - 1] ^= 1;
    expect(await ask(bad)).toBe(0x10);
    expect(await ask(encodeFrame(Buffer.alloc(0x120)))).toBe(0x11);
    expect(await ask(encodeRequest({ cmd: 0x30, para: 0x02 }))).toBe(0x21);
    expect(await ask(encodeRequest({ cmd: 0x77, para: 0x01 }))).toBe(0x21);
  });

  it('follows find → select → read, latches after a read until the card is lifted', async () => {
    const { sim, ask } = harness();
    expect(await ask(encodeRequest(COMMANDS.find))).toBe(0x80);
    sim.placeCard('resident');
    expect(await ask(encodeRequest(COMMANDS.readText))).toBe(0x41);
    expect(await ask(encodeRequest(COMMANDS.find))).toBe(0x9f);
    expect(await ask(encodeRequest(COMMANDS.select))).toBe(0x90);
    expect(await ask(encodeRequest(COMMANDS.readText))).toBe(0x90);
    expect(sim.latched).toBe(true);
    expect(await ask(encodeRequest(COMMANDS.find))).toBe(0x80);
    expect(await ask(encodeRequest(COMMANDS.newAddress))).toBe(0x91);
    sim.removeCard();
    expect(await ask(encodeRequest(COMMANDS.newAddress))).toBe(0x41);
    sim.placeCard('resident');
    expect(await ask(encodeRequest(COMMANDS.find))).toBe(0x9f);
  });

  it('answers every command 60 / 66 while the SAM is faulty', async () => {
    const { sim, ask } = harness();
    sim.setSamFailure(true);
    expect(await ask(encodeRequest(COMMANDS.samStatus))).toBe(0x60);
    sim.setSam('unauthorized');
    expect(await ask(encodeRequest(COMMANDS.find))).toBe(0x66);
    sim.setSam('ok');
    expect(await ask(encodeRequest(COMMANDS.samStatus))).toBe(0x90);
  });

  it('paces replies at the wire rate: a 1295-byte read reply takes about 112 ms at 115200 baud', async () => {
    const { sim, ask } = harness({ baudRate: 115_200 });
    sim.placeCard('resident');
    await ask(encodeRequest(COMMANDS.find));
    await ask(encodeRequest(COMMANDS.select));
    const started = performance.now();
    expect(await ask(encodeRequest(COMMANDS.readText))).toBe(0x90);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
  });
});
