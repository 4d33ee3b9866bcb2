import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { Mark } from '../flows/mediation-machine.js';
import { say } from '../i18n/say.js';
import '../legal-aid/kiosk-signature-pad.js';
import { MediationStepBase } from './mediation-step-base.js';

/** How long the finger stays on the mark (ms) for it to count. */
export const HOLD_MS = 1500;

type Mode = Mark['kind'];

/**
 * @summary She confirms with a signature written with a finger, or with 按手印: a tap-and-hold on the
 * screen (the red circle fills while she holds; lifting early starts again), its meaning said aloud
 * when she picks it. Space or Enter held does the same from a keyboard.
 * @fires kiosk-mediation-answer - marked | back
 */
@customElement('kiosk-mediation-mark')
export class KioskMediationMark extends MediationStepBase {
  static override styles = [
    ...MediationStepBase.styles,
    css`
      /* The way to confirm beside its two choices (landscape), under them (portrait): the pad keeps
         the height of the content area. */
      .mark {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        grid-template-areas: 'way modes';
        gap: var(--kiosk-gap);
        align-items: start;
      }
      .modes {
        grid-area: modes;
        display: flex;
        flex-direction: column;
        gap: var(--kiosk-gap);
      }
      .way {
        grid-area: way;
        min-width: 0;
      }
      @media (orientation: portrait) {
        .mark {
          grid-template-columns: minmax(0, 1fr);
          grid-template-areas: 'modes' 'way';
        }
        .modes {
          flex-direction: row;
        }
      }
      .mode[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .press {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        align-items: center;
        gap: 2rem;
      }
      .pad {
        position: relative;
        width: 13rem;
        height: 13rem;
        border-radius: 50%;
        border: 0.3rem solid #7a0014;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        touch-action: none;
        user-select: none;
        overflow: hidden;
        padding: 0;
      }
      .pad .fill {
        position: absolute;
        inset: 0;
        border-radius: 50%;
        background: #7a0014;
        transform: scale(0);
      }
      .pad.holding .fill {
        transform: scale(1);
        transition: transform ${HOLD_MS}ms linear;
      }
      .pad.marked .fill {
        transform: scale(1);
      }
      .pad span {
        position: relative;
        font-weight: 700;
      }
      .pad.holding span,
      .pad.marked span {
        color: #fff;
      }
      @media (prefers-reduced-motion: reduce) {
        .pad.holding .fill {
          transition: none;
          transform: scale(0.6);
        }
      }
      @media (orientation: portrait) {
        .press {
          grid-template-columns: minmax(0, 1fr);
          justify-items: center;
        }
      }
    `,
  ];

  @state() private _mode: Mode = 'signature';
  @state() private _signature = '';
  @state() private _pressedAt: string | null = null;
  @state() private _holding = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    const m = this.answers.mark;
    if (m?.kind === 'signature') this._signature = m.signature;
    if (m?.kind === 'fingerprint') {
      this._mode = 'fingerprint';
      this._pressedAt = m.at;
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.mark.voice');
  }

  private _choose(mode: Mode): void {
    this._mode = mode;
    if (mode === 'fingerprint') this._visit?.speak('mediation.steps.mark.meaning');
  }

  private _startHold(): void {
    if (this._holding) return;
    this._visit?.stopSpeech();
    this._holding = true;
    this._pressedAt = null;
    clearTimeout(this._timer);
    this._timer = setTimeout(() => {
      this._holding = false;
      this._pressedAt = new Date().toISOString();
      this._visit?.speak('mediation.steps.mark.pressed');
    }, HOLD_MS);
  }

  private _endHold(): void {
    if (!this._holding) return;
    clearTimeout(this._timer);
    this._holding = false;
  }

  private _onKey(e: KeyboardEvent, down: boolean): void {
    if (e.key !== ' ' && e.key !== 'Enter') return;
    e.preventDefault();
    if (down && !e.repeat) this._startHold();
    if (!down) this._endHold();
  }

  private _mark(): Mark | null {
    if (this._mode === 'signature') return this._signature ? { kind: 'signature', signature: this._signature } : null;
    return this._pressedAt ? { kind: 'fingerprint', at: this._pressedAt } : null;
  }

  protected _next(): void {
    const mark = this._mark();
    if (mark) this._emit({ type: 'marked', mark });
  }

  private _renderPress() {
    const t = this._t;
    const state = this._pressedAt ? 'marked' : this._holding ? 'holding' : '';
    return html`<div class="press">
      <button
        type="button"
        class="pad ${state}"
        data-fingerprint
        aria-pressed=${String(Boolean(this._pressedAt))}
        @pointerdown=${(e: PointerEvent) => {
          // Keep the hold while the finger wanders a little off the circle.
          const pad = e.currentTarget as HTMLElement;
          if (pad.hasPointerCapture?.(e.pointerId) === false && e.isPrimary) {
            try {
              pad.setPointerCapture(e.pointerId);
            } catch {
              // A synthetic pointer (no active pointer): nothing to capture.
            }
          }
          this._startHold();
        }}
        @pointerup=${() => this._endHold()}
        @pointercancel=${() => this._endHold()}
        @keydown=${(e: KeyboardEvent) => this._onKey(e, true)}
        @keyup=${(e: KeyboardEvent) => this._onKey(e, false)}
        @contextmenu=${(e: Event) => e.preventDefault()}
      >
        <span class="fill"></span>
        <span>${this._pressedAt ? t('mediation.steps.mark.pressed') : t('mediation.steps.mark.pressLabel')}</span>
      </button>
      <div>
        <p role="status">
          ${
            this._holding
              ? t('mediation.steps.mark.pressing')
              : this._pressedAt
                ? say(t, 'mediation.steps.mark.pressed')
                : say(t, 'mediation.steps.mark.pressHint')
          }
        </p>
        <p>${say(t, 'mediation.steps.mark.meaning')}</p>
      </div>
    </div>`;
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="mediation.steps.mark.title"
      ?next-disabled=${!this._mark()}
      missing-key="mediation.steps.mark.required"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="mark">
        <div class="modes" role="group" aria-label=${t('mediation.steps.mark.choose')}>
          <button
            type="button"
            class="secondary mode"
            data-mode="signature"
            aria-pressed=${String(this._mode === 'signature')}
            @click=${() => this._choose('signature')}
          >
            ${t('mediation.steps.mark.sign')}
          </button>
          <button
            type="button"
            class="secondary mode"
            data-mode="fingerprint"
            aria-pressed=${String(this._mode === 'fingerprint')}
            @click=${() => this._choose('fingerprint')}
          >
            ${t('mediation.steps.mark.press')}
          </button>
        </div>
        <div class="way">
          ${
            this._mode === 'signature'
              ? html`<kiosk-signature-pad
                  name="signature"
                  required
                  .label=${t('mediation.steps.mark.signLabel')}
                  .value=${this._signature}
                  @input=${(e: Event) => (this._signature = (e.target as HTMLInputElement).value)}
                ></kiosk-signature-pad>`
              : this._renderPress()
          }
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-mark': KioskMediationMark;
  }
}
