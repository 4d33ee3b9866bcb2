import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { isValidIdNumber } from '@kiosk/domain/id-number';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-digit-pad.js';
import '../inputs/kiosk-pinyin-input.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary When the card cannot be read: the 18-character ID number on the digit pad (with X),
 * checked with the GB 11643 check character, and the name with the pinyin keyboard.
 * @fires kiosk-legal-aid-answer - identityTyped | back
 */
@customElement('kiosk-legal-aid-manual-id')
export class KioskLegalAidManualId extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      .fields {
        display: flex;
        gap: 2rem;
        align-items: flex-start;
      }
      .name {
        flex: 1;
      }
    `,
  ];

  @state() private _idNumber = '';
  @state() private _name = '';
  @state() private _idError = false;
  @state() private _nameError = false;

  override connectedCallback(): void {
    super.connectedCallback();
    const id = this.answers.identity;
    if (id?.source === 'typed') {
      this._idNumber = id.idNumber;
      this._name = id.name;
    }
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.manualId.voice');
  }

  protected _next(): void {
    this._idError = !isValidIdNumber(this._idNumber);
    this._nameError = this._name.trim().length === 0;
    if (this._idError) this._visit?.speak('legalAid.steps.manualId.idInvalid');
    else if (this._nameError) this._visit?.speak('legalAid.steps.manualId.nameRequired');
    if (this._idError || this._nameError) return;
    this._emit({ type: 'identityTyped', idNumber: this._idNumber, name: this._name.trim() });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="legalAid.steps.manualId.title" @kiosk-step-done=${this._onStepDone}>
      <div class="fields">
        <div>
          <kiosk-digit-pad
            name="idNumber"
            with-x
            maxlength="18"
            minlength="18"
            required
            .label=${t('legalAid.steps.manualId.idLabel')}
            .value=${this._idNumber}
            @input=${(e: Event) => {
              this._idNumber = (e.target as HTMLInputElement).value;
              this._idError = false;
            }}
          ></kiosk-digit-pad>
          <p class="error" role="alert" ?hidden=${!this._idError}>${say(t, 'legalAid.steps.manualId.idInvalid')}</p>
        </div>
        <div class="name">
          <kiosk-pinyin-input
            name="name"
            mode="name"
            required
            .label=${t('legalAid.steps.manualId.nameLabel')}
            .value=${this._name}
            @input=${(e: Event) => {
              this._name = (e.target as HTMLInputElement).value;
              this._nameError = false;
            }}
          ></kiosk-pinyin-input>
          <p class="error" role="alert" ?hidden=${!this._nameError}>
            ${say(t, 'legalAid.steps.manualId.nameRequired')}
          </p>
        </div>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-manual-id': KioskLegalAidManualId;
  }
}
