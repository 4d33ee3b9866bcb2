import { LitElement, html, type TemplateResult } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { ApiError, login } from './api.js';
import { CenterLoggedInEvent } from './events.js';
import { t } from './i18n.js';
import { formText } from './form-value.js';
import { consoleStyles } from './styles.js';

/**
 * @summary Staff login form.
 * @fires center-logged-in - with the logged-in staff member
 */
@customElement('center-login')
export class CenterLogin extends LitElement {
  static override styles = consoleStyles;

  @state() private _error = '';
  @state() private _busy = false;

  /** A message to show above the form (e.g. the session expired). */
  @property() notice = '';

  private async _submit(e: SubmitEvent): Promise<void> {
    e.preventDefault();
    const form = new FormData(e.target as HTMLFormElement);
    this._busy = true;
    this._error = '';
    try {
      const staff = await login(formText(form, 'name'), formText(form, 'password'));
      this.dispatchEvent(new CenterLoggedInEvent(staff));
    } catch (err) {
      if (err instanceof ApiError && err.status === 429)
        this._error = t('login.limited', { seconds: err.retryAfterSec ?? 60 });
      else if (err instanceof ApiError && err.status === 401) this._error = t('login.failed');
      else this._error = t('errors.network');
    } finally {
      this._busy = false;
    }
  }

  override render(): TemplateResult {
    return html`
      <form class="card" @submit=${(e: SubmitEvent) => void this._submit(e)}>
        <h2>${t('login.heading')}</h2>
        ${this.notice ? html`<p class="note">${this.notice}</p>` : ''}
        <label for="name">${t('login.name')}</label>
        <input id="name" name="name" autocomplete="username" required />
        <label for="password">${t('login.password')}</label>
        <input id="password" name="password" type="password" autocomplete="current-password" required />
        <p class="error" role="alert">${this._error}</p>
        <button type="submit" ?disabled=${this._busy}>${t('login.submit')}</button>
      </form>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-login': CenterLogin;
  }
}
