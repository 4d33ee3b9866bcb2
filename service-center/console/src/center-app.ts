import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { currentStaff, logout, takesCalls, type StaffMe } from './api.js';
import './center-application-detail.js';
import './center-application-list.js';
import './center-fleet-page.js';
import './center-home-visit-list.js';
import './center-satisfaction.js';
import { th } from './home-visit-texts.js';
import './center-lawyer-desk.js';
import './center-notary-interviews.js';
import './center-notary-slots.js';
import { tn } from './notary-texts.js';
import { tm } from './mediation-texts.js';
import './center-login.js';
import './center-password-change.js';
import type { CenterApplicationOpenEvent, CenterLoggedInEvent } from './events.js';
import { hasKey, t } from './i18n.js';
import { consoleStyles } from './styles.js';

type View =
  | { kind: 'loading' }
  | { kind: 'login'; notice?: string }
  | { kind: 'password'; staff: StaffMe }
  | { kind: 'list'; staff: StaffMe }
  | { kind: 'desk'; staff: StaffMe }
  | { kind: 'notarySlots'; staff: StaffMe }
  | { kind: 'fleet'; staff: StaffMe }
  | { kind: 'homeVisits'; staff: StaffMe }
  | { kind: 'satisfaction'; staff: StaffMe }
  | { kind: 'detail'; staff: StaffMe; centerId: string };

/**
 * @summary The staff console's owner: who is logged in and which page shows. The only place the
 * view changes; pages report through events.
 */
@customElement('center-app')
export class CenterApp extends LitElement {
  static override styles = [
    consoleStyles,
    css`
      header {
        display: flex;
        align-items: center;
        justify-content: space-between;
        background: #0b3d91;
        color: #fff;
        padding: 0.75rem 1.5rem;
      }
      header h1 {
        margin: 0;
        font-size: 1.4rem;
      }
      header button {
        background: #fff;
        color: #0b3d91;
      }
      header nav {
        display: flex;
        gap: 0.5rem;
        margin-right: auto;
        margin-left: 2rem;
      }
      header nav button[aria-current='false'] {
        background: #0b3d91;
        color: #fff;
        border-color: #fff;
      }
      main {
        padding: 1.5rem;
        max-width: 80rem;
        margin: 0 auto;
      }
    `,
  ];

  @state() private _view: View = { kind: 'loading' };
  @state() private _takesCalls = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('center-logged-in', (e: CenterLoggedInEvent) => this._enter(e.staff));
    this.addEventListener('center-application-open', (e: CenterApplicationOpenEvent) => {
      if ('staff' in this._view) this._view = { kind: 'detail', staff: this._view.staff, centerId: e.centerId };
    });
    this.addEventListener('center-back', () => {
      if ('staff' in this._view) this._view = { kind: 'list', staff: this._view.staff };
    });
    this.addEventListener('center-session-lost', () => {
      this._view = { kind: 'login', notice: t('errors.sessionExpired') };
    });
    void currentStaff().then(
      (staff) => (staff ? this._enter(staff) : (this._view = { kind: 'login' })),
      () => (this._view = { kind: 'login', notice: t('errors.network') }),
    );
  }

  private _enter(staff: StaffMe): void {
    if (staff.mustChange) {
      this._view = { kind: 'password', staff };
      return;
    }
    // Lawyers start at the video consultation desk; the others at the applications.
    this._view = { kind: 'loading' };
    void takesCalls(staff).then((yes) => {
      this._takesCalls = yes;
      // A notary lands on her requests; her interview desk is one tab away.
      this._view = yes && staff.role !== 'notary' ? { kind: 'desk', staff } : { kind: 'list', staff };
    });
  }

  private _nav(): TemplateResult {
    const v = this._view;
    if (!('staff' in v)) return html``;
    const staff = v.staff;
    // 终端状态 is for administrators and the legal-aid staff (the centre checks the role too).
    const fleet = staff.role === 'admin' || staff.role === 'staff';
    if (!this._takesCalls && !fleet) return html``;
    const page =
      v.kind === 'desk' ||
      v.kind === 'fleet' ||
      v.kind === 'homeVisits' ||
      v.kind === 'satisfaction' ||
      v.kind === 'notarySlots'
        ? v.kind
        : 'list';
    // 面谈时段: the notary publishes interview slots; an administrator reads them.
    const slots = staff.role === 'notary' || staff.role === 'admin';
    return html`<nav>
      ${
        this._takesCalls
          ? html`<button
              type="button"
              aria-current=${page === 'desk' ? 'page' : 'false'}
              @click=${() => (this._view = { kind: 'desk', staff })}
            >
              ${staff.role === 'notary' ? tn('nav') : t('lawyer.nav')}
            </button>`
          : ''
      }
      ${
        slots
          ? html`<button
              type="button"
              aria-current=${page === 'notarySlots' ? 'page' : 'false'}
              @click=${() => (this._view = { kind: 'notarySlots', staff })}
            >
              ${tn('slots.nav')}
            </button>`
          : ''
      }
      <button
        type="button"
        aria-current=${page === 'list' ? 'page' : 'false'}
        @click=${() => (this._view = { kind: 'list', staff })}
      >
        ${t('list.heading')}
      </button>
      ${
        fleet
          ? html`<button
              type="button"
              aria-current=${page === 'fleet' ? 'page' : 'false'}
              @click=${() => (this._view = { kind: 'fleet', staff })}
            >
              ${t('fleet.nav')}
            </button>`
          : ''
      }
      ${
        // 上门服务 for the legal-aid staff (they call back); 满意度 for them and the administrators.
        fleet
          ? html`${
                staff.role === 'staff'
                  ? html`<button
                      type="button"
                      aria-current=${page === 'homeVisits' ? 'page' : 'false'}
                      @click=${() => (this._view = { kind: 'homeVisits', staff })}
                    >
                      ${th('nav')}
                    </button>`
                  : ''
              }
              <button
                type="button"
                aria-current=${page === 'satisfaction' ? 'page' : 'false'}
                @click=${() => (this._view = { kind: 'satisfaction', staff })}
              >
                ${th('satisfaction.nav')}
              </button>`
          : ''
      }
    </nav>`;
  }

  private async _logout(): Promise<void> {
    await logout().catch(() => undefined);
    this._takesCalls = false;
    this._view = { kind: 'login' };
  }

  private _page(): TemplateResult {
    const v = this._view;
    switch (v.kind) {
      case 'loading':
        return html``;
      case 'login':
        return html`<center-login .notice=${v.notice ?? ''}></center-login>`;
      case 'password':
        return html`<center-password-change></center-password-change>`;
      case 'list':
        // A notary lands on 公证申请: the centre lists only the kinds her desk reads (KIND_READERS).
        // A mediator lands on 调解申请 (only mediation: KIND_READERS).
        return html`<center-application-list
          .heading=${
            v.staff.role === 'notary'
              ? t('notary.heading')
              : v.staff.role === 'mediator'
                ? tm('heading')
                : t('list.heading')
          }
        ></center-application-list>`;
      case 'detail':
        return html`<center-application-detail
          .centerId=${v.centerId}
          .staffRole=${v.staff.role}
        ></center-application-detail>`;
      case 'desk':
        return v.staff.role === 'notary'
          ? html`<center-notary-interviews></center-notary-interviews>`
          : html`<center-lawyer-desk></center-lawyer-desk>`;
      case 'notarySlots':
        return html`<center-notary-slots ?can-edit=${v.staff.role === 'notary'}></center-notary-slots>`;
      case 'fleet':
        return html`<center-fleet-page></center-fleet-page>`;
      case 'homeVisits':
        return html`<center-home-visit-list></center-home-visit-list>`;
      case 'satisfaction':
        return html`<center-satisfaction></center-satisfaction>`;
      default: {
        const never: never = v;
        return never;
      }
    }
  }

  override render(): TemplateResult {
    const staff = 'staff' in this._view ? this._view.staff : undefined;
    // Each desk names itself (法律援助申请受理台, 远程公证受理台 …); the login page the centre.
    const own = `titleByRole.${staff?.role ?? ''}`;
    const title = staff && hasKey(own) ? own : 'title';
    return html`
      <header>
        <h1>${t(title)}</h1>
        ${this._nav()}
        ${
          staff
            ? html`<span
                >${staff.name}
                <button type="button" @click=${() => void this._logout()}>${t('login.logout')}</button></span
              >`
            : ''
        }
      </header>
      <main>${this._page()}</main>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'center-app': CenterApp;
  }
}
