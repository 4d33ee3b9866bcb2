import { css, html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { SERVICES, type ServiceEntry } from '../data/content.js';
import { flowAvailable } from '../flows/flow-registry.js';
import '../home-visit/kiosk-home-visit-offer.js';
import { asMessageKey } from '../i18n/localize.js';
import { say } from '../i18n/say.js';
import type { InfoPage } from '../shell/nav-machine.js';
import { ScreenBase } from './screen-base.js';
import '../notarization/notary-interview-messages.js';

/** 我预约了公证视频 (issue 12): joins a booked notary interview with the receipt number. */
const NOTARY_INTERVIEW = { service: 'notaryInterview', flow: 'notary-interview' } as const;

const MORE: ReadonlyArray<{
  page: InfoPage;
  key: 'home.more.hotline' | 'home.more.guide' | 'home.more.institutions' | 'home.more.progress';
}> = [
  { page: 'hotline', key: 'home.more.hotline' },
  { page: 'guide', key: 'home.more.guide' },
  { page: 'institutions', key: 'home.more.institutions' },
  { page: 'progress', key: 'home.more.progress' },
];

/**
 * @summary Home: the four services from content/services.json as large entries, then information.
 * An entry whose flow has not landed opens the "being prepared" screen (never a dead button).
 */
@customElement('kiosk-home-screen')
export class KioskHomeScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      :host {
        display: block;
      }
      .services {
        display: grid;
        grid-template-columns: repeat(4, minmax(0, 1fr));
        gap: 1.5rem;
        margin-bottom: 1.5rem;
      }
      @media (orientation: portrait) {
        .services {
          grid-template-columns: repeat(2, minmax(0, 1fr));
        }
      }
      /* Four services in a row: the name stays on one line at 大字 (×1.5) in landscape. */
      .service {
        min-height: 11rem;
        display: flex;
        flex-direction: column;
        align-items: center;
        justify-content: center;
        gap: 0.5rem;
        padding: 1rem;
      }
      .service .name {
        font-size: calc(2.5rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
      }
      kiosk-home-visit-offer {
        display: block;
        min-height: 6rem;
      }
      .more {
        display: grid;
        grid-template-columns: repeat(4, 1fr);
        gap: 1.5rem;
      }
      .more button {
        min-height: 6rem;
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
      }
      .more .wide {
        grid-column: span 2;
      }
    `,
  ];

  private _choose(entry: ServiceEntry): void {
    if (flowAvailable(entry.flow)) this._open({ kind: 'flow', service: entry.id, flow: entry.flow });
    else this._open({ kind: 'preparing', service: entry.id });
  }

  override render() {
    return html`
      <h1>${say(this._t, 'home.title')}</h1>
      <div class="services">
        ${SERVICES.map(
          (entry) =>
            html`<button
              type="button"
              class="service primary"
              data-service=${entry.id}
              @click=${() => this._choose(entry)}
            >
              <span class="name">${this._t(asMessageKey(entry.titleKey))}</span>
              <span>${this._t(asMessageKey(entry.detailKey))}</span>
            </button>`,
        )}
      </div>
      <div class="more">
        ${MORE.map(
          (m) =>
            html`<button
              type="button"
              class="secondary"
              data-page=${m.page}
              @click=${() => this._open({ kind: 'info', page: m.page })}
            >
              ${say(this._t, m.key)}
            </button>`,
        )}
        ${
          flowAvailable(NOTARY_INTERVIEW.flow)
            ? html`<button
                type="button"
                class="secondary wide"
                data-service=${NOTARY_INTERVIEW.service}
                @click=${() => this._open({ kind: 'flow', ...NOTARY_INTERVIEW })}
              >
                ${say(this._t, 'notaryInterview.home')}
              </button>`
            : null
        }
        <kiosk-home-visit-offer class="wide" compact source="home"></kiosk-home-visit-offer>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-screen': KioskHomeScreen;
  }
}
