import { Router } from 'express';
import type { AdminCompletion, ReadinessItem, ReadinessReport } from '@kiosk/contract/admin-api';
import type { ModuleContext } from '../core/module.js';
import { chinaDateTime } from '@kiosk/domain/china-time';
import { checkCentre, deviceVerdicts } from './centre-check.js';
import { collectDiagnostics, type DiagnosticsRoots } from './diagnostics.js';
import { readinessChecks } from './readiness.js';
import { textReceipt, type ReceiptLine } from './receipt-bytes.js';
import type { RunAdminCommand } from './run-command.js';
import type { loadAdminTexts } from './texts.js';

export interface ReadinessDeps {
  ctx: ModuleContext;
  run: RunAdminCommand;
  configured: () => boolean;
  heartbeatAgeSec: () => number | null;
  diagnosticsRoots?: DiagnosticsRoots;
  text: ReturnType<typeof loadAdminTexts>;
  /** Receives the report builder: the fleet heartbeat sends the report when the centre asks. */
  expose?: (report: ReadinessBuilder) => void;
}

export type ReadinessBuilder = () => Promise<{ ok: boolean; checks: ReadinessItem[] }>;

/** GET /readiness (every check with its fix) and POST /readiness/print (the same on paper). */
export function readinessRouter(deps: ReadinessDeps): Router {
  const router = Router();
  const { ctx, text } = deps;

  const report = async (): Promise<{ ok: boolean; checks: ReadinessItem[] }> => {
    const checks = readinessChecks({
      devices: deviceVerdicts(ctx, text),
      config: ctx.config,
      configErrors: ctx.loaded.errors.length,
      passwordSet: deps.configured(),
      diagnostics: await collectDiagnostics(ctx.config, deps.diagnosticsRoots),
      heartbeatAgeSec: deps.heartbeatAgeSec(),
      centre: await checkCentre(ctx, text, true),
      text,
    }).map((c) => ({ ...c, name: text(`readiness.${c.id}.name`), fix: text(`readiness.${c.id}.fix`) }));
    return { ok: checks.every((c) => c.ok), checks };
  };

  deps.expose?.(report);

  router.get('/readiness', async (_req, res) => {
    res.json({ generatedAt: new Date().toISOString(), ...(await report()) } satisfies ReadinessReport);
  });

  router.post('/readiness/print', async (_req, res) => {
    const { ok, checks } = await report();
    const terminal = ctx.config?.terminal;
    const lines: ReceiptLine[] = [
      { text: text('readiness.title'), large: true, center: true },
      { text: `${terminal?.name ?? ''} ${terminal?.id ?? ''}` },
      { text: text('readiness.generatedAt', { time: chinaDateTime(new Date()) }) },
      { text: ok ? text('readiness.allPassed') : text('readiness.someFailed') },
    ];
    for (const c of checks) {
      lines.push({
        text: `${c.ok ? text('readiness.pass') : text('readiness.fail')} ${c.name}${c.detail ? ` (${c.detail})` : ''}`,
      });
      if (!c.ok) lines.push({ text: `  ${c.fix}` });
    }
    const completion = await deps.run('printer.printRaw', {
      data: textReceipt(lines).toString('base64'),
    });
    res.json(completion satisfies AdminCompletion);
  });

  return router;
}
