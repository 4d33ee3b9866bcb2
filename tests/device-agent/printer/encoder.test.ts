import { describe, expect, it } from 'vitest';
import { qrBitmap } from '../../../device-agent/src/devices/printer/bitmap.js';
import { decodeEscPos } from '../../../device-agent/src/devices/printer/decoder.js';
import { EscPosBuilder, QrTooLongError } from '../../../device-agent/src/devices/printer/encoder.js';
import { decodeJobs } from '../../../device-agent/src/devices/printer/job.js';
import { resolveProfile } from '../../../device-agent/src/devices/printer/profiles.js';
import { decodeQrBitmap } from './printer-fixtures.js';

const p80 = resolveProfile(80).profile;
const p58 = resolveProfile(58).profile;
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('ESC/POS encoder', () => {
  it('starts every job with ESC @ FS & and ends with feed + partial cut', () => {
    const bytes = new EscPosBuilder(p58).init().line('受理回执').cut().bytes();
    expect(hex(bytes.subarray(0, 4))).toBe('1b401c26');
    expect(hex(bytes.subarray(-7))).toBe('1b64031d564200');
    const [job] = decodeJobs(bytes);
    expect(job.startsWithInit).toBe(true);
    expect(job.lines).toEqual(['受理回执']);
    expect(job.cut).toBe(true);
  });

  it('closes an open line before cutting (cut works only at line start)', () => {
    const bytes = new EscPosBuilder(p58).init().text('未换行').cut().bytes();
    expect(hex(bytes.subarray(-8))).toBe('0a1b64031d564200');
  });

  it('sizes: GS ! n with n = ((w-1)<<4)|(h-1)', () => {
    const ops = decodeEscPos(new EscPosBuilder(p80).size(2, 2).size(1, 2).size(1, 1).bytes());
    expect(ops).toEqual([
      { op: 'size', width: 2, height: 2 },
      { op: 'size', width: 1, height: 2 },
      { op: 'size', width: 1, height: 1 },
    ]);
    expect(hex(new EscPosBuilder(p80).size(2).bytes())).toBe('1d2111');
  });

  it('native QR declares the UTF-8 byte count + 3, not the string length', () => {
    const url = 'https://kiosk.example/r/张三';
    const bytes = new EscPosBuilder(p80).init().qr(url, 'native').cut().bytes();
    const store = decodeEscPos(bytes).find((op) => op.op === 'qrStore');
    const utf8 = new TextEncoder().encode(url);
    expect(store).toMatchObject({ op: 'qrStore', declared: utf8.length + 3 });
    expect(utf8.length).toBeGreaterThan(url.length);
    const [job] = decodeJobs(bytes);
    expect(job.qrs).toEqual([url]);
    // Nothing of the URL leaked into the text stream.
    expect(job.lines.join('')).toBe('');
    expect(hex(bytes)).toContain('1d286b0400314132001d286b03003143061d286b0300314531');
  });

  it('raster QR fallback (GS v 0) decodes back to the URL with jsQR', () => {
    const url = 'https://kiosk.example/r/FY-2026-000123?t=k3J9';
    const bytes = new EscPosBuilder(resolveProfile(58, 'raster-qr').profile).init().qr(url).cut().bytes();
    const [job] = decodeJobs(bytes);
    expect(job.qrs).toEqual([]);
    expect(job.rasters).toHaveLength(1);
    expect(job.rasters[0].width).toBeLessThanOrEqual(384);
    expect(decodeQrBitmap(job.rasters[0])).toBe(url);
  });

  it('splits tall rasters into bands of the profile’s rasterBandRows and crops to the paper', () => {
    const tall = qrBitmap('https://kiosk.example/' + 'x'.repeat(150), 6);
    expect(tall.height).toBeGreaterThan(255);
    const bytes = new EscPosBuilder(p80).raster(tall).bytes();
    const rasters = decodeEscPos(bytes).filter((op) => op.op === 'raster');
    expect(rasters.length).toBe(Math.ceil(tall.height / 255));
    for (const r of rasters) if (r.op === 'raster') expect(r.bitmap.width).toBeLessThanOrEqual(576);
  });

  it('refuses QR data over the profile’s byte limit instead of sending a broken symbol', () => {
    expect(() => new EscPosBuilder(p80).qr('https://x/' + 'a'.repeat(300))).toThrow(QrTooLongError);
  });

  it('records characters printed as □', () => {
    const b = new EscPosBuilder(p80).init();
    b.line('吉𠮷祥');
    expect(b.unsupported).toEqual(['𠮷']);
    expect(decodeJobs(b.bytes())[0].lines).toEqual(['吉□祥']);
  });
});
