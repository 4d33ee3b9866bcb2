import { LitElement, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import type { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import { KioskAdminReauthDoneEvent } from './admin-events.js';
import { formText } from './admin-form.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';

/**
 * Asks for the password again before a dangerous change (listen address, password, raw printing).
 * @summary Re-authentication dialog.
 * @fires kiosk-admin-reauth-done - closed; `ok` says whether the password was accepted.
 */
@customElement('kiosk-admin-reauth')
export class KioskAdminReauth extends LitElement {
  static override styles = adminStyles;

  @query('dialog') private _dialog!: HTMLDialogElement;
  @state() private _error = '';
  @property({ attribute: false }) api!: AdminApi;

  open(): void {
    this._error = '';
    this._dialog.showModal();
  }

  private async _submit(ev: SubmitEvent): Promise<void> {
    ev.preventDefault();
    const form = ev.target as HTMLFormElement;
    try {
      await this.api.post('/reauth', { password: formText(new FormData(form), 'password') });
      form.reset();
      this._dialog.close();
      this.dispatchEvent(new KioskAdminReauthDoneEvent(true));
    } catch (err) {
      this._error = errorText(err);
    }
  }

  private _cancel(): void {
    this._dialog.close();
    this.dispatchEvent(new KioskAdminReauthDoneEvent(false));
  }

  override render() {
    return html`<dialog aria-labelledby="reauth-title" @cancel=${() => this._cancel()}>
      <form @submit=${(e: SubmitEvent) => this._submit(e)}>
        <section>
          <h2 id="reauth-title">${t('admin.reauth.title')}</h2>
          <p>${t('admin.reauth.hint')}</p>
          <label
            >${t('admin.login.passwordLabel')}<input
              name="password"
              type="password"
              autocomplete="current-password"
              required
          /></label>
          <p class="error" role="alert">${this._error}</p>
          <div class="row">
            <button class="primary" type="submit">${t('admin.reauth.submit')}</button>
            <button class="secondary" type="button" @click=${() => this._cancel()}>${t('admin.reauth.cancel')}</button>
          </div>
        </section>
      </form>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-reauth': KioskAdminReauth;
  }
}
