import { css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import type { SubmissionKind, SubmissionStatus } from '@kiosk/contract/kiosk-api';
import {
  lookupByCard,
  lookupSubmission,
  receiptFromDigits,
  type MineLookup,
  type StatusLookup,
} from '../data/submissions.js';
import '../inputs/kiosk-choice-cards.js';
import { say, sayText } from '../i18n/say.js';
import '../inputs/kiosk-digit-pad.js';
import './kiosk-progress-mine.js';
import { detailLines, spokenDetails } from './progress-details.js';
import { ScreenBase } from './screen-base.js';

/** ISO timestamp → "2026-11-29" (digits are shown in digit size). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

/**
 * @summary 查询进度: the ID card on the reader → her submissions on this terminal
 * (GET /api/v1/submissions/mine); or, as the fallback, receipt number + last four of the ID number →
 * the submission's state in plain words (GET /api/v1/submissions/:receiptNo?idLast4=).
 */
@customElement('kiosk-progress-screen')
export class KioskProgressScreen extends ScreenBase {
  static override styles = [
    ...ScreenBase.styles,
    css`
      /* Tight spacing: the whole query fits one screen, in 大字 too (issue 15). */
      h1 {
        margin-bottom: 0.25rem;
      }
      p {
        margin-bottom: 0.5rem;
      }
      kiosk-choice-cards {
        --kiosk-choice-columns: 4;
        margin-bottom: 0.5rem;
      }
      .pads {
        display: grid;
        grid-template-columns: 1fr 1fr auto;
        gap: 1rem 2rem;
        align-items: end;
      }
      /* Landscape: three columns (what to do, what it is and the hint | receipt digits | last four and
         查询), so the query fits the height in 大字 too. */
      @media (orientation: landscape) {
        .query {
          display: grid;
          grid-template-columns: repeat(3, minmax(0, 1fr));
          grid-template-rows: auto minmax(0, 1fr);
          gap: 0 2rem;
        }
        .query {
          grid-template-rows: auto auto minmax(0, 1fr);
        }
        .query .intro {
          grid-column: 1;
          grid-row: 1;
        }
        /* The caption bar below shows (and the voice says) the same instruction; in landscape the
           column has room only for the card hint. */
        .query .intro .prompt {
          display: none;
        }
        .query kiosk-choice-cards {
          --kiosk-choice-columns: 2;
          grid-column: 1;
          grid-row: 2;
          margin-bottom: 0;
        }
        .query .hint {
          grid-column: 1 / span 2;
          grid-row: 3;
          margin: 0.25rem 0 0;
        }
        .query .intro p {
          margin: 0 0 0.25rem;
        }
        .pads {
          display: contents;
        }
        .pads > kiosk-digit-pad {
          grid-row: 1 / span 2;
        }
        .pads > button {
          grid-column: 3;
          grid-row: 3;
          justify-self: end;
          align-self: end;
          min-width: 12rem;
        }
        .pads > kiosk-digit-pad + kiosk-digit-pad {
          grid-row: 1 / span 2;
        }
      }
      @media (orientation: portrait) {
        .pads {
          grid-template-columns: 1fr 1fr;
          margin-top: 1rem;
        }
        .pads > button {
          grid-column: 1 / -1;
          justify-self: end;
          min-width: 16rem;
        }
      }
      .result {
        margin-top: 1.5rem;
        background: var(--kiosk-muted-bg);
        border-radius: var(--kiosk-radius);
        padding: 1.25rem 1.5rem;
      }
      .state {
        font-size: calc(2.25rem * var(--kiosk-text-scale, 1));
        font-weight: 700;
      }
      .again {
        margin-top: 1.5rem;
      }
      /* By card: the list takes the height left and pages (kiosk-pager) rather than scroll. */
      .mine {
        height: 100%;
        display: flex;
        flex-direction: column;
        min-height: 0;
      }
      .mine kiosk-progress-mine {
        flex: 1 1 0;
        min-height: 0;
      }
      .mine .again {
        margin-top: 0.5rem;
        align-self: flex-start;
      }
    `,
  ];

  @state() private _kind: SubmissionKind = 'legalAid';
  @state() private _receipt = '';
  @state() private _last4 = '';
  @state() private _pending = false;
  @state() private _result: StatusLookup | undefined;
  /** 查询进度 by ID card (issue 15 item 6): her submissions once the card is read. */
  @state() private _mine: Extract<MineLookup, { kind: 'found' }> | undefined;
  @state() private _cardFailed = false;
  private _abort: AbortController | undefined;
  private _cardAbort: AbortController | undefined;
  private _cardRetry: ReturnType<typeof setTimeout> | undefined;

  override connectedCallback(): void {
    super.connectedCallback();
    this._waitForCard();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._abort?.abort();
    this._stopCard();
  }

  private _stopCard(): void {
    clearTimeout(this._cardRetry);
    this._cardAbort?.abort();
    this._cardAbort = undefined;
  }

  /** Waits for a card on the reader while the query is shown; typing the receipt stays possible meanwhile. */
  private _waitForCard(): void {
    this._stopCard();
    const abort = new AbortController();
    this._cardAbort = abort;
    void lookupByCard(abort.signal).then(
      (found) => {
        if (abort.signal.aborted) return;
        this._cardAbort = undefined;
        if (found.kind === 'found') {
          this._abort?.abort();
          this._pending = false;
          this._result = undefined;
          this._cardFailed = false;
          this._mine = found;
          return;
        }
        this._cardFailed = found.kind === 'unreadable';
        if (this._cardFailed) this._visit?.speak('progress.card.failed');
        // Waiting again; a pause keeps a missing reader or agent from being asked in a tight loop.
        this._cardRetry = setTimeout(() => this._waitForCard(), found.kind === 'failed' ? 10_000 : 1000);
      },
      () => undefined,
    );
  }

  /** 重新查询: back to an empty query (nothing of the previous look-up stays) and to waiting for a card. */
  private _again(): void {
    this._abort?.abort();
    this._pending = false;
    this._result = undefined;
    this._mine = undefined;
    this._cardFailed = false;
    this._kind = 'legalAid';
    this._receipt = '';
    this._last4 = '';
    this._waitForCard();
  }

  private async _search(): Promise<void> {
    const receiptNo = receiptFromDigits(this._kind, this._receipt);
    if (!receiptNo || this._last4.length !== 4) return;
    this._abort?.abort();
    const abort = new AbortController();
    this._abort = abort;
    this._pending = true;
    this._result = undefined;
    try {
      const result = await lookupSubmission(receiptNo, this._last4, abort.signal);
      if (abort.signal.aborted) return;
      this._result = result;
      // The answer is spoken too (every step is spoken); it holds no personal data.
      // The state is a recorded prompt; with details (领取方式, 时间, 地点, 说明) the whole is dynamic text.
      if (result.kind === 'found') {
        const key = `progress.states.${result.status.state}` as const;
        const details = spokenDetails(this._t, result.status);
        if (details) this._visit?.speakText(`${this._t(key)}。${details}`);
        else this._visit?.speak(key);
      } else if (result.kind === 'notFound') this._visit?.speak('progress.notFound');
      else if (result.kind === 'mismatch') this._visit?.speak('progress.mismatch');
      else this._visit?.speak('progress.failed', { hotline: this._config.hotline.number });
    } catch {
      return;
    } finally {
      if (this._abort === abort) this._pending = false;
    }
  }

  private _renderStatus(s: SubmissionStatus) {
    const t = this._t;
    return html`<div class="result" role="status">
      <h2>${say(t, 'progress.resultTitle')}</h2>
      <p>${say(t, `progress.kinds.${s.kind}`)}</p>
      <p class="state" data-state=${s.state}>${say(t, `progress.states.${s.state}`)}</p>
      <p>${say(t, 'progress.submittedAt')}：${sayText(day(s.submittedAt))}</p>
      ${detailLines(t, s).map((l) => html`<p data-detail=${l.label}>${say(t, l.label)}：${sayText(l.value)}</p>`)}
      ${
        s.missingMaterials?.length
          ? html`<p>${say(t, 'progress.missingMaterials')}：</p>
              <ul>
                ${s.missingMaterials.map((m) => html`<li>${sayText(m)}</li>`)}
              </ul>`
          : null
      }
      ${s.reason ? html`<p>${say(t, 'progress.reason')}：${sayText(s.reason)}</p>` : null}
    </div>`;
  }

  private _renderResult() {
    const t = this._t;
    if (this._pending) return html`<p class="result" role="status">${say(t, 'progress.searching')}</p>`;
    const r = this._result;
    if (!r) return null;
    switch (r.kind) {
      case 'found':
        return this._renderStatus(r.status);
      case 'notFound':
        return html`<div class="result" role="alert">
          <p class="state">${say(t, 'progress.notFound')}</p>
          <p>${say(t, 'progress.notFoundHint')}</p>
        </div>`;
      case 'mismatch':
        return html`<div class="result" role="alert">
          <p class="state">${say(t, 'progress.mismatch')}</p>
          <p>${say(t, 'progress.mismatchHint')}</p>
        </div>`;
      case 'failed':
        return html`<p class="result" role="alert">
          ${say(t, 'progress.failed', { hotline: this._config.hotline.number })}
        </p>`;
      default: {
        const never: never = r;
        return never;
      }
    }
  }

  override render() {
    const t = this._t;
    if (this._mine)
      return html`<div class="mine">
        <h1>${say(t, 'progress.title')}</h1>
        <kiosk-progress-mine .submissions=${this._mine.submissions}></kiosk-progress-mine>
        <button type="button" class="secondary again" @click=${() => this._again()}>${t('progress.again')}</button>
      </div>`;
    // One thing at a time: the answer replaces the pads, so nothing needs scrolling.
    if (this._pending || this._result)
      return html`
        <h1>${say(t, 'progress.title')}</h1>
        ${this._renderResult()}
        <button type="button" class="secondary again" ?disabled=${this._pending} @click=${() => this._again()}>
          ${t('progress.again')}
        </button>
      `;
    return html`
      <h1>${say(t, 'progress.title')}</h1>
      <div class="query">
        <div class="intro">
          <p class="prompt">${say(t, 'progress.prompt')}</p>
          <p class="card-hint" role="status">
            ${this._cardFailed ? say(t, 'progress.card.failed') : say(t, 'progress.card.hint')}
          </p>
        </div>
        <!-- A mediation applicant always had her ID card read: she looks it up by card (the typed
             choices stay four so that the screen fits in 大字). -->
        <kiosk-choice-cards
          name="kind"
          .label=${t('progress.kindLabel')}
          .value=${this._kind}
          .choices=${(['legalAid', 'notarization', 'callback', 'homeVisit'] as const).map((k) => ({ value: k, label: t(`progress.kinds.${k}`) }))}
          @input=${(e: Event) => (this._kind = (e.target as HTMLInputElement).value as SubmissionKind)}
        ></kiosk-choice-cards>
        <p class="hint">${say(t, 'progress.receiptHint')}</p>
        <div class="pads">
          <kiosk-digit-pad
            name="receiptNo"
            required
            minlength="14"
            maxlength="16"
            .label=${t('progress.receiptLabel')}
            .value=${this._receipt}
            @input=${(e: Event) => (this._receipt = (e.target as HTMLInputElement).value)}
          ></kiosk-digit-pad>
          <kiosk-digit-pad
            name="idLast4"
            required
            with-x
            minlength="4"
            maxlength="4"
            .label=${t(
              // A call-back or a 上门 booking is looked up by the phone it gave (no ID card was read).
              this._kind === 'callback' || this._kind === 'homeVisit'
                ? 'progress.phoneLast4Label'
                : 'progress.idLast4Label',
            )}
            .value=${this._last4}
            @input=${(e: Event) => (this._last4 = (e.target as HTMLInputElement).value)}
          ></kiosk-digit-pad>
          <button
            type="button"
            class="primary"
            ?disabled=${!receiptFromDigits(this._kind, this._receipt) || this._last4.length !== 4 || this._pending}
            @click=${() => void this._search()}
          >
            ${t('progress.search')}
          </button>
        </div>
      </div>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-progress-screen': KioskProgressScreen;
  }
}
