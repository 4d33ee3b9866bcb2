import { consume } from '@lit/context';
import { Task, TaskStatus } from '@lit/task';
import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { IdCardFields } from '@kiosk/contract/kiosk-api';
import '../components/kiosk-card-return.js';
import { agentStatusContext } from '../context/contexts.js';
import type { AgentSocketSnapshot } from '../data/agent-socket.js';
import type { Identity } from '../flows/legal-aid-machine.js';
import { say } from '../i18n/say.js';
import '../components/kiosk-step.js';
import { readIdCard, type CardReadOutcome } from './legal-aid-data.js';
import { legalAidKey } from './legal-aid-messages.js';
import { LegalAidStepBase } from './legal-aid-step-base.js';

const KNOWN_ERRORS = ['noMedia', 'invalidMedia', 'readFailed', 'samError', 'deviceNotReady', 'timeOut'];

export function identityFromCard(fields: IdCardFields): Identity {
  return {
    source: 'card',
    name: fields.name,
    idNumber: fields.idNumber.toUpperCase(),
    gender: fields.gender,
    ...(fields.ethnicity ? { ethnicity: fields.ethnicity } : {}),
    birthDate: fields.birthDate,
    ...(fields.address ? { address: fields.address } : {}),
    ...(fields.photo?.decoded ? { cardPhoto: fields.photo.decoded } : {}),
  };
}

/**
 * @summary Reads the ID card through the agent (idcard.read). Starts waiting when shown; a failure
 * says what to do and offers 再试一次 and typing the number instead. Coming back to this step with
 * a card already read shows the name and 下一步. After a read the step greets her by name (shown,
 * not spoken) and asks for the card back (screen, voice, beep) until the reader reports it
 * removed; only then does the flow move on (DESIGN §9).
 * @fires kiosk-legal-aid-answer - cardRead | typeIdInstead | back
 */
@customElement('kiosk-legal-aid-id-card')
export class KioskLegalAidIdCard extends LegalAidStepBase {
  static override styles = [
    ...LegalAidStepBase.styles,
    css`
      .reader {
        display: flex;
        align-items: center;
        gap: 2rem;
        padding: 2rem;
        border: 0.2rem dashed var(--kiosk-border);
        border-radius: var(--kiosk-radius);
      }
      .card {
        width: 10rem;
        height: 6.3rem;
        border: 0.2rem solid var(--kiosk-primary);
        border-radius: 0.6rem;
        flex: none;
      }
    `,
  ];

  /** The first read starts when the step opens; 再试一次 runs it again. */
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
      if (outcome.kind === 'read') this._waitForRemoval(identityFromCard(outcome.fields));
      else this._visit?.speak(this._errorKey(outcome.reason));
    },
  });

  @consume({ context: agentStatusContext, subscribe: true })
  @state()
  private _agentStatus: AgentSocketSnapshot | undefined;

  @state() private _keepExisting = false;
  /** Read, waiting for the card to be lifted before the flow moves on. */
  @state() private _readIdentity: Identity | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._keepExisting = this.answers.identity?.source === 'card';
  }

  override firstUpdated(): void {
    this._visit?.speak('legalAid.steps.idCard.voice');
    if (!this._keepExisting) void this._read.run([]);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._read.abort();
    this._visit?.resumeIdle('cardRemoval');
  }

  protected override updated(): void {
    if (this._readIdentity && !this._cardOnReader()) {
      const identity = this._readIdentity;
      this._readIdentity = undefined;
      this._visit?.resumeIdle('cardRemoval');
      this._emit({ type: 'cardRead', identity });
    }
  }

  private _cardOnReader(): boolean {
    return this._agentStatus?.services.idcard?.media === 'present';
  }

  private _waitForRemoval(identity: Identity): void {
    // The idle clock waits while she takes the card back (accessibility.md §5).
    this._visit?.pauseIdle('cardRemoval');
    this._readIdentity = identity;
  }

  private _errorKey(reason: string) {
    return legalAidKey(`steps.idCard.errors.${KNOWN_ERRORS.includes(reason) ? reason : 'other'}`);
  }

  protected _next(): void {
    if (this._keepExisting && this.answers.identity) this._emit({ type: 'cardRead', identity: this.answers.identity });
  }

  private _failed(): boolean {
    const s = this._read.status;
    return s === TaskStatus.ERROR || (s === TaskStatus.COMPLETE && this._read.value?.kind === 'failed');
  }

  private _retry(): void {
    this._keepExisting = false;
    void this._read.run([]);
  }

  override render() {
    const t = this._t;
    const typeInstead = html`<button
      slot="actions"
      type="button"
      class="secondary"
      @click=${() => this._emit({ type: 'typeIdInstead' })}
    >
      ${t('legalAid.steps.idCard.typeInstead')}
    </button>`;
    if (this._readIdentity)
      return html`<kiosk-step heading-key="card.take" without-next @kiosk-step-done=${this._onStepDone}>
        <kiosk-card-return .name=${this._readIdentity.name}></kiosk-card-return>
      </kiosk-step>`;
    if (this._keepExisting && this.answers.identity) {
      return html`<kiosk-step heading-key="legalAid.steps.idCard.title" @kiosk-step-done=${this._onStepDone}>
        <p>${t('legalAid.steps.idCard.read', { name: this.answers.identity.name })}</p>
        <button slot="actions" type="button" class="secondary" @click=${() => this._retry()}>
          ${t('legalAid.nav.retry')}
        </button>
      </kiosk-step>`;
    }
    return html`<kiosk-step heading-key="legalAid.steps.idCard.title" without-next @kiosk-step-done=${this._onStepDone}>
      <div class="reader">
        <div class="card" aria-hidden="true"></div>
        <div>
          ${this._read.render({
            initial: () => html`<p>${say(t, 'legalAid.steps.idCard.body')}</p>`,
            pending: () => html`<p role="status">${say(t, 'legalAid.steps.idCard.body')}</p>`,
            complete: (outcome) =>
              outcome.kind === 'read'
                ? html`<p role="status">${t('legalAid.steps.idCard.reading')}</p>`
                : html`<p class="error" role="alert">${say(t, this._errorKey(outcome.reason))}</p>`,
            error: () => html`<p class="error" role="alert">${say(t, 'legalAid.steps.idCard.errors.other')}</p>`,
          })}
        </div>
      </div>
      ${
        this._failed()
          ? html`<button slot="actions" type="button" class="secondary" @click=${() => this._retry()}>
              ${t('legalAid.nav.retry')}
            </button>`
          : null
      }
      ${typeInstead}
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-legal-aid-id-card': KioskLegalAidIdCard;
  }
}
