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
      if (this._buf.length < total) return out;
      const frame = Buffer.from(this._buf.subarray(0, total));
      this._buf = this._buf.subarray(total);
      out.push(checksumOk(frame) ? { ok: true, frame } : { ok: false, reason: 'checksum', frame });
    }
  }
}
