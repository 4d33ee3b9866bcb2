import { consume } from '@lit/context';
import { css, LitElement } from 'lit';
import { property, state } from 'lit/decorators.js';
import { localizeContext, visitContext, type VisitApi } from '../context/contexts.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import {
  initialNotarizationState,
  type NotarizationAnswers,
  type NotarizationEvent,
} from '../flows/notarization-machine.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { NotarizationAnswerEvent } from './notarization-answer-event.js';
import './notarization-messages.js';

/**
 * Shared behaviour of the notarization steps (unregistered): contexts, the answers so far, and the
 * 上一步 / 下一步 wiring of <kiosk-step>. Steps only report events.
 */
export abstract class NotarizationStepBase extends LitElement {
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
      .cards {
        display: grid;
        grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr));
        gap: 0.75rem;
      }
      .card {
        display: flex;
        flex-direction: column;
        align-items: flex-start;
        gap: 0.25rem;
        text-align: left;
        padding: 0.75rem 1rem;
        background: var(--kiosk-bg);
        color: var(--kiosk-text);
        border: 0.15rem solid var(--kiosk-border);
      }
      .card[aria-pressed='true'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      .card small {
        font-size: var(--kiosk-font-body);
        font-weight: 400;
      }
      h2 {
        font-size: var(--kiosk-font-body);
        margin: 0.5rem 0;
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

  @property({ attribute: false }) answers: NotarizationAnswers = initialNotarizationState().answers;

  protected _emit(event: NotarizationEvent): void {
    this.dispatchEvent(new NotarizationAnswerEvent(event));
  }

  protected _onStepDone = (e: KioskStepDoneEvent): void => {
    e.stopPropagation();
    if (e.direction === 'previous') this._emit({ type: 'back' });
    else this._next();
  };

  protected abstract _next(): void;
}
