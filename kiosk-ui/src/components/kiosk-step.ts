import { consume } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';

/**
 * @summary The container every flow step renders in — a screen, not a page (DESIGN §9): a fixed
 * header (the heading from a localisation key and the prompt, spoken when the step opens), the
 * content area that fills what is left and never scrolls, and a fixed action row where 下一步 is
 * always at the right end and 上一步 at the left end. A disabled 下一步 looks disabled and a tap
 * on it shows and speaks what is missing (`missing-key`).
 * @slot - the step's content (inputs, choice cards, device instructions); it must fit the area
 * @slot actions - extra buttons between 上一步 and 下一步
 * @fires kiosk-step-done - detail direction 'next' | 'previous'
 */
@customElement('kiosk-step')
export class KioskStep extends LitElement {
  static override styles = [
    tokens,
    css`
      /* Positioned: the pinyin keyboard's sheet covers the step (kiosk-pinyin-input). */
      :host {
        position: relative;
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        gap: 0.75rem;
        height: 100%;
        min-height: 0;
        box-sizing: border-box;
      }
      header h1 {
        margin: 0;
      }
      header p {
        margin: 0.25rem 0 0;
      }
      .content {
        min-height: 0;
        overflow: hidden;
      }
      .nav {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr) auto;
        align-items: center;
        gap: 1rem;
      }
      .nav button {
        min-width: 12rem;
      }
      .nav .extra {
        display: flex;
        flex-wrap: wrap;
        justify-content: flex-end;
        align-items: center;
        gap: 1rem;
      }
      .missing {
        color: var(--kiosk-help);
        font-weight: 700;
        margin: 0;
        text-align: right;
      }
      [hidden] {
        display: none;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  /** Heading key. */
  @property({ attribute: 'heading-key' }) headingKey: MessageKey | '' = '';
  /** Spoken when the step opens; also shown under the heading. */
  @property({ attribute: 'prompt-key' }) promptKey: MessageKey | '' = '';
  @property({ type: Boolean, attribute: 'without-previous' }) withoutPrevious = false;
  @property({ type: Boolean, attribute: 'without-next' }) withoutNext = false;
  /** Disables 下一步 until the step's input is valid. */
  @property({ type: Boolean, attribute: 'next-disabled' }) nextDisabled = false;
  @property({ attribute: 'next-key' }) nextKey: MessageKey = 'app.next';
  /** What a tap on the disabled 下一步 shows and speaks: what is still missing. */
  @property({ attribute: 'missing-key' }) missingKey: MessageKey = 'app.nextMissing';

  /** A tap on the disabled 下一步 happened: the missing line shows until the step may go on. */
  @state() private _showMissing = false;

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('nextDisabled') && !this.nextDisabled) this._showMissing = false;
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('promptKey') && this.promptKey) this._visit?.speak(this.promptKey);
  }

  override firstUpdated(): void {
    // Each step opens at its top, whatever the previous step scrolled.
    let n: Element | null = this.parentElement ?? ((this.getRootNode() as ShadowRoot).host || null);
    while (n) {
      if (n.scrollTop) n.scrollTop = 0;
      n = n.parentElement ?? ((n.getRootNode() as ShadowRoot).host || null);
    }
  }

  private _onNext(): void {
    if (this.nextDisabled) {
      this._showMissing = true;
      this._visit?.speak(this.missingKey);
      return;
    }
    this.dispatchEvent(new KioskStepDoneEvent('next'));
  }

  override render() {
    const t = this._t;
    return html`
      <header>
        ${this.headingKey ? html`<h1>${say(t, this.headingKey)}</h1>` : null}
        ${this.promptKey ? html`<p>${say(t, this.promptKey)}</p>` : null}
      </header>
      <div class="content"><slot></slot></div>
      <div class="nav">
        ${
          this.withoutPrevious
            ? html`<span></span>`
            : html`<button
                type="button"
                class="secondary"
                data-step-action="previous"
                @click=${() => this.dispatchEvent(new KioskStepDoneEvent('previous'))}
              >
                ${t('app.previous')}
              </button>`
        }
        <div class="extra">
          ${this._showMissing && this.nextDisabled ? html`<p class="missing" role="alert">${say(t, this.missingKey)}</p>` : null}
          <slot name="actions"></slot>
        </div>
        <button
          type="button"
          class="primary"
          data-step-action="next"
          ?hidden=${this.withoutNext}
          aria-disabled=${this.nextDisabled ? 'true' : 'false'}
          @click=${() => this._onNext()}
        >
          ${t(this.nextKey)}
        </button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-step': KioskStep;
  }
}
