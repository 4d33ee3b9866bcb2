import { consume } from '@lit/context';
import { css, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import type { LegalAidAnswers, LegalAidEvent } from '../flows/legal-aid-machine.js';
import { initialLegalAidState } from '../flows/legal-aid-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { LegalAidAnswerEvent } from './legal-aid-answer-event.js';
import './legal-aid-messages.js';

/**
 * Shared behaviour of the legal-aid steps (unregistered, like material-web's internal classes):
 * the localize and visit contexts, the answers so far as a property, and the 上一步 / 下一步 wiring
 * of <kiosk-step>. Steps only report events; <kiosk-legal-aid-flow> changes the state.
 */
export abstract class LegalAidStepBase extends LitElement {
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
      .row {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kiosk-gap);
        align-items: center;
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

  /** Everything answered so far; steps pre-fill from it so 上一步 never loses an answer. */
  @property({ attribute: false }) answers: LegalAidAnswers = initialLegalAidState().answers;

  protected _emit(event: LegalAidEvent): void {
    this.dispatchEvent(new LegalAidAnswerEvent(event));
  }

  /** Wired to <kiosk-step>'s @kiosk-step-done. */
  protected _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    if (e.direction === 'previous') this._emit({ type: 'back' });
    else this._next();
  };

  /** 下一步 was tapped: validate and emit the step's event. */
  protected abstract _next(): void;
}
