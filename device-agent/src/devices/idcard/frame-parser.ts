import { HEADER_BYTES, MAX_LEN, PREAMBLE, checksumOk } from './frame.js';

export type ParsedFrame = { ok: true; frame: Buffer } | { ok: false; reason: 'checksum'; frame: Buffer };

/**
 * Incremental GA 467 frame parser (idcard-reader.md §1.4): resynchronises on the preamble,
 * survives split, back-to-back and garbage input, rejects bad LEN and checksums.
 * `minLen` is 4 for replies and 3 for requests.
 */
export class FrameParser {
  private _buf = Buffer.alloc(0);

  constructor(private readonly _minLen = 4) {}

  reset(): void {
    this._buf = Buffer.alloc(0);
  }

  get buffered(): number {
    return this._buf.length;
  }

  /** Appends a chunk and returns every complete frame it finished (bad checksums flagged). */
  push(chunk: Uint8Array): ParsedFrame[] {
    this._buf = this._buf.length ? Buffer.concat([this._buf, chunk]) : Buffer.from(chunk);
    const out: ParsedFrame[] = [];
    for (;;) {
      const start = this._buf.indexOf(PREAMBLE);
      if (start < 0) {
        // A preamble may be split across chunks: keep its possible beginning only.
        if (this._buf.length > PREAMBLE.length - 1)
          this._buf = this._buf.subarray(this._buf.length - (PREAMBLE.length - 1));
        return out;
      }
      if (start > 0) this._buf = this._buf.subarray(start);
      if (this._buf.length < HEADER_BYTES) return out;
      const len = this._buf.readUInt16BE(5);
      if (len < this._minLen || len > MAX_LEN) {
        this._buf = this._buf.subarray(1);
        continue;
      }
      const total = HEADER_BYTES + len;
      if (this._buf.length < total) {
        // A stray preamble in line noise can claim more bytes than will ever come: a complete,
        // valid frame behind it wins.
        const later = this._validFrameAfter(1, this._buf.length);
        if (later < 0) return out;
        this._buf = this._buf.subarray(later);
        continue;
      }
      const frame = Buffer.from(this._buf.subarray(0, total));
      if (checksumOk(frame)) {
        this._buf = this._buf.subarray(total);
        out.push({ ok: true, frame });
        continue;
      }
      // Bad checksum. If another preamble starts inside the claimed length, this one was noise:
      // resynchronise one byte later, so the real reply it overlapped is not swallowed.
      const inner = this._buf.indexOf(PREAMBLE, 1);
      if (inner > 0 && inner < total) {
        this._buf = this._buf.subarray(1);
        continue;
      }
      this._buf = this._buf.subarray(total);
      out.push({ ok: false, reason: 'checksum', frame });
    }
  }

  /** Offset of the first preamble at or after `from` that begins a complete frame with a good checksum, or -1. */
  private _validFrameAfter(from: number, end: number): number {
    for (let at = this._buf.indexOf(PREAMBLE, from); at >= 0 && at < end; at = this._buf.indexOf(PREAMBLE, at + 1)) {
      if (at + HEADER_BYTES > this._buf.length) return -1;
      const len = this._buf.readUInt16BE(at + 5);
      if (len < this._minLen || len > MAX_LEN || at + HEADER_BYTES + len > this._buf.length) continue;
      if (checksumOk(this._buf.subarray(at, at + HEADER_BYTES + len))) return at;
    }
    return -1;
  }
}
