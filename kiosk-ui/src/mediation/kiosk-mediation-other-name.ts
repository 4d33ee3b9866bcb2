import { html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { say } from '../i18n/say.js';
import '../inputs/kiosk-pinyin-input.js';
import { MediationStepBase } from './mediation-step-base.js';

/**
 * @summary The other party's name, typed with the pinyin keyboard, or 不知道.
 * @fires kiosk-mediation-answer - otherNameEntered | back
 */
@customElement('kiosk-mediation-other-name')
export class KioskMediationOtherName extends MediationStepBase {
  @state() private _name = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._name = this.answers.otherName ?? '';
  }

  override firstUpdated(): void {
    this._visit?.speak('mediation.steps.otherName.voice');
  }

  protected _next(): void {
    if (!this._name.trim()) {
      this._error = true;
      this._visit?.speak('mediation.steps.otherName.required');
      return;
    }
    this._emit({ type: 'otherNameEntered', name: this._name.trim() });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="mediation.steps.otherName.title" @kiosk-step-done=${this._onStepDone}>
      <kiosk-pinyin-input
        name="otherName"
        mode="name"
        .label=${t('mediation.steps.otherName.label')}
        .value=${this._name}
        @input=${(e: Event) => {
          this._name = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-pinyin-input>
      <p>${say(t, 'mediation.steps.otherName.body')}</p>
      <p class="error" role="alert" ?hidden=${!this._error}>${say(t, 'mediation.steps.otherName.required')}</p>
      <button
        slot="actions"
        type="button"
        class="secondary"
        data-unknown
        @click=${() => this._emit({ type: 'otherNameEntered', name: null })}
      >
        ${t('mediation.nav.unknown')}
      </button>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-mediation-other-name': KioskMediationOtherName;
  }
}
