import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/**
 * @summary The idle screen between visits: a tap anywhere starts a visit (the 轻触 button is its
 * named, focusable form); the title is the page's main heading.
 */
@customElement('kiosk-attract-screen')
export class KioskAttractScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      /* The whole screen is the tap target (a tap anywhere starts); the heading is the page's h1. */
      :host {
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2rem;
        height: 100%;
        box-sizing: border-box;
        padding: 2rem;
        text-align: center;
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        cursor: pointer;
      }
      h1 {
        font-size: calc(4rem * var(--kiosk-text-scale, 1));
        margin: 0;
      }
      p {
        margin: 0;
      }
      button {
        font-size: calc(2.75rem * var(--kiosk-text-scale, 1));
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        border: 0.2rem solid currentColor;
        padding: 1rem 3rem;
      }
    `,
  ];

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this._start);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this._start);
  }

  private readonly _start = (): void => this._open({ kind: 'home' });

  override render() {
    return html`<h1>${say(this._t, 'attract.title')}</h1>
      <p>${say(this._t, 'attract.subtitle')}</p>
      <button type="button">${say(this._t, 'attract.touch')}</button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-attract-screen': KioskAttractScreen;
  }
}
