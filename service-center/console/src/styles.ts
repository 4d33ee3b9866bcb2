import { css } from 'lit';

/** Shared look of the console: plain, high contrast, sized in rem. */
export const consoleStyles = css`
  :host {
    display: block;
    color: #111;
  }
  h1,
  h2,
  h3 {
    margin: 0 0 0.75rem;
  }
  button {
    font: inherit;
    min-height: 2.75rem;
    padding: 0.4rem 1.2rem;
    border: 2px solid #0b3d91;
    border-radius: 0.4rem;
    background: #0b3d91;
    color: #fff;
    cursor: pointer;
  }
  button.secondary {
    background: #fff;
    color: #0b3d91;
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  button:focus-visible,
  input:focus-visible,
  select:focus-visible,
  textarea:focus-visible {
    outline: 3px solid #c45500;
    outline-offset: 2px;
  }
  label {
    display: block;
    font-weight: 600;
    margin: 0.75rem 0 0.25rem;
  }
  input,
  select,
  textarea {
    font: inherit;
    padding: 0.4rem 0.6rem;
    border: 2px solid #555;
    border-radius: 0.3rem;
    background: #fff;
    color: #111;
    box-sizing: border-box;
  }
  .error {
    color: #a00000;
    font-weight: 600;
  }
  .note {
    color: #333;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .card {
    background: #fff;
    border: 1px solid #bbb;
    border-radius: 0.5rem;
    padding: 1rem 1.25rem;
    margin-bottom: 1rem;
  }
`;
