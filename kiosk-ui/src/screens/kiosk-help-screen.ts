import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { institutionsFor } from '../data/content.js';
import { say, sayText } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/** @summary 找工作人员: how to reach a person now (staff in the room, the hotline, the 司法所). */
@customElement('kiosk-help-screen')
export class KioskHelpScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .phones {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 1.5rem;
        margin-top: 1.5rem;
      }
      .phone {
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 1.25rem 1.5rem;
      }
      .number {
        font-size: 3.5rem;
        font-weight: 700;
        color: var(--kiosk-primary);
      }
    `,
  ];

  override render() {
    const t = this._t;
    const office = institutionsFor(this._config.county)?.institutions.find((i) => i.kind === 'justiceOffice');
    return html`
      <h1>${say(t, 'help.title')}</h1>
      <p>${say(t, 'help.body')}</p>
      <p>${say(t, 'help.noStaff')}</p>
      <div class="phones">
        <div class="phone">
          <p>${say(t, 'help.hotline')}</p>
          <p class="number">${sayText(this._config.hotline.number)}</p>
        </div>
        ${
          office
            ? html`<div class="phone">
                <p>${say(t, 'help.justiceOffice')}</p>
                <p class="number">${sayText(office.phone)}</p>
              </div>`
            : null
        }
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-help-screen': KioskHelpScreen;
  }
}
