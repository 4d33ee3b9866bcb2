import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { formText } from './admin-form.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Password change (asks for the current password again when the last one was typed > 5 min ago).
 * @summary Account page.
 */
@customElement('kiosk-admin-account')
export class KioskAdminAccount extends LitElement {
  static override styles = adminStyles;

  @state() private _message = '';
  @property({ attribute: false }) api!: AdminApi;

  private async _submit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    try {
      await this.api.post('/password', { newPassword: formText(new FormData(form), 'newPassword') });
      form.reset();
      this._message = t('admin.account.changed');
    } catch (err) {
      this._message = errorText(err);
    }
  }

  override render() {
    return html`<section>
      <h1>${t('admin.account.title')}</h1>
      <form @submit=${(e: SubmitEvent) => this._submit(e)}>
        <section>
          <h2>${t('admin.account.changePassword')}</h2>
          <label
            >${t('admin.account.newPassword')}<input
              name="newPassword"
              type="password"
              autocomplete="new-password"
              minlength="10"
              required
          /></label>
          <p role="status">${this._message}</p>
          <button class="primary" type="submit">${t('admin.account.submit')}</button>
        </section>
      </form>
    </section>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-account': KioskAdminAccount;
  }
}
