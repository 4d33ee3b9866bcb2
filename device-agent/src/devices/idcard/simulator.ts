import { type CardFixture, type FixtureName, cardFixture } from './fixtures.js';
import { FrameParser } from './frame-parser.js';
import { type SamRequest, decodeRequest, encodeReply } from './frame.js';
import { SW3 } from './status-codes.js';

/** The device's end of a byte link (MemoryLink's DeviceEnd, a pty, a fake HID device). */
export interface SimulatorPort {
  send(data: Buffer): void;
  onData(listener: (chunk: Buffer) => void): void;
  unplug?(): void;
  plug?(): void;
}

export type SamState = 'ok' | 'selftestFail' | 'unauthorized';
export type RemovalStage = 'afterFind' | 'afterSelect' | 'duringRead';

export interface SimulatorOptions {
  /** Paces replies at this rate (10 bits/byte); 0 = no pacing. */
  baudRate?: number;
  /** Card-facing latencies in ms (defaults 40 / 40 / 600, a guess; real values are unmeasured). */
  latency?: Partial<Latency>;
  /** Readers that latch answer find with 80 after a read until the card is lifted. */
  latchMode?: boolean;
  /** SAM state at power-on (default ok). */
  sam?: SamState;
  seed?: number;
}

interface Latency {
  find: number;
  select: number;
  read: number;
}

const CARD_COMMANDS = new Set(['2001', '2002', '3001', '3010', '3003']);

/**
 * An ID card reader that speaks GA 467 bytes (idcard-reader.md §9): SAM, card field, latch,
 * and the fault hooks tests and the admin "simulator controls" use.
 */
export class IdCardSimulator {
  private readonly _parser = new FrameParser(3);
  private _card: CardFixture | null = null;
  private _phase: 'idle' | 'found' | 'selected' = 'idle';
  private _latched = false;
  private _sam: SamState = 'ok';
  private _rfDelayMs = 0;
  private _latency: Latency;
  private _latchMode: boolean;
  private _removeAt: { stage: RemovalStage; truncateAt?: number } | null = null;
  private _corrupt = 0;
  private _corruptOnly: string | null = null;
  private _truncate: number | null = null;
  private _truncateOnly: string | null = null;
  private _silence = 0;
  private _delayNext = 0;
  private readonly _failNext = new Map<string, { sw3: number; sw1: number; sw2: number }>();
  private _chunking: { min: number; max: number; delayMs: number } | null = null;
  private _garbage: { before: boolean; between: boolean } | null = null;
  private _work: Promise<void> = Promise.resolve();
  private _rand: () => number;
  private _plugged = true;
  private readonly _timers = new Set<NodeJS.Timeout>();
  /** Every request received, as "CMD PARA" hex (tests assert `30 10` is never sent). */
  readonly requests: string[] = [];

  constructor(
    private readonly _port: SimulatorPort,
    private readonly _options: SimulatorOptions = {},
  ) {
    this._latency = { find: 40, select: 40, read: 600, ..._options.latency };
    this._latchMode = _options.latchMode ?? true;
    this._sam = _options.sam ?? 'ok';
    let s = _options.seed ?? 0x1d2c3b4a;
    this._rand = () => {
      s = (s + 0x6d2b79f5) >>> 0;
      let t = s;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    _port.onData((chunk) => this._receive(chunk));
  }

  // ---- card and SAM --------------------------------------------------------------------------

  placeCard(card: FixtureName | CardFixture = 'resident'): void {
    this._card = typeof card === 'string' ? cardFixture(card) : card;
    this._latched = false;
    this._phase = 'idle';
  }

  removeCard(): void {
    this._card = null;
    this._latched = false;
    this._phase = 'idle';
  }

  get cardPresent(): boolean {
    return this._card !== null;
  }

  get latched(): boolean {
    return this._latched;
  }

  /** Removes the card at a point of the next read; `truncateAt` (duringRead) sends that many reply bytes first. */
  removeCardAt(stage: RemovalStage, truncateAt?: number): void {
    this._removeAt = { stage, ...(truncateAt === undefined ? {} : { truncateAt }) };
  }

  setSam(state: SamState): void {
    this._sam = state;
  }

  /** SAM self-test failure (every command answered 60) on or off. */
  setSamFailure(failed: boolean): void {
    this._sam = failed ? 'selftestFail' : 'ok';
  }

  setLatchMode(on: boolean): void {
    this._latchMode = on;
  }

  // ---- timing and faults ---------------------------------------------------------------------

  /** Extra RF delay added to every card command (slow RF). */
  setRfDelayMs(ms: number): void {
    this._rfDelayMs = ms;
  }

  setLatency(latency: Partial<Latency>): void {
    this._latency = { ...this._latency, ...latency };
  }

  /** Flips the checksum of the next `n` replies (only replies to `command`, e.g. "3001", when given). */
  corruptNextFrames(n = 1, command?: string): void {
    this._corrupt = n;
    this._corruptOnly = command ? command.replace(/\s/g, '').toLowerCase() : null;
  }

  corruptNextChecksum(): void {
    this.corruptNextFrames(1);
  }

  /** Sends only the first `n` bytes of the next reply (only a reply to `command` when given). */
  truncateNext(n: number, command?: string): void {
    this._truncate = n;
    this._truncateOnly = command ? command.replace(/\s/g, '').toLowerCase() : null;
  }

  /** Does not answer the next `n` requests. */
  silenceNext(n = 1): void {
    this._silence = n;
  }

  delayNext(ms: number): void {
    this._delayNext = ms;
  }

  /** The next reply to `command` ("2002", "3001", …) is that status. */
  failNext(command: string, sw3: number, sw1 = 0, sw2 = 0): void {
    this._failNext.set(command.replace(/\s/g, '').toLowerCase(), { sw3, sw1, sw2 });
  }

  /** Splits every reply into random chunks (down to 1 byte); null turns it off. */
  chunking(options: { min: number; max: number; delayMs?: number } | null): void {
    this._chunking = options ? { delayMs: 0, ...options } : null;
  }

  /** Random bytes (with false preambles) before and/or between replies; null turns it off. */
  garbage(options: { before?: boolean; between?: boolean } | null): void {
    this._garbage = options ? { before: options.before ?? true, between: options.between ?? false } : null;
  }

  unplug(): void {
    this._plugged = false;
    this._phase = 'idle';
    this._port.unplug?.();
  }

  plug(): void {
    this._plugged = true;
    this._port.plug?.();
  }

  get plugged(): boolean {
    return this._plugged;
  }

  dispose(): void {
    for (const t of this._timers) clearTimeout(t);
    this._timers.clear();
  }

  // ---- request handling ----------------------------------------------------------------------

  private _receive(chunk: Buffer): void {
    if (!this._plugged) return;
    for (const parsed of this._parser.push(chunk)) {
      const frame = parsed.frame;
      this._work = this._work.then(() => this._handle(frame, parsed.ok));
    }
  }

  private async _handle(frame: Buffer, checksumOk: boolean): Promise<void> {
    const wireIn = this._wireMs(frame.length);
    if (!checksumOk) return this._reply(encodeReply(SW3.checksumError), wireIn);
    const len = frame.readUInt16BE(5);
    if (len > 0x100) return this._reply(encodeReply(SW3.lengthError), wireIn);
    const request = decodeRequest(frame);
    const key = `${hex2(request.cmd)}${hex2(request.para)}`;
    this.requests.push(`${hex2(request.cmd)} ${hex2(request.para)}`.toUpperCase());
    if (this._silence > 0) {
      this._silence--;
      return;
    }
    let delay = wireIn + (CARD_COMMANDS.has(key) ? this._rfDelayMs : 0);
    delay +=
      key === '2001'
        ? this._latency.find
        : key === '2002'
          ? this._latency.select
          : key.startsWith('30')
            ? this._latency.read
            : 0;
    if (this._sam !== 'ok')
      return this._reply(
        encodeReply(this._sam === 'selftestFail' ? SW3.samSelfTestFailed : SW3.samNotAuthorised),
        delay,
      );
    const forced = this._failNext.get(key);
    if (forced) {
      this._failNext.delete(key);
      return this._reply(encodeReply(forced.sw3, Buffer.alloc(0), forced.sw1, forced.sw2), delay);
    }
    const { reply, truncateAt } = this._answer(key, request);
    return this._reply(reply, delay, truncateAt, key);
  }

  private _answer(key: string, request: SamRequest): { reply: Buffer; truncateAt?: number } {
    const card = this._card;
    switch (key) {
      case '10ff':
        this._phase = 'idle';
        return { reply: encodeReply(SW3.ok) };
      case '11ff':
        return { reply: encodeReply(SW3.ok) };
      case '12ff':
        return { reply: encodeReply(SW3.ok, Buffer.from('0500000112345678000000010000000a', 'hex')) };
      case '2001':
        if (!card || this._latched) return { reply: encodeReply(SW3.noCard) };
        this._phase = 'found';
        return { reply: encodeReply(SW3.found, Buffer.alloc(4)) };
      case '2002':
        // Removal "after find" shows on the select that follows (idle polls only find).
        if (this._removeAt?.stage === 'afterFind') this._takeRemoval();
        if (!this._card || this._phase === 'idle') return { reply: encodeReply(SW3.selectFailed) };
        this._phase = 'selected';
        return { reply: encodeReply(SW3.ok, Buffer.alloc(8)) };
      case '3001':
      case '3010': {
        if (this._removeAt?.stage === 'afterSelect') this._takeRemoval();
        if (this._removeAt?.stage === 'duringRead') {
          const truncateAt = this._removeAt.truncateAt;
          const full = card && this._phase === 'selected' ? this._textReply(card, key === '3010') : undefined;
          this._takeRemoval();
          if (truncateAt !== undefined && full) return { reply: full, truncateAt };
          return { reply: encodeReply(SW3.readFailed) };
        }
        if (!this._card || this._phase !== 'selected') return { reply: encodeReply(SW3.readFailed) };
        this._phase = 'idle';
        if (this._latchMode) this._latched = true;
        return { reply: this._textReply(this._card, key === '3010') };
      }
      case '3003':
        if (!card) return { reply: encodeReply(SW3.readFailed) };
        return { reply: card.newAddress ? encodeReply(SW3.ok, card.newAddress) : encodeReply(SW3.noContent) };
      case '6000':
      case '6001':
      case '6002':
      case '6003':
      case '6004':
        return { reply: encodeReply(SW3.ok) };
      case '61ff':
        return { reply: encodeReply(request.data.length === 1 ? SW3.ok : SW3.lengthError) };
      default:
        return { reply: encodeReply(SW3.commandError) };
    }
  }

  private _textReply(card: CardFixture, withFingerprint: boolean): Buffer {
    const lengths = Buffer.from(withFingerprint ? [0x01, 0x00, 0x04, 0x00, 0x00, 0x00] : [0x01, 0x00, 0x04, 0x00]);
    return encodeReply(SW3.ok, Buffer.concat([lengths, card.text, card.wlt]));
  }

  private _takeRemoval(): void {
    this._removeAt = null;
    this._card = null;
    this._latched = false;
  }

  // ---- reply output --------------------------------------------------------------------------

  private async _reply(frame: Buffer, delayMs: number, truncateAt?: number, key?: string): Promise<void> {
    let out = Buffer.from(frame);
    if (this._corrupt > 0 && (this._corruptOnly === null || this._corruptOnly === key)) {
      this._corrupt--;
      out[out.length - 1] ^= 0xff;
      // Line faults: the card was not really delivered, so the reader does not latch it.
      if (key === '3001') this._latched = false;
    }
    if (this._truncate !== null && (this._truncateOnly === null || this._truncateOnly === key)) {
      out = out.subarray(0, this._truncate);
      this._truncate = null;
      if (key === '3001') this._latched = false;
    }
    if (truncateAt !== undefined) out = out.subarray(0, truncateAt);
    delayMs += this._delayNext;
    this._delayNext = 0;
    if (this._garbage?.before) out = Buffer.concat([this._noise(), out]);
    if (this._garbage?.between) out = Buffer.concat([out, this._noise()]);
    await this._sleep(delayMs);
    await this._stream(out);
  }

  /** Sends bytes in chunks, paced at the wire rate (a pty does not enforce a baud rate). */
  private async _stream(bytes: Buffer): Promise<void> {
    const baud = this._options.baudRate ?? 0;
    const start = performance.now();
    let sent = 0;
    while (sent < bytes.length) {
      if (!this._plugged) return;
      const size = this._chunking
        ? this._chunking.min + Math.floor(this._rand() * (this._chunking.max - this._chunking.min + 1))
        : baud > 0
          ? 64
          : bytes.length;
      const chunk = bytes.subarray(sent, sent + Math.max(1, size));
      sent += chunk.length;
      const due = baud > 0 ? start + this._wireMs(sent) : performance.now();
      const wait = Math.max(due - performance.now(), this._chunking?.delayMs ?? 0);
      if (wait >= 1) await this._sleep(wait);
      if (this._plugged) this._port.send(chunk);
    }
  }

  private _noise(): Buffer {
    const falseStarts = [
      [0xaa, 0xaa],
      [0xaa, 0xaa, 0xaa, 0x96],
      [0xaa, 0xaa, 0xaa, 0x96, 0x69, 0xff, 0xff],
    ];
    const random = Buffer.from(
      Array.from({ length: 1 + Math.floor(this._rand() * 12) }, () => Math.floor(this._rand() * 256)),
    );
    return Buffer.concat([random, Buffer.from(falseStarts[Math.floor(this._rand() * falseStarts.length)])]);
  }

  private _wireMs(bytes: number): number {
    const baud = this._options.baudRate ?? 0;
    return baud > 0 ? (bytes * 10 * 1000) / baud : 0;
  }

  private _sleep(ms: number): Promise<void> {
    if (ms < 1) return Promise.resolve();
    return new Promise((done) => {
      const t = setTimeout(() => {
        this._timers.delete(t);
        done();
      }, ms);
      this._timers.add(t);
    });
  }
}

const hex2 = (n: number): string => n.toString(16).padStart(2, '0');
