import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { KioskChromeActionEvent, type ChromeAction } from '../events/kiosk-chrome-action.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary The top bar on every screen: the terminal, the hotline, and the 语音 and 大字 toggles.
 * @fires kiosk-chrome-action - hotline, toggleVoice, toggleLargeText
 */
@customElement('kiosk-top-bar')
export class KioskTopBar extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        box-sizing: border-box;
        min-height: 6rem;
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        align-items: center;
        gap: 0.5rem 1rem;
        padding: 0.75rem 1.5rem;
        background: var(--kiosk-muted-bg);
        border-bottom: 0.15rem solid var(--kiosk-border);
      }
      /* The station's name keeps at least 8 characters a line: where the buttons leave less (portrait
         大字), they move to a second row instead of squeezing the name to one character. */
      .title {
        flex: 1 1 auto;
        min-width: min(100%, 8em);
        font-weight: 700;
      }
      button {
        white-space: nowrap;
        padding: 0.25rem 1.25rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-primary);
        color: var(--kiosk-primary);
      }
      button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .hotline {
        font-weight: 700;
      }
      .offline {
        font-weight: 700;
        color: var(--kiosk-help);
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @property() terminal = '';
  @property() hotline = '12348';
  @property({ type: Boolean, attribute: 'voice-on' }) voiceOn = false;
  @property({ type: Boolean, attribute: 'large-text' }) largeText = false;
  /** The agent connection is down: devices and submissions are unavailable until it returns. */
  @property({ type: Boolean }) offline = false;

  private _fire(action: ChromeAction): void {
    this.dispatchEvent(new KioskChromeActionEvent(action));
  }

  override render() {
    const t = this._t;
    return html`
      <span class="title">${this.terminal || say(t, 'app.title')}</span>
      ${this.offline ? html`<span class="offline" role="status">${say(t, 'app.agentOffline')}</span>` : null}
      <button type="button" class="hotline" data-chrome="hotline" @click=${() => this._fire('hotline')}>
        ${t('app.hotlineLabel')} <span class="num">${this.hotline}</span>
      </button>
      <button
        type="button"
        data-chrome="voice"
        aria-pressed=${String(this.voiceOn)}
        @click=${() => this._fire('toggleVoice')}
      >
        ${this.voiceOn ? t('app.voiceOn') : t('app.voiceOff')}
      </button>
      <button
        type="button"
        data-chrome="large"
        aria-pressed=${String(this.largeText)}
        @click=${() => this._fire('toggleLargeText')}
      >
        ${this.largeText ? t('app.largeTextOn') : t('app.largeText')}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-top-bar': KioskTopBar;
  }
}
