import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/**
 * @summary The idle screen between visits: one full-screen tap target that starts a visit.
 */
@customElement('kiosk-attract-screen')
export class KioskAttractScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      :host {
        display: block;
        height: 100%;
      }
      button {
        width: 100%;
        height: 100%;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 2rem;
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        border: 0;
      }
      .title {
        font-size: 4rem;
        font-weight: 700;
      }
      .touch {
        font-size: calc(2.75rem * var(--kiosk-text-scale, 1));
        border: 0.2rem solid currentColor;
        border-radius: var(--kiosk-radius);
        padding: 1rem 3rem;
      }
    `,
  ];

  override render() {
    return html`<button type="button" @click=${() => this._open({ kind: 'home' })}>
      <span class="title">${say(this._t, 'attract.title')}</span>
      <span>${say(this._t, 'attract.subtitle')}</span>
      <span class="touch">${say(this._t, 'attract.touch')}</span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-attract-screen': KioskAttractScreen;
  }
}
