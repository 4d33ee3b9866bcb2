import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { MIN_STAFF_PASSWORD_LENGTH } from '@kiosk/contract/staff-api';
import { ApiError, changePassword } from './api.js';
import { CenterLoggedInEvent } from './events.js';
import { t } from './i18n.js';
import { formText } from './form-value.js';
import { consoleStyles } from './styles.js';

/**
 * @summary Replaces the one-time password at first login.
 * @fires center-logged-in - with the new login after the change
 */
@customElement('center-password-change')
export class CenterPasswordChange extends LitElement {
  static override styles = consoleStyles;

  @state() private _error = '';

  private async _submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this._error = '';
    try {
      const staff = await changePassword(formText(form, 'current'), formText(form, 'next'));
      this.dispatchEvent(new CenterLoggedInEvent(staff));
    } catch (err) {
      if (err instanceof ApiError && err.status === 400) this._error = t('password.weak');
      else if (err instanceof ApiError && err.status === 401) this._error = t('password.wrong');
      else this._error = t('errors.network');
    }
  }

  override render(): TemplateResult {
    return html`
      <form class="card" @submit=${(e: SubmitEvent) => void this._submit(e)}>
        <h2>${t('password.heading')}</h2>
        <p class="note">${t('password.hint')}</p>
        <label for="current">${t('password.current')}</label>
        <input id="current" name="current" type="password" autocomplete="current-password" required />
        <label for="next">${t('password.next')}</label>
        <input
          id="next"
          name="next"
          type="password"
          autocomplete="new-password"
          minlength=${MIN_STAFF_PASSWORD_LENGTH}
          required
        />
        <p class="error" role="alert">${this._error}</p>
        <button type="submit">${t('password.submit')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-password-change': CenterPasswordChange;
  }
}
