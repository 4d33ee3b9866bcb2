import type { HeartbeatDevice, HeartbeatReadiness, TerminalHeartbeat } from '@kiosk/contract/intake-api';
import type { AgentStatusDocument, ServiceStatusBase } from '@kiosk/contract/kiosk-api';

const CODE = /^[A-Za-z][A-Za-z0-9._-]{0,59}$/;
const REGION = /^[0-9]{6}$/;

export interface HeartbeatInputs {
  status: AgentStatusDocument;
  regionCode?: string;
  now: Date;
  diskFreeBytes: number | null;
  clockOffsetMs?: number;
  readiness?: HeartbeatReadiness;
}

function device(s: ServiceStatusBase): HeartbeatDevice {
  const code = s.lastError?.eventId;
  return {
    device: s.device,
    ...(code && CODE.test(code) ? { lastErrorCode: code, lastErrorAction: s.lastError!.action } : {}),
  };
}

/**
 * The heartbeat from the agent's status document (issue 14 item 3): versions, states, error codes
 * and counts only. Nothing of a visitor is in the status document, and nothing free-form is copied:
 * a fault's description stays on the terminal, only its code (`printer.paperOut`) travels.
 */
export function buildHeartbeat(input: HeartbeatInputs): TerminalHeartbeat {
  const { status, now } = input;
  const { idcard, printer, camera } = status.services;
  const outbox = status.agent.outbox;
  const oldest = outbox?.oldestPendingAt ? Date.parse(outbox.oldestPendingAt) : NaN;
  return {
    agentVersion: status.agent.version,
    uptimeSec: status.agent.uptimeSec,
    sentAt: now.toISOString(),
    ...(input.regionCode && REGION.test(input.regionCode) ? { regionCode: input.regionCode } : {}),
    devices: {
      idcard: device(idcard),
      printer: { ...device(printer), paper: printer.paper },
      camera: device(camera),
    },
    outbox: {
      depth: outbox?.pending ?? 0,
      oldestAgeSec: Number.isFinite(oldest) ? Math.max(0, Math.floor((now.getTime() - oldest) / 1000)) : null,
      lastForwardAt: outbox?.lastForwardAt ?? null,
    },
    diskFreeBytes: input.diskFreeBytes,
    ...(input.clockOffsetMs !== undefined ? { clockOffsetMs: Math.round(input.clockOffsetMs) } : {}),
    ...(input.readiness ? { readiness: input.readiness } : {}),
  };
}
