import type { ServiceName } from '@kiosk/contract/kiosk-api';
import type { Service } from '../../../device-agent/src/core/service.js';
import { UnconfiguredService } from '../../../device-agent/src/core/unconfigured-service.js';
import { startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { ScriptedService } from '../../helpers/scripted-service.js';

/** An agent whose idcard service is scripted, to exercise the core's queue and dispatcher. */
export async function startScriptedAgent(): Promise<TestAgent & { scripted: ScriptedService }> {
  let scripted: ScriptedService | undefined;
  const t = await startTestAgent(undefined, {
    services: ({ loaded, ...shared }) => {
      const deps = {
        ...shared,
        config: null,
        contentDir: '',
        dataDir: loaded.dataDir,
        terminal: { id: 't', name: 't' },
      };
      scripted = new ScriptedService(deps);
      return new Map<ServiceName, Service>([
        ['idcard', scripted],
        ['printer', new UnconfiguredService('printer', deps)],
        ['camera', new UnconfiguredService('camera', deps)],
      ]);
    },
  });
  return Object.assign(t, { scripted: scripted! });
}
