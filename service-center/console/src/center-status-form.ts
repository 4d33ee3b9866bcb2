import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { SubmissionState } from '@kiosk/contract/kiosk-api';
import { FINAL_STATES, STAFF_STATES, type StaffState } from '@kiosk/contract/staff-api';
import { CenterStatusSubmitEvent } from './events.js';
import { t, type CenterKey } from './i18n.js';
import { formText } from './form-value.js';
import { consoleStyles } from './styles.js';

const CHOICES: ReadonlyArray<{ state: StaffState; label: CenterKey }> = STAFF_STATES.map((state) => ({
  state,
  label: `status.${state}` as const,
}));

/**
 * @summary Status change: 受理 / 补充材料 (one-time list) / 准予 / 不予 (with a reason).
 * @fires center-status-submit - with the change to apply
 */
@customElement('center-status-form')
export class CenterStatusForm extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1.5rem;
      }
      fieldset label {
        font-weight: 400;
        display: flex;
        align-items: center;
        gap: 0.4rem;
        min-height: 2.75rem;
      }
      textarea {
        width: 100%;
        min-height: 6rem;
      }
    `,
  ];

  @state() private _choice: StaffState | '' = '';

  /** The application's current state. */
  @property() current: SubmissionState = 'received';
  /** Art. 43: missing materials were already notified once. */
  @property({ type: Boolean, attribute: 'materials-notified' }) materialsNotified = false;
  /** Set by the owner while a change is being saved. */
  @property({ type: Boolean }) busy = false;
  /** Localized error of the last attempt. */
  @property() error = '';

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('current')) this._choice = '';
  }

  private _submit(e: SubmitEvent): void {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    const state = this._choice;
    if (!state) return;
    const missing = formText(form, 'missing')
      .split('\n')
      .map((s) => s.trim())
      .filter(Boolean);
    const reason = formText(form, 'reason').trim();
    this.dispatchEvent(
      new CenterStatusSubmitEvent({
        state,
        ...(state === 'needMaterials' ? { missingMaterials: missing } : {}),
        ...(state === 'rejected' && reason ? { reason } : {}),
      }),
    );
  }

  override render(): TemplateResult {
    if ((FINAL_STATES as readonly SubmissionState[]).includes(this.current))
      return html`<p class="note">${t('status.final')}</p>`;
    const choices = CHOICES.filter(
      (c) => c.state !== this.current && !(c.state === 'needMaterials' && this.materialsNotified),
    );
    return html`
      <form @submit=${(e: SubmitEvent) => this._submit(e)}>
        <fieldset>
          <legend class="visually-hidden">${t('status.heading')}</legend>
          ${choices.map(
            (c) =>
              html`<label
                ><input
                  type="radio"
                  name="state"
                  value=${c.state}
                  @change=${() => (this._choice = c.state)}
                />${t(c.label)}</label
              >`,
          )}
        </fieldset>
        ${
          this._choice === 'needMaterials'
            ? html`<label for="missing">${t('status.missingLabel')}</label
                ><textarea id="missing" name="missing" required></textarea>`
            : ''
        }
        ${
          this._choice === 'rejected'
            ? html`<label for="reason">${t('status.reasonLabel')}</label
                ><textarea id="reason" name="reason" required></textarea>`
            : ''
        }
        <p class="error" role="alert">${this.error}</p>
        <button type="submit" ?disabled=${!this._choice || this.busy}>${t('status.submit')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-status-form': CenterStatusForm;
  }
}
