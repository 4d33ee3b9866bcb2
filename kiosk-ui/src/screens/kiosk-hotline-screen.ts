import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { say, sayText } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/** @summary The 12348 hotline (number from config `hotline.number`). */
@customElement('kiosk-hotline-screen')
export class KioskHotlineScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .number {
        font-size: 6rem;
        font-weight: 700;
        color: var(--kiosk-primary);
        margin: 1rem 0;
      }
    `,
  ];

  override render() {
    return html`
      <h1>${say(this._t, 'hotline.title')}</h1>
      <p>${say(this._t, 'hotline.body')}</p>
      <p>${say(this._t, 'hotline.number')}</p>
      <p class="number">${sayText(this._config.hotline.number)}</p>
      <p>${say(this._t, 'hotline.hours')}</p>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-hotline-screen': KioskHotlineScreen;
  }
}
