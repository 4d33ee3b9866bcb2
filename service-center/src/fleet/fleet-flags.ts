import type { FleetFlag, FleetTerminal } from '@kiosk/contract/staff-api';
import type { TerminalEntry } from '../config-schema.js';
import type { TerminalHealthRow } from '../store/repository.js';

/** The oldest waiting submission older than this makes the outbox "growing" even if the depth is flat. */
export const OUTBOX_STUCK_SEC = 15 * 60;
export const CLOCK_SKEW_MS = 2 * 60_000;
export const DISK_LOW_BYTES = 1024 ** 3;

const usable = (d: string): boolean => d === 'online' || d === 'deviceBusy';

/** What needs a technician on one terminal (pure: the row, the clock and the silence threshold). */
export function fleetFlags(row: TerminalHealthRow | undefined, nowMs: number, silentAfterSec: number): FleetFlag[] {
  const beat = row?.heartbeat;
  if (!row?.receivedAt || !beat) return ['neverSeen'];
  const flags: FleetFlag[] = [];
  if (nowMs - Date.parse(row.receivedAt) >= silentAfterSec * 1000) flags.push('silent');
  const { printer, idcard } = beat.devices;
  if (printer.paper === 'out') flags.push('paperOut');
  if (printer.paper === 'low') flags.push('paperLow');
  if (printer.device === 'hardwareError' || printer.device === 'powerOff' || printer.paper === 'jammed')
    flags.push('printerError');
  if (!usable(idcard.device) && idcard.device !== 'noDevice' && idcard.device !== 'starting') flags.push('readerError');
  const o = beat.outbox;
  if ((row.prevOutboxDepth !== undefined && o.depth > row.prevOutboxDepth) || (o.oldestAgeSec ?? 0) > OUTBOX_STUCK_SEC)
    flags.push('outboxGrowing');
  if (beat.clockOffsetMs !== undefined && Math.abs(beat.clockOffsetMs) > CLOCK_SKEW_MS) flags.push('clockSkew');
  if (beat.diskFreeBytes !== null && beat.diskFreeBytes < DISK_LOW_BYTES) flags.push('diskLow');
  return flags;
}

/** The fleet: every configured terminal, heard from or not, sorted by county (region code) then id. */
export function fleetTerminals(
  configured: readonly TerminalEntry[],
  rows: readonly TerminalHealthRow[],
  nowMs: number,
  silentAfterSec: number,
): FleetTerminal[] {
  const byId = new Map(rows.map((r) => [r.terminalId, r]));
  const out = configured.map(({ id, name, county }): FleetTerminal => {
    const row = byId.get(id);
    const beat = row?.heartbeat;
    // The configured county is the one its consultation queue uses; the heartbeat's otherwise.
    const regionCode = county ?? beat?.regionCode;
    return {
      id,
      name,
      ...(regionCode ? { regionCode } : {}),
      lastSeenAt: row?.receivedAt ?? null,
      silentSec: row?.receivedAt ? Math.max(0, Math.floor((nowMs - Date.parse(row.receivedAt)) / 1000)) : null,
      flags: fleetFlags(row, nowMs, silentAfterSec),
      ...(beat ? { heartbeat: beat } : {}),
      ...(row?.readiness ? { readiness: row.readiness } : {}),
      ...(row?.readinessRequestedAt ? { readinessRequestedAt: row.readinessRequestedAt } : {}),
    };
  });
  return out.sort(
    (a, b) => (a.regionCode ?? '999999').localeCompare(b.regionCode ?? '999999') || a.id.localeCompare(b.id),
  );
}
