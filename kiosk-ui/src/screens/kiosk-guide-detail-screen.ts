import { css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { GUIDE } from '../data/content.js';
import { asMessageKey } from '../i18n/localize.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-pager.js';
import { ScreenBase } from './screen-base.js';

/** @summary What one service needs, its steps and its time limit; paged when it does not fit. */
@customElement('kiosk-guide-detail-screen')
export class KioskGuideDetailScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      /* A guide is reading only: paged with 上一页 / 下一页 when it is long (issue 15). */
      :host {
        display: flex;
        flex-direction: column;
        height: 100%;
        min-height: 0;
      }
      kiosk-pager {
        flex: 1 1 0;
        min-height: 0;
      }
      h2 {
        margin: 0.5rem 0;
      }
      .item {
        margin: 0 0 0.5rem;
        padding-left: 1.5em;
        text-indent: -1.5em;
      }
      /* The marks are generated (not text): the step numbers count with a CSS counter. */
      kiosk-pager {
        counter-reset: step;
      }
      .item::before {
        content: '•';
        display: inline-block;
        width: 1.5em;
        text-indent: 0;
      }
      .item.step {
        counter-increment: step;
      }
      .item.step::before {
        content: counter(step) '.';
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
      <kiosk-pager>
        <h2>${say(t, 'guide.needs')}</h2>
        ${entry.needs.map((k) => html`<p class="item">${say(t, asMessageKey(k))}</p>`)}
        <h2>${say(t, 'guide.steps')}</h2>
        ${entry.steps.map((k) => html`<p class="item step">${say(t, asMessageKey(k))}</p>`)}
        <h2>${say(t, 'guide.time')}</h2>
        <p>${say(t, asMessageKey(entry.timeKey))}</p>
      </kiosk-pager>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-guide-detail-screen': KioskGuideDetailScreen;
  }
}
