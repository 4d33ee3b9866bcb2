import { type SerialPort, SerialPortMock } from 'serialport';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandQueue, type QueueItem } from '../../../device-agent/src/core/command-queue.js';
import type { CommandOutcome } from '../../../device-agent/src/core/service.js';
import { encodeReply } from '../../../device-agent/src/devices/idcard/frame.js';
import { FrameParser } from '../../../device-agent/src/devices/idcard/frame-parser.js';
import { SerialLink } from '../../../device-agent/src/links/serial-link.js';

// Hardening findings, issue 13 item 15: a serial write on a closed port, a throwing command
// runner, and a stray preamble in line noise.

/** Settles within `ms` or says it hung. */
async function settle(p: Promise<unknown>, ms = 2000): Promise<'resolved' | 'rejected' | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), ms)));
  const out = await Promise.race([
    p.then(
      () => 'resolved' as const,
      () => 'rejected' as const,
    ),
    hung,
  ]);
  clearTimeout(timer);
  return out;
}

describe('item 15: serial write after close', () => {
  afterEach(() => SerialPortMock.binding.reset());

  it('item 15: a write whose bytes have not reached the port when it closes fails fast (no hang, no false success)', async () => {
    SerialPortMock.binding.createPort('/dev/ttyMOCK15', { record: true });
    let port: SerialPortMock | undefined;
    const link = new SerialLink({
      path: '/dev/ttyMOCK15',
      baudRate: 115200,
      create: (settings) => {
        port = new SerialPortMock(settings);
        return port as unknown as SerialPort;
      },
    });
    await link.open();
    // The stream holds the bytes (as it does behind an earlier write still in flight).
    port!.cork();
    const write = link.write(Uint8Array.of(0x1b, 0x40));
    write.catch(() => undefined);
    await link.close();
    expect(await settle(write)).toBe('rejected');
    // And once closed, a write is refused at once.
    expect(await settle(link.write(Uint8Array.of(0x0a)), 500)).toBe('rejected');
  });
});

describe('item 15: a throwing command runner', () => {
  it('item 15: completes internalError, the queue moves on, and no rejection goes unhandled', async () => {
    const unhandled: unknown[] = [];
    const onUnhandled = (reason: unknown): void => {
      unhandled.push(reason);
    };
    process.on('unhandledRejection', onUnhandled);
    try {
      const queue = new CommandQueue(4);
      const outcomes: Array<[number, CommandOutcome]> = [];
      const item = (requestId: number, run: () => Promise<CommandOutcome>): QueueItem => ({
        connectionId: 1,
        requestId,
        signal: new AbortController().signal,
        run,
        complete: (outcome) => outcomes.push([requestId, outcome]),
      });
      queue.enqueue(
        item(1, async () => {
          throw new Error('driver bug');
        }),
      );
      queue.enqueue(item(2, async () => ({ completionCode: 'success', payload: {} })));
      for (let i = 0; i < 50 && outcomes.length < 2; i++) await new Promise((r) => setTimeout(r, 10));
      // Give a stray rejection the chance to surface.
      await new Promise((r) => setTimeout(r, 50));
      expect(outcomes.map(([id, o]) => [id, o.completionCode])).toEqual([
        [1, 'internalError'],
        [2, 'success'],
      ]);
      expect(queue.size).toBe(0);
      expect(unhandled).toEqual([]);
    } finally {
      process.off('unhandledRejection', onUnhandled);
    }
  });
});

describe('item 15: idcard frame parser resynchronisation', () => {
  const status = encodeReply(0x90);
  const find = encodeReply(0x9f, Buffer.alloc(4));

  it('item 15: a stray preamble before a valid reply resyncs one byte later and yields the reply', () => {
    // Line noise that happens to hold a preamble and a plausible LEN, right before the real reply.
    const stray = Buffer.from([0x13, 0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x05]);
    const parser = new FrameParser();
    expect(parser.push(Buffer.concat([stray, status]))).toEqual([{ ok: true, frame: status }]);
    expect(parser.buffered).toBe(0);
  });

  it('item 15: a stray preamble claiming more bytes than ever come does not hold back the reply behind it', () => {
    const stray = Buffer.from([0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x01, 0x00, 0x42]);
    const parser = new FrameParser();
    expect(parser.push(Buffer.concat([stray, find]))).toEqual([{ ok: true, frame: find }]);
  });

  it('item 15: a genuinely corrupt frame is still reported, and the next frame still parses', () => {
    const bad = Buffer.from(status);
    bad[bad.length - 1] ^= 0xff;
    const parser = new FrameParser();
    expect(parser.push(Buffer.concat([bad, find]))).toEqual([
      { ok: false, reason: 'checksum', frame: bad },
      { ok: true, frame: find },
    ]);
  });
});
