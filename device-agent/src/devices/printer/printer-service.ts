import { randomUUID } from 'node:crypto';
import type { LastError, PrinterStatus, PrintFormPayload, PrintFormResult } from '@kiosk/contract/kiosk-api';
import type { PrinterDeviceConfig } from '../../config/schema.js';
import { CompletionError } from '../../core/errors.js';
import { Service, type CommandOutcome, type ServiceDeps } from '../../core/service.js';
import type { ByteLink } from '../../links/byte-link.js';
import { LinkSupervisor, type SupervisorOptions } from '../../links/link-supervisor.js';
import { CLEAR_BUFFERS, REINIT } from './encoder.js';
import type { TextImage } from './form-types.js';
import type { RenderContext } from './form-render.js';
import { FormCatalog } from './forms.js';
import { decodeJobs } from './job.js';
import { PrinterChannel, type RawStatusReply } from './printer-channel.js';
import { renderPreviewSvg } from './preview.js';
import type { PrinterProfile } from './profiles.js';
import type { PrinterSimulator } from './simulator.js';
import { decodeConditions, interpret, type PrinterCondition, type PrinterFault } from './status.js';
import { printCommandSpecs } from './printer-commands.js';

export interface PrinterServiceOptions {
  link: ByteLink;
  transport: 'simulated' | 'serial' | 'usblp' | 'tcp';
  profile: PrinterProfile;
  /** The in-process printer behind a `simulated` link (admin simulator controls, tests). */
  simulator?: PrinterSimulator;
  /** Idle status polling interval (escpos-printer.md §8.3: 2–5 s). */
  pollIntervalMs?: number;
  queryTimeoutMs?: number;
  /** How long to wait for the GS r 1 reply that says a job was processed. */
  endMarkerTimeoutMs?: number;
  /**
   * Without an end marker (a clone that does not answer GS r 1), DLE EOT is read every 500 ms
   * for this long after a job, so paper running out while it prints is still seen. Default 1500.
   */
  unmarkedSettleMs?: number;
  supervisor?: SupervisorOptions;
  /** The clock printed on receipts. */
  now?: () => Date;
  forms?: FormCatalog;
}

/** A receipt kept after paper out / cover open / jam so the UI can offer a reprint. Memory only. */
interface PrintJob {
  id: string;
  bytes: Uint8Array;
  unsupported: string[];
  placeholders: string[];
  /** Kept for a reprint when it could not print (receipts); raw admin jobs are not. */
  keep: boolean;
  keptAt?: number;
}

const MAX_HELD = 8;
/** A kept receipt outlives no visit: the UI ends visits, and this bounds it if the UI never does. */
const HELD_TTL_MS = 20 * 60_000;

export type PrintPayload = PrintFormPayload & { textImages?: Record<string, TextImage> };

/**
 * The receipt printer (XFS Printer): ESC/POS jobs from content forms, DLE EOT status polling
 * between jobs, receipts kept on paper out and reprinted on request, unplug/replug by the supervisor.
 */
export class PrinterService extends Service<'printer', PrinterDeviceConfig> {
  readonly name = 'printer';
  readonly simulator: PrinterSimulator | undefined;
  protected _status: PrinterStatus;
  private readonly _link: ByteLink;
  private readonly _channel: PrinterChannel;
  private readonly _supervisor: LinkSupervisor;
  private _forms: FormCatalog | undefined;
  private readonly _held = new Map<string, PrintJob>();
  private _preview: string | undefined;
  private _lock: Promise<unknown> = Promise.resolve();
  private _pollTimer: NodeJS.Timeout | undefined;
  private _pollQueued = false;
  private _busy = false;
  /** No status can be read (usblp 7/1/1, print-only profile): paper stays `unknown`. */
  private _writeOnly = false;
  private _answeredSinceOpen = false;
  /**
   * Some clones never answer GS r 1. After one unanswered end marker on a printer that answers
   * DLE EOT, stop waiting for it (until the link reopens) and judge each job from DLE EOT alone.
   */
  private _endMarkerUnanswered = false;
  private _faultKey = '';
  private _wasLost = false;
  private _reconnects = 0;

  constructor(
    deps: ServiceDeps<PrinterDeviceConfig>,
    private readonly _options: PrinterServiceOptions,
  ) {
    super(deps);
    this._link = _options.link;
    this.simulator = _options.simulator;
    this._forms = _options.forms;
    this._channel = new PrinterChannel(this._link, _options.queryTimeoutMs ?? 500);
    this._supervisor = new LinkSupervisor(
      this._link,
      {
        onOpen: () => this._onOpen(),
        onLost: () => this._onLost(),
        onOpenFailed: (error) => this._onOpenFailed(error),
      },
      deps.log,
      _options.supervisor,
    );
    this._status = {
      device: 'starting',
      paper: 'unknown',
      coverOpen: 'unknown',
      bidirectional: this._link.bidirectional,
      heldJobs: 0,
      connection: { transport: _options.transport, path: this._link.description, reconnects: 0 },
    };
  }

  get profile(): PrinterProfile {
    return this._options.profile;
  }

  get forms(): FormCatalog {
    this._forms ??= FormCatalog.load(this.deps.contentDir, this.deps.validator);
    return this._forms;
  }

  async start(): Promise<void> {
    for (const problem of this.forms.problems) this.log.error(`print form not loaded: ${problem}`);
    for (const [command, spec] of Object.entries(printCommandSpecs(this))) this.defineCommand(command, spec);
    this._supervisor.start();
  }

  override async stop(): Promise<void> {
    clearInterval(this._pollTimer);
    await this._supervisor.stop();
    await super.stop();
  }

  override async reset(): Promise<void> {
    clearInterval(this._pollTimer);
    await this._supervisor.reopen();
  }

  /** End of a visit: kept receipts and the last preview hold names; drop them. */
  override endSession(): void {
    this._held.clear();
    this._preview = undefined;
    this.setStatus({ heldJobs: 0 });
  }

  /** SVG of the last job printed (memory only, dropped at the end of a visit). */
  lastPreview(): string | undefined {
    return this._preview;
  }

  hasHeldJob(id: string): boolean {
    return this._held.has(id);
  }

  renderContext(textImages?: Record<string, TextImage>): RenderContext {
    return {
      profile: this.profile,
      terminal: this.deps.terminal,
      now: this._options.now?.() ?? new Date(),
      ...(textImages ? { textImages } : {}),
    };
  }

  /** printer.printForm: the payload was checked by validate() before it was queued. */
  async printForm(payload: PrintPayload, signal: AbortSignal): Promise<CommandOutcome> {
    const rendered = this.forms.render(payload.form, payload.fields, this.renderContext(payload.textImages));
    const job: PrintJob = { id: randomUUID(), ...rendered, keep: true };
    this.log.info({ form: payload.form, jobId: job.id, bytes: job.bytes.length }, 'printing form');
    return this._exclusive(() => this._printLocked(job, signal, false));
  }

  async reprint(jobId: string, signal: AbortSignal): Promise<CommandOutcome> {
    const job = this._held.get(jobId);
    if (!job) throw new CompletionError('sequenceError', `no kept receipt ${jobId} (already reprinted or visit ended)`);
    return this._exclusive(() => this._printLocked(job, signal, true));
  }

  async printRaw(bytes: Uint8Array, signal: AbortSignal): Promise<CommandOutcome> {
    const job: PrintJob = { id: randomUUID(), bytes, unsupported: [], placeholders: [], keep: false };
    return this._exclusive(() => this._printLocked(job, signal, false));
  }

  /** Technician self-test: raw DLE EOT 1–4 replies, then the probe page. */
  async selfTest(): Promise<{ printed: boolean; statusReplies: RawStatusReply[] }> {
    const rendered = this.forms.render(
      'printer-self-test',
      { url: `https://kiosk.invalid/self-test/${this.deps.terminal.id}` },
      this.renderContext(),
    );
    const job: PrintJob = { id: randomUUID(), ...rendered, keep: false };
    return this._exclusive(async () => {
      const statusReplies: RawStatusReply[] = [];
      for (const n of [1, 2, 3, 4] as const) {
        const reply = this._link.isOpen && this._link.bidirectional ? await this._channel.query(n, null) : null;
        statusReplies.push({
          command: `DLE EOT ${n} (10 04 0${n})`,
          replyHex: reply === null ? '' : reply.toString(16).padStart(2, '0').toUpperCase(),
        });
      }
      let printed = false;
      try {
        printed = (await this._printLocked(job, new AbortController().signal, false)).completionCode === 'success';
      } catch (err) {
        this.log.warn({ err }, 'printer self-test page did not print');
      }
      return { printed, statusReplies };
    });
  }

  private async _printLocked(job: PrintJob, signal: AbortSignal, isReprint: boolean): Promise<CommandOutcome> {
    const device = this._status.device;
    if (!this._link.isOpen || device === 'powerOff' || device === 'starting' || device === 'offline')
      throw new CompletionError('deviceNotReady', `printer is ${device}`);
    signal.throwIfAborted();
    const before = await this._refresh();
    if (!before && !this._writeOnly)
      throw new CompletionError('deviceNotReady', 'printer does not answer status queries');
    if (before?.fault) return this._hold(job, before.fault.errorCode);
    signal.throwIfAborted();
    // From here on the job is on its way: it completes with its real result, even if cancelled.
    this._busy = true;
    this.setStatus({ device: 'deviceBusy' });
    let processed = true;
    const unmarked = this.profile.endMarker && !this._writeOnly && this._endMarkerUnanswered;
    try {
      const marker = this.profile.endMarker && !this._writeOnly && !this._endMarkerUnanswered;
      processed = await this._channel.sendJob(
        job.bytes,
        marker ? { timeoutMs: this._options.endMarkerTimeoutMs ?? 15_000 } : null,
      );
    } catch (err) {
      this.log.warn({ err, jobId: job.id }, 'printer link failed during a job');
      return this._lostDuringJob(job);
    }
    // Unplugged while the bytes were on their way (the write may still have "succeeded"): the
    // receipt cannot be known to have come out, so it is kept for a reprint.
    if (!this._link.isOpen) {
      this.log.warn({ jobId: job.id }, 'printer went away during a job');
      return this._lostDuringJob(job);
    }
    if (unmarked) await this._settleUnmarked();
    this._busy = false;
    const after = await this._refresh();
    if (after?.fault) {
      await this._link.write(Uint8Array.from(CLEAR_BUFFERS)).catch(() => undefined);
      return this._hold(job, after.fault.errorCode);
    }
    if (!processed && after) {
      this._endMarkerUnanswered = true;
      this.log.warn(
        { jobId: job.id },
        'no end-of-job reply (GS r 1) from a printer that answers DLE EOT: judging jobs from DLE EOT until it reconnects',
      );
    } else if (!processed) this.log.warn({ jobId: job.id }, 'no end-of-job reply from the printer (GS r 1)');
    if (!after && !this._writeOnly) this.setStatus({ device: 'hardwareError' });
    else if (!after) this.setStatus({ device: 'online' });
    if (isReprint) this._held.delete(job.id);
    this.setStatus({ heldJobs: this._held.size });
    const printed = decodeJobs(job.bytes)[0];
    this._preview = printed ? renderPreviewSvg(printed, this.profile.dots) : undefined;
    const payload: PrintFormResult & { placeholders?: string[] } = {};
    if (job.unsupported.length) payload.unsupported = job.unsupported;
    if (job.placeholders.length) payload.placeholders = job.placeholders;
    return { completionCode: 'success', payload };
  }

  /**
   * No end marker to wait for: read DLE EOT while the printer may still be printing, so paper
   * that runs out during the job is seen (the caller reads the final status right after).
   */
  private async _settleUnmarked(): Promise<void> {
    // performance.now(): a wall clock set back an hour here would hold the receipt for an hour.
    const until = performance.now() + (this._options.unmarkedSettleMs ?? 1500);
    while (performance.now() < until) {
      const reading = await this._refresh();
      if (!reading || reading.fault) return;
      await new Promise((r) => setTimeout(r, Math.min(500, Math.max(0, until - performance.now()))));
    }
  }

  private _lostDuringJob(job: PrintJob): never {
    this._busy = false;
    if (!job.keep) throw new CompletionError('hardwareError', 'printer went away during the job');
    this._keep(job);
    throw new CompletionError('hardwareError', 'printer went away during the job; the receipt is kept', {
      heldJobId: job.id,
    });
  }

  private _keep(job: PrintJob): void {
    job.keptAt ??= performance.now();
    this._held.set(job.id, job);
    while (this._held.size > MAX_HELD) this._held.delete(this._held.keys().next().value!);
    this.setStatus({ heldJobs: this._held.size });
  }

  private _hold(job: PrintJob, errorCode: PrinterFault): CommandOutcome {
    const description = `printer reports ${errorCode}${job.keep ? '; the receipt is kept for a reprint' : ''}`;
    if (job.keep) this._keep(job);
    const held = job.keep ? { heldJobId: job.id } : {};
    if (errorCode === 'unrecoverable' || errorCode === 'offline')
      return { completionCode: 'hardwareError', errorDescription: description, payload: held };
    return { completionCode: 'commandErrorCode', errorDescription: description, payload: { errorCode, ...held } };
  }

  /** Reads and publishes the status (call with the lock held). Null when no status is readable. */
  private async _refresh(): Promise<PrinterCondition | null> {
    const map = this.profile.statusMap;
    if (!this._link.isOpen) return null;
    // Once a usblp printer has not answered since this open, it is treated as print-only until reopened.
    if (!map || !this._link.bidirectional || this._writeOnly) return this._enterWriteOnly();
    const reading = await this._channel.readStatus(map);
    if (!reading.answered) {
      if (this._options.transport === 'usblp' && !this._answeredSinceOpen) return this._enterWriteOnly();
      this.setStatus({ device: 'hardwareError', paper: 'unknown', coverOpen: 'unknown' });
      this._setFault('noReply', {
        eventId: 'printer.noReply',
        action: 'reset',
        description: 'printer does not answer status queries',
      });
      return null;
    }
    this._answeredSinceOpen = true;
    this._writeOnly = false;
    const condition = interpret(decodeConditions(map, reading.replies));
    this.setStatus({
      device: this._busy ? 'deviceBusy' : condition.device,
      paper: condition.paper,
      coverOpen: condition.coverOpen,
      bidirectional: true,
    });
    const fault = condition.fault;
    this._setFault(
      fault?.errorCode ?? '',
      fault ? { eventId: `printer.${fault.errorCode}`, action: fault.action, description: fault.description } : null,
    );
    return condition;
  }

  private _enterWriteOnly(): null {
    this._writeOnly = true;
    this.setStatus({
      device: this._busy ? 'deviceBusy' : 'online',
      paper: 'unknown',
      coverOpen: 'unknown',
      bidirectional: false,
    });
    this._setFault('', null);
    return null;
  }

  private _setFault(key: string, error: LastError | null): void {
    if (key === this._faultKey) return;
    this._faultKey = key;
    if (error) this.reportError(error);
    else this.setStatus({ lastError: undefined });
  }

  private async _onOpen(): Promise<void> {
    this._answeredSinceOpen = false;
    this._endMarkerUnanswered = false;
    this._writeOnly = false;
    if (this._wasLost) this._reconnects++;
    this._wasLost = false;
    this.setStatus({
      bidirectional: this._link.bidirectional,
      connection: {
        transport: this._options.transport,
        path: this._link.description,
        since: new Date().toISOString(),
        reconnects: this._reconnects,
      },
    });
    await this._exclusive(async () => {
      await this._link.flushInput();
      await this._link.write(Uint8Array.from(REINIT));
      await this._refresh();
    });
    clearInterval(this._pollTimer);
    this._pollTimer = setInterval(() => this._poll(), this._options.pollIntervalMs ?? 2000);
    this._pollTimer.unref();
  }

  private _onLost(): void {
    clearInterval(this._pollTimer);
    this._wasLost = true;
    this._faultKey = '';
    this.setStatus({ device: 'powerOff', paper: 'unknown', coverOpen: 'unknown', lastError: undefined });
  }

  private _onOpenFailed(error: Error): void {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') {
      this.setStatus({ device: 'hardwareError', paper: 'unknown', coverOpen: 'unknown' });
      this._setFault('permission', {
        eventId: 'printer.permission',
        action: 'configuration',
        description: `no permission to open ${this._link.description} (group lp/dialout?)`,
      });
    } else this.setStatus({ device: 'powerOff', paper: 'unknown', coverOpen: 'unknown' });
  }

  private _poll(): void {
    const expired = [...this._held.values()].filter((job) => performance.now() - (job.keptAt ?? 0) > HELD_TTL_MS);
    for (const job of expired) this._held.delete(job.id);
    if (expired.length) this.setStatus({ heldJobs: this._held.size });
    if (this._pollQueued || this._busy || !this._link.isOpen) return;
    this._pollQueued = true;
    void this._exclusive(() => this._refresh())
      .catch((err: unknown) => this.log.warn({ err }, 'printer status poll failed'))
      .finally(() => {
        this._pollQueued = false;
      });
  }

  /** Runs `fn` after everything queued before it on this link (jobs, polls, self-test). */
  private _exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this._lock.then(fn, fn);
    this._lock = run.catch(() => undefined);
    return run;
  }
}
