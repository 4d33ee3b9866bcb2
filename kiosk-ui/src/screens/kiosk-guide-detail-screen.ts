import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GUIDE } from '../data/content.js';
import { asMessageKey } from '../i18n/localize.js';
import { say } from '../i18n/say.js';
import { ScreenBase } from './screen-base.js';

/** @summary What one service needs, its steps and its time limit. */
@customElement('kiosk-guide-detail-screen')
export class KioskGuideDetailScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      .columns {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 2rem;
      }
      section {
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 1.5rem;
      }
      ul,
      ol {
        margin: 0;
        padding-left: 2.5rem;
      }
      li {
        margin-bottom: 0.75rem;
      }
    `,
  ];

  @property() service = '';

  override render() {
    const entry = GUIDE.find((g) => g.service === this.service);
    if (!entry) return html`<h1>${say(this._t, 'guide.title')}</h1>`;
    const t = this._t;
    return html`
      <h1>${say(t, asMessageKey(entry.titleKey))}</h1>
      <div class="columns">
        <section>
          <h2>${say(t, 'guide.needs')}</h2>
          <ul>
            ${entry.needs.map((k) => html`<li>${say(t, asMessageKey(k))}</li>`)}
          </ul>
        </section>
        <section>
          <h2>${say(t, 'guide.steps')}</h2>
          <ol>
            ${entry.steps.map((k) => html`<li>${say(t, asMessageKey(k))}</li>`)}
          </ol>
          <h2>${say(t, 'guide.time')}</h2>
          <p>${say(t, asMessageKey(entry.timeKey))}</p>
        </section>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guide-detail-screen': KioskGuideDetailScreen;
  }
}
