import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { InterviewWaiting } from '@kiosk/contract/signalling-api';
import { signallingToken } from './api.js';
import './center-call-view.js';
import { CenterSessionLostEvent, type CenterCallActionEvent } from './events.js';
import { notarizationLabel } from './i18n.js';
import { LawyerCallClient } from './lawyer-call.js';
import { chinaSlotTime, tn } from './notary-texts.js';
import { consoleStyles } from './styles.js';

/**
 * @summary The notary's video interview desk (issue 12), owner of her call client (the consultation
 * call stack with the notary role): on/offline, the applicants waiting for their booked interview
 * (receipt number, matter, booked time, how long), 开始面谈, the same call view as a consultation.
 * A notary never sees the consultation queue.
 * @fires center-session-lost - when the login has expired
 */
@customElement('center-notary-interviews')
export class CenterNotaryInterviews extends LitElement {
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
      table {
        border-collapse: collapse;
        width: 100%;
      }
      th,
      td {
        text-align: left;
        padding: 0.5rem;
        border-bottom: 1px solid #c8c8c8;
      }
    `,
  ];

  private readonly _client = new LawyerCallClient(this, { fetchToken: signallingToken });
  @state() private _lastReceipt = '';

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('center-call-action', (e: CenterCallActionEvent) => {
      if (e.action === 'hang-up') this._client.hangUp();
      else this._client.setMuted(e.action === 'mute');
    });
  }

  protected override willUpdate(): void {
    if (this._client.notice === 'session-lost') {
      this._client.clearNotice();
      this.dispatchEvent(new CenterSessionLostEvent());
    }
  }

  private _take(w: InterviewWaiting): void {
    this._lastReceipt = w.receiptNo;
    this._client.takeInterview(w.receiptNo, w.kioskId);
  }

  private _stateText(): string {
    const c = this._client;
    if (c.presence === 'offline') return tn('presence.offline');
    if (c.link === 'connecting') return tn('presence.connecting');
    if (c.link === 'down') return tn('presence.down');
    return `${tn('presence.online')} · ${tn('presence.notariesOnline', { count: c.lawyersOnline })}`;
  }

  private _waiting(): TemplateResult {
    const c = this._client;
    const canTake = c.presence === 'online' && c.link === 'up';
    const rows = c.interviews;
    return html`<section class="card" aria-labelledby="waiting-heading">
      <h3 id="waiting-heading">${tn('waiting.heading')}</h3>
      ${c.notice === 'queue-empty' ? html`<p class="error" role="alert">${tn('waiting.gone')}</p>` : ''}
      ${
        rows.length === 0
          ? html`<p role="status">${tn('waiting.empty')}</p>`
          : html`<table>
              <thead>
                <tr>
                  <th scope="col">${tn('waiting.receiptNo')}</th>
                  <th scope="col">${tn('waiting.matter')}</th>
                  <th scope="col">${tn('waiting.bookedAt')}</th>
                  <th scope="col">${tn('waiting.terminal')}</th>
                  <th scope="col"><span class="visually-hidden">${tn('waiting.start')}</span></th>
                </tr>
              </thead>
              <tbody>
                ${rows.map(
                  (w) =>
                    html`<tr data-receipt=${w.receiptNo}>
                      <td>${w.receiptNo}</td>
                      <td>${w.matter ? notarizationLabel(`matter.${w.matter}.label`, w.matter) : ''}</td>
                      <td>${w.bookedAt ? chinaSlotTime(w.bookedAt) : tn('waiting.notBooked')}</td>
                      <td>${w.terminalName ?? w.kioskId}</td>
                      <td>
                        <button
                          type="button"
                          ?disabled=${!canTake || w.state !== 'waiting'}
                          aria-label=${`${tn('waiting.start')} ${w.receiptNo}`}
                          @click=${() => this._take(w)}
                        >
                          ${tn('waiting.start')}
                        </button>
                      </td>
                    </tr>`,
                )}
              </tbody>
            </table>`
      }
    </section>`;
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
      return html`<section class="card">
        <p role="status">${tn('after.ended', { receiptNo: this._lastReceipt })}</p>
        <button type="button" @click=${() => this._client.clearEnded()}>${tn('after.back')}</button>
      </section>`;
    return this._waiting();
  }

  override render(): TemplateResult {
    const c = this._client;
    const online = c.presence !== 'offline';
    return html`
      <h2>${tn('heading')}</h2>
      <section class="card presence" aria-label=${tn('presence.label')}>
        <span class="state" role="status">${this._stateText()}</span>
        <button
          type="button"
          class=${online ? 'secondary' : ''}
          @click=${() => void this._client.setPresence(online ? 'offline' : 'online')}
        >
          ${online ? tn('presence.goOffline') : tn('presence.goOnline')}
        </button>
      </section>
      ${this._main()}
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-notary-interviews': CenterNotaryInterviews;
  }
}
