import { consume } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import { KioskPhoneEnteredEvent } from '../events/kiosk-phone-entered.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import '../inputs/kiosk-digit-pad.js';
import { tokens } from '../styles/tokens.js';

/** A mobile number: 11 digits starting with 1. */
export const MOBILE_PATTERN = /^1[3-9]\d{9}$/;
/** A mobile number or a landline with its area code (0 + 2–3 digits, then 7–8 digits). */
export const PHONE_OR_LANDLINE_PATTERN = /^(1[3-9]\d{9}|0\d{9,11})$/;

/**
 * @summary A phone number on the digit pad, as one step of any flow: the flow gives the texts
 * (heading, body, label, voice, invalid) as localisation keys. `with-unknown` adds 不知道 (the
 * number of someone else she may not know) and `with-landline` accepts a landline with its area code.
 * @fires kiosk-phone-entered - the number, or null for 不知道
 * @fires kiosk-step-done - previous (上一步 is left to the flow owner)
 */
@customElement('kiosk-phone-step')
export class KioskPhoneStep extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: block;
        height: 100%;
      }
      .error {
        color: var(--kiosk-help);
        font-weight: 700;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  private _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  private _visit: VisitApi | undefined;

  @state() private _phone = '';
  @state() private _error = false;

  /** The number so far (pre-filled when she comes back). */
  @property() value = '';
  @property({ attribute: 'heading-key' }) headingKey: MessageKey = 'app.next';
  @property({ attribute: 'body-key' }) bodyKey: MessageKey | '' = '';
  @property({ attribute: 'label-key' }) labelKey: MessageKey = 'app.next';
  @property({ attribute: 'voice-key' }) voiceKey: MessageKey | '' = '';
  @property({ attribute: 'invalid-key' }) invalidKey: MessageKey = 'app.nextMissing';
  /** The text of the 不知道 button; shown only with `with-unknown`. */
  @property({ attribute: 'unknown-key' }) unknownKey: MessageKey = 'app.next';
  @property({ type: Boolean, attribute: 'with-unknown' }) withUnknown = false;
  @property({ type: Boolean, attribute: 'with-landline' }) withLandline = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._phone = this.value;
  }

  override firstUpdated(): void {
    if (this.voiceKey) this._visit?.speak(this.voiceKey);
  }

  private _onStepDone = (e: KioskStepDoneEvent): void => {
    if (e.direction === 'previous') return; // the owner steps back
    e.stopPropagation();
    const pattern = this.withLandline ? PHONE_OR_LANDLINE_PATTERN : MOBILE_PATTERN;
    if (!pattern.test(this._phone)) {
      this._error = true;
      this._visit?.speak(this.invalidKey);
      return;
    }
    this.dispatchEvent(new KioskPhoneEnteredEvent(this._phone));
  };

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key=${this.headingKey} @kiosk-step-done=${this._onStepDone}>
      ${this.bodyKey ? html`<p>${say(t, this.bodyKey)}</p>` : null}
      <kiosk-digit-pad
        beside
        name="phone"
        .label=${t(this.labelKey)}
        maxlength=${this.withLandline ? 12 : 11}
        minlength=${this.withLandline ? 10 : 11}
        required
        .value=${this._phone}
        @input=${(e: Event) => {
          this._phone = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-digit-pad>
      <p class="error" role="alert" ?hidden=${!this._error}>${t(this.invalidKey)}</p>
      ${
        this.withUnknown
          ? html`<button
              slot="actions"
              type="button"
              class="secondary"
              data-phone-unknown
              @click=${() => this.dispatchEvent(new KioskPhoneEnteredEvent(null))}
            >
              ${t(this.unknownKey)}
            </button>`
          : null
      }
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-phone-step': KioskPhoneStep;
  }
}
