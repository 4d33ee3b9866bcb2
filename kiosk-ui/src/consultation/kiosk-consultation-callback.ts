import { css, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { CallbackStatus, CallbackWindow } from '../flows/consultation-machine.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import { ConsultationStepBase } from './consultation-step-base.js';
import { openWindows } from './callback-windows.js';

export const PHONE_PATTERN = /^1[3-9]\d{9}$/;

/**
 * @summary 预约回电: her mobile number on the digit pad and a window (今天上午 … 明天下午, only those
 * still ahead), stored through the agent's outbox (it survives a centre outage).
 * @fires kiosk-consultation-answer - callbackSaving | back
 */
@customElement('kiosk-consultation-callback')
export class KioskConsultationCallback extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .layout {
        display: grid;
        grid-template-columns: auto minmax(0, 1fr);
        gap: 3rem;
        align-items: start;
      }
      .windows {
        display: grid;
        grid-template-columns: repeat(2, minmax(0, 1fr));
        gap: var(--kiosk-gap);
        margin-bottom: 1rem;
      }
      .windows button {
        background: var(--kiosk-bg);
        border: 0.15rem solid var(--kiosk-border);
      }
      .windows button[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .label {
        font-weight: 700;
      }
      .note {
        margin-top: 0.5rem;
      }
    `,
  ];

  @state() private _phone = '';
  @state() private _window: CallbackWindow | null = null;
  @state() private _error: 'phone' | 'window' | null = null;

  @property({ attribute: false }) status: CallbackStatus = 'editing';
  /** Windows to offer; by default those still ahead now (China time). */
  @property({ attribute: false }) windows: CallbackWindow[] = openWindows(new Date());

  override firstUpdated(): void {
    this._visit?.speak('consultation.callback.voice');
  }

  private _submit(): void {
    if (this.status === 'saving') return;
    if (!PHONE_PATTERN.test(this._phone)) {
      this._error = 'phone';
      this._visit?.speak('consultation.callback.invalid');
      return;
    }
    if (!this._window) {
      this._error = 'window';
      this._visit?.speak('consultation.callback.chooseTime');
      return;
    }
    this._error = null;
    this._emit({ type: 'callbackSaving', booking: { phone: this._phone, window: this._window } });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="consultation.callback.title"
      next-key="consultation.callback.submit"
      ?next-disabled=${this.status === 'saving'}
      @kiosk-step-done=${(e: KioskStepDoneEvent) => {
        e.stopPropagation();
        if (e.direction === 'next') this._submit();
        else this._emit({ type: 'back' });
      }}
    >
      <div class="layout">
        <kiosk-digit-pad
          name="phone"
          .label=${t('consultation.callback.phone')}
          maxlength="11"
          minlength="11"
          required
          .value=${this._phone}
          @input=${(e: Event) => {
            this._phone = (e.target as HTMLInputElement).value;
            if (this._error === 'phone') this._error = null;
          }}
        ></kiosk-digit-pad>
        <div>
          <p class="label" id="when">${say(t, 'consultation.callback.when')}</p>
          <div class="windows" role="group" aria-labelledby="when">
            ${this.windows.map(
              (w) =>
                html`<button
                  type="button"
                  data-window=${w}
                  aria-pressed=${String(this._window === w)}
                  @click=${() => {
                    this._window = w;
                    if (this._error === 'window') this._error = null;
                    this._visit?.speak(`consultation.callback.window.${w}`);
                  }}
                >
                  ${t(`consultation.callback.window.${w}`)}
                </button>`,
            )}
          </div>
          ${
            this._error === 'phone'
              ? html`<p class="error" role="alert">${t('consultation.callback.invalid')}</p>`
              : this._error === 'window'
                ? html`<p class="error" role="alert">${t('consultation.callback.chooseTime')}</p>`
                : null
          }
          ${
            this.status === 'saving'
              ? html`<p class="status" role="status">${say(t, 'consultation.callback.saving')}</p>`
              : this.status === 'failed'
                ? html`<p class="error" role="alert">
                    ${say(t, 'consultation.callback.failed', { hotline: this.hotline })}
                  </p>`
                : html`<p class="note">${say(t, 'consultation.callback.consent')}</p>`
          }
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-callback': KioskConsultationCallback;
  }
}
