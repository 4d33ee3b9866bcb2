import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SubmitReason } from '../flows/legal-aid-machine.js';
import { asMessageKey, hasMessage } from '../i18n/localize.js';
import type { MessageKey } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

/**
 * @summary While the agent stores the application: a wait message after 250 ms (no flicker), or
 * after a failure the reassurance that nothing is lost, with 再试一次 and 上一步.
 * @fires kiosk-legal-aid-answer - retrySubmit | back
 */
@customElement('kiosk-legal-aid-submitting')
export class KioskLegalAidSubmitting extends LegalAidStepBase {
  @property({ type: Boolean }) failed = false;
  @property() hotline = '12348';
  /** The agent's reason key (content/i18n/zh-CN/submissions.json) when it refused the content. */
  @property({ attribute: false }) reason: SubmitReason | null = null;

  @state() private _slow = false;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._timer = setTimeout(() => (this._slow = true), 250);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  /** The refusal in words (e.g. "第2张照片太大"), or the general "nothing is lost, try again". */
  private _problemKey(): MessageKey {
    const key = this.reason ? `submissions.${this.reason.key}` : '';
    return key && hasMessage(key) ? asMessageKey(key) : 'legalAid.steps.submitting.failed';
  }

  private _params(): Record<string, string | number> {
    return { hotline: this.hotline, ...(this.reason?.n === undefined ? {} : { n: this.reason.n }) };
  }

  protected override updated(changed: Map<PropertyKey, unknown>): void {
    if (changed.has('failed') && this.failed) this._visit?.speak(this._problemKey(), this._params());
  }

  protected _next(): void {
    this._emit({ type: 'retrySubmit' });
  }

  override render() {
    const t = this._t;
    if (this.failed) {
      return html`<kiosk-step
        heading-key="legalAid.steps.submitting.title"
        next-key="legalAid.nav.retry"
        @kiosk-step-done=${this._onStepDone}
      >
        <p class="error" role="alert">${say(t, this._problemKey(), this._params())}</p>
        ${this.reason ? html`<p>${say(t, 'legalAid.steps.submitting.nothingLost')}</p>` : null}
      </kiosk-step>`;
    }
    return html`<kiosk-step heading-key="legalAid.steps.submitting.title" without-previous without-next>
      <p role="status" ?hidden=${!this._slow}>${say(t, 'legalAid.steps.submitting.waiting')}</p>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-submitting': KioskLegalAidSubmitting;
  }
}
