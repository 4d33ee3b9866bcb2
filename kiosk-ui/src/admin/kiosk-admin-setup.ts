import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { KioskAdminLoggedInEvent } from './admin-events.js';
import { formText } from './admin-form.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * First boot: the one-time setup token (printed on the receipt printer, also in the log) sets
 * the technician password.
 * @summary Setup form.
 * @fires kiosk-admin-logged-in - the password is set and a login started.
 */
@customElement('kiosk-admin-setup')
export class KioskAdminSetup extends LitElement {
  static override styles = adminStyles;

  @state() private _error = '';
  @state() private _busy = false;
  @property({ attribute: false }) api!: AdminApi;

  private async _submit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const data = new FormData(ev.target as HTMLFormElement);
    const password = formText(data, 'password');
    if (password !== formText(data, 'confirm')) {
      this._error = t('admin.setup.mismatch');
      return;
    }
    this._busy = true;
    this._error = '';
    try {
      await this.api.post('/setup', { setupToken: formText(data, 'token'), password });
      this.dispatchEvent(new KioskAdminLoggedInEvent());
    } catch (err) {
      this._error = errorText(err);
    } finally {
      this._busy = false;
    }
  }

  override render() {
    return html`<section>
      <h1>${t('admin.setup.title')}</h1>
      <p>${t('admin.setup.intro')}</p>
      <form @submit=${(e: SubmitEvent) => this._submit(e)}>
        <section>
          <label
            >${t('admin.setup.tokenLabel')}<input name="token" autocomplete="off" autocapitalize="characters" required
          /></label>
          <label
            >${t('admin.setup.passwordLabel')}<input
              name="password"
              type="password"
              autocomplete="new-password"
              minlength="10"
              required
          /></label>
          <label
            >${t('admin.setup.confirmLabel')}<input
              name="confirm"
              type="password"
              autocomplete="new-password"
              minlength="10"
              required
          /></label>
          <p class="error" role="alert">${this._error}</p>
          <button class="primary" type="submit" ?disabled=${this._busy}>${t('admin.setup.submit')}</button>
        </section>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-setup': KioskAdminSetup;
  }
}
