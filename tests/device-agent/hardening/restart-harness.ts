import { join } from 'node:path';
import { Writable } from 'node:stream';
import { LogRing } from '@kiosk/node-common/log-ring';
import { AdminModule } from '../../../device-agent/src/admin/admin-module.js';
import { Agent } from '../../../device-agent/src/app/agent.js';
import { TEST_SCRYPT, TestClock, type AdminTestAgent } from '../admin/admin-test-client.js';

/** An admin agent started on an existing test directory (config and data kept). */
export async function startAdminAgentOn(dir: string): Promise<AdminTestAgent> {
  const clock = new TestClock();
  let module: AdminModule | undefined;
  const lines: string[] = [];
  const agent = new Agent({
    env: { ...process.env, KIOSK_CONFIG: join(dir, 'kiosk.config.json'), KIOSK_DATA_DIR: join(dir, 'data') },
    logDestination: new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    }),
    logLevel: 'debug',
    logRing: new LogRing(),
    port: 0,
    adminPort: 0,
    modules: [(ctx) => (module = new AdminModule(ctx, { scrypt: TEST_SCRYPT, now: clock.now, restart: () => {} }))],
  });
  await agent.start();
  const { port, adminPort } = agent.ports;
  return {
    agent,
    base: `http://127.0.0.1:${port}`,
    adminBase: `http://127.0.0.1:${adminPort}`,
    wsUrl: `ws://127.0.0.1:${port}/api/v1/ws`,
    dir,
    logText: () => lines.join(''),
    stop: async () => {
      await agent.stop();
    },
    clock,
    admin: () => module!,
  };
}
