import { html } from 'lit';
import { customElement } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import { say } from '../i18n/say.js';
import { HomeVisitStepBase } from './home-visit-step-base.js';

/**
 * @summary The end of the booking: thanks, staff call back within two working days; 完成 ends the
 * visit (everything typed is wiped).
 * @fires kiosk-flow-exit - done
 */
@customElement('kiosk-home-visit-done')
export class KioskHomeVisitDone extends HomeVisitStepBase {
  override firstUpdated(): void {
    this._visit?.speak('homeVisit.steps.done.voice');
  }

  protected _next(): void {
    this.dispatchEvent(new KioskFlowExitEvent('done'));
  }

  override render() {
    return html`<kiosk-step
      heading-key="homeVisit.steps.done.title"
      without-previous
      next-key="app.done"
      @kiosk-step-done=${this._onStepDone}
    >
      <p>${say(this._t, 'homeVisit.steps.done.body')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-home-visit-done': KioskHomeVisitDone;
  }
}
