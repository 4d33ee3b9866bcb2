import { rowBytes, qrBitmap, type MonoBitmap } from './bitmap.js';
import { encodeGb } from './gb.js';
import type { PrinterProfile } from './profiles.js';

// A pure ESC/POS byte builder for the command subset of escpos-printer.md §2. It never writes to a
// device; the driver sends what `bytes()` returns.

export type Align = 'left' | 'center' | 'right';
const ALIGN: Record<Align, number> = { left: 0, center: 1, right: 2 };

export const INIT = [0x1b, 0x40, 0x1c, 0x26] as const;
/** Sent after every (re)open: init, hanzi mode, Automatic Status Back off. */
export const REINIT = [0x1b, 0x40, 0x1c, 0x26, 0x1d, 0x61, 0x00] as const;
export const END_MARKER = [0x1d, 0x72, 0x01] as const;
/** DLE ENQ 2: recover from an error and clear the receive and print buffers. */
export const CLEAR_BUFFERS = [0x10, 0x05, 0x02] as const;
export const statusQuery = (n: 1 | 2 | 3 | 4): Uint8Array => Uint8Array.of(0x10, 0x04, n);

export class QrTooLongError extends Error {
  constructor(bytes: number, max: number) {
    super(`QR data is ${bytes} bytes; this printer takes at most ${max}`);
    this.name = 'QrTooLongError';
  }
}

export class EscPosBuilder {
  private readonly _parts: number[] = [];
  private _lineOpen = false;
  private readonly _unsupported: string[] = [];

  constructor(readonly profile: PrinterProfile) {}

  /** ESC @ + FS &: every job starts with these four bytes. */
  init(): this {
    return this._raw(INIT, false);
  }

  align(align: Align): this {
    return this._raw([0x1b, 0x61, ALIGN[align]], this._lineOpen);
  }

  /** GS ! with width and height multipliers 1..8. */
  size(width: number, height = width): this {
    const w = Math.min(8, Math.max(1, Math.round(width)));
    const h = Math.min(8, Math.max(1, Math.round(height)));
    return this._raw([0x1d, 0x21, ((w - 1) << 4) | (h - 1)], this._lineOpen);
  }

  bold(on: boolean): this {
    return this._raw([0x1b, 0x45, on ? 1 : 0], this._lineOpen);
  }

  /** GB18030 text (2 bytes at most per character); unsupported characters become □ and are recorded. */
  text(text: string): this {
    const { bytes, unsupported } = encodeGb(text, { gb2312Only: this.profile.gb2312Only });
    for (const ch of unsupported) if (!this._unsupported.includes(ch)) this._unsupported.push(ch);
    for (const b of bytes) this._parts.push(b);
    if (bytes.length) this._lineOpen = true;
    return this;
  }

  newline(): this {
    this._parts.push(0x0a);
    this._lineOpen = false;
    return this;
  }

  line(text: string): this {
    return this.text(text).newline();
  }

  /** A rule of `─` across `cols` columns at normal size. */
  rule(cols = this.profile.cols): this {
    return this.line('─'.repeat(Math.floor(cols / 2)));
  }

  /** ESC d n: print and feed n lines. */
  feed(lines: number): this {
    this._endLine();
    return this._raw([0x1b, 0x64, Math.min(255, Math.max(0, lines))], false);
  }

  /** A QR code: native GS ( k or a GS v 0 raster, per the profile (or `mode`). */
  qr(data: string, mode: 'native' | 'raster' = this.profile.qr, moduleDots = this.profile.qrModule): this {
    const payload = new TextEncoder().encode(data);
    if (payload.length > this.profile.qrMaxBytes) throw new QrTooLongError(payload.length, this.profile.qrMaxBytes);
    this._endLine();
    if (mode === 'raster') return this.raster(qrBitmap(data, moduleDots));
    const stored = payload.length + 3;
    this._raw([0x1d, 0x28, 0x6b, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00], false);
    this._raw([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x43, moduleDots], false);
    this._raw([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x45, 0x31], false);
    this._raw([0x1d, 0x28, 0x6b, stored & 0xff, stored >> 8, 0x31, 0x50, 0x30, ...payload], false);
    this._raw([0x1d, 0x28, 0x6b, 0x03, 0x00, 0x31, 0x51, 0x30], false);
    return this.newline();
  }

  /** GS v 0 in bands of the profile's rasterBandRows; wider images are cropped to the paper. */
  raster(bitmap: MonoBitmap): this {
    this._endLine();
    const width = Math.min(bitmap.width, this.profile.dots);
    const srcRow = rowBytes(bitmap.width);
    const dstRow = rowBytes(width);
    for (let top = 0; top < bitmap.height; top += this.profile.rasterBandRows) {
      const rows = Math.min(this.profile.rasterBandRows, bitmap.height - top);
      this._raw([0x1d, 0x76, 0x30, 0x00, dstRow & 0xff, dstRow >> 8, rows & 0xff, rows >> 8], false);
      for (let y = top; y < top + rows; y++) {
        const start = y * srcRow;
        for (let i = 0; i < dstRow; i++) {
          let byte = bitmap.data[start + i];
          if (i === dstRow - 1 && width % 8) byte &= (0xff << (8 - (width % 8))) & 0xff;
          this._parts.push(byte);
        }
      }
    }
    return this;
  }

  /** Feed to the cutter and cut (the profile's cut command); always at line start. */
  cut(): this {
    this.feed(3);
    return this._raw(this.profile.cut, false);
  }

  /** GS r 1: answered once all preceding data is processed. */
  endMarker(): this {
    return this._raw(END_MARKER, false);
  }

  /** Characters that printed as □ so far. */
  get unsupported(): string[] {
    return [...this._unsupported];
  }

  bytes(): Uint8Array {
    return Uint8Array.from(this._parts);
  }

  private _endLine(): void {
    if (this._lineOpen) this.newline();
  }

  private _raw(bytes: ArrayLike<number>, keepLineOpen: boolean): this {
    for (let i = 0; i < bytes.length; i++) this._parts.push(bytes[i]);
    this._lineOpen = keepLineOpen;
    return this;
  }
}
