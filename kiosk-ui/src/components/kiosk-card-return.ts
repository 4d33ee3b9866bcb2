import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import './card-messages.js';
import { CardReminderController } from './card-reminder-controller.js';

/**
 * @summary 请取走身份证: shown while an ID card lies on the reader after it was read, at 完成 or
 * at the idle end (DESIGN §9). Says it on screen, by voice and with a beep, again every few
 * seconds, until the reader reports the card removed (its owner then removes this element). The
 * name, when given, is shown only ("您好，王桂兰"), never spoken: the room is public.
 * With `blocking` it covers the screen and a tap gives the spoken reminder that the next visit
 * waits for the card to be taken.
 */
@customElement('kiosk-card-return')
export class KioskCardReturn extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        align-items: center;
        justify-content: center;
      }
      :host([blocking]) {
        position: absolute;
        inset: 0;
        z-index: 9;
        background: rgb(255 255 255 / 0.98);
      }
      .box {
        text-align: center;
        display: flex;
        flex-direction: column;
        align-items: center;
        gap: var(--kiosk-gap);
      }
      .card {
        width: 12rem;
        height: 7.5rem;
        border: 0.3rem solid var(--kiosk-primary);
        border-radius: 0.8rem;
        animation: lift 1.6s ease-in-out infinite alternate;
      }
      @keyframes lift {
        to {
          transform: translateY(-1.5rem);
        }
      }
      @media (prefers-reduced-motion: reduce) {
        .card {
          animation: none;
        }
      }
      .take {
        font-size: calc(3.5rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
        color: var(--kiosk-help);
        margin: 0;
      }
      .hello {
        font-size: var(--kiosk-font-heading);
        margin: 0;
      }
    `,
  ];

  private readonly _reminder = new CardReminderController(this, () => this._visit?.speak('card.prompt'));

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  /** Shown (not spoken) above the request, e.g. the name just read from the card. */
  @property() name = '';

  /** Covers the whole screen (between visits); a tap speaks the reminder. */
  @property({ type: Boolean, reflect: true }) blocking = false;

  private readonly _onTap = (): void => {
    if (this.blocking) this._visit?.speak('card.remind');
    else this._reminder.now();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('click', this._onTap);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('click', this._onTap);
  }

  override render() {
    const t = this._t;
    return html`<div class="box" role="alert" data-card-return>
      ${this.name ? html`<p class="hello">${t('card.hello', { name: this.name })}</p>` : null}
      <div class="card" aria-hidden="true"></div>
      <p class="take">${t('card.take')}</p>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-card-return': KioskCardReturn;
  }
}
