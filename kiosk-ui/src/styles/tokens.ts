import { css } from 'lit';

/**
 * Size and colour tokens (accessibility.md §2). Everything is in rem, so the root font size is the
 * one variable for physical size: 16 px on the reference 21.5″ 1080p panel, scaled by physical
 * pitch when `ui.screen` is configured (see shell/root-size.ts). 大字 is one more root variable,
 * `--kiosk-text-scale` (×1.5), which multiplies every font size but not the targets and gaps —
 * targets are already ≥ 16 mm, so the larger text still fits every screen without scrolling.
 * Font sizes are written `calc(<rem> * var(--kiosk-text-scale, 1))` (or use the tokens below).
 *
 * At the reference root: body 1.75rem = 28 px, digits 2.25rem = 36 px, headings 2.75rem = 44 px,
 * primary targets 4.5rem = 72 px (≥ 16 mm), gaps 1rem = 16 px (≈ 4 mm). Text #111 on #fff is 18.9:1;
 * white on the primary #003366 is 12.6:1 and on the help red #7a0000 11.5:1 (≥ 10:1).
 */
export const tokens = css`
  :host {
    --kiosk-text: #111111;
    --kiosk-bg: #ffffff;
    --kiosk-muted-bg: #eef2f7;
    --kiosk-primary: #003366;
    --kiosk-on-primary: #ffffff;
    --kiosk-help: #7a0000;
    --kiosk-on-help: #ffffff;
    --kiosk-border: #334155;
    --kiosk-focus: #b45309;
    --kiosk-font-body: calc(1.75rem * var(--kiosk-text-scale, 1));
    --kiosk-font-digits: calc(2.25rem * var(--kiosk-text-scale, 1));
    --kiosk-font-heading: calc(2.75rem * var(--kiosk-text-scale, 1));
    --kiosk-target: 4.5rem;
    --kiosk-gap: 1rem;
    --kiosk-radius: 0.75rem;
    font-family: 'Noto Sans CJK SC', 'Source Han Sans SC', 'WenQuanYi Micro Hei', sans-serif;
    font-size: var(--kiosk-font-body);
    line-height: 1.5;
    color: var(--kiosk-text);
  }
  .num {
    font-size: max(var(--kiosk-font-digits), 1em);
    font-variant-numeric: tabular-nums;
  }
  h1,
  h2 {
    font-size: var(--kiosk-font-heading);
    line-height: 1.3;
    margin: 0 0 var(--kiosk-gap);
  }
  h3 {
    font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
    margin: 0 0 0.5rem;
  }
  p {
    margin: 0 0 calc(var(--kiosk-font-body) * 0.6);
  }
  button {
    font: inherit;
    color: inherit;
    min-height: var(--kiosk-target);
    min-width: var(--kiosk-target);
    border-radius: var(--kiosk-radius);
    cursor: pointer;
    touch-action: manipulation;
    user-select: none;
  }
  button:focus-visible {
    outline: 0.25rem solid var(--kiosk-focus);
    outline-offset: 0.2rem;
  }
  .primary {
    background: var(--kiosk-primary);
    color: var(--kiosk-on-primary);
    border: 0.15rem solid var(--kiosk-primary);
    padding: 0.5rem 1.5rem;
  }
  .secondary {
    background: var(--kiosk-bg);
    color: var(--kiosk-primary);
    border: 0.15rem solid var(--kiosk-primary);
    padding: 0.5rem 1.5rem;
  }
  [data-say] {
    cursor: pointer;
  }
  /* A disabled action looks disabled (dashed, greyed) but stays tappable through its wrapper so a
     tap can say what is missing; colour is never the only cue. */
  .primary[aria-disabled='true'],
  .primary:disabled {
    background: #e5e7eb;
    color: #1f2937;
    border: 0.15rem dashed #4b5563;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
    }
  }
`;
