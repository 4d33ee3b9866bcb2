import type { ServiceName, ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import texts from '../../../content/operator-actions.json' with { type: 'json' };

type Status = ServiceStatusMap[ServiceName];

/**
 * What the technician must do about a service, in words ("请更换打印纸"), or null when nothing.
 * Conditions the status shows directly come first; otherwise the lastError's XFS action.
 */
export function operatorAction(status: Status | undefined): string | null {
  if (!status) return null;
  const c = texts.conditions;
  const printer = status as Partial<ServiceStatusMap['printer']>;
  if (printer.paper === 'out') return c.paperOut;
  if (printer.paper === 'jammed') return c.paperJammed;
  if (printer.coverOpen === true) return c.coverOpen;
  switch (status.device) {
    case 'powerOff':
      return c.powerOff;
    case 'noDevice':
      return c.noDevice;
    case 'offline':
      return c.offline;
    case 'starting':
      return c.starting;
    case 'hardwareError':
      return status.lastError ? texts.actions[status.lastError.action] : c.hardwareError;
    default:
      break;
  }
  if (printer.paper === 'low') return c.paperLow;
  return null;
}

/** Severity for the card's border and icon: never the only cue (the text says the same). */
export function severity(status: Status | undefined): 'ok' | 'warn' | 'fault' {
  if (!status) return 'warn';
  if (status.device === 'online' || status.device === 'deviceBusy') return operatorAction(status) ? 'warn' : 'ok';
  if (status.device === 'starting' || status.device === 'offline') return 'warn';
  return 'fault';
}
