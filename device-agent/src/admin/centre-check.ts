import type { CentreStatus, DiagnosticsServiceSummary } from '@kiosk/contract/admin-api';
import { SERVICE_NAMES, type ServiceName } from '@kiosk/contract/kiosk-api';
import type { ModuleContext } from '../core/module.js';
import { centreStatus, deviceVerdict, type AdminText } from './device-verdict.js';

/** A HEAD request to the centre: only when no outbox runs to tell (e.g. in the configuration error state). */
async function probe(url: string | undefined): Promise<boolean | null> {
  if (!url) return null;
  try {
    await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(3000) });
    return true;
  } catch {
    return false;
  }
}

/** The centre now, from the outbox when it runs, else probed (board, diagnostics and readiness). */
export async function checkCentre(ctx: ModuleContext, text: AdminText, allowProbe: boolean): Promise<CentreStatus> {
  const outbox = ctx.statusDocument().agent.outbox;
  const url = ctx.config?.center.url;
  return centreStatus(url, outbox, outbox || !allowProbe ? null : await probe(url), text);
}

/** Every device judged once (deviceVerdict), for diagnostics and readiness alike. */
export function deviceVerdicts(ctx: ModuleContext, text: AdminText): Record<ServiceName, DiagnosticsServiceSummary> {
  const status = ctx.statusDocument();
  const out = {} as Record<ServiceName, DiagnosticsServiceSummary>;
  for (const name of SERVICE_NAMES) out[name] = deviceVerdict(name, status.services[name], text);
  return out;
}
