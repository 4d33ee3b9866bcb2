import type { CompletionCode, IdCardFields, ServiceName, ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import type { IdCardDeviceConfig } from '../../../device-agent/src/config/schema.js';
import type { Service } from '../../../device-agent/src/core/service.js';
import { UnconfiguredService } from '../../../device-agent/src/core/unconfigured-service.js';
import type { FixtureName } from '../../../device-agent/src/devices/idcard/fixtures.js';
import type { IdCardSimulator } from '../../../device-agent/src/devices/idcard/simulator.js';
import { IdCardService, type IdCardServiceOptions } from '../../../device-agent/src/devices/idcard/idcard-service.js';
import { DEMO_CONFIG, type TestAgent, startTestAgent } from '../../helpers/agent-harness.js';

export interface IdCardAgent extends TestAgent {
  service: IdCardService;
  /** POST idcard.read over HTTP and returns the completion. */
  read(timeoutMs?: number): Promise<{
    completionCode: CompletionCode;
    errorDescription?: string;
    payload: IdCardFields & { errorCode?: string };
  }>;
  status(): ServiceStatusMap['idcard'];
  /** Resolves once the idcard device reaches `device` (or rejects after `withinMs`). */
  /** Lifts the card, waits until the driver saw it go, and places `card`. */
  swapCard(card: FixtureName, simulator?: IdCardSimulator): Promise<void>;
  waitForDevice(device: ServiceStatusMap['idcard']['device'], withinMs?: number): Promise<number>;
}

/** Fast timings for tests: the protocol is the same, only the idle intervals are shorter. */
export const FAST_TIMING = {
  pollMs: 50,
  idlePollMs: 100,
  removalProbeMs: 50,
  healthMs: 500,
  replyTimeoutMs: 400,
  readTimeoutMs: 1200,
};

/** An in-process agent whose idcard service uses `config` (other devices not configured). */
export async function startIdCardAgent(
  config: IdCardDeviceConfig,
  options: IdCardServiceOptions = {},
): Promise<IdCardAgent> {
  let service!: IdCardService;
  const agent = await startTestAgent(
    {
      ...DEMO_CONFIG,
      devices: { ...DEMO_CONFIG.devices, idCard: config, printer: { transport: 'none' }, camera: { enabled: false } },
    },
    {
      services: ({ loaded, ...shared }) => {
        const deps = { ...shared, contentDir: '', dataDir: loaded.dataDir, terminal: { id: 't', name: 't' } };
        service = new IdCardService({ ...deps, config }, { timing: FAST_TIMING, ...options });
        return new Map<ServiceName, Service>([
          ['idcard', service],
          ['printer', new UnconfiguredService('printer', { ...deps, config: null })],
          ['camera', new UnconfiguredService('camera', { ...deps, config: null })],
        ]);
      },
    },
  );
  return {
    ...agent,
    service,
    status: () => service.status(),
    read: async (timeoutMs) => {
      const res = await fetch(`${agent.base}/api/v1/services/idcard/commands/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ ...(timeoutMs === undefined ? {} : { timeoutMs }), payload: {} }),
      });
      const body = (await res.json()) as {
        header: { completionCode: CompletionCode; errorDescription?: string };
        payload: IdCardFields & { errorCode?: string };
      };
      return {
        completionCode: body.header.completionCode,
        ...(body.header.errorDescription ? { errorDescription: body.header.errorDescription } : {}),
        payload: body.payload,
      };
    },
    swapCard: async (card, simulator = service.simulator!) => {
      simulator.removeCard();
      const start = Date.now();
      while (service.status().media !== 'notPresent') {
        if (Date.now() - start > 3000) throw new Error('the driver did not notice the card was lifted');
        await new Promise((r) => setTimeout(r, 10));
      }
      simulator.placeCard(card);
    },
    waitForDevice: async (device, withinMs = 5000) => {
      const start = Date.now();
      while (service.status().device !== device) {
        if (Date.now() - start > withinMs)
          throw new Error(`idcard stayed ${service.status().device}, wanted ${device}`);
        await new Promise((r) => setTimeout(r, 10));
      }
      return Date.now() - start;
    },
  };
}
