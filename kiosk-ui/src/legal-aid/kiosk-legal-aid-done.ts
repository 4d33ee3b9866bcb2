import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary 办完了: how to look the application up later; 完成 ends the visit (everything is wiped).
 * @fires kiosk-legal-aid-answer - finished
 */
@customElement('kiosk-legal-aid-done')
export class KioskLegalAidDone extends LegalAidStepBase {
  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.done.voice');
  }

  protected _next(): void {
    this._emit({ type: 'finished' });
  }

  override render() {
    return html`<kiosk-step
      heading-key="legalAid.steps.done.title"
      without-previous
      next-key="legalAid.steps.receipt.done"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(this._t, 'legalAid.steps.done.body')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-done': KioskLegalAidDone;
  }
}
