import type { FleetTerminal } from '@kiosk/contract/staff-api';

export type FleetSort = 'county' | 'problems' | 'id';

/** The fleet in the order the page shows it (pure; the terminals' own order is left alone). */
export function sortFleet(terminals: readonly FleetTerminal[], by: FleetSort): FleetTerminal[] {
  const county = (f: FleetTerminal): string => f.regionCode ?? '999999';
  const list = [...terminals];
  switch (by) {
    case 'county':
      return list.sort((a, b) => county(a).localeCompare(county(b)) || a.id.localeCompare(b.id));
    case 'problems':
      return list.sort((a, b) => b.flags.length - a.flags.length || a.id.localeCompare(b.id));
    case 'id':
      return list.sort((a, b) => a.id.localeCompare(b.id));
    default: {
      const never: never = by;
      return never;
    }
  }
}
