import { LitElement, css, html, type PropertyValues, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import {
  CERTIFICATE_DELIVERIES,
  type CertificateDelivery,
  type SubmissionKind,
  type SubmissionState,
} from '@kiosk/contract/kiosk-api';
import { STATUS_REQUIRES, nextStates, type StaffState, type StatusChangeRequest } from '@kiosk/contract/staff-api';
import { CenterStatusSubmitEvent } from './events.js';
import { hasKey, t, type CenterKey } from './i18n.js';
import { formText } from './form-value.js';
import { consoleStyles } from './styles.js';

/** The label of a target state for this kind (准予出具公证书, not 准予法律援助); the generic one otherwise. */
function choiceLabel(kind: SubmissionKind, state: StaffState): string {
  const own = `status.byKind.${kind}.${state}`;
  return hasKey(own) ? t(own) : t(`status.${state}`);
}

/** The reason's label: per kind where the generic (legal-aid) wording is wrong. */
function reasonLabel(kind: SubmissionKind, state: StaffState): string {
  if (state === 'notMediated') return t('status.notReasonLabel');
  const own = `status.byKind.${kind}.reasonLabel`;
  return hasKey(own) ? t(own) : t('status.reasonLabel');
}

/** datetime-local (China time, no zone) → ISO with +08:00; '' when incomplete. */
function chinaIso(local: string): string {
  return /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(local) ? `${local}:00+08:00` : '';
}

/**
 * @summary Status change, per kind (STATUS_FLOW): the next states of this kind with their own labels,
 * and the field the chosen one requires (STATUS_REQUIRES): the one-time 补充材料 list, the reason, the
 * certificate's delivery (邮寄 / 到村领取 / 到公证处领取), the time and place, the note.
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
      fieldset.deliveries {
        margin-top: 0.75rem;
        gap: 0.75rem;
      }
      fieldset.deliveries legend {
        font-weight: 600;
        margin-bottom: 0.4rem;
      }
      fieldset.deliveries label.big {
        margin: 0;
        min-height: 3.5rem;
        min-width: 12rem;
        padding: 0 1.25rem;
        border: 2px solid #0b3d91;
        border-radius: 0.4rem;
        font-size: 1.2rem;
        font-weight: 600;
        cursor: pointer;
      }
      fieldset.deliveries label.big:has(input:checked) {
        background: #e3ecfb;
      }
      fieldset.deliveries input {
        width: 1.3rem;
        height: 1.3rem;
      }
    `,
  ];

  @state() private _choice: StaffState | '' = '';
  /** A required field left empty at 确认办理 (checked here, in Chinese, before the centre is asked). */
  @state() private _problem: CenterKey | '' = '';

  /** The application's kind: which states follow and what they are called. */
  @property() kind: SubmissionKind = 'legalAid';
  /** The application's current state. */
  @property() current: SubmissionState = 'received';
  /** Art. 43: missing materials were already notified once. */
  @property({ type: Boolean, attribute: 'materials-notified' }) materialsNotified = false;
  /** Set by the owner while a change is being saved. */
  @property({ type: Boolean }) busy = false;
  /** Localized error of the last attempt. */
  @property() error = '';
  /** The application's version: every saved decision bumps it, and the form starts again empty. */
  @property({ type: Number }) version = 0;

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('current') || changed.has('kind')) {
      this._choice = '';
      this._problem = '';
    }
  }

  override updated(changed: PropertyValues<this>): void {
    // After a decision (a new version or state): nothing chosen, no reason, no materials list left over.
    const after = (key: 'version' | 'current'): boolean => changed.has(key) && changed.get(key) !== undefined;
    if (after('version') || after('current')) this._reset();
  }

  private _reset(): void {
    this._choice = '';
    this.renderRoot.querySelector('form')?.reset();
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
    const delivery = formText(form, 'delivery');
    const at = chinaIso(formText(form, 'scheduleAt'));
    const place = formText(form, 'schedulePlace').trim();
    const note = formText(form, 'note').trim();
    const change: StatusChangeRequest = { state };
    const required = Object.hasOwn(STATUS_REQUIRES, state) ? STATUS_REQUIRES[state] : undefined;
    if (required === 'missingMaterials') change.missingMaterials = missing;
    if (required === 'reason' && reason) change.reason = reason;
    if (required === 'delivery' && (CERTIFICATE_DELIVERIES as readonly string[]).includes(delivery))
      change.delivery = delivery as CertificateDelivery;
    if (required === 'schedule' && at && place) change.schedule = { at, place };
    if ((required === 'schedule' || required === 'note') && note) change.note = note;
    const problem = this._missing(required, change);
    this._problem = problem;
    if (problem) {
      this.renderRoot.querySelector<HTMLElement>('#missing, #reason, [name=delivery], #scheduleAt, #note')?.focus();
      return;
    }
    this.dispatchEvent(new CenterStatusSubmitEvent(change));
  }

  /** The message for a required field left empty, '' when the change is complete. */
  private _missing(required: (typeof STATUS_REQUIRES)[StaffState], c: StatusChangeRequest): CenterKey | '' {
    switch (required) {
      case 'missingMaterials':
        return c.missingMaterials?.length ? '' : 'status.errors.missingMaterialsRequired';
      case 'reason':
        return c.reason ? '' : 'status.errors.reasonRequired';
      case 'delivery':
        return c.delivery ? '' : 'status.errors.deliveryRequired';
      case 'schedule':
        return c.schedule ? '' : 'status.errors.scheduleRequired';
      case 'note':
        return c.note ? '' : 'status.errors.noteRequired';
      case undefined:
        return '';
      default: {
        const never: never = required;
        return never;
      }
    }
  }

  /** The field the chosen state requires. */
  private _field(state: StaffState): TemplateResult | string {
    const required = Object.hasOwn(STATUS_REQUIRES, state) ? STATUS_REQUIRES[state] : undefined;
    switch (required) {
      case 'missingMaterials':
        return html`<label for="missing">${t('status.missingLabel')}</label
          ><textarea id="missing" name="missing" required></textarea>`;
      case 'reason':
        return html`<label for="reason">${reasonLabel(this.kind, state)}</label
          ><textarea id="reason" name="reason" required></textarea>`;
      case 'delivery':
        return html`<fieldset class="deliveries">
          <legend>${t('status.deliveryLabel')}</legend>
          ${CERTIFICATE_DELIVERIES.map(
            (d) =>
              html`<label class="big"
                ><input type="radio" name="delivery" value=${d} required />${t(`status.deliveries.${d}`)}</label
              >`,
          )}
        </fieldset>`;
      case 'schedule':
        return html`<label for="scheduleAt">${t('status.scheduleAt')}</label
          ><input id="scheduleAt" name="scheduleAt" type="datetime-local" required />
          <label for="schedulePlace">${t('status.schedulePlace')}</label
          ><input id="schedulePlace" name="schedulePlace" required maxlength="200" />
          <label for="note">${t('status.noteLabel')}</label
          ><textarea id="note" name="note" maxlength="1000"></textarea>`;
      case 'note':
        return html`<label for="note">${t('status.noteRequiredLabel')}</label
          ><textarea id="note" name="note" required maxlength="1000"></textarea>`;
      case undefined:
        return '';
      default: {
        const never: never = required;
        return never;
      }
    }
  }

  override render(): TemplateResult {
    const choices = nextStates(this.kind, this.current).filter(
      (s) => !(s === 'needMaterials' && this.materialsNotified),
    );
    if (!choices.length) return html`<p class="note">${t('status.final')}</p>`;
    return html`
      <form novalidate @submit=${(e: SubmitEvent) => this._submit(e)}>
        <fieldset>
          <legend class="visually-hidden">${t('status.heading')}</legend>
          ${choices.map(
            (state) =>
              html`<label
                ><input
                  type="radio"
                  name="state"
                  value=${state}
                  @change=${() => {
                    this._choice = state;
                    this._problem = '';
                  }}
                />${choiceLabel(this.kind, state)}</label
              >`,
          )}
        </fieldset>
        ${this._choice ? this._field(this._choice) : ''}
        <p class="error" role="alert">${this._problem ? t(this._problem) : this.error}</p>
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
