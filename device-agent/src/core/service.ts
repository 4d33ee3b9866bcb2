import type { CompletionCode, DeviceState, LastError, ServiceName, ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { Redactor } from '@kiosk/node-common/redact';
import type { Validator } from '@kiosk/node-common/validator';
import type { EventBus } from './event-bus.js';

export interface CommandContext {
  /** Aborted on cancel, timeout or disconnect of the requesting client. */
  signal: AbortSignal;
  requestId: number;
  /** Which listener the request came in on; admin-only commands check it at accept time. */
  listener: 'kiosk' | 'admin';
  /** Sends an event to the requesting connection only. */
  emit(name: string, payload?: unknown): void;
}

export interface CommandOutcome<P = unknown> {
  completionCode: CompletionCode;
  errorDescription?: string;
  payload: P;
}

export interface CommandSpec<P = unknown> {
  /** JSON Schema of the payload; checked before anything is queued. */
  schema: object;
  defaultTimeoutMs: number;
  maxTimeoutMs: number;
  adminOnly?: boolean;
  /** Runs whatever the device state (reset); otherwise a non-usable device completes deviceNotReady. */
  anyState?: boolean;
  /** Checks that need more than a schema (e.g. a form's fields); returns an error text or null. */
  validate?(payload: P): string | null;
  run(payload: P, ctx: CommandContext): Promise<CommandOutcome>;
}

export interface ServiceDeps<C = unknown> {
  bus: EventBus;
  log: Logger;
  /** This service's section of kiosk.config.json (devices.<x>), already validated. */
  config: C;
  /** Absolute path of the repository's content/ folder. */
  contentDir: string;
  /** KIOSK_DATA_DIR, absolute. */
  dataDir: string;
  /** Terminal identity for printouts; `publicUrl` is the centre's public base URL for receipt QR codes. */
  terminal: { id: string; name: string; publicUrl?: string };
  /** The agent's schema validator. */
  validator: Validator;
  /** The agent's memory of the current visitor's values (the ID card service adds to it). */
  redactor: Redactor;
}

export const isUsable = (d: DeviceState): boolean => d === 'online' || d === 'deviceBusy';
export const isAbsent = (d: DeviceState): boolean => d === 'powerOff' || d === 'noDevice';

export const success = <P>(payload: P): CommandOutcome<P> => ({ completionCode: 'success', payload });

/**
 * Base of every agent module that owns a device (XFS "service"). Constructors only assign;
 * work starts in start() and is released in stop().
 */
export abstract class Service<N extends ServiceName = ServiceName, C = unknown> {
  abstract readonly name: N;
  readonly commands = new Map<string, CommandSpec<never>>();
  protected abstract _status: ServiceStatusMap[N];

  constructor(protected readonly deps: ServiceDeps<C>) {}

  get log(): Logger {
    return this.deps.log;
  }

  status(): ServiceStatusMap[N] {
    return structuredClone(this._status);
  }

  /** Opens the device; must not throw for a missing device (that is a status). */
  abstract start(signal: AbortSignal): Promise<void>;

  async stop(): Promise<void> {
    this.deps.bus.removeListeners(this);
  }

  /** common.reset: reopen the link and re-initialise the device. */
  async reset(_signal: AbortSignal): Promise<void> {
    await this.stop();
    await this.start(new AbortController().signal);
  }

  /** Drop any personal data held for the current visit. */
  endSession(): void {}

  protected defineCommand<P>(command: string, spec: CommandSpec<P>): void {
    this.commands.set(`${this.name}.${command}`, spec);
  }

  protected setStatus(patch: Partial<ServiceStatusMap[N]>): void {
    const changed: string[] = [];
    const current = this._status as unknown as Record<string, unknown>;
    for (const [key, value] of Object.entries(patch)) {
      if (JSON.stringify(current[key]) !== JSON.stringify(value)) {
        changed.push(key);
        if (value === undefined) delete current[key];
        else current[key] = value;
      }
    }
    if (changed.length === 0) return;
    this.deps.bus.emit('statusChanged', { service: this.name, status: this.status(), changed });
  }

  protected reportError(error: LastError): void {
    this.setStatus({ lastError: error } as Partial<ServiceStatusMap[N]>);
    this.deps.bus.emit('deviceError', { service: this.name, ...error });
  }
}
