import { describe, expect, it } from 'vitest';
import { GUIDE, institutionsFor, SERVICES } from '../../kiosk-ui/src/data/content.js';
import { hasMessage, interpolate, messages } from '../../kiosk-ui/src/i18n/localize.js';

describe('content the shell reads', () => {
  it('every localisation key named in services.json and guide.json exists in zh-CN', () => {
    const keys = [
      ...SERVICES.flatMap((s) => [s.titleKey, s.detailKey]),
      ...GUIDE.flatMap((g) => [g.titleKey, g.promptKey, g.timeKey, ...g.needs, ...g.steps]),
    ];
    expect(keys.filter((k) => !hasMessage(k))).toEqual([]);
  });

  it('the home has the four services and the demo county lists its four institutions', () => {
    expect(SERVICES.map((s) => s.id)).toEqual(['consult', 'legalAid', 'notary', 'mediation']);
    expect(
      institutionsFor(undefined)
        ?.institutions.map((i) => i.kind)
        .sort(),
    ).toEqual(['justiceOffice', 'legalAidCentre', 'mediationCommittee', 'notaryOffice']);
    expect(institutionsFor('no-such-county')).toBeNull();
  });

  it('every screen of the shell has a spoken prompt key', () => {
    for (const ns of ['attract', 'home', 'guide', 'institutions', 'hotline', 'progress', 'help', 'preparing', 'idle'])
      expect(hasMessage(`${ns}.prompt`), ns).toBe(true);
    expect(messages().size).toBeGreaterThan(100);
  });

  it('fills named placeholders and leaves unknown ones visible', () => {
    expect(interpolate('拨打热线 {hotline}', { hotline: '12348' })).toBe('拨打热线 12348');
    expect(interpolate('还有 {seconds} 秒', {})).toBe('还有 {seconds} 秒');
  });
});
