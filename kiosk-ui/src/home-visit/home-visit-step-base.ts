import { consume } from '@lit/context';
import { css, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { initialHomeVisitState, type HomeVisitAnswers, type HomeVisitEvent } from '../flows/home-visit-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { HomeVisitAnswerEvent } from './home-visit-answer-event.js';
import './home-visit-messages.js';

/**
 * Shared behaviour of the booking steps (unregistered): contexts, the answers so far, and the
 * 上一步 / 下一步 wiring of <kiosk-step>. Steps only report events.
 */
export abstract class HomeVisitStepBase extends LitElement {
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
      .options {
        display: grid;
        grid-template-columns: repeat(var(--home-visit-columns, 2), minmax(0, 1fr));
        gap: 0.75rem;
      }
      @media (orientation: portrait) {
        .options {
          grid-template-columns: repeat(var(--home-visit-columns-portrait, 2), minmax(0, 1fr));
        }
      }
      .option {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        justify-content: center;
        gap: 0.25rem;
        min-height: 4.5rem;
        text-align: left;
        padding: 0.5rem 1rem;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
      }
      .option[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
        border-color: var(--kiosk-primary);
      }
      .option[aria-pressed='true']::before {
        content: '✓ ';
      }
      .option small {
        font-size: var(--kiosk-font-body);
        font-weight: 400;
      }
      h2 {
        font-size: var(--kiosk-font-body);
        margin: 0.25rem 0;
      }
      p {
        margin: 0.25rem 0;
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

  @property({ attribute: false }) answers: HomeVisitAnswers = initialHomeVisitState().answers;

  protected _emit(event: HomeVisitEvent): void {
    this.dispatchEvent(new HomeVisitAnswerEvent(event));
  }

  protected _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    if (e.direction === 'previous') this._emit({ type: 'back' });
    else this._next();
  };

  protected abstract _next(): void;
}
