import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { KioskIdleStayEvent } from '../events/kiosk-idle-stay.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary The idle warning over the current screen (accessibility.md §5): what will happen, a
 * visible countdown, and one huge 我还在用 button. The page underneath stays exactly as it was.
 * @fires kiosk-idle-stay
 */
@customElement('kiosk-idle-warning')
export class KioskIdleWarning extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        position: absolute;
        inset: 0;
        display: flex;
        align-items: center;
        justify-content: center;
        background: rgb(255 255 255 / 0.97);
        z-index: 10;
      }
      .box {
        text-align: center;
        max-width: 60rem;
      }
      .count {
        font-size: calc(3rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
      }
      .stay {
        min-height: 9rem;
        min-width: 28rem;
        font-size: calc(3rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
        margin-top: 1.5rem;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @property({ type: Number }) remaining = 0;

  override render() {
    const t = this._t;
    return html`<div class="box" role="alertdialog" aria-labelledby="title" aria-describedby="body">
      <h1 id="title">${say(t, 'idle.title')}</h1>
      <p id="body">${say(t, 'idle.body')}</p>
      <p class="count" role="timer">${say(t, 'idle.countdown', { seconds: this.remaining })}</p>
      <button type="button" class="primary stay" @click=${() => this.dispatchEvent(new KioskIdleStayEvent())}>
        ${t('idle.stay')}
      </button>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-idle-warning': KioskIdleWarning;
  }
}
