import { consume } from '@lit/context';
import { css, html, type PropertyValues } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { localizeContext } from '../context/contexts.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { FormControl } from '../inputs/form-control.js';
import { tokens } from '../styles/tokens.js';
import './legal-aid-messages.js';

/**
 * @summary A signature written with a finger on the screen: a form-associated control (style R10)
 * whose value is the PNG data URL of the strokes ('' while empty), with 重写.
 * @fires input - after each stroke and after 重写
 * @fires change - after each stroke and after 重写
 * @csspart canvas - the writing area
 */
@customElement('kiosk-signature-pad')
export class KioskSignaturePad extends FormControl {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
      }
      .label {
        display: block;
        font-weight: 700;
        margin-bottom: 0.5rem;
      }
      canvas {
        display: block;
        width: 100%;
        height: 18rem;
        background: #ffffff;
        border: 0.2rem solid var(--kiosk-border);
        border-radius: var(--kiosk-radius);
        touch-action: none;
      }
      .secondary {
        margin-top: 1rem;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @query('canvas') private _canvas!: HTMLCanvasElement;

  private _drawing = false;
  private _strokes = 0;

  protected _validate() {
    if (this.required && !this.value)
      return { flags: { valueMissing: true }, message: this._t('legalAid.steps.signature.required') };
    return null;
  }

  protected override firstUpdated(changed: PropertyValues): void {
    super.firstUpdated(changed);
    const rect = this._canvas.getBoundingClientRect();
    this._canvas.width = Math.max(1, Math.round(rect.width));
    this._canvas.height = Math.max(1, Math.round(rect.height));
    if (this.value) this._paintValue(this.value);
  }

  override formResetCallback(): void {
    super.formResetCallback();
    this._clearCanvas();
  }

  private _paintValue(url: string): void {
    const img = new Image();
    img.onload = () => this._canvas.getContext('2d')?.drawImage(img, 0, 0, this._canvas.width, this._canvas.height);
    img.src = url;
    this._strokes = 1;
  }

  private _point(e: PointerEvent): [number, number] {
    const r = this._canvas.getBoundingClientRect();
    return [
      ((e.clientX - r.left) * this._canvas.width) / r.width,
      ((e.clientY - r.top) * this._canvas.height) / r.height,
    ];
  }

  private readonly _down = (e: PointerEvent): void => {
    if (this.disabled) return;
    this._drawing = true;
    this._canvas.setPointerCapture?.(e.pointerId);
    const ctx = this._canvas.getContext('2d')!;
    ctx.lineWidth = 6;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    ctx.strokeStyle = '#111111';
    ctx.beginPath();
    ctx.moveTo(...this._point(e));
  };

  private readonly _move = (e: PointerEvent): void => {
    if (!this._drawing) return;
    const ctx = this._canvas.getContext('2d')!;
    ctx.lineTo(...this._point(e));
    ctx.stroke();
  };

  private readonly _up = (): void => {
    if (!this._drawing) return;
    this._drawing = false;
    this._strokes += 1;
    this._commit(this._canvas.toDataURL('image/png'));
  };

  private _clearCanvas(): void {
    this._canvas?.getContext('2d')?.clearRect(0, 0, this._canvas.width, this._canvas.height);
    this._strokes = 0;
  }

  /** 重写: empties the pad. */
  clear(): void {
    this._clearCanvas();
    this._commit('');
  }

  get isEmpty(): boolean {
    return this._strokes === 0;
  }

  override render() {
    const t = this._t;
    return html`
      <span class="label" id="label">${this.label}</span>
      <canvas
        part="canvas"
        role="img"
        aria-labelledby="label"
        @pointerdown=${this._down}
        @pointermove=${this._move}
        @pointerup=${this._up}
        @pointercancel=${this._up}
        @pointerleave=${this._up}
      ></canvas>
      <button type="button" class="secondary" ?disabled=${this.disabled} @click=${() => this.clear()}>
        ${t('legalAid.steps.signature.clear')}
      </button>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-signature-pad': KioskSignaturePad;
  }
}
