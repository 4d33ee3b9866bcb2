import { describe, expect, it } from 'vitest';
import { FrameParser } from '../../../device-agent/src/devices/idcard/frame-parser.js';
import { checksumOk, encodeReply } from '../../../device-agent/src/devices/idcard/frame.js';

/** mulberry32: a seeded PRNG so a failure can be replayed. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = Math.imul(s ^ (s >>> 15), s | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PIECES = [
  [0xaa],
  [0xaa, 0xaa],
  [0xaa, 0xaa, 0xaa, 0x96],
  [0xaa, 0xaa, 0xaa, 0x96, 0x69],
  [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff],
  [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x00, 0x04],
  [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0x10, 0x01],
];

describe('frame parser fuzz', () => {
  it('never throws, never hangs, never returns a frame with a wrong checksum (100 000 seeded inputs)', () => {
    const seed = 20261129;
    const random = rng(seed);
    const byte = (): number => Math.floor(random() * 256);
    const valid = [encodeReply(0x9f, Buffer.alloc(4)), encodeReply(0x90), encodeReply(0x90, Buffer.alloc(1284, 3))];
    const parser = new FrameParser();
    let goodFrames = 0;
    let wrong = 0;
    let maxBuffered = 0;
    const started = Date.now();
    for (let i = 0; i < 100_000; i++) {
      const parts: Buffer[] = [];
      const count = 1 + Math.floor(random() * 6);
      for (let p = 0; p < count; p++) {
        const kind = random();
        if (kind < 0.4) parts.push(Buffer.from(Array.from({ length: Math.floor(random() * 24) }, byte)));
        else if (kind < 0.7) parts.push(Buffer.from(PIECES[Math.floor(random() * PIECES.length)]));
        else if (kind < 0.85) parts.push(valid[Math.floor(random() * 2)]);
        else {
          const frame = Buffer.from(valid[Math.floor(random() * 2)]);
          frame[Math.floor(random() * frame.length)] = byte();
          parts.push(frame);
        }
      }
      if (i % 1000 === 0) parts.push(valid[2]);
      const input = Buffer.concat(parts);
      for (let at = 0; at < input.length;) {
        const size = 1 + Math.floor(random() * 70);
        for (const out of parser.push(input.subarray(at, at + size))) {
          if (out.ok !== checksumOk(out.frame)) wrong++;
          if (out.ok) goodFrames++;
        }
        at += size;
      }
      // Bounded memory: a stalled partial frame never exceeds one maximum frame.
      maxBuffered = Math.max(maxBuffered, parser.buffered);
      if (i % 5000 === 0) parser.reset();
    }
    expect(wrong).toBe(0);
    expect(maxBuffered).toBeLessThanOrEqual(7 + 4096);
    expect(goodFrames).toBeGreaterThan(10_000);
    expect(Date.now() - started).toBeLessThan(20_000);
  });
});
