// The Miaxis HID envelope for GA 467 frames (idcard-reader.md §7.2): 64-byte reports.
import type { HidReportCodec } from '../../links/hid-link.js';

export const REPORT_BYTES = 64;
const REQUEST_FLAG = 0x88;
const RESPONSE_FLAG = 0xaa;
const PASS_THROUGH = 0xb1;
/** GA 467 bytes per response report (after the 2-byte packet sequence number). */
export const RESPONSE_CHUNK = 54;

const sum16 = (bytes: Uint8Array, start: number, end: number): number => {
  let s = 0;
  for (let i = start; i < end; i++) s += bytes[i];
  return s & 0xffff;
};

/** One GA 467 request frame → one 64-byte request report. */
export function wrapRequest(frame: Buffer): Buffer {
  if (frame.length > REPORT_BYTES - 8) throw new Error('request frame too long for one HID report');
  const report = Buffer.alloc(REPORT_BYTES);
  report[0] = REQUEST_FLAG;
  report.writeUInt16LE(frame.length + 1, 3);
  report[5] = PASS_THROUGH;
  frame.copy(report, 6);
  report.writeUInt16LE(sum16(report, 3, 6 + frame.length), 6 + frame.length);
  return report;
}

/** A request report → its GA 467 frame (simulator side), or null if malformed. */
export function unwrapRequest(report: Buffer): Buffer | null {
  if (report.length < 8 || report[0] !== REQUEST_FLAG || report[5] !== PASS_THROUGH) return null;
  const len = report.readUInt16LE(3);
  const end = 5 + len;
  if (len < 1 || end + 2 > report.length) return null;
  if (report.readUInt16LE(end) !== sum16(report, 3, end)) return null;
  return Buffer.from(report.subarray(6, end));
}

/** Up to 54 GA 467 bytes → one response report (simulator side). */
export function wrapResponse(chunk: Buffer, sequence: number): Buffer {
  const report = Buffer.alloc(REPORT_BYTES);
  report[0] = RESPONSE_FLAG;
  const l = 1 + 2 + chunk.length;
  report.writeUInt16LE(l, 3);
  report[5] = 0x00;
  report.writeUInt16BE(sequence & 0xffff, 6);
  chunk.copy(report, 8);
  report.writeUInt16LE(sum16(report, 3, 5 + l), 5 + l);
  return report;
}

/** A response report → the GA 467 bytes it carries, or null (bad flag, length or sum). */
export function unwrapResponse(report: Buffer): Buffer | null {
  if (report.length < 8 || report[0] !== RESPONSE_FLAG) return null;
  const l = report.readUInt16LE(3);
  if (l < 3 || 5 + l + 2 > report.length) return null;
  if (report.readUInt16LE(5 + l) !== sum16(report, 3, 5 + l)) return null;
  return Buffer.from(report.subarray(8, 5 + l));
}

export const miaxisCodec: HidReportCodec = {
  wrap: (frame) => [wrapRequest(frame)],
  unwrap: unwrapResponse,
};
