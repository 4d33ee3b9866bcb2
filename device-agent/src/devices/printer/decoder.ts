import type { MonoBitmap } from './bitmap.js';

// A pure ESC/POS decoder for the subset the encoder emits (and what status pollers send). Used by
// the simulator, the admin preview and the tests. Incomplete commands at the end of a buffer are
// left for the next chunk.

export type EscPosOp =
  | { op: 'init' }
  | { op: 'hanzi'; on: boolean }
  | { op: 'align'; value: number }
  | { op: 'size'; width: number; height: number }
  | { op: 'bold'; on: boolean }
  | { op: 'underline'; on: boolean }
  | { op: 'text'; text: string; bytes: Uint8Array; fourByte: boolean }
  | { op: 'lf' }
  | { op: 'feedLines'; n: number }
  | { op: 'feedDots'; n: number }
  | { op: 'lineSpacing'; dots: number | null }
  | { op: 'cut'; bytes: number[] }
  | { op: 'qrModel' }
  | { op: 'qrModule'; n: number }
  | { op: 'qrEcc'; level: number }
  | { op: 'qrStore'; declared: number; data: Uint8Array }
  | { op: 'qrPrint' }
  | { op: 'raster'; mode: number; bitmap: MonoBitmap }
  | { op: 'statusQuery'; n: number }
  | { op: 'recover'; n: number }
  | { op: 'endMarker'; n: number }
  | { op: 'asb'; n: number }
  | { op: 'charset'; n: number }
  | { op: 'codeTable'; n: number }
  | { op: 'unknown'; bytes: number[] };

export interface DecoderState {
  hanzi: boolean;
}

export interface Parsed {
  op: EscPosOp;
  next: number;
}

const gbDecoder = new TextDecoder('gb18030');
const latinDecoder = new TextDecoder('latin1');

/** Parses one command at `i`; null when the buffer ends inside it. */
export function parseOne(buf: Uint8Array, i: number, state: DecoderState): Parsed | null {
  const b = buf[i];
  const at = (k: number): number | undefined => buf[i + k];
  const need = (n: number): boolean => i + n <= buf.length;
  const simple = (n: number, op: EscPosOp): Parsed | null => (need(n) ? { op, next: i + n } : null);

  if (b === 0x0a) return { op: { op: 'lf' }, next: i + 1 };
  if (b === 0x1b) {
    if (!need(2)) return null;
    switch (at(1)) {
      case 0x40:
        state.hanzi = false;
        return { op: { op: 'init' }, next: i + 2 };
      case 0x61:
        return need(3) ? { op: { op: 'align', value: at(2)! & 0x03 }, next: i + 3 } : null;
      case 0x45:
        return need(3) ? { op: { op: 'bold', on: (at(2)! & 1) === 1 }, next: i + 3 } : null;
      case 0x2d:
        return need(3) ? { op: { op: 'underline', on: at(2)! !== 0 && at(2)! !== 0x30 }, next: i + 3 } : null;
      case 0x64:
        return need(3) ? { op: { op: 'feedLines', n: at(2)! }, next: i + 3 } : null;
      case 0x4a:
        return need(3) ? { op: { op: 'feedDots', n: at(2)! }, next: i + 3 } : null;
      case 0x33:
        return need(3) ? { op: { op: 'lineSpacing', dots: at(2)! }, next: i + 3 } : null;
      case 0x32:
        return { op: { op: 'lineSpacing', dots: null }, next: i + 2 };
      case 0x52:
        return need(3) ? { op: { op: 'charset', n: at(2)! }, next: i + 3 } : null;
      case 0x74:
        return need(3) ? { op: { op: 'codeTable', n: at(2)! }, next: i + 3 } : null;
      default:
        return { op: { op: 'unknown', bytes: [b, at(1)!] }, next: i + 2 };
    }
  }
  if (b === 0x1c) {
    if (!need(2)) return null;
    if (at(1) === 0x26) {
      state.hanzi = true;
      return { op: { op: 'hanzi', on: true }, next: i + 2 };
    }
    if (at(1) === 0x2e) {
      state.hanzi = false;
      return { op: { op: 'hanzi', on: false }, next: i + 2 };
    }
    if (at(1) === 0x2d) return simple(3, { op: 'underline', on: (at(2) ?? 0) !== 0 });
    return { op: { op: 'unknown', bytes: [b, at(1)!] }, next: i + 2 };
  }
  if (b === 0x10) {
    if (!need(3)) return null;
    if (at(1) === 0x04) return { op: { op: 'statusQuery', n: at(2)! }, next: i + 3 };
    if (at(1) === 0x05) return { op: { op: 'recover', n: at(2)! }, next: i + 3 };
    return { op: { op: 'unknown', bytes: [b] }, next: i + 1 };
  }
  if (b === 0x1d) return parseGs(buf, i);
  if (b < 0x20 || b === 0x7f) return { op: { op: 'unknown', bytes: [b] }, next: i + 1 };
  return parseText(buf, i, state);
}

function parseGs(buf: Uint8Array, i: number): Parsed | null {
  const need = (n: number): boolean => i + n <= buf.length;
  if (!need(2)) return null;
  const cmd = buf[i + 1];
  if (cmd === 0x21) {
    if (!need(3)) return null;
    const n = buf[i + 2];
    return { op: { op: 'size', width: (n >> 4) + 1, height: (n & 7) + 1 }, next: i + 3 };
  }
  if (cmd === 0x56) {
    if (!need(3)) return null;
    const m = buf[i + 2];
    if (m === 0x41 || m === 0x42 || m === 0x61 || m === 0x62)
      return need(4) ? { op: { op: 'cut', bytes: [...buf.subarray(i, i + 4)] }, next: i + 4 } : null;
    return { op: { op: 'cut', bytes: [...buf.subarray(i, i + 3)] }, next: i + 3 };
  }
  if (cmd === 0x72) return need(3) ? { op: { op: 'endMarker', n: buf[i + 2] }, next: i + 3 } : null;
  if (cmd === 0x61) return need(3) ? { op: { op: 'asb', n: buf[i + 2] }, next: i + 3 } : null;
  if (cmd === 0x28 && buf[i + 2] === 0x6b) {
    if (!need(5)) return null;
    const len = buf[i + 3] + 256 * buf[i + 4];
    if (!need(5 + len)) return null;
    const body = buf.subarray(i + 5, i + 5 + len);
    const next = i + 5 + len;
    const fn = body[1];
    if (body[0] === 0x31 && fn === 0x41) return { op: { op: 'qrModel' }, next };
    if (body[0] === 0x31 && fn === 0x43) return { op: { op: 'qrModule', n: body[2] ?? 0 }, next };
    if (body[0] === 0x31 && fn === 0x45) return { op: { op: 'qrEcc', level: body[2] ?? 0 }, next };
    if (body[0] === 0x31 && fn === 0x50) return { op: { op: 'qrStore', declared: len, data: body.slice(3) }, next };
    if (body[0] === 0x31 && fn === 0x51) return { op: { op: 'qrPrint' }, next };
    return { op: { op: 'unknown', bytes: [...buf.subarray(i, next)] }, next };
  }
  if (cmd === 0x76 && buf[i + 2] === 0x30) {
    if (!need(8)) return null;
    const mode = buf[i + 3];
    const x = buf[i + 4] + 256 * buf[i + 5];
    const y = buf[i + 6] + 256 * buf[i + 7];
    if (!need(8 + x * y)) return null;
    const data = buf.slice(i + 8, i + 8 + x * y);
    return { op: { op: 'raster', mode, bitmap: { width: x * 8, height: y, data } }, next: i + 8 + x * y };
  }
  return { op: { op: 'unknown', bytes: [0x1d, cmd] }, next: i + 2 };
}

function parseText(buf: Uint8Array, i: number, state: DecoderState): Parsed | null {
  let j = i;
  let fourByte = false;
  while (j < buf.length) {
    const b = buf[j];
    if (b < 0x20 || b === 0x7f) break;
    if (!state.hanzi || b < 0x81 || b === 0xff) {
      j++;
      continue;
    }
    if (j + 1 >= buf.length) break;
    const trail = buf[j + 1];
    if (trail >= 0x30 && trail <= 0x39) {
      if (j + 3 >= buf.length) break;
      fourByte = true;
      j += 4;
    } else j += 2;
  }
  if (j === i) return null;
  const bytes = buf.slice(i, j);
  const text = state.hanzi ? gbDecoder.decode(bytes) : latinDecoder.decode(bytes);
  return { op: { op: 'text', text, bytes, fourByte }, next: j };
}

/** Decodes a complete buffer (a whole job). Trailing incomplete bytes become one `unknown` op. */
export function decodeEscPos(buf: Uint8Array): EscPosOp[] {
  const ops: EscPosOp[] = [];
  const state: DecoderState = { hanzi: false };
  let i = 0;
  while (i < buf.length) {
    const parsed = parseOne(buf, i, state);
    if (!parsed) {
      ops.push({ op: 'unknown', bytes: [...buf.subarray(i)] });
      break;
    }
    ops.push(parsed.op);
    i = parsed.next;
  }
  return ops;
}

/** Streams chunks into ops (the simulator's view of the wire). */
export class StreamDecoder {
  private _pending = new Uint8Array(0);
  private readonly _state: DecoderState = { hanzi: false };

  push(chunk: Uint8Array): EscPosOp[] {
    const buf = new Uint8Array(this._pending.length + chunk.length);
    buf.set(this._pending);
    buf.set(chunk, this._pending.length);
    const ops: EscPosOp[] = [];
    let i = 0;
    while (i < buf.length) {
      const parsed = parseOne(buf, i, this._state);
      if (!parsed) break;
      ops.push(parsed.op);
      i = parsed.next;
    }
    this._pending = buf.slice(i);
    return ops;
  }

  reset(): void {
    this._pending = new Uint8Array(0);
    this._state.hanzi = false;
  }
}
