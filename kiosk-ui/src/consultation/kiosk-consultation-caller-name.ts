import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import '../components/kiosk-card-return.js';
import '../components/kiosk-step.js';
import { agentStatusContext } from '../context/contexts.js';
import type { AgentSocketSnapshot } from '../data/agent-socket.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import { say } from '../i18n/say.js';
import { readIdCard, type CardReadOutcome } from '../legal-aid/legal-aid-data.js';
import { ConsultationStepBase } from './consultation-step-base.js';

/**
 * @summary 让律师知道您的姓名吗？ Optional, after the video consent: 不用了 (she stays 村民 for the
 * lawyer) or 刷身份证 — the card is read through the agent, only the name is kept (nothing else of
 * the card leaves this step), and the flow moves on once the card is taken back (DESIGN §9).
 * @fires kiosk-consultation-answer - callerNameGiven | callerNameSkipped | back
 */
@customElement('kiosk-consultation-caller-name')
export class KioskConsultationCallerName extends ConsultationStepBase {
  static override styles = [
    ...ConsultationStepBase.styles,
    css`
      .choices {
        display: flex;
        flex-wrap: wrap;
        gap: var(--kiosk-gap);
      }
      .choices button {
        min-height: 6rem;
        min-width: 16rem;
        font-size: calc(2rem * var(--kiosk-text-scale, 1));
      }
    `,
  ];

  @consume({ context: agentStatusContext, subscribe: true })
  @state()
  private _agentStatus: AgentSocketSnapshot | undefined;

  /** 刷身份证 tapped: waiting for the card (or its result). */
  @state() private _reading = false;
  /** Read; only the name, kept until the card is lifted. */
  @state() private _name: string | undefined;

  private readonly _read = new Task(this, {
    autoRun: false,
    task: async (_args: [], { signal }): Promise<CardReadOutcome> => {
      this._visit?.pauseIdle('cardReading');
      try {
        return await readIdCard(signal);
      } finally {
        this._visit?.resumeIdle('cardReading');
      }
    },
    onComplete: (outcome) => {
      if (outcome.kind !== 'read') return this._visit?.speak('consultation.callerName.failed');
      this._visit?.pauseIdle('cardRemoval');
      this._name = outcome.fields.name;
    },
  });

  override firstUpdated(): void {
    this._visit?.speak('consultation.callerName.voice');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._read.abort();
    this._visit?.resumeIdle('cardRemoval');
  }

  protected override updated(): void {
    if (this._name !== undefined && this._agentStatus?.services.idcard?.media !== 'present') {
      const name = this._name;
      this._name = undefined;
      this._visit?.resumeIdle('cardRemoval');
      this._emit({ type: 'callerNameGiven', name });
    }
  }

  private _swipe(): void {
    this._reading = true;
    this._visit?.speak('consultation.callerName.place');
    void this._read.run([]);
  }

  private _skip(): void {
    this._read.abort();
    this._emit({ type: 'callerNameSkipped' });
  }

  private _failed(): boolean {
    const s = this._read.status;
    return s === TaskStatus.ERROR || (s === TaskStatus.COMPLETE && this._read.value?.kind === 'failed');
  }

  override render() {
    const t = this._t;
    const onDone = (e: KioskStepDoneEvent): void => {
      e.stopPropagation();
      if (e.direction !== 'next') this._emit({ type: 'back' });
    };
    if (this._name !== undefined)
      return html`<kiosk-step heading-key="card.take" without-next @kiosk-step-done=${onDone}>
        <kiosk-card-return .name=${this._name}></kiosk-card-return>
      </kiosk-step>`;
    const skip = html`<button type="button" class="secondary" @click=${() => this._skip()}>
      ${t('consultation.callerName.skip')}
    </button>`;
    if (!this._reading)
      return html`<kiosk-step heading-key="consultation.callerName.title" without-next @kiosk-step-done=${onDone}>
        <p>${say(t, 'consultation.callerName.body')}</p>
        <div class="choices">
          ${skip}
          <button type="button" @click=${() => this._swipe()}>${t('consultation.callerName.swipe')}</button>
        </div>
      </kiosk-step>`;
    return html`<kiosk-step heading-key="consultation.callerName.title" without-next @kiosk-step-done=${onDone}>
      ${
        this._failed()
          ? html`<p class="error" role="alert">${say(t, 'consultation.callerName.failed')}</p>`
          : html`<p role="status">${say(t, 'consultation.callerName.place')}</p>`
      }
      <div class="choices">
        ${skip}
        <button type="button" ?hidden=${!this._failed()} @click=${() => this._swipe()}>
          ${t('consultation.callerName.retry')}
        </button>
      </div>
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-consultation-caller-name': KioskConsultationCallerName;
  }
}
