import type { Logger } from '@kiosk/node-common/logger';
import { Agent } from './app/agent.js';

/** Entry point: `npm run agent` (honours KIOSK_CONFIG and KIOSK_DATA_DIR). */
const agent = new Agent();

/** Exits once the log lines are out, so systemd sees the code and restarts a failed agent. */
const exit = (log: Logger, code: number): void => log.flush(() => process.exit(code));

try {
  await agent.start();
} catch (err) {
  agent.log.fatal({ err }, 'device agent failed to start');
  await agent.stop();
  // Whatever started (devices, timers, one of the listeners) must not keep a useless process alive.
  exit(agent.log, 1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    agent.log.info(`received ${signal}, stopping`);
    void agent.stop().then((code) => exit(agent.log, code));
  });
}
