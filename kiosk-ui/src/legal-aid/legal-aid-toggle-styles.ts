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
  /* Landscape has little height (大字 above all): two columns, tighter rows (issue 15). */
  @media (orientation: landscape) {
    .options {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 0.75rem var(--kiosk-gap);
    }
    .options button {
      padding: 0.25rem 1.25rem;
      line-height: 1.3;
    }
  }
`;
