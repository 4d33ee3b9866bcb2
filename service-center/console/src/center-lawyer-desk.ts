import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { CallNote } from '@kiosk/contract/signalling-api';
import { ApiError, saveCallNote, signallingToken } from './api.js';
import './center-call-note-form.js';
import './center-call-queue.js';
import './center-call-records.js';
import './center-call-view.js';
import './center-county-overview.js';
import {
  CenterSessionLostEvent,
  type CenterCallActionEvent,
  type CenterCallNoteSubmitEvent,
  type CenterTakeNextEvent,
} from './events.js';
import { t, type CenterKey } from './i18n.js';
import { LawyerCallClient, type DeskNotice } from './lawyer-call.js';
import { consoleStyles } from './styles.js';

const NOTICE_TEXT: Record<DeskNotice, CenterKey> = {
  'queue-empty': 'lawyer.queue.queueEmpty',
  superseded: 'lawyer.presence.superseded',
  camera: 'lawyer.presence.camera',
  'session-lost': 'errors.sessionExpired',
};

/**
 * @summary The lawyer's video consultation desk, owner of her call client: presence, the queue,
 * the call, the note after it and the past call records. The only place the desk's state changes.
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-lawyer-desk')
export class CenterLawyerDesk extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      .presence {
        display: flex;
        gap: 1rem;
        align-items: center;
        flex-wrap: wrap;
      }
      .presence .state {
        font-weight: 700;
        margin-right: auto;
      }
      .presence button[aria-current='true'] {
        outline: 3px solid #c45500;
      }
    `,
  ];

  private readonly _client = new LawyerCallClient(this, { fetchToken: signallingToken });

  @state() private _saving = false;
  @state() private _saveError = '';
  @state() private _savedNotice = false;
  @state() private _revision = 0;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('center-take-next', (e: CenterTakeNextEvent) => {
      this._savedNotice = false;
      this._client.takeNext(e.county);
    });
    this.addEventListener('center-call-action', (e: CenterCallActionEvent) => {
      if (e.action === 'hang-up') this._client.hangUp();
      else this._client.setMuted(e.action === 'mute');
    });
    this.addEventListener('center-call-note-submit', (e: CenterCallNoteSubmitEvent) => {
      void this._save(e.callId, e.note);
    });
    this.addEventListener('center-call-note-skip', () => {
      this._client.clearEnded();
      this._revision++;
    });
  }

  private _lastEndedId: string | undefined;

  protected override willUpdate(): void {
    // A call just ended: its record exists now (without a note yet).
    const endedId = this._client.ended?.callId;
    if (endedId && endedId !== this._lastEndedId) {
      this._lastEndedId = endedId;
      this._saveError = '';
      this._revision++;
    }
    if (this._client.notice === 'session-lost') {
      this._client.clearNotice();
      this.dispatchEvent(new CenterSessionLostEvent());
    }
  }

  private async _save(callId: string, note: CallNote): Promise<void> {
    this._saving = true;
    this._saveError = '';
    try {
      await saveCallNote(callId, note);
      if (this._client.ended?.callId === callId) this._client.clearEnded();
      this._savedNotice = true;
      this._revision++;
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) this.dispatchEvent(new CenterSessionLostEvent());
      else this._saveError = t('lawyer.note.failed');
    } finally {
      this._saving = false;
    }
  }

  private _presenceButton(presence: 'online' | 'away' | 'offline', label: CenterKey): TemplateResult {
    const current = this._client.presence === presence;
    return html`<button
      type="button"
      class=${current ? '' : 'secondary'}
      aria-current=${current ? 'true' : 'false'}
      @click=${() => this._presence(presence)}
    >
      ${t(label)}
    </button>`;
  }

  private _presence(presence: 'online' | 'away' | 'offline'): void {
    this._savedNotice = false;
    void this._client.setPresence(presence);
  }

  private _stateText(): string {
    const c = this._client;
    if (c.presence === 'offline') return t('lawyer.presence.offline');
    if (c.link === 'connecting') return t('lawyer.presence.connecting');
    if (c.link === 'down') return t('lawyer.presence.down');
    const mine = c.presence === 'online' ? t('lawyer.presence.online') : t('lawyer.presence.away');
    return `${mine} · ${t('lawyer.presence.lawyersOnline', { count: c.lawyersOnline })}`;
  }

  private _main(): TemplateResult {
    const c = this._client;
    if (c.call)
      return html`<center-call-view
        .call=${c.call}
        .remoteStream=${c.remoteStream}
        .localStream=${c.localStream}
      ></center-call-view>`;
    if (c.ended)
      return html`<center-call-note-form
        .ended=${c.ended}
        ?busy=${this._saving}
        .error=${this._saveError}
      ></center-call-note-form>`;
    const canTake = c.presence === 'online' && c.link === 'up';
    return html`${
        c.counties.length
          ? html`<center-county-overview .counties=${c.counties} ?can-take=${canTake}></center-county-overview>`
          : ''
      }
      <center-call-queue
        .queue=${c.queue}
        .counties=${c.counties}
        .receivedAt=${c.queueAt}
        ?can-take=${canTake}
      ></center-call-queue>`;
  }

  override render(): TemplateResult {
    const c = this._client;
    return html`
      <h2>${t('lawyer.heading')}</h2>
      <section class="card presence" aria-label=${t('lawyer.presence.label')}>
        <span class="state" role="status">${this._stateText()}</span>
        ${this._presenceButton('online', 'lawyer.presence.goOnline')}
        ${this._presenceButton('away', 'lawyer.presence.goAway')}
        ${this._presenceButton('offline', 'lawyer.presence.goOffline')}
      </section>
      ${c.notice && c.notice !== 'session-lost' ? html`<p class="error" role="alert">${t(NOTICE_TEXT[c.notice])}</p>` : ''}
      ${this._savedNotice ? html`<p class="note" role="status">${t('lawyer.note.saved')}</p>` : ''} ${this._main()}
      <center-call-records .revision=${this._revision}></center-call-records>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-lawyer-desk': CenterLawyerDesk;
  }
}
