import type { IdCardStatus } from '@kiosk/contract/kiosk-api';
import { CompletionError } from '../../device-agent/src/core/errors.js';
import { Service, success, type ServiceDeps } from '../../device-agent/src/core/service.js';

/**
 * A device service whose command does what the test asks (hold for a while, fail with a code):
 * used only to test the agent core (queue, timeouts, cancel), never in device or end-to-end tests.
 */
export class ScriptedService extends Service<'idcard'> {
  readonly name = 'idcard';
  protected _status: IdCardStatus = { device: 'online', media: 'notPresent' };
  /** requestIds whose handler actually started. */
  readonly started: number[] = [];

  constructor(deps: ServiceDeps) {
    super(deps);
  }

  async start(): Promise<void> {
    this.defineCommand<{ holdMs?: number; fail?: 'noMedia' }>('read', {
      schema: {
        type: 'object',
        properties: { holdMs: { type: 'integer', minimum: 0 }, fail: { enum: ['noMedia'] } },
        additionalProperties: false,
      },
      defaultTimeoutMs: 30_000,
      maxTimeoutMs: 120_000,
      run: async (payload, ctx) => {
        this.started.push(ctx.requestId);
        ctx.emit('idcard.insertCard');
        await new Promise<void>((done, fail) => {
          const timer = setTimeout(done, payload.holdMs ?? 0);
          ctx.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            fail(ctx.signal.reason as Error);
          });
        });
        if (payload.fail) throw new CompletionError('commandErrorCode', 'no card', { errorCode: payload.fail });
        return success({ ok: true });
      },
    });
  }

  setDevice(device: IdCardStatus['device']): void {
    this.setStatus({ device });
  }
}
