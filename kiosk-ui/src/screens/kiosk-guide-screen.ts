import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { GUIDE } from '../data/content.js';
import { asMessageKey } from '../i18n/localize.js';
import { say } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/** @summary 办事指南: one entry per service (content/guide/guide.json). */
@customElement('kiosk-guide-screen')
export class KioskGuideScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .list {
        display: grid;
        grid-template-columns: repeat(3, 1fr);
        gap: 1.5rem;
      }
      .list button {
        min-height: 8rem;
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
      }
    `,
  ];

  override render() {
    return html`
      <h1>${say(this._t, 'guide.title')}</h1>
      <p>${say(this._t, 'guide.prompt')}</p>
      <div class="list">
        ${GUIDE.map(
          (entry) =>
            html`<button
              type="button"
              class="secondary"
              data-guide=${entry.service}
              @click=${() => this._open({ kind: 'guideDetail', service: entry.service })}
            >
              ${this._t(asMessageKey(entry.titleKey))}
            </button>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guide-screen': KioskGuideScreen;
  }
}
