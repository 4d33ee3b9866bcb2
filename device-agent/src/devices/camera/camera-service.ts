import { readdir } from 'node:fs/promises';
import type { CameraStatus } from '@kiosk/contract/kiosk-api';
import { Service } from '../../core/service.js';

const POLL_MS = 5000;

/**
 * Camera presence only: the browser owns getUserMedia. Reports `online` when a /dev/video* node
 * exists, `powerOff` when none does, and `presence: unknown` where /dev cannot be listed.
 */
export class CameraService extends Service<'camera', { enabled: boolean }> {
  readonly name = 'camera';
  protected _status: CameraStatus = { device: 'starting', presence: 'unknown' };
  private _timer: NodeJS.Timeout | undefined;
  /** Test seam: the directory scanned for video nodes. */
  devDir = '/dev';

  async start(): Promise<void> {
    await this._scan();
    this._timer = setInterval(() => void this._scan(), POLL_MS);
    this._timer.unref();
  }

  override async stop(): Promise<void> {
    clearInterval(this._timer);
    await super.stop();
  }

  private async _scan(): Promise<void> {
    try {
      const nodes = (await readdir(this.devDir))
        .filter((n) => /^video\d+$/.test(n))
        .sort()
        .map((n) => `${this.devDir}/${n}`);
      this.setStatus({
        device: nodes.length > 0 ? 'online' : 'powerOff',
        presence: nodes.length > 0 ? 'present' : 'notPresent',
        nodes,
      });
    } catch {
      this.setStatus({ device: 'online', presence: 'unknown', nodes: undefined });
    }
  }
}
