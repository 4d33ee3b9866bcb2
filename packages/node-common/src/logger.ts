import { pino, type DestinationStream, type Logger as PinoLogger } from 'pino';
import { Redactor } from './redact.js';
import type { LogRing } from './log-ring.js';

export type Logger = PinoLogger;

export interface LoggerOptions {
  level?: string;
  /** Where lines go besides the ring buffer; stdout by default. */
  destination?: DestinationStream;
  /** Keeps the last lines for the admin page. */
  ring?: LogRing;
  /** The visit memory to scrub with (the agent's); a logger without one gets its own. */
  redactor?: Redactor;
}

/**
 * The logger of an agent or centre. Every argument of every call passes through its redactor
 * first, so personal data is removed at the source, not by convention at call sites.
 */
export function createLogger(options: LoggerOptions = {}): Logger {
  const ring = options.ring;
  const redactor = options.redactor ?? new Redactor();
  const out = options.destination ?? pino.destination({ dest: 1, sync: false });
  const stream: DestinationStream = ring
    ? {
        write: (line: string) => {
          ring.push(line);
          out.write(line);
        },
      }
    : out;
  return pino(
    {
      level: options.level ?? process.env['LOG_LEVEL'] ?? 'info',
      base: undefined,
      timestamp: pino.stdTimeFunctions.isoTime,
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => redactor.redact(a)) as Parameters<typeof method>);
        },
      },
    },
    stream,
  );
}
