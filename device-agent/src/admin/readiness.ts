import type { Diagnostics, ReadinessCheck } from '@kiosk/contract/admin-api';
import type { AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import type { KioskConfig } from '../config/schema.js';

export type { ReadinessCheck };

export interface ReadinessInput {
  status: AgentStatusDocument;
  config: KioskConfig | null;
  configErrors: number;
  passwordSet: boolean;
  diagnostics: Diagnostics;
  heartbeatAgeSec: number | null;
  centerReachable: boolean | null;
}

const usable = (d: string): boolean => d === 'online' || d === 'deviceBusy';

/**
 * Every check a technician must see pass before leaving the terminal. Pure: the texts (name and
 * fix per id) come from content/i18n/zh-CN/admin.json `readiness.*`.
 */
export function readinessChecks(input: ReadinessInput): ReadinessCheck[] {
  const { status, diagnostics: d } = input;
  const { idcard, printer, camera } = status.services;
  const real = (t: string | undefined): boolean => t !== undefined && t !== 'simulated' && t !== 'none';
  const usesHardware = real(input.config?.devices.idCard.transport) || real(input.config?.devices.printer.transport);
  const printerOk =
    usable(printer.device) && printer.paper !== 'out' && printer.paper !== 'jammed' && printer.coverOpen !== true;
  return [
    { id: 'config', ok: input.configErrors === 0, detail: input.configErrors ? `${input.configErrors}` : undefined },
    { id: 'password', ok: input.passwordSet },
    { id: 'idcard', ok: usable(idcard.device), detail: idcard.device },
    { id: 'printer', ok: printerOk, detail: `${printer.device}/${printer.paper}` },
    { id: 'paperLow', ok: printer.paper !== 'low' },
    { id: 'camera', ok: camera.device === 'online' && camera.presence !== 'notPresent', detail: camera.device },
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
      detail: input.heartbeatAgeSec === null ? undefined : `${input.heartbeatAgeSec}s`,
    },
    { id: 'center', ok: input.centerReachable === true },
  ];
}
