import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FaceWarmUp } from '../../../kiosk-ui/src/shell/face-warm-up.js';

// The face detector is warmed before the first visitor: only after the start screen has stood
// untouched for a while on a terminal with a camera, and never in the middle of a visit.

describe('warming the face detector before the first visitor', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('loads once, after the idle start screen has stood for the set time', async () => {
    const load = vi.fn(() => Promise.resolve());
    const warm = new FaceWarmUp(load, 20_000);
    warm.screen(true, true);
    vi.advanceTimersByTime(19_000);
    warm.screen(true, true); // a re-render does not restart the wait
    expect(load).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(load).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    warm.screen(false, true);
    warm.screen(true, true);
    vi.advanceTimersByTime(60_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('waits while a visitor uses the kiosk, and without a camera', () => {
    const load = vi.fn(() => Promise.resolve());
    const warm = new FaceWarmUp(load, 20_000);
    warm.screen(true, true);
    vi.advanceTimersByTime(10_000);
    warm.screen(false, true); // she taps a service
    vi.advanceTimersByTime(60_000);
    warm.screen(true, false); // back at the start screen, no camera
    vi.advanceTimersByTime(60_000);
    expect(load).not.toHaveBeenCalled();
    warm.screen(true, true);
    vi.advanceTimersByTime(20_000);
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('tries again the next time the start screen stands idle when creation failed', async () => {
    const load = vi.fn(() => Promise.reject(new Error('no wasm')));
    const warm = new FaceWarmUp(load, 20_000);
    warm.screen(true, true);
    vi.advanceTimersByTime(20_000);
    await vi.waitFor(() => expect(load).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    warm.screen(false, true);
    warm.screen(true, true);
    vi.advanceTimersByTime(20_000);
    expect(load).toHaveBeenCalledTimes(2);
  });
});
