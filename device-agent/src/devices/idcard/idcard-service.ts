import type { IdCardFields, IdCardStatus } from '@kiosk/contract/kiosk-api';
import type { IdCardDeviceConfig } from '../../config/schema.js';
import { type CommandContext, type CommandOutcome, Service, type ServiceDeps } from '../../core/service.js';
import type { ByteLink, LinkCloseInfo } from '../../links/byte-link.js';
import { LinkSupervisor, type SupervisorOptions } from '../../links/link-supervisor.js';
import { addDecodedPhoto } from './card-photo.js';
import { rememberCardValues } from './card-redaction.js';
import { COMMANDS, hex } from './frame.js';
import { DEFAULT_TIMING, type IdCardTiming } from './idcard-timing.js';
import { IdleScheduler } from './idle-scheduler.js';
import type { PhotoDecoderOptions } from './photo-decoder.js';
import { readCard, readFailure } from './read-transaction.js';
import { ReaderProbes } from './reader-probes.js';
import { CardState, type ReaderContext } from './reader-state.js';
import { SamChannel } from './sam-channel.js';
import type { IdCardSimulator } from './simulator.js';
import { type ActiveTransport, type TransportSeams, createIdCardLink } from './transports.js';

export type { IdCardTiming } from './idcard-timing.js';

export interface IdCardServiceOptions extends TransportSeams {
  timing?: Partial<IdCardTiming>;
  /** Reopen backoff (default 1 s → 5 s, idcard-reader.md §10.2). */
  supervisor?: SupervisorOptions;
  /** Overrides `devices.idCard.photoDecoder`. */
  photoDecoder?: PhotoDecoderOptions;
}

/**
 * The `idcard` service: a GA 467 ID card reader over serial, HID or the in-process simulator.
 * Owns the link's lifecycle; the idle loop (`idle-scheduler.ts`) and `idcard.read`
 * (`read-transaction.ts`) work on the shared `CardState`. Card data goes to the requester only
 * and is not kept after the completion.
 */
export class IdCardService extends Service<'idcard', ActiveTransport> {
  readonly name = 'idcard';
  protected _status: IdCardStatus = { device: 'starting', media: 'unknown' };
  /** Present for `"transport": "simulated"`: the admin simulator controls drive it. */
  simulator: IdCardSimulator | undefined;
  private _link: ByteLink | undefined;
  private _channel: SamChannel | undefined;
  private _supervisor: LinkSupervisor | undefined;
  private _lastProblem = '';
  private readonly _state = new CardState();
  private readonly _timing: IdCardTiming;
  private readonly _photoDecoder: PhotoDecoderOptions | undefined;
  private readonly _reader: ReaderContext;
  private readonly _probes: ReaderProbes;
  private readonly _idle: IdleScheduler;

  constructor(
    deps: ServiceDeps<IdCardDeviceConfig>,
    private readonly _options: IdCardServiceOptions = {},
  ) {
    super(deps as ServiceDeps<ActiveTransport>);
    this._timing = { ...DEFAULT_TIMING, ..._options.timing };
    const command = deps.config.transport === 'none' ? undefined : deps.config.photoDecoder;
    this._photoDecoder = _options.photoDecoder ?? (command ? { command } : undefined);
    this._reader = {
      log: deps.log,
      timing: this._timing,
      state: this._state,
      channel: () => this._channel!,
      description: () => this._link?.description ?? 'idcard reader',
      status: () => this._status,
      setStatus: (patch) => this.setStatus(patch),
      samFault: (detail) => this._samFault(detail),
      linkFault: () => this._linkFault(),
      samReady: () => this._samReady(),
    };
    this._probes = new ReaderProbes(this._reader);
    this._idle = new IdleScheduler(this._reader, this._probes, () => this._link?.isOpen ?? false);
    this.defineCommand<Record<string, never>>('read', {
      schema: { type: 'object', additionalProperties: false },
      defaultTimeoutMs: 30_000,
      maxTimeoutMs: 120_000,
      run: (_payload, ctx) => this._read(ctx),
    });
  }

  async start(): Promise<void> {
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
    this._idle.start();
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
    this._idle.stop();
    this._state.disconnected('service stopped');
    await this._supervisor?.stop();
    this._channel?.dispose();
    this.simulator?.dispose();
    await super.stop();
  }

  override async reset(): Promise<void> {
    this._state.timeouts = 0;
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
    if (!this._channel || !this._link?.isOpen) throw new Error(`${this._reader.description()} is not open`);
    const { sent, reply } = await this._channel.probe(COMMANDS.samStatus);
    return { sent: hex(sent), reply: hex(reply) };
  }

  // ---- link lifecycle -------------------------------------------------------------------------

  private async _onOpen(): Promise<void> {
    // A reopened reader has forgotten its card, and the card may have been swapped meanwhile.
    this._state.connected();
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
    this._idle.schedule(0);
  }

  private _onLost(info: LinkCloseInfo): void {
    this._state.disconnected('link lost');
    this._idle.pause();
    if (info.disconnected) {
      this.log.warn(`${this._reader.description()}: disconnected`);
      this.setStatus({ device: 'powerOff', media: 'unknown' });
    }
  }

  private _onOpenFailed(error: Error): void {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || /permission|cannot open device/i.test(error.message)) {
      this.setStatus({ device: 'hardwareError', media: 'unknown' });
      this._problem('idcard.permission', 'configuration', `${this._reader.description()}: permission denied`);
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

  private _samReady(): void {
    this.log.info(`${this._reader.description()}: SAM ready`);
    this._lastProblem = '';
    this.setStatus({ device: 'online', lastError: undefined });
  }

  private _samFault(detail: string): void {
    this.setStatus({ device: 'hardwareError', media: 'unknown' });
    this._problem('idcard.samError', 'maintenance', `idcard SAM fault: ${detail}`);
  }

  private _linkFault(): void {
    this._state.timeouts = 0;
    this.setStatus({ device: 'hardwareError', media: 'unknown' });
    this._problem('idcard.noReply', 'reset', `${this._reader.description()}: no replies; reopening`);
    void this._supervisor?.reopen();
  }

  // ---- idcard.read ----------------------------------------------------------------------------

  private async _read(ctx: CommandContext): Promise<CommandOutcome<IdCardFields>> {
    this._state.reading = true;
    this.setStatus({ device: 'deviceBusy' });
    try {
      return await readCard(
        {
          reader: this._reader,
          probes: this._probes,
          enrich: async (fields, wlt) => {
            rememberCardValues(this.deps.redactor, fields);
            if (fields.idNumber) this.deps.bus.emit('cardRead', { idNumber: fields.idNumber });
            await addDecodedPhoto(this._photoDecoder, fields, wlt, this.log);
          },
        },
        ctx,
      );
    } catch (err) {
      throw readFailure(this._reader, err, ctx.signal);
    } finally {
      this._state.reading = false;
      if (this._status.device === 'deviceBusy') this.setStatus({ device: 'online' });
      this._idle.schedule(this._timing.removalProbeMs);
    }
  }
}
