import { createLogger } from '@kiosk/node-common/logger';
import { createCenter } from './center.js';

/** Entry point: `npm run center` (honours CENTER_CONFIG and CENTER_DATA_DIR). */
const log = createLogger();
let center;
try {
  center = createCenter({ log });
  await center.start();
} catch (err) {
  log.fatal({ err }, 'service-center failed to start');
  log.flush();
  process.exit(1);
}

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    log.info(`received ${signal}, stopping`);
    void center.stop().then(
      () => {
        log.flush();
        process.exit(0);
      },
      (err: unknown) => {
        log.error({ err }, 'service-center failed to stop cleanly');
        log.flush();
        process.exit(1);
      },
    );
  });
}
