import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { KioskAdminLoggedInEvent } from './admin-events.js';
import { formText } from './admin-form.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * @summary Technician login (password only: one technician account per terminal).
 * @fires kiosk-admin-logged-in - the login cookie is set.
 */
@customElement('kiosk-admin-login')
export class KioskAdminLogin extends LitElement {
  static override styles = adminStyles;

  @state() private _error = '';
  @state() private _busy = false;
  @property({ attribute: false }) api!: AdminApi;
  @property() notice = '';

  private async _submit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    this._busy = true;
    this._error = '';
    try {
      await this.api.post('/login', { password: formText(new FormData(form), 'password') });
      form.reset();
      this.dispatchEvent(new KioskAdminLoggedInEvent());
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<section>
      <h1>${t('admin.login.title')}</h1>
      ${this.notice ? html`<p class="error">${this.notice}</p>` : ''}
      <form @submit=${(e: SubmitEvent) => this._submit(e)}>
        <section>
          <label
            >${t('admin.login.passwordLabel')}<input
              name="password"
              type="password"
              autocomplete="current-password"
              required
          /></label>
          <p class="error" role="alert">${this._error}</p>
          <button class="primary" type="submit" ?disabled=${this._busy}>${t('admin.login.submit')}</button>
          <p class="muted">${t('admin.login.forgot')}</p>
        </section>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-login': KioskAdminLogin;
  }
}
