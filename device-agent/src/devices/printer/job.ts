import type { MonoBitmap } from './bitmap.js';
import { decodeEscPos, type EscPosOp } from './decoder.js';

// What came out of the printer: decoded ops assembled into lines, QR payloads, rasters and cuts.

export type Alignment = 'left' | 'center' | 'right';

export interface PrintedLine {
  text: string;
  align: Alignment;
  width: number;
  height: number;
  bold: boolean;
}

export type JobItem =
  | { kind: 'line'; line: PrintedLine }
  | { kind: 'qr'; data: string; declaredLength: number; byteLength: number; moduleDots: number; align: Alignment }
  | { kind: 'raster'; bitmap: MonoBitmap; align: Alignment }
  | { kind: 'feed'; lines: number };

export interface PrintedJob {
  items: JobItem[];
  /** The text of each printed line, in order. */
  lines: string[];
  /** Payloads of native QR codes (UTF-8 decoded). */
  qrs: string[];
  rasters: MonoBitmap[];
  cut: boolean;
  /** True when any text run carried a 4-byte GB18030 sequence (a bug: printers misprint it). */
  fourByte: boolean;
  /** True when the job started with ESC @ FS &. */
  startsWithInit: boolean;
  unknown: number[][];
}

const ALIGNMENTS: Alignment[] = ['left', 'center', 'right', 'left'];
const utf8 = new TextDecoder('utf-8');

const emptyJob = (): PrintedJob => ({
  items: [],
  lines: [],
  qrs: [],
  rasters: [],
  cut: false,
  fourByte: false,
  startsWithInit: false,
  unknown: [],
});

/** Turns an op stream into jobs; a cut ends a job. Keeps the print modes between chunks. */
export class JobAssembler {
  private _job = emptyJob();
  private _started = false;
  private _line: PrintedLine | null = null;
  private _align: Alignment = 'left';
  private _width = 1;
  private _height = 1;
  private _bold = false;
  private _qrModule = 3;
  private _qrStore: { data: Uint8Array; declared: number } | null = null;
  private _sawInit = false;

  /** Applies one op; returns the finished job when the op was a cut. */
  apply(op: EscPosOp): PrintedJob | null {
    switch (op.op) {
      case 'init':
        this._align = 'left';
        this._width = this._height = 1;
        this._bold = false;
        if (!this._started) this._sawInit = true;
        return null;
      case 'hanzi':
        if (!this._started && this._sawInit && op.on) {
          this._job.startsWithInit = true;
          this._started = true;
        }
        return null;
      case 'align':
        this._align = ALIGNMENTS[op.value]!;
        return null;
      case 'size':
        this._width = op.width;
        this._height = op.height;
        return null;
      case 'bold':
        this._bold = op.on;
        return null;
      case 'text':
        this._started = true;
        this._line ??= { text: '', align: this._align, width: this._width, height: this._height, bold: this._bold };
        this._line.text += op.text;
        if (op.fourByte) this._job.fourByte = true;
        return null;
      case 'lf':
        this._started = true;
        this._flushLine(true);
        return null;
      case 'feedLines':
        this._flushLine(false);
        this._job.items.push({ kind: 'feed', lines: op.n });
        return null;
      case 'qrModule':
        this._qrModule = op.n;
        return null;
      case 'qrStore':
        this._qrStore = { data: op.data, declared: op.declared };
        return null;
      case 'qrPrint':
        if (this._qrStore) {
          const data = utf8.decode(this._qrStore.data);
          this._job.items.push({
            kind: 'qr',
            data,
            declaredLength: this._qrStore.declared,
            byteLength: this._qrStore.data.length,
            moduleDots: this._qrModule,
            align: this._align,
          });
          this._job.qrs.push(data);
        }
        return null;
      case 'raster':
        this._started = true;
        this._flushLine(false);
        this._job.items.push({ kind: 'raster', bitmap: op.bitmap, align: this._align });
        this._job.rasters.push(op.bitmap);
        return null;
      case 'cut': {
        this._flushLine(false);
        this._job.cut = true;
        const job = this._job;
        this._job = emptyJob();
        this._started = false;
        this._sawInit = false;
        return job;
      }
      case 'unknown':
        this._job.unknown.push(op.bytes);
        return null;
      default:
        return null;
    }
  }

  /** The job so far when no cut came (e.g. a truncated transfer); null when nothing was printed. */
  finish(): PrintedJob | null {
    this._flushLine(false);
    const job = this._job;
    this._job = emptyJob();
    this._started = false;
    return job.items.length || job.unknown.length ? job : null;
  }

  private _flushLine(always: boolean): void {
    if (!this._line && !always) return;
    const line = this._line ?? {
      text: '',
      align: this._align,
      width: this._width,
      height: this._height,
      bold: this._bold,
    };
    this._job.items.push({ kind: 'line', line });
    this._job.lines.push(line.text);
    this._line = null;
  }
}

/** Decodes a whole byte stream into the jobs it prints (a trailing uncut part is a job too). */
export function decodeJobs(bytes: Uint8Array): PrintedJob[] {
  const assembler = new JobAssembler();
  const jobs: PrintedJob[] = [];
  for (const op of decodeEscPos(bytes)) {
    const job = assembler.apply(op);
    if (job) jobs.push(job);
  }
  const rest = assembler.finish();
  if (rest) jobs.push(rest);
  return jobs;
}
