import type { ServiceName } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import type { AgentModule } from './module.js';
import type { Service } from './service.js';

/** Something with a start/stop lifecycle besides services and modules (the listeners). */
export interface Part {
  readonly name: string;
  start(signal: AbortSignal): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The lifecycle of an agent (zigbee2mqtt style): starts the services, then the modules, then the
 * listeners, each in its own try/catch; stops everything in reverse order. What the parts are is
 * decided by the composition root (`app/`); the controller knows only their lifecycle.
 */
export class Controller {
  private readonly _abort = new AbortController();

  constructor(
    private readonly _log: Logger,
    private readonly _services: ReadonlyMap<ServiceName, Service>,
    private readonly _modules: readonly AgentModule[],
    /** Started last; a failure here is fatal (an agent that cannot listen is of no use). */
    private readonly _listeners: Part,
  ) {}

  /** Rejects only when the listeners cannot start; a failed device or module is logged. */
  async start(): Promise<void> {
    const signal = this._abort.signal;
    for (const [name, service] of this._services) {
      try {
        await service.start(signal);
      } catch (err) {
        this._log.error({ err }, `Failed to start '${name}'`);
      }
    }
    for (const module of this._modules) {
      try {
        await module.start(signal);
      } catch (err) {
        this._log.error({ err }, `Failed to start '${module.name}'`);
      }
    }
    await this._listeners.start(signal);
  }

  /** Stops in reverse order; returns the exit code (non-zero when something failed to stop). */
  async stop(): Promise<number> {
    let failures = 0;
    this._abort.abort();
    const parts: Part[] = [
      this._listeners,
      ...[...this._modules].reverse(),
      ...[...this._services].reverse().map(([name, service]) => ({
        name,
        start: (signal: AbortSignal) => service.start(signal),
        stop: () => service.stop(),
      })),
    ];
    for (const part of parts) {
      try {
        await part.stop();
      } catch (err) {
        failures++;
        this._log.error({ err }, `Failed to stop '${part.name}'`);
      }
    }
    return failures ? 1 : 0;
  }
}
