import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { institutionsFor } from '../data/content.js';
import { say, sayText } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/** @summary 服务机构: the county's legal aid centre, notary office, mediation committee and 司法所. */
@customElement('kiosk-institutions-screen')
export class KioskInstitutionsScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .list {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 1.5rem;
      }
      article {
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 1.25rem 1.5rem;
      }
      dl {
        margin: 0;
      }
      dt {
        font-weight: 700;
      }
      dd {
        margin: 0 0 0.5rem;
      }
    `,
  ];

  override render() {
    const t = this._t;
    const data = institutionsFor(this._config.county);
    if (!data?.institutions.length)
      return html`<h1>${say(t, 'institutions.title')}</h1>
        <p>${say(t, 'institutions.none', { hotline: this._config.hotline.number })}</p>`;
    return html`
      <h1>${say(t, 'institutions.title')}</h1>
      <div class="list">
        ${data.institutions.map(
          (inst) => html`<article data-kind=${inst.kind}>
            <h2>${sayText(inst.name)}</h2>
            <dl>
              <dt>${say(t, 'institutions.phone')}</dt>
              <dd>${sayText(inst.phone)}</dd>
              <dt>${say(t, 'institutions.hours')}</dt>
              <dd>${sayText(inst.hours)}</dd>
              ${inst.address ? html`<dt>${say(t, 'institutions.address')}</dt><dd>${sayText(inst.address)}</dd>` : null}
            </dl>
          </article>`,
        )}
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-institutions-screen': KioskInstitutionsScreen;
  }
}
