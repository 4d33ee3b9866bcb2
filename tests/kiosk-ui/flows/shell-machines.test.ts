import { describe, expect, it } from 'vitest';
import { clockRunning, nextIdle, NO_VISIT, type IdleState } from '../../../kiosk-ui/src/shell/idle-machine.js';
import { INITIAL_NAV, nextNav, type NavState } from '../../../kiosk-ui/src/shell/nav-machine.js';
import { pixelPitchMm, rootFontPx, textScale } from '../../../kiosk-ui/src/shell/root-size.js';

describe('nav machine', () => {
  const home: NavState = { screen: { kind: 'home' }, history: [] };

  it('wakes from the attract screen only by a wake, and ignores opens there', () => {
    expect(nextNav(INITIAL_NAV, { type: 'open', screen: { kind: 'info', page: 'guide' } })).toBe(INITIAL_NAV);
    expect(nextNav(INITIAL_NAV, { type: 'wake' })).toEqual(home);
    expect(nextNav(home, { type: 'wake' })).toBe(home);
  });

  it('goes back through the history and home clears it', () => {
    const a = nextNav(home, { type: 'open', screen: { kind: 'info', page: 'guide' } });
    const b = nextNav(a, { type: 'open', screen: { kind: 'guideDetail', service: 'legalAid' } });
    expect(nextNav(b, { type: 'back' })).toEqual(a);
    expect(nextNav(nextNav(b, { type: 'back' }), { type: 'back' })).toEqual(home);
    expect(nextNav(b, { type: 'home' })).toEqual(home);
    expect(nextNav(home, { type: 'back' })).toBe(home);
    expect(nextNav(a, { type: 'open', screen: { kind: 'info', page: 'guide' } })).toBe(a);
    expect(nextNav(b, { type: 'reset' })).toBe(INITIAL_NAV);
  });
});

describe('idle machine', () => {
  const active: IdleState = { phase: 'active', paused: [], remaining: 0 };

  it('starts a visit at the first input, warns, counts down and expires', () => {
    expect(nextIdle(NO_VISIT, { type: 'input' }, 45)).toEqual(active);
    const warning = nextIdle(active, { type: 'warnDue' }, 3);
    expect(warning).toEqual({ phase: 'warning', paused: [], remaining: 3 });
    const two = nextIdle(warning, { type: 'tick' }, 3);
    expect(two.remaining).toBe(2);
    expect(nextIdle(nextIdle(two, { type: 'tick' }, 3), { type: 'tick' }, 3).phase).toBe('expired');
  });

  it('我还在用 returns to active any number of times; input does not dismiss the warning', () => {
    let s = active;
    for (let i = 0; i < 20; i++) {
      s = nextIdle(s, { type: 'warnDue' }, 45);
      expect(nextIdle(s, { type: 'input' }, 45)).toBe(s);
      s = nextIdle(s, { type: 'stay' }, 45);
      expect(s.phase).toBe('active');
    }
  });

  it('pauses (not resets) while any reason holds, and freezes the countdown', () => {
    const printing = nextIdle(active, { type: 'pause', reason: 'printing' }, 45);
    expect(clockRunning(printing)).toBe(false);
    expect(nextIdle(printing, { type: 'warnDue' }, 45)).toBe(printing);
    const both = nextIdle(printing, { type: 'pause', reason: 'call' }, 45);
    expect(clockRunning(nextIdle(both, { type: 'resume', reason: 'printing' }, 45))).toBe(false);
    expect(
      clockRunning(
        nextIdle(nextIdle(both, { type: 'resume', reason: 'printing' }, 45), { type: 'resume', reason: 'call' }, 45),
      ),
    ).toBe(true);
    const warning = nextIdle(active, { type: 'warnDue' }, 10);
    const frozen = nextIdle(warning, { type: 'pause', reason: 'speech' }, 10);
    expect(nextIdle(frozen, { type: 'tick' }, 10)).toBe(frozen);
    expect(nextIdle(NO_VISIT, { type: 'pause', reason: 'printing' }, 45)).toBe(NO_VISIT);
  });
});

describe('root size from the panel', () => {
  it('is 16 px on the reference 21.5″ 1080p panel and keeps millimetres on others', () => {
    expect(rootFontPx(undefined)).toBe(16);
    expect(rootFontPx({ diagonalInches: 21.5, widthPx: 1920, heightPx: 1080 })).toBeCloseTo(16, 0);
    const p27 = pixelPitchMm({ diagonalInches: 27, widthPx: 1920, heightPx: 1080 });
    expect(p27).toBeCloseTo(0.311, 2);
    // Body text 1.75rem stays ≈ 6.9 mm on a 27″ panel.
    expect(rootFontPx({ diagonalInches: 27, widthPx: 1920, heightPx: 1080 }) * 1.75 * p27).toBeCloseTo(28 * 0.248, 1);
    // 大字 (issue 15): text ×1.5, the root (and so the targets) unchanged.
    expect(textScale(true)).toBe(1.5);
    expect(textScale(false)).toBe(1);
  });
});
