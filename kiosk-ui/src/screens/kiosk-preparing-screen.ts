import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { SERVICES } from '../data/content.js';
import { asMessageKey } from '../i18n/localize.js';
import { say } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/**
 * @summary Shown for a home entry whose flow is not available on this terminal yet: says so
 * plainly and offers the hotline and a person.
 */
@customElement('kiosk-preparing-screen')
export class KioskPreparingScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .actions {
        display: flex;
        gap: 1.5rem;
        margin-top: 2rem;
      }
      .service {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
      }
    `,
  ];

  @property() service = '';

  override render() {
    const entry = SERVICES.find((s) => s.id === this.service);
    const hotline = this._config.hotline.number;
    return html`
      ${entry ? html`<p class="service">${say(this._t, asMessageKey(entry.titleKey))}</p>` : null}
      <h1>${say(this._t, 'preparing.title')}</h1>
      <p>${say(this._t, 'preparing.body')}</p>
      <div class="actions">
        <button type="button" class="primary" @click=${() => this._open({ kind: 'info', page: 'hotline' })}>
          ${say(this._t, 'preparing.callHotline', { hotline })}
        </button>
        <button type="button" class="secondary" @click=${() => this._open({ kind: 'info', page: 'help' })}>
          ${say(this._t, 'app.help')}
        </button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-preparing-screen': KioskPreparingScreen;
  }
}
