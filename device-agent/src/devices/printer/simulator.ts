import { EventEmitter } from 'node:events';
import type { ByteLink } from '../../links/byte-link.js';
import { StreamDecoder, type EscPosOp } from './decoder.js';
import { JobAssembler, type PrintedJob } from './job.js';
import { renderPreviewSvg } from './preview.js';
import { EPSON_STATUS, type StatusMap } from './profiles.js';
import { encodeReplies } from './status.js';

const PRINTING_OPS = new Set<EscPosOp['op']>(['text', 'lf', 'feedLines', 'feedDots', 'qrPrint', 'raster', 'cut']);

/** The simulator's end of a link: a MemoryLink's `device`, or a serial port on a pty pair. */
export interface SimulatorEnd {
  send(data: Uint8Array): void;
  onData(listener: (chunk: Buffer) => void): void;
  unplug?(): void;
  plug?(): void;
}

export type SimPaper = 'full' | 'low' | 'out';

export interface SimulatorState {
  paper: SimPaper;
  coverOpen: boolean;
  jammed: boolean;
  cutterError: boolean;
  /** A printer that takes data but answers nothing (a broken return line). */
  mute: boolean;
  /** Whether GS r 1 (end-of-job marker) is answered; several clones never answer it. */
  answersEndMarker: boolean;
}

export interface PrinterSimulatorOptions {
  /** `clone-no-gsr`: answers DLE EOT but never GS r (several low-cost clones). Default `standard`. */
  model?: 'standard' | 'clone-no-gsr';
}

/** Wraps any ByteLink (e.g. the printer side of a socat pty pair) as a simulator end. */
export function linkEnd(link: ByteLink): SimulatorEnd {
  return {
    send: (data) => {
      if (link.isOpen) link.write(data).catch(() => undefined);
    },
    onData: (listener) => {
      link.on('data', listener);
    },
  };
}

/**
 * A receipt printer that speaks ESC/POS: decodes the byte stream into printed jobs, answers
 * DLE EOT and GS r from a settable state, and loses no data it could print. While paper is out,
 * the cover open or the paper jammed, print data is discarded (nothing comes out), as a printer
 * whose buffer the driver clears with DLE ENQ 2. Events: `job` (PrintedJob), `query` (n).
 */
export class PrinterSimulator extends EventEmitter {
  readonly state: SimulatorState = {
    paper: 'full',
    coverOpen: false,
    jammed: false,
    cutterError: false,
    mute: false,
    answersEndMarker: true,
  };
  private readonly _decoder = new StreamDecoder();
  private _assembler = new JobAssembler();
  private readonly _jobs: PrintedJob[] = [];
  private _discarded = 0;
  private _end: SimulatorEnd | undefined;
  private _spoiled = false;
  private _linesLeft: number | null = null;

  constructor(
    private readonly _statusMap: StatusMap = EPSON_STATUS,
    /** Printable dots across the paper (576 for 80 mm, 384 for 58 mm), for previews. */
    private readonly _dots = 576,
    options: PrinterSimulatorOptions = {},
  ) {
    super();
    if (options.model === 'clone-no-gsr') this.state.answersEndMarker = false;
  }

  attach(end: SimulatorEnd): this {
    this._end = end;
    end.onData((chunk) => this.receive(chunk));
    return this;
  }

  /** Bytes from the driver. */
  receive(chunk: Uint8Array): void {
    for (const op of this._decoder.push(chunk)) this._apply(op);
  }

  setPaper(paper: SimPaper): void {
    this.state.paper = paper;
    this._linesLeft = null;
  }

  /** The roll ends after `lines` more printed lines (paper then reads `out`, mid-job if need be). */
  runOutAfter(lines: number): void {
    this._linesLeft = lines;
  }

  setCoverOpen(open: boolean): void {
    this.state.coverOpen = open;
  }

  /** Jams the paper path; `clearJam()` (or setPaper('full')) clears it. */
  jam(): void {
    this.state.jammed = true;
  }

  clearJam(): void {
    this.state.jammed = false;
  }

  setCutterError(on: boolean): void {
    this.state.cutterError = on;
  }

  setMute(mute: boolean): void {
    this.state.mute = mute;
  }

  /** false: a clone that never answers GS r 1 (DLE EOT still answered). */
  setAnswersEndMarker(answers: boolean): void {
    this.state.answersEndMarker = answers;
  }

  unplug(): void {
    this._end?.unplug?.();
  }

  plug(): void {
    this._end?.plug?.();
  }

  /** The jobs that came out of the printer, oldest first. */
  jobs(): PrintedJob[] {
    return [...this._jobs];
  }

  /** An SVG picture of a printed job (the last one by default). */
  preview(index = this._jobs.length - 1): string | undefined {
    const job = this._jobs[index];
    return job ? renderPreviewSvg(job, this._dots) : undefined;
  }

  /** Jobs whose data arrived while the printer could not print. */
  get discardedJobs(): number {
    return this._discarded;
  }

  clearJobs(): void {
    this._jobs.length = 0;
    this._discarded = 0;
  }

  /** The DLE EOT n reply for the current state. */
  reply(n: 1 | 2 | 3 | 4): number {
    const s = this.state;
    return encodeReplies(this._statusMap, {
      offline: s.paper === 'out' || s.coverOpen || s.jammed || s.cutterError,
      coverOpen: s.coverOpen,
      paperStop: s.paper === 'out',
      error: s.jammed || s.cutterError,
      jam: s.jammed,
      cutter: s.cutterError,
      nearEnd: s.paper === 'low' || s.paper === 'out',
      paperEnd: s.paper === 'out',
    })[n];
  }

  private get _canPrint(): boolean {
    return this.state.paper !== 'out' && !this.state.coverOpen && !this.state.jammed && !this.state.cutterError;
  }

  private _send(byte: number): void {
    if (!this.state.mute) this._end?.send(Uint8Array.of(byte));
  }

  private _apply(op: EscPosOp): void {
    switch (op.op) {
      case 'statusQuery':
        this.emit('query', op.n);
        if (op.n >= 1 && op.n <= 4) this._send(this.reply(op.n as 1 | 2 | 3 | 4));
        return;
      case 'endMarker':
        // GS r 1 is processed in order and not answered while printing is stopped.
        if (op.n === 1 && this._canPrint && this.state.answersEndMarker)
          this._send(this.state.paper === 'low' ? 0x03 : 0x00);
        return;
      case 'recover':
        if (op.n === 2) this._dropCurrent();
        return;
      case 'asb':
        return;
      case 'init':
        // ESC @ clears the print buffer: a spoiled half job does not survive it.
        if (this._spoiled) this._discarded++;
        this._assembler = new JobAssembler();
        this._spoiled = false;
        break;
      default:
        break;
    }
    if (!this._canPrint && PRINTING_OPS.has(op.op)) this._spoiled = true;
    if (this._spoiled) {
      if (op.op === 'cut') this._dropCurrent();
      return;
    }
    if (op.op === 'lf' && this._linesLeft !== null && --this._linesLeft <= 0) {
      this.state.paper = 'out';
      this._linesLeft = null;
    }
    const job = this._assembler.apply(op);
    if (job) {
      this._jobs.push(job);
      this.emit('job', job);
    }
  }

  private _dropCurrent(): void {
    if (this._spoiled || this._assembler.finish()) this._discarded++;
    this._assembler = new JobAssembler();
    this._spoiled = false;
  }
}
