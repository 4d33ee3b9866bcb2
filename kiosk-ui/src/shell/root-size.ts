import type { UiConfig } from '../data/ui-config.js';

/** Pixel pitch of the reference panel (21.5″ 1920×1080): accessibility.md §1. */
export const REFERENCE_PITCH_MM = 0.248;
/** Root font size on the reference panel; every size in the UI is in rem of this. */
export const REFERENCE_ROOT_PX = 16;
/** 大字 mode (the root `--kiosk-text-scale`): 28 → 42 px body, 36 → 54 px digits (issue 15: ≥ 1.5×). */
export const LARGE_TEXT_FACTOR = 1.5;

/** mm per CSS px of the configured panel (diagonal over the pixel diagonal), or the reference. */
export function pixelPitchMm(screen: UiConfig['ui']['screen']): number {
  if (!screen) return REFERENCE_PITCH_MM;
  return (screen.diagonalInches * 25.4) / Math.hypot(screen.widthPx, screen.heightPx);
}

/** The root font size that keeps physical sizes (mm) equal to the reference panel's. */
export function rootFontPx(screen: UiConfig['ui']['screen']): number {
  const base = REFERENCE_ROOT_PX * (REFERENCE_PITCH_MM / pixelPitchMm(screen));
  return Math.round(base * 100) / 100;
}

/** The text scale: 大字 multiplies every font size, not the targets (they are ≥ 16 mm already). */
export function textScale(largeText: boolean): number {
  return largeText ? LARGE_TEXT_FACTOR : 1;
}
