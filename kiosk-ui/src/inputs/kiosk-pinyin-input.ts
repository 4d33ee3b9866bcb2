import { consume } from '@lit/context';
import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import type { KioskKeyboardKeyEvent } from '../events/kiosk-keyboard-key.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import type { FieldMode } from '../pinyin/pinyin-engine.js';
import { tokens } from '../styles/tokens.js';
import { FormControl } from './form-control.js';

/**
 * @summary A text field typed with the in-page pinyin keyboard (for the few fields not filled from
 * the ID card). Form-associated (style R10). The keyboard and its dictionary load on first tap.
 * The keyboard opens as a sheet over the step (issue 15: never below the fields, where it would
 * push them off screen): the sheet repeats the label and what is typed so far above the keys, and
 * covers the nearest positioned ancestor (`<kiosk-step>`; the shell's content area otherwise).
 * @fires input - after every change
 * @fires change - after every change
 */
@customElement('kiosk-pinyin-input')
export class KioskPinyinInput extends FormControl {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .label {
        display: block;
        font-weight: 700;
      }
      .field {
        display: block;
        width: 100%;
        text-align: left;
        min-height: 4.5rem;
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
        padding: 0.5rem 1rem;
        margin-bottom: 1rem;
      }
      .field[aria-expanded='true'] {
        border-color: var(--kiosk-focus);
      }
      /* Over the step, not below the field: the whole keyboard and the typed text stay on screen. */
      .sheet {
        position: absolute;
        inset: 0;
        z-index: 10;
        display: flex;
        flex-direction: column;
        justify-content: flex-end;
        gap: 0.5rem;
        box-sizing: border-box;
        padding: 0.5rem 0;
        background: var(--kiosk-bg);
      }
      .typed {
        min-height: 4.5rem;
        box-sizing: border-box;
        border: 0.15rem solid var(--kiosk-focus);
        border-radius: var(--kiosk-radius);
        padding: 0.5rem 1rem;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @state() private _open = false;
  @state() private _keyboardReady = false;

  @property({ type: Number }) maxlength = 200;
  @property() mode: FieldMode = 'text';

  protected _validate() {
    if (this.required && !this.value.trim())
      return { flags: { valueMissing: true }, message: this._t('input.invalid.required') };
    return null;
  }

  private async _openKeyboard(): Promise<void> {
    if (this.disabled) return;
    this._open = true;
    try {
      await import('../pinyin/kiosk-pinyin-keyboard.js');
      this._keyboardReady = true;
    } catch {
      // The keyboard could not load: close the sheet rather than leave "loading" over the step.
      this._open = false;
    }
  }

  private _onKey(e: KioskKeyboardKeyEvent): void {
    e.stopPropagation();
    const a = e.action;
    if (a.type === 'close') this._open = false;
    else if (a.type === 'delete') this._commit([...this.value].slice(0, -1).join(''));
    else if ([...this.value].length + [...a.text].length <= this.maxlength) this._commit(this.value + a.text);
  }

  override render() {
    return html`
      <span class="label" id="label">${this.label}</span>
      <button
        type="button"
        class="field"
        aria-labelledby="label value"
        aria-expanded=${String(this._open)}
        ?disabled=${this.disabled}
        @click=${() => void this._openKeyboard()}
      >
        <span id="value">${this.value}</span>
      </button>
      ${
        this._open
          ? html`<div class="sheet">
              <span class="label" aria-hidden="true">${this.label}</span>
              <div class="typed" aria-hidden="true">${this.value}</div>
              ${
                this._keyboardReady
                  ? html`<kiosk-pinyin-keyboard
                      .mode=${this.mode}
                      @kiosk-keyboard-key=${(e: KioskKeyboardKeyEvent) => this._onKey(e)}
                    ></kiosk-pinyin-keyboard>`
                  : html`<p>${this._t('input.keyboard.loading')}</p>`
              }
            </div>`
          : null
      }
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-pinyin-input': KioskPinyinInput;
  }
}
