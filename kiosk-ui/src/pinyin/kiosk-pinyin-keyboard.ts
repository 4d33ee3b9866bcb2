import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { KioskKeyboardKeyEvent, type KeyboardAction } from '../events/kiosk-keyboard-key.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { loadPinyinEngine, type Candidate, type FieldMode, type PinyinEngine } from './pinyin-engine.js';

const ROWS = ['qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
const PAGE = 6;

/**
 * @summary In-page pinyin keyboard with a large candidate bar (chinese-input-and-voice.md A2).
 * Loaded lazily with its dictionary; the per-visit history is forgotten when the visit ends.
 * @fires kiosk-keyboard-key - insert / delete / close
 */
@customElement('kiosk-pinyin-keyboard')
export class KioskPinyinKeyboard extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        background: var(--kiosk-muted-bg);
        border: 0.15rem solid var(--kiosk-border);
        border-radius: var(--kiosk-radius);
        padding: 0.75rem;
      }
      /* Keys keep the 16 mm target whatever the text size: line-height 1 lets 大字 letters fit it. */
      button {
        line-height: 1.1;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        min-height: var(--kiosk-target);
        margin-bottom: 0.75rem;
      }
      .letters {
        min-width: 6rem;
        font-size: var(--kiosk-font-digits);
      }
      .cand {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-primary);
        padding: 0 1rem;
      }
      .row {
        display: flex;
        gap: 0.75rem;
        justify-content: center;
        margin-bottom: 0.75rem;
      }
      .row:last-child {
        margin-bottom: 0;
      }
      /* Ten keys share the row in portrait too (1080 px): they shrink to fit, never below the target. */
      .key {
        flex: 0 1 6rem;
        min-width: var(--kiosk-target);
        padding: 0;
        font-size: var(--kiosk-font-digits);
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .wide {
        flex: 0 0 auto;
        width: auto;
        padding: 0 1.5rem;
        font-size: var(--kiosk-font-body);
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _letters = '';
  @state() private _candidates: Candidate[] = [];
  @state() private _page = 0;
  @state() private _engine: PinyinEngine | undefined;

  @property() mode: FieldMode = 'text';

  private _forgetOnVisitEnd: (() => void) | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    void loadPinyinEngine().then((engine) => {
      this._engine = engine;
      this._forgetOnVisitEnd = this._visit?.onVisitEnd(() => engine.forget());
      this._refresh();
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._forgetOnVisitEnd?.();
  }

  private _emit(action: KeyboardAction): void {
    this.dispatchEvent(new KioskKeyboardKeyEvent(action));
  }

  private _refresh(): void {
    this._candidates = this._engine && this._letters ? this._engine.candidates(this._letters, this.mode) : [];
    this._page = 0;
  }

  private _type(letter: string): void {
    if (this._letters.length >= 30) return;
    this._letters += letter;
    this._refresh();
  }

  private _delete(): void {
    if (this._letters) {
      this._letters = this._letters.slice(0, -1);
      this._refresh();
    } else this._emit({ type: 'delete' });
  }

  private _choose(c: Candidate): void {
    this._engine?.remember(this._letters.slice(0, c.consumed), c.text);
    this._emit({ type: 'insert', text: c.text });
    this._letters = this._letters.slice(c.consumed);
    this._refresh();
  }

  override render() {
    const t = this._t;
    const pages = Math.max(1, Math.ceil(this._candidates.length / PAGE));
    const shown = this._candidates.slice(this._page * PAGE, this._page * PAGE + PAGE);
    return html`
      <div class="bar" role="group" aria-label=${t('input.keyboard.candidates')}>
        <span class="letters" role="status" aria-label=${t('input.keyboard.typing')}>${this._letters}</span>
        ${!this._engine ? html`<span>${t('input.keyboard.loading')}</span>` : !this._letters ? html`<span>${t('input.keyboard.hint')}</span>` : null}
        ${shown.map((c) => html`<button type="button" class="cand" @click=${() => this._choose(c)}>${c.text}</button>`)}
        ${
          pages > 1
            ? html`<button type="button" class="cand wide" ?disabled=${this._page === 0} @click=${() => this._page--}>
                  ${t('input.keyboard.prevPage')}
                </button>
                <button
                  type="button"
                  class="cand wide"
                  ?disabled=${this._page >= pages - 1}
                  @click=${() => this._page++}
                >
                  ${t('input.keyboard.nextPage')}
                </button>`
            : null
        }
      </div>
      ${ROWS.map(
        (row, i) =>
          html`<div class="row">
            ${[...row].map((k) => html`<button type="button" class="key" ?disabled=${!this._engine} @click=${() => this._type(k)}>${k}</button>`)}
            ${i === 2 ? html`<button type="button" class="key wide" @click=${() => this._delete()}>${t('input.keyboard.delete')}</button>` : null}
          </div>`,
      )}
      <div class="row">
        <button type="button" class="key wide" @click=${() => this._emit({ type: 'insert', text: ' ' })}>
          ${t('input.keyboard.space')}
        </button>
        <button type="button" class="primary wide" @click=${() => this._emit({ type: 'close' })}>
          ${t('app.done')}
        </button>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-pinyin-keyboard': KioskPinyinKeyboard;
  }
}
