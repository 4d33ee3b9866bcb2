import { DEVICE_COMMANDS, type ServiceName, type ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import { Service } from './service.js';

const NO_DEVICE: ServiceStatusMap = {
  idcard: { device: 'noDevice', media: 'unknown' },
  printer: { device: 'noDevice', paper: 'unknown' },
  camera: { device: 'noDevice', presence: 'unknown' },
};

/**
 * Stands in for a device that is not configured (or when the configuration is invalid):
 * reports `noDevice`; its commands complete `deviceNotReady`.
 */
export class UnconfiguredService<N extends ServiceName> extends Service<N> {
  protected _status: ServiceStatusMap[N];

  constructor(
    readonly name: N,
    deps: ConstructorParameters<typeof Service>[0],
  ) {
    super(deps);
    this._status = structuredClone(NO_DEVICE[name]);
  }

  async start(): Promise<void> {
    // Known commands are accepted and complete deviceNotReady, rather than being unknown (404).
    for (const command of DEVICE_COMMANDS[this.name]) {
      this.defineCommand(command, {
        schema: { type: 'object' },
        defaultTimeoutMs: 1000,
        maxTimeoutMs: 1000,
        adminOnly: command === 'printRaw',
        run: () => Promise.reject(new Error('unreachable: device is not configured')),
      });
    }
  }
}
