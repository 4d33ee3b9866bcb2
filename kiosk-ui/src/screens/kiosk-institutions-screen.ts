import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { institutionsFor } from '../data/content.js';
import { say, sayText } from '../i18n/say.js';
import '../components/kiosk-pager.js';
import { ScreenBase } from './screen-base.js';

/** @summary 服务机构: the county's legal aid centre, notary office, mediation committee and 司法所. */
@customElement('kiosk-institutions-screen')
export class KioskInstitutionsScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      /* Reading only: paged with 上一页 / 下一页 when the cards do not fit (issue 15); two columns in
         landscape, one in portrait (full-width lines). */
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      kiosk-pager {
        flex: 1 1 0;
        min-height: 0;
        --kiosk-pager-columns: 2;
        --kiosk-pager-gap: 1rem 1.5rem;
      }
      @media (orientation: portrait) {
        kiosk-pager {
          --kiosk-pager-columns: 1;
        }
      }
      article {
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 1rem 1.5rem;
      }
      article h2 {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        margin: 0 0 0.25rem;
      }
      article p {
        margin: 0;
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
      <kiosk-pager>
        ${data.institutions.map(
          (inst) =>
            html`<article data-kind=${inst.kind}>
              <h2>${sayText(inst.name)}</h2>
              <p>${say(t, 'institutions.phone')}：${sayText(inst.phone)}</p>
              <p>${say(t, 'institutions.hours')}：${sayText(inst.hours)}</p>
              ${inst.address ? html`<p>${say(t, 'institutions.address')}：${sayText(inst.address)}</p>` : null}
            </article>`,
        )}
      </kiosk-pager>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-institutions-screen': KioskInstitutionsScreen;
  }
}
