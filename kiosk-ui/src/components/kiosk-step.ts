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
 * @summary The container every flow step renders in: a heading from a localisation key, the
 * step's prompt spoken when the step opens (voice on), the content slot, and 上一步 / 下一步.
 * @slot - the step's content (inputs, choice cards, device instructions)
 * @slot actions - extra buttons beside 下一步
 * @fires kiosk-step-done - detail direction 'next' | 'previous'
 */
@customElement('kiosk-step')
export class KioskStep extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        min-height: 100%;
      }
      .content {
        flex: 1;
      }
      .nav {
        display: flex;
        gap: 1.5rem;
        justify-content: flex-end;
      }
      .nav button {
        min-width: 12rem;
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

  protected override updated(changed: PropertyValues): void {
    if (changed.has('promptKey') && this.promptKey) this._visit?.speak(this.promptKey);
  }

  override render() {
    const t = this._t;
    return html`
      ${this.headingKey ? html`<h1>${say(t, this.headingKey)}</h1>` : null}
      ${this.promptKey ? html`<p>${say(t, this.promptKey)}</p>` : null}
      <div class="content"><slot></slot></div>
      <div class="nav">
        <slot name="actions"></slot>
        <button
          type="button"
          class="secondary"
          ?hidden=${this.withoutPrevious}
          @click=${() => this.dispatchEvent(new KioskStepDoneEvent('previous'))}
        >
          ${t('app.previous')}
        </button>
        <button
          type="button"
          class="primary"
          ?hidden=${this.withoutNext}
          ?disabled=${this.nextDisabled}
          @click=${() => this.dispatchEvent(new KioskStepDoneEvent('next'))}
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
