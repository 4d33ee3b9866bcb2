import { Router } from 'express';
import type { LogLines } from '@kiosk/contract/admin-api';
import type { LogRing } from '@kiosk/node-common/log-ring';

const LEVELS: Record<string, number> = { trace: 10, debug: 20, info: 30, warn: 40, error: 50, fatal: 60 };

/** Filters ring lines (pino JSON, already redacted) by minimum level and a text fragment. */
export function filterLines(
  lines: readonly string[],
  minLevel: string | undefined,
  text: string | undefined,
): string[] {
  const min = LEVELS[minLevel ?? ''] ?? 0;
  const needle = (text ?? '').toLowerCase();
  return lines.filter((line) => {
    if (min > 0) {
      const level = Number(/"level":(\d+)/.exec(line)?.[1] ?? 0);
      if (level < min) return false;
    }
    return !needle || line.toLowerCase().includes(needle);
  });
}

/** GET /logs (the ring, filterable) and GET /logs/stream (Server-Sent Events, live). */
export function logRouter(ring: LogRing): Router {
  const router = Router();
  router.get('/logs', (req, res) => {
    const lines = filterLines(
      ring.lines(),
      req.query['level'] as string | undefined,
      req.query['q'] as string | undefined,
    );
    res.json({ lines: lines.slice(-500) } satisfies LogLines);
  });
  router.get('/logs/stream', (req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write(': stream open\n\n');
    const level = req.query['level'] as string | undefined;
    const q = req.query['q'] as string | undefined;
    const unsubscribe = ring.subscribe((line) => {
      if (filterLines([line], level, q).length) res.write(`data: ${line}\n\n`);
    });
    req.on('close', () => unsubscribe());
  });
  return router;
}
