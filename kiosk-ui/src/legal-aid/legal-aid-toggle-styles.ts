import { css } from 'lit';

/** Large full-width toggle rows used by the circumstance and group steps. */
export const toggleStyles = css`
  .options {
    display: grid;
    gap: var(--kiosk-gap);
  }
  .options button {
    text-align: left;
    padding: 0.75rem 1.5rem;
    background: var(--kiosk-bg);
    border: 0.15rem solid var(--kiosk-border);
  }
  .options button[aria-pressed='true'] {
    background: var(--kiosk-primary);
    color: var(--kiosk-on-primary);
    border-color: var(--kiosk-primary);
  }
  .options button[aria-pressed='true']::before {
    content: '✓ ';
  }
`;
