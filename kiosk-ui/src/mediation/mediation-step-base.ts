import { consume } from '@lit/context';
import { css, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { initialMediationState, type MediationAnswers, type MediationEvent } from '../flows/mediation-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { MediationAnswerEvent } from './mediation-answer-event.js';
import './mediation-messages.js';

/**
 * Shared behaviour of the mediation steps (unregistered): contexts, the answers so far, the 上一步 /
 * 下一步 wiring of <kiosk-step>, and the big choice buttons. Steps only report events.
 */
export abstract class MediationStepBase extends LitElement {
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
      .choices {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr));
        gap: 0.75rem;
      }
      .choice {
        display: flex;
        align-items: center;
        justify-content: center;
        gap: 0.75rem;
        min-height: var(--kiosk-target);
        padding: 0.5rem 1rem;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
      }
      .choice[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .label {
        font-weight: 700;
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

  @property({ attribute: false }) answers: MediationAnswers = initialMediationState().answers;

  protected _emit(event: MediationEvent): void {
    this.dispatchEvent(new MediationAnswerEvent(event));
  }

  protected _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    if (e.direction === 'previous') this._emit({ type: 'back' });
    else this._next();
  };

  protected abstract _next(): void;
}
