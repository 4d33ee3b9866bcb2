// What the port scan returns (device-agent/src/admin/port-scan.ts) and how a choice becomes a config patch.

export interface PortCandidate {
  kind: 'serial' | 'hid';
  path: string;
  byId?: string;
  byPath?: string;
  vid?: string;
  pid?: string;
  manufacturer?: string;
  product?: string;
  matchScore: number;
  suggestedService?: 'idcard' | 'printer';
  label?: string;
}

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
