import { css } from 'lit';
import { tokens } from '../styles/tokens.js';

/**
 * Shared look of the admin pages: the kiosk's tokens (28 px text, 72 px targets, ≥ 10:1 contrast)
 * because the page is also used on the terminal's own touchscreen. Colours on white: #1f2937
 * 14.7:1, #0f3d21 12.3:1, #7a0000 11.5:1.
 */
export const adminStyles = [
  tokens,
  css`
    :host {
      display: block;
    }
    section {
      display: flex;
      flex-direction: column;
      gap: var(--kiosk-gap);
    }
    .row {
      display: flex;
      flex-wrap: wrap;
      gap: var(--kiosk-gap);
      align-items: center;
    }
    .card {
      border: 0.15rem solid var(--kiosk-border);
      border-radius: var(--kiosk-radius);
      padding: 1rem 1.25rem;
      background: var(--kiosk-bg);
    }
    .ok {
      border-color: #14532d;
    }
    .warn {
      border-color: #7c2d12;
      border-width: 0.3rem;
    }
    .fault {
      border-color: #7a0000;
      border-width: 0.4rem;
    }
    .action {
      font-weight: 700;
      color: #7a0000;
    }
    .muted {
      color: #1f2937;
    }
    .error {
      color: #7a0000;
      font-weight: 700;
    }
    .success {
      color: #0f3d21;
      font-weight: 700;
    }
    label {
      display: flex;
      flex-direction: column;
      gap: 0.25rem;
    }
    input,
    select {
      font: inherit;
      min-height: var(--kiosk-target);
      padding: 0 0.75rem;
      border: 0.15rem solid var(--kiosk-border);
      border-radius: var(--kiosk-radius);
      color: var(--kiosk-text);
      background: var(--kiosk-bg);
      box-sizing: border-box;
    }
    input[type='checkbox'] {
      width: var(--kiosk-target);
      height: var(--kiosk-target);
      min-height: 0;
    }
    input:focus-visible,
    select:focus-visible {
      outline: 0.25rem solid var(--kiosk-focus);
    }
    pre,
    code {
      font-family: 'Noto Sans Mono CJK SC', 'DejaVu Sans Mono', monospace;
      font-size: var(--kiosk-font-body);
      white-space: pre-wrap;
      word-break: break-all;
    }
    table {
      border-collapse: collapse;
      width: 100%;
    }
    th,
    td {
      text-align: left;
      padding: 0.5rem;
      border-bottom: 0.1rem solid var(--kiosk-border);
      vertical-align: top;
    }
  `,
];
