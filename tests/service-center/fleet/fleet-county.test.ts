import { describe, expect, it } from 'vitest';
import { fleetTerminals } from '../../../service-center/src/fleet/fleet-flags.js';
import { heartbeat } from './fleet-centre.js';

// The fleet page sorts by county: the configured one (the county whose consultation queue the
// terminal's callers join) wins over the heartbeat's region code; without either it sorts last.

describe('the fleet page’s county of a terminal', () => {
  it('is the configured county, else the heartbeat’s region code; unknown ones come last', () => {
    const now = Date.parse('2026-03-01T00:10:00.000Z');
    const receivedAt = '2026-03-01T00:09:00.000Z';
    const fleet = fleetTerminals(
      [
        { id: 'a', token: 'a-terminal-token-01', name: '甲', county: '450123' },
        { id: 'b', token: 'b-terminal-token-01', name: '乙' },
        { id: 'c', token: 'c-terminal-token-01', name: '丙' },
        { id: 'd', token: 'd-terminal-token-01', name: '丁', county: '450121' },
      ],
      [
        { terminalId: 'a', receivedAt, heartbeat: heartbeat({ regionCode: '450100' }) },
        { terminalId: 'b', receivedAt, heartbeat: heartbeat({ regionCode: '450122' }) },
      ],
      now,
      300,
    );
    expect(fleet.map((t) => [t.id, t.regionCode])).toEqual([
      ['d', '450121'],
      ['b', '450122'],
      ['a', '450123'],
      ['c', undefined],
    ]);
  });
});
