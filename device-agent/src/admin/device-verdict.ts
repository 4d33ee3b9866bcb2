import type { CentreStatus, DiagnosticsServiceSummary } from '@kiosk/contract/admin-api';
import type {
  AgentStatusDocument,
  CameraStatus,
  IdCardStatus,
  OutboxStatus,
  PrinterStatus,
  ServiceName,
} from '@kiosk/contract/kiosk-api';

/** The admin texts (content/i18n/zh-CN/admin.json), as loadAdminTexts returns them. */
export type AdminText = (key: string, params?: Record<string, string | number>) => string;

const usable = (d: string): boolean => d === 'online' || d === 'deviceBusy';

/**
 * One device judged once, for diagnostics and the readiness report alike (so the two never say
 * different things): usable for a villager now, and the state in the board's words. Pure.
 */
export function deviceVerdict(
  service: ServiceName,
  status: AgentStatusDocument['services'][ServiceName],
  text: AdminText,
): DiagnosticsServiceSummary {
  const words = [text(`board.device.${status.device}`)];
  const base = {
    device: status.device,
    ...(status.lastError ? { lastError: status.lastError } : {}),
    ...(status.connection ? { connection: status.connection } : {}),
  };
  switch (service) {
    case 'printer': {
      const p = status as PrinterStatus;
      words.push(text(`board.paper.${p.paper}`));
      if (p.coverOpen === true) words.push(text('board.coverOpen'));
      const ok = usable(p.device) && p.paper !== 'out' && p.paper !== 'jammed' && p.coverOpen !== true;
      return { ...base, ok, paper: p.paper, words: words.join(' · ') };
    }
    case 'idcard': {
      const c = status as IdCardStatus;
      if (usable(c.device)) words.push(text(`board.media.${c.media}`));
      return { ...base, ok: usable(c.device), media: c.media, words: words.join(' · ') };
    }
    case 'camera': {
      const c = status as CameraStatus;
      words.push(text(`board.presence.${c.presence}`));
      const ok = c.device === 'online' && c.presence !== 'notPresent';
      return { ...base, ok, presence: c.presence, words: words.join(' · ') };
    }
  }
}

/** The origin of the centre's address: the path and anything after it stay off the admin page. */
export function centreOrigin(url: string | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).origin;
  } catch {
    return null;
  }
}

/**
 * The county centre as the board, diagnostics and readiness all show it. The outbox's view (its
 * last send or status pull) when it runs; otherwise the probe's answer (null: not probed).
 */
export function centreStatus(
  url: string | undefined,
  outbox: OutboxStatus | undefined,
  probed: boolean | null,
  text: AdminText,
): CentreStatus {
  const source: CentreStatus['source'] = outbox ? 'outbox' : probed === null ? 'none' : 'probe';
  const reachable = outbox ? outbox.centreReachable : probed;
  const pending = outbox?.pending ?? 0;
  const words = [
    reachable === null ? text('centre.unknown') : reachable ? text('centre.reachable') : text('centre.unreachable'),
    pending === 0 ? text('centre.noPending') : text('centre.pending', { count: pending }),
  ].join(' · ');
  return { url: centreOrigin(url), reachable, pending, source, words };
}
