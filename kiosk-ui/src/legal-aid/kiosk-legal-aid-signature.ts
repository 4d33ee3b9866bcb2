import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';
import './kiosk-signature-pad.js';

/**
 * @summary The applicant signs on the screen, then 提交申请.
 * @fires kiosk-legal-aid-answer - signed | back
 */
@customElement('kiosk-legal-aid-signature')
export class KioskLegalAidSignature extends LegalAidStepBase {
  @state() private _signature = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._signature = this.answers.signature ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.signature.voice');
  }

  protected _next(): void {
    if (!this._signature) {
      this._error = true;
      this._visit?.speak('legalAid.steps.signature.required');
      return;
    }
    this._emit({ type: 'signed', signature: this._signature });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step
      heading-key="legalAid.steps.signature.title"
      next-key="legalAid.steps.signature.submit"
      @kiosk-step-done=${this._onStepDone}
    >
      <kiosk-signature-pad
        name="signature"
        required
        .label=${t('legalAid.steps.signature.label')}
        .value=${this._signature}
        @input=${(e: Event) => {
          this._signature = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-signature-pad>
      <p class="error" role="alert" ?hidden=${!this._error}>${t('legalAid.steps.signature.required')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-signature': KioskLegalAidSignature;
  }
}
