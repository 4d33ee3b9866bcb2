import { consume } from '@lit/context';
import { css, html, LitElement, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { ConsultationEvent, SlipPrint } from '../flows/consultation-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { say } from '../i18n/say.js';
import { tokens } from '../styles/tokens.js';
import { ConsultationAnswerEvent } from './consultation-answer-event.js';
import './consultation-messages.js';

/**
 * Shared behaviour of the consultation screens (unregistered, like material-web's internal
 * classes): the localize and visit contexts, the hotline number as a property, and reporting events
 * to the owner. Screens only report; <kiosk-consultation-flow> changes the state.
 */
export abstract class ConsultationStepBase extends LitElement {
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
      .status {
        font-weight: 700;
      }
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kiosk-gap);
        align-items: center;
      }
      .danger {
        background: var(--kiosk-help);
        color: var(--kiosk-on-help);
        border: 0.15rem solid var(--kiosk-help);
        padding: 0.5rem 1.5rem;
      }
      [hidden] {
        display: none !important;
      }
    `,
  ];

  @consume({ context: localizeContext, subscribe: true })
  @state()
  protected _t: Localize = createLocalize();

  @consume({ context: visitContext, subscribe: true })
  @state()
  protected _visit: VisitApi | undefined;

  /** From the UI config (`hotline.number`), never hard-coded. */
  @property() hotline = '';

  protected _emit(event: ConsultationEvent): void {
    this.dispatchEvent(new ConsultationAnswerEvent(event));
  }

  /** The slip's printing state as one line, spoken when it changes to a result. */
  protected _printLine(print: SlipPrint): TemplateResult | null {
    const t = this._t;
    switch (print.kind) {
      case 'idle':
        return null;
      case 'printing':
        return html`<p class="status" role="status">${say(t, 'consultation.print.printing')}</p>`;
      case 'printed':
        return html`<p class="status" role="status">${say(t, 'consultation.print.printed')}</p>`;
      case 'failed':
        return html`<p class="error" role="alert">${say(t, 'consultation.print.failed')}</p>`;
      default: {
        const never: never = print;
        return never;
      }
    }
  }
}
