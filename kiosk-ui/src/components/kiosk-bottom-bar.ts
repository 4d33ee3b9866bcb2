import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { KioskChromeActionEvent, type ChromeAction } from '../events/kiosk-chrome-action.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { textRuns } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary The bottom bar on every screen: 返回 and 首页 on the left, the caption of what is being
 * said with 再听一遍 / 暂停, and 找工作人员 always at the bottom right (WCAG 3.2.6).
 * @fires kiosk-chrome-action - back, home, repeat, pause, resume, help
 */
@customElement('kiosk-bottom-bar')
export class KioskBottomBar extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        /* A fixed height keeps 找工作人员 in exactly the same place whatever the caption holds. */
        box-sizing: border-box;
        height: 7.5rem;
        display: flex;
        align-items: center;
        gap: 1rem;
        padding: 0.75rem 1.5rem;
        background: var(--kiosk-muted-bg);
        border-top: 0.15rem solid var(--kiosk-border);
      }
      .caption {
        flex: 1;
        min-width: 0;
        overflow: hidden;
        display: -webkit-box;
        -webkit-line-clamp: 2;
        -webkit-box-orient: vertical;
      }
      .help {
        background: var(--kiosk-help);
        color: var(--kiosk-on-help);
        border: 0.15rem solid var(--kiosk-help);
        font-weight: 700;
        padding: 0.5rem 1.5rem;
        min-width: 14rem;
      }
      [hidden] {
        display: none;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @property() caption = '';
  /** Speech rate shown on the 语速 button (×0.75 / ×1 / ×1.25). */
  @property({ type: Number }) rate = 1;
  @property({ type: Boolean, attribute: 'speaking' }) speaking = false;
  @property({ type: Boolean, attribute: 'paused' }) paused = false;
  /** Hides 返回 and 首页 (on the home screen itself). */
  @property({ type: Boolean, attribute: 'without-navigation' }) withoutNavigation = false;

  private _fire(action: ChromeAction): void {
    this.dispatchEvent(new KioskChromeActionEvent(action));
  }

  override render() {
    const t = this._t;
    return html`
      <button
        type="button"
        class="secondary"
        data-chrome="back"
        ?hidden=${this.withoutNavigation}
        @click=${() => this._fire('back')}
      >
        ${t('app.back')}
      </button>
      <button
        type="button"
        class="secondary"
        data-chrome="home"
        ?hidden=${this.withoutNavigation}
        @click=${() => this._fire('home')}
      >
        ${t('app.home')}
      </button>
      <div class="caption" aria-live="polite" aria-label=${t('app.captionLabel')}>${textRuns(this.caption)}</div>
      <button
        type="button"
        class="secondary"
        data-chrome="repeat"
        ?hidden=${!this.caption}
        @click=${() => this._fire('repeat')}
      >
        ${t('app.repeat')}
      </button>
      <button
        type="button"
        class="secondary"
        data-chrome="pause"
        ?hidden=${!this.speaking && !this.paused}
        @click=${() => this._fire(this.paused ? 'resume' : 'pause')}
      >
        ${this.paused ? t('app.resume') : t('app.pause')}
      </button>
      <button type="button" class="secondary" data-chrome="rate" @click=${() => this._fire('rate')}>
        ${this.rate < 1 ? t('app.rate.slow') : this.rate > 1 ? t('app.rate.fast') : t('app.rate.normal')}
      </button>
      <button type="button" class="help" data-chrome="help" @click=${() => this._fire('help')}>${t('app.help')}</button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-bottom-bar': KioskBottomBar;
  }
}
