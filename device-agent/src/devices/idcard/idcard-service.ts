import type { IdCardFields, IdCardStatus } from '@kiosk/contract/kiosk-api';
import type { IdCardDeviceConfig } from '../../config/schema.js';
import { CompletionError } from '../../core/errors.js';
import {
  Service,
  type CommandContext,
  type CommandOutcome,
  type ServiceDeps,
  isUsable,
  success,
} from '../../core/service.js';
import type { ByteLink, LinkCloseInfo } from '../../links/byte-link.js';
import { LinkSupervisor, type SupervisorOptions } from '../../links/link-supervisor.js';
import { ReadError, selectAndRead } from './card-transaction.js';
import { COMMANDS, type SamCommand, hex } from './frame.js';
import { type PhotoDecoderOptions, decodeWltPhoto } from './photo-decoder.js';
import { CorruptReplyError, LinkFaultError, ReplyTimeoutError, SamChannel, abortReason } from './sam-channel.js';
import type { IdCardSimulator } from './simulator.js';
import { SW3, sw3Hex } from './status-codes.js';
import { decodeTextBlock } from './text-block.js';
import { type ActiveTransport, type TransportSeams, createIdCardLink } from './transports.js';

export interface IdCardTiming {
  /** find interval while an idcard.read is pending (§10.2: 300 ms). */
  pollMs: number;
  /** find interval with no read pending, to keep `media` current. */
  idlePollMs: number;
  /** 30 03 removal probe interval after a read. */
  removalProbeMs: number;
  /** 11 FF SAM health interval while idle. */
  healthMs: number;
  /** Reply timeout of find, select, 11 FF, 30 03 (§10.2: 1000 ms). */
  replyTimeoutMs: number;
  /** Reply timeout of 30 01 (§10.2: 3000 ms). */
  readTimeoutMs: number;
}

export interface IdCardServiceOptions extends TransportSeams {
  timing?: Partial<IdCardTiming>;
  /** Reopen backoff (default 1 s → 5 s, idcard-reader.md §10.2). */
  supervisor?: SupervisorOptions;
  /** Overrides `devices.idCard.photoDecoder`. */
  photoDecoder?: PhotoDecoderOptions;
}

const DEFAULT_TIMING: IdCardTiming = {
  pollMs: 300,
  idlePollMs: 1000,
  removalProbeMs: 300,
  healthMs: 5000,
  replyTimeoutMs: 1000,
  readTimeoutMs: 3000,
};

/**
 * The `idcard` service: a GA 467 ID card reader over serial, HID or the in-process simulator.
 * Polls find while a read is pending, reads once per card placement (a card must be lifted
 * before it is read again), probes for removal, checks the SAM while idle. Card data goes to
 * the requester only and is not kept after the completion.
 */
export class IdCardService extends Service<'idcard', ActiveTransport> {
  readonly name = 'idcard';
  protected _status: IdCardStatus = { device: 'starting', media: 'unknown' };
  /** Present for `"transport": "simulated"`: the admin simulator controls drive it. */
  simulator: IdCardSimulator | undefined;
  private _link: ByteLink | undefined;
  private _channel: SamChannel | undefined;
  private _supervisor: LinkSupervisor | undefined;
  private _timer: NodeJS.Timeout | undefined;
  private _lost = new AbortController();
  private _reading = false;
  private _stopped = true;
  /** A card was read and has not been lifted since (driver-side latch, DESIGN §7). */
  private _latched = false;
  private _timeouts = 0;
  private _nextHealthAt = 0;
  private _lastProblem = '';
  private readonly _timing: IdCardTiming;
  private readonly _photoDecoder: PhotoDecoderOptions | undefined;

  constructor(
    deps: ServiceDeps<IdCardDeviceConfig>,
    private readonly _options: IdCardServiceOptions = {},
  ) {
    super(deps as ServiceDeps<ActiveTransport>);
    this._timing = { ...DEFAULT_TIMING, ..._options.timing };
    const command = deps.config.transport === 'none' ? undefined : deps.config.photoDecoder;
    this._photoDecoder = _options.photoDecoder ?? (command ? { command } : undefined);
    this.defineCommand<Record<string, never>>('read', {
      schema: { type: 'object', additionalProperties: false },
      defaultTimeoutMs: 30_000,
      maxTimeoutMs: 120_000,
      run: (_payload, ctx) => this._read(ctx),
    });
  }

  async start(): Promise<void> {
    this._stopped = false;
    const config = this.deps.config;
    const { link, simulator } = createIdCardLink(config, this._options);
    this._link = link;
    this.simulator = simulator;
    const { replyTimeoutMs, readTimeoutMs } = this._timing;
    this._channel = new SamChannel(link, (command) => (command === COMMANDS.readText ? readTimeoutMs : replyTimeoutMs));
    this.setStatus({
      device: 'starting',
      media: 'unknown',
      connection: {
        transport: config.transport,
        ...('path' in config && config.path ? { path: config.path } : {}),
        reconnects: 0,
      },
    });
    this._supervisor = new LinkSupervisor(
      link,
      {
        onOpen: () => this._onOpen(),
        onLost: (info) => this._onLost(info),
        onOpenFailed: (err) => this._onOpenFailed(err),
      },
      this.log,
      { initialDelayMs: 1000, maxDelayMs: 5000, ...this._options.supervisor },
    );
    this._supervisor.start();
  }

  override async stop(): Promise<void> {
    this._stopped = true;
    clearTimeout(this._timer);
    this._lost.abort(new LinkFaultError('service stopped'));
    await this._supervisor?.stop();
    this._channel?.dispose();
    this.simulator?.dispose();
    await super.stop();
  }

  override async reset(): Promise<void> {
    this._timeouts = 0;
    await this._supervisor?.reopen();
  }

  /**
   * Card fields are never kept after the completion; this drops any partial reply still buffered.
   * The latch stays: it holds no personal data and keeps the next visitor from getting this card.
   */
  override endSession(): void {
    this._channel?.dropBuffered();
  }

  /** Admin probe: sends `11 FF` and shows the raw reply (device data, no personal data). */
  async probe(): Promise<{ sent: string; reply: string }> {
    if (!this._channel || !this._link?.isOpen)
      throw new Error(`${this._link?.description ?? 'idcard reader'} is not open`);
    const { sent, reply } = await this._channel.probe(COMMANDS.samStatus);
    return { sent: hex(sent), reply: hex(reply) };
  }

  // ---- link lifecycle -------------------------------------------------------------------------

  private async _onOpen(): Promise<void> {
    this._lost = new AbortController();
    this._timeouts = 0;
    // A reader that keeps failing stays hardwareError across reopens (no status flapping).
    this.setStatus({
      device: this._status.device === 'hardwareError' ? 'hardwareError' : 'starting',
      media: 'unknown',
      connection: {
        ...this._status.connection!,
        since: new Date().toISOString(),
        reconnects: this._supervisor?.reconnects ?? 0,
      },
    });
    this._schedule(0);
  }

  private _onLost(info: LinkCloseInfo): void {
    this._lost.abort(new LinkFaultError('link lost'));
    clearTimeout(this._timer);
    if (info.disconnected) {
      this.log.warn(`${this._link?.description}: disconnected`);
      this.setStatus({ device: 'powerOff', media: 'unknown' });
    }
  }

  private _onOpenFailed(error: Error): void {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || /permission|cannot open device/i.test(error.message)) {
      this.setStatus({ device: 'hardwareError', media: 'unknown' });
      this._problem('idcard.permission', 'configuration', `${this._link?.description}: permission denied`);
    } else {
      this.setStatus({ device: 'powerOff', media: 'unknown' });
    }
  }

  /** Reports a fault once per distinct cause (a repeating error is logged once). */
  private _problem(eventId: string, action: 'reset' | 'configuration' | 'maintenance', description: string): void {
    if (this._lastProblem === eventId) return;
    this._lastProblem = eventId;
    this.log.warn(description);
    this.reportError({ eventId, action, description });
  }

  // ---- idle loop: media polling, removal probe, SAM health ------------------------------------

  private _schedule(ms: number): void {
    clearTimeout(this._timer);
    if (this._stopped) return;
    this._timer = setTimeout(() => void this._tick(), ms);
    this._timer.unref();
  }

  private async _tick(): Promise<void> {
    if (this._stopped || !this._link?.isOpen) return;
    if (!this._reading) {
      const signal = this._lost.signal;
      try {
        const device = this._status.device;
        if (device === 'starting' || device === 'hardwareError' || Date.now() >= this._nextHealthAt)
          await this._checkSam(signal);
        else if (this._latched) await this._probeRemoval(signal);
        else await this._pollMedia(signal);
        this._timeouts = 0;
      } catch (err) {
        this._exchangeFailed(err);
      }
    }
    const usable = isUsable(this._status.device);
    this._schedule(
      !usable ? this._timing.healthMs / 5 : this._latched ? this._timing.removalProbeMs : this._timing.idlePollMs,
    );
  }

  private async _checkSam(signal: AbortSignal): Promise<void> {
    this._nextHealthAt = Date.now() + this._timing.healthMs;
    const reply = await this._exchange(COMMANDS.samStatus, signal);
    if (reply.sw3 === SW3.ok) {
      if (!isUsable(this._status.device)) {
        this.log.info(`${this._link?.description}: SAM ready`);
        this._lastProblem = '';
        this.setStatus({ device: 'online', lastError: undefined });
        if (!this._latched) await this._pollMedia(signal);
      }
      return;
    }
    this._samFault(`SW3 ${sw3Hex(reply.sw3)}`);
  }

  private _samFault(detail: string): void {
    this.setStatus({ device: 'hardwareError', media: 'unknown' });
    this._problem('idcard.samError', 'maintenance', `idcard SAM fault: ${detail}`);
  }

  private async _pollMedia(signal: AbortSignal): Promise<boolean> {
    const reply = await this._exchange(COMMANDS.find, signal);
    if (reply.sw3 === SW3.found) this.setStatus({ media: 'present' });
    else if (reply.sw3 === SW3.noCard) this.setStatus({ media: 'notPresent' });
    else if (reply.sw3 === SW3.samSelfTestFailed || reply.sw3 === SW3.samNotAuthorised)
      this._samFault(`SW3 ${sw3Hex(reply.sw3)}`);
    return reply.sw3 === SW3.found;
  }

  /** After a read: 30 03 answers 41 once the card has gone (its data is discarded unread). */
  private async _probeRemoval(signal: AbortSignal): Promise<boolean> {
    const reply = await this._exchange(COMMANDS.newAddress, signal);
    const gone = reply.sw3 === SW3.readFailed || reply.sw3 === SW3.noCard;
    if (gone) this._latched = false;
    this.setStatus({ media: gone ? 'notPresent' : 'present' });
    return gone;
  }

  private _exchange(command: SamCommand, signal: AbortSignal) {
    return this._channel!.exchange(command, signal);
  }

  /** Two consecutive timeouts: reopen the link (§10.2); the device is hardwareError until it answers. */
  private _exchangeFailed(err: unknown): void {
    if (!(err instanceof ReplyTimeoutError)) return;
    if (++this._timeouts >= 2) this._linkFault();
  }

  private _linkFault(): void {
    this._timeouts = 0;
    this.setStatus({ device: 'hardwareError', media: 'unknown' });
    this._problem('idcard.noReply', 'reset', `${this._link?.description}: no replies; reopening`);
    void this._supervisor?.reopen();
  }

  // ---- idcard.read --------------------------------------------------------------------------

  private async _read(ctx: CommandContext): Promise<CommandOutcome<IdCardFields>> {
    const started = Date.now();
    const signal = AbortSignal.any([ctx.signal, this._lost.signal]);
    this._reading = true;
    this.setStatus({ device: 'deviceBusy' });
    try {
      if (this._latched) {
        ctx.emit('idcard.insertCard', { liftCardFirst: true });
        while (!(await this._probeRemoval(signal))) await sleep(this._timing.pollMs, signal);
      }
      ctx.emit('idcard.insertCard', {});
      let failures = 0;
      for (;;) {
        try {
          if (await this._pollMedia(signal)) break;
          failures = 0;
          if (this._status.device === 'hardwareError') throw new ReadError('samError', 'SAM fault while polling');
        } catch (err) {
          // A lost or corrupt find reply is just another poll; three in a row are a link fault.
          const transient = err instanceof CorruptReplyError || err instanceof ReplyTimeoutError;
          if (!transient || ++failures >= 3) throw err;
        }
        await sleep(this._timing.pollMs, signal);
      }
      ctx.emit('idcard.mediaDetected', {});
      const foundAt = Date.now();
      const card = await selectAndRead(this._channel!, signal);
      const decoded = decodeTextBlock(card.text);
      // Whatever was read, this placement is used up: the next read waits for a lift.
      this._latched = true;
      if (!decoded.ok) throw new ReadError('invalidMedia', `text block not usable (${decoded.reason})`);
      const fields: IdCardFields = { ...decoded.fields, photo: { format: 'wlt', base64: card.wlt.toString('base64') } };
      this.deps.redactor.remember([fields.name, fields.idNumber, fields.address, fields.englishName]);
      if (this._photoDecoder) {
        const result = await decodeWltPhoto(this._photoDecoder, card.wlt);
        if ('photo' in result) fields.photo!.decoded = result.photo;
        else this.log.warn(`idcard photo decoder: ${result.error}`);
      }
      this.log.info(
        {
          cardType: fields.cardType,
          attempts: card.attempts,
          readMs: Date.now() - foundAt,
          totalMs: Date.now() - started,
          warnings: decoded.warnings,
          idNumberValid: fields.idNumberValid,
        },
        'idcard read',
      );
      return success(fields);
    } catch (err) {
      throw this._failure(err, ctx.signal);
    } finally {
      this._reading = false;
      if (this._status.device === 'deviceBusy') this.setStatus({ device: 'online' });
      this._schedule(this._timing.removalProbeMs);
    }
  }

  private _failure(err: unknown, requester: AbortSignal): unknown {
    if (requester.aborted) return requester.reason;
    if (err instanceof ReadError) {
      this.log.info({ errorCode: err.kind }, `idcard read failed: ${err.message}`);
      if (err.kind === 'samError') {
        this._samFault(err.message);
        return new CompletionError('commandErrorCode', 'SAM fault', { errorCode: 'samError' });
      }
      if (err.kind === 'linkFault') {
        this._linkFault();
        return new CompletionError('hardwareError', 'the ID card reader does not answer');
      }
      if (err.kind === 'noMedia') this.setStatus({ media: 'notPresent' });
      return new CompletionError('commandErrorCode', err.message, { errorCode: err.kind });
    }
    if (err instanceof LinkFaultError || err instanceof ReplyTimeoutError || err instanceof CorruptReplyError) {
      if (!(err instanceof LinkFaultError)) this._linkFault();
      return new CompletionError('hardwareError', 'the ID card reader was disconnected or does not answer');
    }
    return err;
  }
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((done, fail) => {
    if (signal.aborted) return fail(abortReason(signal));
    const onAbort = (): void => {
      clearTimeout(timer);
      fail(abortReason(signal));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      done();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });
}
