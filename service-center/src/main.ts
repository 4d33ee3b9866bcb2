import { createLogger, type Logger } from '@kiosk/node-common/logger';
import { startCenter, type Center } from './center.js';

/** Stops the centre once on SIGINT/SIGTERM, then exits. */
function stopOnSignals(center: Center, log: Logger): void {
  const once = new AbortController();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      if (once.signal.aborted) return;
      once.abort();
      log.info(`received ${signal}, stopping`);
      center.stop().then(
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
}

/** Entry point: `npm run center` (honours CENTER_CONFIG and CENTER_DATA_DIR). */
async function main(): Promise<void> {
  const log = createLogger();
  try {
    stopOnSignals(await startCenter({ log }), log);
  } catch (err) {
    log.fatal({ err }, 'service-center failed to start');
    log.flush();
    process.exit(1);
  }
}

await main();
