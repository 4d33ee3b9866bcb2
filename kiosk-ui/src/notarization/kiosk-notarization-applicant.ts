import { html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/kiosk-step.js';
import type { KioskStepDoneEvent } from '../events/kiosk-step-done.js';
import type { ApplicantRole } from '../flows/notarization-machine.js';
import { say } from '../i18n/say.js';
import { notarizationKey } from './notarization-messages.js';
import { NotarizationStepBase } from './notarization-step-base.js';

export const RELATIONS = ['spouse', 'parent', 'child', 'sibling', 'other'] as const;

/**
 * @summary For whom: herself, or a family member (then: who). With `blocked`, the matter must be done
 * in person (公证法 Art 26): the reason, and the ways on — do it for herself, or another matter.
 * @fires kiosk-notarization-answer - applicantChosen | back
 */
@customElement('kiosk-notarization-applicant')
export class KioskNotarizationApplicant extends NotarizationStepBase {
  @property({ type: Boolean }) blocked = false;
  @property() office = '';
  @property() hotline = '12348';
  @property() matterLabel = '';
  @state() private _role: ApplicantRole | null = null;
  @state() private _relation: string | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._role = this.answers.role;
    this._relation = this.answers.relation;
  }

  override firstUpdated(): void {
    if (this.blocked) this._visit?.speak('notarization.steps.proxyBlocked.voice');
  }

  private _complete(): boolean {
    return this._role === 'self' || (this._role === 'family' && Boolean(this._relation));
  }

  protected _next(): void {
    if (this._role && this._complete())
      this._emit({
        type: 'applicantChosen',
        role: this._role,
        relation: this._role === 'family' ? this._relation : null,
      });
  }

  override render() {
    const t = this._t;
    if (this.blocked)
      return html`<kiosk-step
        heading-key="notarization.steps.proxyBlocked.title"
        next-key="notarization.steps.proxyBlocked.self"
        @kiosk-step-done=${(e: KioskStepDoneEvent) => {
          e.stopPropagation();
          this._emit(
            e.direction === 'previous' ? { type: 'back' } : { type: 'applicantChosen', role: 'self', relation: null },
          );
        }}
      >
        <p class="error" role="alert">
          ${say(t, 'notarization.steps.proxyBlocked.body', { matter: this.matterLabel })}
        </p>
        <p>${say(t, 'notarization.steps.proxyBlocked.what', { office: this.office, hotline: this.hotline })}</p>
      </kiosk-step>`;
    return html`<kiosk-step
      heading-key="notarization.steps.applicant.title"
      prompt-key="notarization.steps.applicant.prompt"
      ?next-disabled=${!this._complete()}
      missing-key="notarization.steps.applicant.missing"
      @kiosk-step-done=${this._onStepDone}
    >
      <div class="cards">
        <button
          type="button"
          class="card"
          data-choice="self"
          aria-pressed=${String(this._role === 'self')}
          @click=${() => (this._role = 'self')}
        >
          <span>${t('notarization.steps.applicant.self')}</span>
          <small>${t('notarization.steps.applicant.selfDetail')}</small>
        </button>
        <button
          type="button"
          class="card"
          data-choice="family"
          aria-pressed=${String(this._role === 'family')}
          @click=${() => (this._role = 'family')}
        >
          <span>${t('notarization.steps.applicant.family')}</span>
          <small>${t('notarization.steps.applicant.familyDetail')}</small>
        </button>
      </div>
      ${
        this._role === 'family'
          ? html`<h2>${t('notarization.steps.applicant.relationLabel')}</h2>
              <div class="cards" role="group" aria-label=${t('notarization.steps.applicant.relationLabel')}>
                ${RELATIONS.map(
                  (r) =>
                    html`<button
                      type="button"
                      class="card"
                      data-choice=${r}
                      aria-pressed=${String(this._relation === r)}
                      @click=${() => (this._relation = r)}
                    >
                      ${t(notarizationKey(`relation.${r}`))}
                    </button>`,
                )}
              </div>`
          : null
      }
    </kiosk-step>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-notarization-applicant': KioskNotarizationApplicant;
  }
}
