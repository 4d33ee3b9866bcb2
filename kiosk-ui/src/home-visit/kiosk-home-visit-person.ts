import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import '../inputs/kiosk-pinyin-input.js';
import { say } from '../i18n/say.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary Who needs the service: the absent person's name, typed with the pinyin keyboard (no ID
 * card of that person is asked for).
 * @fires kiosk-home-visit-answer - nameEntered | back
 */
@customElement('kiosk-home-visit-person')
export class KioskHomeVisitPerson extends HomeVisitStepBase {
  static override styles = [
    ...HomeVisitStepBase.styles,
    css`
      kiosk-pinyin-input {
        max-width: 40rem;
      }
    `,
  ];

  @state() private _name = '';
  @state() private _error = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._name = this.answers.name;
  }

  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.person.voice');
  }

  protected _next(): void {
    if (!this._name.trim()) {
      this._error = true;
      this._visit?.speak('homeVisit.steps.person.nameRequired');
      return;
    }
    this._emit({ type: 'nameEntered', name: this._name });
  }

  override render() {
    const t = this._t;
    return html`<kiosk-step heading-key="homeVisit.steps.person.title" @kiosk-step-done=${this._onStepDone}>
      <p>${say(t, 'homeVisit.steps.person.body')}</p>
      <kiosk-pinyin-input
        name="personName"
        mode="name"
        required
        maxlength="20"
        .label=${t('homeVisit.steps.person.nameLabel')}
        .value=${this._name}
        @input=${(e: Event) => {
          this._name = (e.target as HTMLInputElement).value;
          this._error = false;
        }}
      ></kiosk-pinyin-input>
      <p class="error" role="alert" ?hidden=${!this._error}>${say(t, 'homeVisit.steps.person.nameRequired')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-person': KioskHomeVisitPerson;
  }
}
