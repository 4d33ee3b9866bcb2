import { Agent } from './core/controller.js';

/** Entry point: `npm run agent` (honours KIOSK_CONFIG and KIOSK_DATA_DIR). */
const agent = new Agent();
try {
  await agent.start();
} catch (err) {
  agent.log.fatal({ err }, 'device agent failed to start');
  process.exitCode = 1;
  await agent.stop();
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    agent.log.info(`received ${signal}, stopping`);
    void agent.stop().then((code) => {
      agent.log.flush();
      process.exit(code);
    });
  });
}
