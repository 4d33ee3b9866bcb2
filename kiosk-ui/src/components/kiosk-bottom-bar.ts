import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { KioskChromeActionEvent, type ChromeAction } from '../events/kiosk-chrome-action.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { textRuns } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary The bottom bar on every screen: the caption of what is being said (wrapped, up to three
 * lines; longer ones open in full on 看全部), 再听一遍 / 暂停 / 语速, 返回 and 首页, and 找工作人员
 * always at the bottom right (WCAG 3.2.6). Its height is fixed, so nothing above it moves whatever
 * the caption holds; in portrait the caption takes a full-width row of its own.
 * @fires kiosk-chrome-action - back, home, repeat, pause, resume, help
 */
@customElement('kiosk-bottom-bar')
export class KioskBottomBar extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        /* Fixed rows keep 找工作人员 in exactly the same place whatever the caption holds. */
        --caption-lines: 3;
        position: relative;
        box-sizing: border-box;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto auto auto;
        grid-template-rows: var(--kiosk-target) var(--kiosk-target);
        grid-template-areas:
          'caption repeat pause rate'
          'caption back home help';
        align-items: stretch;
        gap: 0.5rem 1rem;
        padding: 0.5rem 1.5rem;
        background: var(--kiosk-muted-bg);
        border-top: 0.15rem solid var(--kiosk-border);
      }
      :host([large-text]) {
        grid-template-rows: auto auto;
      }
      /* 大字 in landscape: two caption lines (the height is what the steps need); longer captions
         open in full on 看全部. */
      @media (orientation: landscape) {
        :host([large-text]) {
          --caption-lines: 2;
          /* The buttons keep the 大字 target (×1.3) whatever the caption's height. */
          grid-template-rows: minmax(5.25rem, auto) minmax(5.25rem, auto);
        }
      }
      @media (orientation: portrait) {
        :host {
          grid-template-columns: repeat(3, minmax(0, 1fr));
          grid-template-rows: auto auto auto;
          grid-template-areas:
            'caption caption caption'
            'repeat pause rate'
            'back home help';
        }
      }
      .caption-box {
        grid-area: caption;
        display: flex;
        align-items: center;
        gap: 0.5rem;
        min-width: 0;
        height: calc(var(--kiosk-font-body) * 1.5 * var(--caption-lines));
        align-self: center;
      }
      .caption {
        flex: 1;
        min-width: 0;
        max-height: 100%;
        overflow: hidden;
        overflow-wrap: anywhere;
      }
      .full {
        position: absolute;
        left: 1rem;
        right: 1rem;
        bottom: calc(100% + 0.5rem);
        max-height: 60vh;
        display: flex;
        gap: 1rem;
        align-items: flex-start;
        padding: 1rem 1.5rem;
        background: var(--kiosk-bg);
        border: 0.25rem solid var(--kiosk-primary);
        border-radius: var(--kiosk-radius);
        box-shadow: 0 0.25rem 1rem rgb(0 0 0 / 30%);
        z-index: 20;
      }
      .full p {
        flex: 1;
        margin: 0;
      }
      [data-chrome='repeat'] {
        grid-area: repeat;
      }
      [data-chrome='pause'] {
        grid-area: pause;
      }
      [data-chrome='rate'] {
        grid-area: rate;
      }
      [data-chrome='back'] {
        grid-area: back;
      }
      [data-chrome='home'] {
        grid-area: home;
      }
      button {
        padding: 0.25rem 1rem;
        white-space: nowrap;
      }
      .help {
        grid-area: help;
        background: var(--kiosk-help);
        color: var(--kiosk-on-help);
        border: 0.15rem solid var(--kiosk-help);
        font-weight: 700;
        padding: 0.25rem 1.5rem;
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
  /** 大字 is on (the bar's rows grow with the text). */
  @property({ type: Boolean, reflect: true, attribute: 'large-text' }) largeText = false;

  /** The caption does not fit its three lines: 看全部 opens it in full. */
  @state() private _clipped = false;
  @state() private _full = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('caption')) this._full = false;
  }

  protected override updated(): void {
    const c = this.renderRoot.querySelector<HTMLElement>('.caption');
    const clipped = !!c && c.scrollHeight > c.clientHeight + 1;
    if (clipped !== this._clipped) this._clipped = clipped;
  }

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
      <div class="caption-box">
        <div class="caption" aria-live="polite" aria-label=${t('app.captionLabel')}>${textRuns(this.caption)}</div>
        ${
          this._clipped
            ? html`<button
                type="button"
                class="secondary"
                data-chrome-caption="more"
                @click=${() => (this._full = true)}
              >
                ${t('app.captionMore')}
              </button>`
            : null
        }
      </div>
      ${
        this._full
          ? html`<div class="full" role="dialog" aria-label=${t('app.captionLabel')}>
              <p data-caption-full>${textRuns(this.caption)}</p>
              <button type="button" class="primary" @click=${() => (this._full = false)}>
                ${t('app.captionClose')}
              </button>
            </div>`
          : null
      }
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
