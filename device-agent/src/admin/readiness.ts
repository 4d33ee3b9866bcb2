import type { CentreStatus, Diagnostics, DiagnosticsServiceSummary, ReadinessCheck } from '@kiosk/contract/admin-api';
import type { PaperState, ServiceName } from '@kiosk/contract/kiosk-api';
import type { KioskConfig } from '../config/schema.js';
import type { AdminText } from './device-verdict.js';

export type { ReadinessCheck };

export interface ReadinessInput {
  /** The devices as diagnostics judges them (deviceVerdict): the report says the same. */
  devices: Record<ServiceName, DiagnosticsServiceSummary>;
  config: KioskConfig | null;
  configErrors: number;
  passwordSet: boolean;
  diagnostics: Diagnostics;
  heartbeatAgeSec: number | null;
  /** The centre as the board and diagnostics show it (centreStatus). */
  centre: CentreStatus;
  text: AdminText;
}

/**
 * Every check a technician must see pass before leaving the terminal. Pure: the texts (name and
 * fix per id) come from content/i18n/zh-CN/admin.json `readiness.*`; a device's detail is the
 * same words diagnostics shows.
 */
export function readinessChecks(input: ReadinessInput): ReadinessCheck[] {
  const { devices, diagnostics: d, text } = input;
  const real = (t: string | undefined): boolean => t !== undefined && t !== 'simulated' && t !== 'none';
  const usesHardware = real(input.config?.devices.idCard.transport) || real(input.config?.devices.printer.transport);
  const paper: PaperState | undefined = devices.printer.paper;
  return [
    {
      id: 'config',
      ok: input.configErrors === 0,
      detail: input.configErrors ? text('readiness.configErrors', { count: input.configErrors }) : undefined,
    },
    { id: 'password', ok: input.passwordSet },
    { id: 'idcard', ok: devices.idcard.ok, detail: devices.idcard.words },
    { id: 'printer', ok: devices.printer.ok, detail: devices.printer.words },
    { id: 'paperLow', ok: paper !== 'low', detail: paper === 'low' ? text('board.paper.low') : undefined },
    { id: 'camera', ok: devices.camera.ok, detail: devices.camera.words },
    { id: 'groups', ok: d.missingGroups.length === 0, detail: d.missingGroups.join(' ') || undefined },
    {
      id: 'udev',
      ok: !usesHardware || d.udev.every((u) => u.installed),
      detail:
        d.udev
          .filter((u) => !u.installed)
          .map((u) => u.file)
          .join(' ') || undefined,
    },
    { id: 'brltty', ok: !d.interferers.brltty },
    { id: 'modemManager', ok: !d.interferers.modemManager },
    {
      id: 'portsFree',
      ok: d.ports.every((p) => p.heldBy.length === 0),
      detail: d.ports.flatMap((p) => p.heldBy.map((h) => `${p.path}:${h.command}(${h.pid})`)).join(' ') || undefined,
    },
    {
      id: 'kioskPage',
      ok: input.heartbeatAgeSec !== null && input.heartbeatAgeSec < 30,
      detail:
        input.heartbeatAgeSec === null
          ? text('diagnostics.noHeartbeat')
          : text('readiness.heartbeatAge', { seconds: input.heartbeatAgeSec }),
    },
    { id: 'center', ok: input.centre.reachable === true, detail: input.centre.words },
  ];
}
