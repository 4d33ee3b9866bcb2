import { describe, expect, it } from 'vitest';
import { EPSON_STATUS, SNBC_UR056_STATUS } from '../../../device-agent/src/devices/printer/profiles.js';
import {
  decodeConditions,
  encodeReplies,
  interpret,
  isValidReply,
} from '../../../device-agent/src/devices/printer/status.js';

describe('DLE EOT status decoding', () => {
  it('accepts only replies of the form 0xx1xx10', () => {
    for (const b of [0x12, 0x1e, 0x1a, 0x36, 0x7e, 0x72]) expect(isValidReply(EPSON_STATUS, b)).toBe(true);
    // Echoed "^[@" from a badly configured pty, and ASB blocks, are not status replies.
    for (const b of [0x5b, 0x40, 0x00, 0x10, 0x04, 0x93]) expect(isValidReply(EPSON_STATUS, b)).toBe(false);
  });

  it('maps the reference replies: normal → full/online', () => {
    const s = interpret(decodeConditions(EPSON_STATUS, { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x12 }));
    expect(s).toEqual({ paper: 'full', coverOpen: false, fault: null, device: 'online' });
  });

  it('near end (n=4 1E) → low, still online', () => {
    const s = interpret(decodeConditions(EPSON_STATUS, { 1: 0x12, 2: 0x12, 3: 0x12, 4: 0x1e }));
    expect(s.paper).toBe('low');
    expect(s.device).toBe('online');
  });

  it('paper out + cover open (1A 36 12 7E) → out, cover open, paperOut fault needing the operator', () => {
    const s = interpret(decodeConditions(EPSON_STATUS, { 1: 0x1a, 2: 0x36, 3: 0x12, 4: 0x7e }));
    expect(s.paper).toBe('out');
    expect(s.coverOpen).toBe(true);
    expect(s.device).toBe('hardwareError');
    expect(s.fault).toMatchObject({ errorCode: 'paperOut', action: 'clear' });
  });

  it('jam (n=3 bit 2) → jammed; cutter error → maintenance', () => {
    expect(interpret(decodeConditions(EPSON_STATUS, { 1: 0x1a, 2: 0x52, 3: 0x16, 4: 0x12 }))).toMatchObject({
      paper: 'jammed',
      fault: { errorCode: 'paperJammed', action: 'clear' },
    });
    expect(interpret(decodeConditions(EPSON_STATUS, { 1: 0x1a, 2: 0x52, 3: 0x1a, 4: 0x12 })).fault).toMatchObject({
      errorCode: 'cutterError',
      action: 'maintenance',
    });
  });

  it('offline with no cause → hardwareError (nothing is sent to a printer that would print it later)', () => {
    const s = interpret(decodeConditions(EPSON_STATUS, { 1: 0x1a, 2: 0x12, 3: 0x12, 4: 0x12 }));
    expect(s).toMatchObject({
      paper: 'full',
      device: 'hardwareError',
      fault: { errorCode: 'offline', action: 'suspend' },
    });
  });

  it('SNBC BT-UR056 profile reads the inverted n=4 paper bits', () => {
    expect(decodeConditions(SNBC_UR056_STATUS, { 1: 0x12, 2: 0x12, 4: 0x12 }).paperEnd).toBe(true);
    expect(decodeConditions(SNBC_UR056_STATUS, { 1: 0x12, 2: 0x12, 4: 0x1e }).paperEnd).toBe(false);
    // The same byte means the opposite under the Epson map.
    expect(decodeConditions(EPSON_STATUS, { 4: 0x12 }).paperEnd).toBe(false);
  });

  it('encodeReplies is the inverse of decodeConditions (the simulator answers through it)', () => {
    for (const map of [EPSON_STATUS, SNBC_UR056_STATUS]) {
      const replies = encodeReplies(map, { paperEnd: true, coverOpen: true });
      const c = decodeConditions(map, replies);
      expect(c.paperEnd).toBe(true);
      expect(c.coverOpen).toBe(true);
      for (const b of Object.values(replies)) expect(isValidReply(map, b)).toBe(true);
    }
    expect(
      encodeReplies(EPSON_STATUS, { paperEnd: true, nearEnd: true, offline: true, coverOpen: true, paperStop: true }),
    ).toEqual({
      1: 0x1a,
      2: 0x36,
      3: 0x12,
      4: 0x7e,
    });
  });
});
