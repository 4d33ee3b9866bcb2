import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { KioskNavigateEvent } from '../events/kiosk-navigate.js';
import type { HomeVisitSource } from '../flows/home-visit-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';
import './home-visit-messages.js';

/**
 * @summary The green-channel entry "家里有老人或残疾人来不了？" on home and on each service's first
 * screen: opens the 预约/上门 booking, telling it where it was offered (`source`).
 * @fires kiosk-navigate - the home-visit flow
 */
@customElement('kiosk-home-visit-offer')
export class KioskHomeVisitOffer extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: inline-block;
      }
      button {
        width: 100%;
        height: 100%;
        border: 0.15rem solid var(--kiosk-border);
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        font-weight: 700;
      }
      .detail {
        display: block;
        font-weight: 400;
      }
      :host([compact]) .detail,
      :host([short]) .detail {
        display: none;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  /** Where it is offered: the booking starts with that service chosen. */
  @property() source: HomeVisitSource = 'home';
  /** Without the detail line (the home's information row). */
  @property({ type: Boolean, reflect: true }) compact = false;
  /** The short words 家里人来不了？ without the detail line: a step's action row, where space is tight. */
  @property({ type: Boolean, reflect: true }) short = false;

  private _open(): void {
    this.dispatchEvent(
      new KioskNavigateEvent({ kind: 'flow', service: `homeVisit.${this.source}`, flow: 'home-visit' }),
    );
  }

  override render() {
    const t = this._t;
    return html`<button type="button" data-home-visit-offer @click=${() => this._open()}>
      ${say(t, this.short ? 'homeVisit.entry.short' : 'homeVisit.entry.label')}<span class="detail"
        >${t('homeVisit.entry.detail')}</span
      >
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-offer': KioskHomeVisitOffer;
  }
}
