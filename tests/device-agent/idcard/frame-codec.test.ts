import { describe, expect, it } from 'vitest';
import { FrameParser } from '../../../device-agent/src/devices/idcard/frame-parser.js';
import {
  COMMANDS,
  checksumOk,
  decodeReply,
  encodeReply,
  encodeRequest,
  hex,
} from '../../../device-agent/src/devices/idcard/frame.js';
import {
  unwrapRequest,
  unwrapResponse,
  wrapRequest,
  wrapResponse,
} from '../../../device-agent/src/devices/idcard/miaxis-envelope.js';
import { describeSw3 } from '../../../device-agent/src/devices/idcard/status-codes.js';

const bytes = (text: string): Buffer => Buffer.from(text.replace(/\s/g, ''), 'hex');

describe('GA 467 frames (idcard-reader.md §3)', () => {
  it('encodes the exact request bytes of the reference', () => {
    expect(hex(encodeRequest(COMMANDS.find))).toBe('AA AA AA 96 69 00 03 20 01 22');
    expect(hex(encodeRequest(COMMANDS.select))).toBe('AA AA AA 96 69 00 03 20 02 21');
    expect(hex(encodeRequest(COMMANDS.readText))).toBe('AA AA AA 96 69 00 03 30 01 32');
    expect(hex(encodeRequest(COMMANDS.samStatus))).toBe('AA AA AA 96 69 00 03 11 FF ED');
    expect(hex(encodeRequest(COMMANDS.samId))).toBe('AA AA AA 96 69 00 03 12 FF EE');
    expect(hex(encodeRequest(COMMANDS.resetSam))).toBe('AA AA AA 96 69 00 03 10 FF EC');
    expect(hex(encodeRequest(COMMANDS.newAddress))).toBe('AA AA AA 96 69 00 03 30 03 30');
    expect(hex(encodeRequest({ cmd: 0x61, para: 0xff, data: [0x50] }))).toBe('AA AA AA 96 69 00 04 61 FF 50 CA');
  });

  it('encodes and decodes the reference replies', () => {
    expect(hex(encodeReply(0x9f, Buffer.alloc(4)))).toBe('AA AA AA 96 69 00 08 00 00 9F 00 00 00 00 97');
    expect(hex(encodeReply(0x80))).toBe('AA AA AA 96 69 00 04 00 00 80 84');
    expect(hex(encodeReply(0x90, Buffer.alloc(8)))).toBe('AA AA AA 96 69 00 0C 00 00 90 00 00 00 00 00 00 00 00 9C');
    const statusFrames: Array<[number, string]> = [
      [0x41, '45'],
      [0x81, '85'],
      [0x60, '64'],
      [0x66, '62'],
      [0x24, '20'],
      [0x10, '14'],
    ];
    for (const [sw3, chk] of statusFrames) expect(hex(encodeReply(sw3)).slice(-2)).toBe(chk);
    const reply = decodeReply(bytes('AAAAAA9669 0008 00009F 00000000 97'));
    expect(reply).toMatchObject({ sw1: 0, sw2: 0, sw3: 0x9f, len: 8 });
    expect(reply.data).toHaveLength(4);
  });

  it('flags a wrong checksum (the libusb sample with … 20 01 21 is wrong)', () => {
    expect(checksumOk(bytes('AAAAAA9669 0003 2001 22'))).toBe(true);
    expect(checksumOk(bytes('AAAAAA9669 0003 2001 21'))).toBe(false);
  });

  it('maps SW3 verdicts, treating unknown codes as 24 (resend)', () => {
    expect(describeSw3(0x41).action).toBe('cardMoved');
    expect(describeSw3(0x31).action).toBe('authRetry');
    expect(describeSw3(0x60).action).toBe('samError');
    expect(describeSw3(0x91).action).toBe('noContent');
    expect(describeSw3(0x77)).toMatchObject({ action: 'resend', text: 'unknown status 0x77' });
  });
});

describe('streaming parser (idcard-reader.md §1.4)', () => {
  const find = encodeReply(0x9f, Buffer.alloc(4));
  const status = encodeReply(0x90);

  it('reassembles a frame fed one byte at a time, including a split preamble', () => {
    const parser = new FrameParser();
    const out = [...find].flatMap((b) => parser.push(Buffer.from([b])));
    expect(out).toEqual([{ ok: true, frame: find }]);
  });

  it('returns back-to-back frames from one chunk and keeps a started one', () => {
    const parser = new FrameParser();
    const out = parser.push(Buffer.concat([find, status, status.subarray(0, 6)]));
    expect(out.map((f) => f.frame)).toEqual([find, status]);
    expect(parser.push(status.subarray(6))).toEqual([{ ok: true, frame: status }]);
  });

  it('skips garbage and false starts, including AA AA AA 96 69 FF FF', () => {
    const parser = new FrameParser();
    const junk = bytes('01 AA AA 02 AAAAAA96 AAAAAA9669FFFF 7E');
    expect(parser.push(Buffer.concat([junk, find]))).toEqual([{ ok: true, frame: find }]);
  });

  it('rejects LEN below 4 or above 4096 and resynchronises', () => {
    const parser = new FrameParser();
    const tooShort = bytes('AAAAAA9669 0003 000090 93');
    const tooLong = bytes('AAAAAA9669 1001');
    expect(parser.push(Buffer.concat([tooShort, tooLong, status]))).toEqual([{ ok: true, frame: status }]);
  });

  it('reports a bad checksum without acting on it and carries on', () => {
    const parser = new FrameParser();
    const bad = Buffer.from(status);
    bad[bad.length - 1] ^= 0xff;
    expect(parser.push(Buffer.concat([bad, find]))).toEqual([
      { ok: false, reason: 'checksum', frame: bad },
      { ok: true, frame: find },
    ]);
  });
});

describe('Miaxis HID envelope (idcard-reader.md §7.2)', () => {
  it('wraps find exactly as the worked example', () => {
    const report = wrapRequest(encodeRequest(COMMANDS.find));
    expect(report).toHaveLength(64);
    expect(hex(report.subarray(0, 18))).toBe('88 00 00 0B 00 B1 AA AA AA 96 69 00 03 20 01 22 FF 03');
    expect(report.subarray(18).every((b) => b === 0)).toBe(true);
    expect(unwrapRequest(report)).toEqual(encodeRequest(COMMANDS.find));
  });

  it('carries a 1295-byte reply in 24 reports of up to 54 bytes and drops a report with a bad sum', () => {
    const reply = encodeReply(0x90, Buffer.alloc(1284, 7));
    expect(reply).toHaveLength(1295);
    const reports: Buffer[] = [];
    for (let i = 0; i < reply.length; i += 54) reports.push(wrapResponse(reply.subarray(i, i + 54), i / 54));
    expect(reports).toHaveLength(24);
    expect(Buffer.concat(reports.map((r) => unwrapResponse(r)!))).toEqual(reply);
    const broken = Buffer.from(reports[0]);
    broken[20] ^= 1;
    expect(unwrapResponse(broken)).toBeNull();
  });
});
