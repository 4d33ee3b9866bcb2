import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CONSULTATION_TOPICS,
  type CallNote,
  type CallOutcomeReferral,
  type ConsultationTopic,
} from '@kiosk/contract/signalling-api';
import { REFERRALS, durationText, endedText, referralLabel, topicLabel } from './call-format.js';
import { CenterCallNoteSkipEvent, CenterCallNoteSubmitEvent } from './events.js';
import { formText } from './form-value.js';
import { t } from './i18n.js';
import type { EndedCall } from './lawyer-call.js';
import { consoleStyles } from './styles.js';

/**
 * @summary After a call: the lawyer's short note (topic, advice, referral, an optional text for
 * the villager's slip), saved to the call record by the desk.
 * @fires center-call-note-submit - with the call id and the note
 * @fires center-call-note-skip - when the lawyer sets the note aside for later
 */
@customElement('center-call-note-form')
export class CenterCallNoteForm extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      textarea {
        width: 100%;
        min-height: 5rem;
      }
      fieldset {
        border: 1px solid #bbb;
        border-radius: 0.4rem;
        margin: 0.75rem 0;
      }
      fieldset label {
        display: inline-flex;
        gap: 0.4rem;
        align-items: center;
        font-weight: 400;
        margin: 0.25rem 1.25rem 0.25rem 0;
      }
      .actions {
        display: flex;
        gap: 1rem;
      }
    `,
  ];

  @state() private _missingAdvice = false;

  /** The call the note is about. */
  @property({ attribute: false }) ended: EndedCall | undefined;
  /** A save is in flight. */
  @property({ type: Boolean }) busy = false;
  /** Why the last save failed (already a text). */
  @property() error = '';

  private _submit(e: SubmitEvent): void {
    e.preventDefault();
    const ended = this.ended;
    if (!ended) return;
    const form = new FormData(e.target as HTMLFormElement);
    const advice = formText(form, 'advice').trim();
    this._missingAdvice = advice === '';
    if (this._missingAdvice) return;
    const forCaller = formText(form, 'forCaller').trim();
    const note: CallNote = {
      topic: formText(form, 'topic') as ConsultationTopic,
      advice,
      referral: (formText(form, 'referral') || 'none') as CallOutcomeReferral,
      ...(forCaller ? { forCaller } : {}),
    };
    this.dispatchEvent(new CenterCallNoteSubmitEvent(ended.callId, note));
  }

  override render(): TemplateResult {
    const ended = this.ended;
    if (!ended) return html``;
    return html`
      <form class="card" @submit=${(e: SubmitEvent) => this._submit(e)}>
        <h3>${t('lawyer.note.heading')}</h3>
        <p class="note" role="status">
          ${endedText(ended.reason)}
          ${t('lawyer.call.duration', { time: durationText((ended.endedAt - ended.startedAt) / 1000) })}
        </p>
        <label for="topic">${t('lawyer.note.topic')}</label>
        <select id="topic" name="topic">
          ${CONSULTATION_TOPICS.map(
            (topic) =>
              html`<option value=${topic} ?selected=${topic === ended.peer.topic}>${topicLabel(topic)}</option>`,
          )}
        </select>
        <label for="advice">${t('lawyer.note.advice')}</label>
        <textarea
          id="advice"
          name="advice"
          aria-required="true"
          aria-invalid=${this._missingAdvice ? 'true' : 'false'}
        ></textarea>
        ${this._missingAdvice ? html`<p class="error" role="alert">${t('lawyer.note.adviceRequired')}</p>` : ''}
        <fieldset>
          <legend>${t('lawyer.note.referral')}</legend>
          ${REFERRALS.map(
            (r) =>
              html`<label
                ><input type="radio" name="referral" value=${r} ?checked=${r === 'none'} />${referralLabel(r)}</label
              >`,
          )}
        </fieldset>
        <label for="forCaller">${t('lawyer.note.forCaller')}</label>
        <textarea id="forCaller" name="forCaller" maxlength="200"></textarea>
        ${this.error ? html`<p class="error" role="alert">${this.error}</p>` : ''}
        <div class="actions">
          <button type="submit" ?disabled=${this.busy}>${t('lawyer.note.submit')}</button>
          <button
            type="button"
            class="secondary"
            @click=${() => this.dispatchEvent(new CenterCallNoteSkipEvent(ended.callId))}
          >
            ${t('lawyer.note.skip')}
          </button>
        </div>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-call-note-form': CenterCallNoteForm;
  }
}
