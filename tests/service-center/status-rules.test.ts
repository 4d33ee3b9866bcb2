import { describe, expect, it } from 'vitest';
import { nextStates, STATUS_FLOW } from '@kiosk/contract/staff-api';
import { checkStatusChange } from '../../service-center/src/status-rules.js';

describe('status flow per kind', () => {
  it('lets legal-aid staff approve from received, but a notary only after accepting', () => {
    expect(checkStatusChange('legalAid', 'received', 'approved', {}, false)).toBeNull();
    expect(checkStatusChange('notarization', 'received', 'approved', {}, false)).toBe('notAllowed');
    expect(checkStatusChange('notarization', 'accepted', 'approved', {}, false)).toBeNull();
  });

  it('issues a notarial certificate only after approval and only with its delivery', () => {
    expect(checkStatusChange('notarization', 'accepted', 'certificateIssued', { delivery: 'post' }, false)).toBe(
      'notAllowed',
    );
    expect(checkStatusChange('notarization', 'approved', 'certificateIssued', {}, false)).toBe('deliveryRequired');
    expect(
      checkStatusChange('notarization', 'approved', 'certificateIssued', { delivery: 'village' }, false),
    ).toBeNull();
    expect(nextStates('notarization', 'certificateIssued')).toEqual([]);
  });

  it('schedules a mediation session only with a real time and a place, and may postpone it', () => {
    expect(checkStatusChange('mediation', 'accepted', 'scheduled', {}, false)).toBe('scheduleRequired');
    expect(
      checkStatusChange(
        'mediation',
        'accepted',
        'scheduled',
        { schedule: { at: 'next week', place: '村委会' } },
        false,
      ),
    ).toBe('scheduleRequired');
    expect(
      checkStatusChange(
        'mediation',
        'accepted',
        'scheduled',
        { schedule: { at: '2026-12-09T09:30', place: ' ' } },
        false,
      ),
    ).toBe('scheduleRequired');
    const ok = { schedule: { at: '2026-12-09T09:30', place: '李家村村委会' } };
    expect(checkStatusChange('mediation', 'accepted', 'scheduled', ok, false)).toBeNull();
    expect(checkStatusChange('mediation', 'scheduled', 'scheduled', ok, false)).toBeNull();
  });

  it('records 调解成功 only with the agreement note and 未达成 only with a reason', () => {
    expect(checkStatusChange('mediation', 'scheduled', 'mediated', {}, false)).toBe('noteRequired');
    expect(checkStatusChange('mediation', 'scheduled', 'mediated', { note: '双方同意按原界址' }, false)).toBeNull();
    expect(checkStatusChange('mediation', 'scheduled', 'notMediated', {}, false)).toBe('reasonRequired');
    expect(nextStates('mediation', 'mediated')).toEqual([]);
  });

  it('notifies missing materials once, for legal aid and notarization alike', () => {
    const m = { missingMaterials: ['户口簿'] };
    expect(checkStatusChange('notarization', 'accepted', 'needMaterials', m, true)).toBe('alreadyNotified');
    expect(checkStatusChange('legalAid', 'accepted', 'needMaterials', m, true)).toBe('alreadyNotified');
    expect(checkStatusChange('legalAid', 'accepted', 'needMaterials', m, false)).toBeNull();
  });

  it('refuses unknown kinds and inherited state names', () => {
    expect(nextStates('callback', 'received')).toEqual([]);
    expect(nextStates('legalAid', 'toString' as never)).toEqual([]);
    expect(checkStatusChange('rating', 'received', 'accepted', {}, false)).toBe('notAllowed');
    // No kind can move back to `received`, and no kind has a flow through a state it never reaches.
    for (const flow of Object.values(STATUS_FLOW))
      for (const targets of Object.values(flow)) expect(targets).not.toContain('received');
  });
});
