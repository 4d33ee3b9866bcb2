// How a port the scan found (`@kiosk/contract/admin-api`) becomes a configuration patch.

import type { PortCandidate } from '@kiosk/contract/admin-api';

/** The configuration patch that points a device at a scanned port (stable by-id name first). */
export function patchForPort(
  candidate: PortCandidate,
  service: 'idcard' | 'printer',
  paperWidthMm = 80,
): Record<string, unknown> {
  const path = candidate.byId ?? candidate.byPath ?? candidate.path;
  if (service === 'idcard') {
    const idCard =
      candidate.kind === 'hid'
        ? {
            transport: 'hid',
            vendorId: candidate.vid,
            productId: candidate.pid,
            ...(candidate.path ? { path: candidate.path } : {}),
          }
        : { transport: 'serial', path, baudRate: 115200 };
    return { devices: { idCard } };
  }
  return { devices: { printer: { transport: 'serial', path, baudRate: 115200, paperWidthMm } } };
}
