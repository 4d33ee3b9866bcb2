import { LitElement, css, html, type TemplateResult } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import type { SessionInfo } from '@kiosk/contract/admin-api';
import { AdminApi } from './admin-api.js';
import { errorText } from './admin-errors.js';
import type { KioskAdminReauthDoneEvent } from './admin-events.js';
import { t } from './admin-messages.js';
import { adminStyles } from './admin-styles.js';
import './kiosk-admin-account.js';
import './kiosk-admin-board.js';
import './kiosk-admin-camera.js';
import './kiosk-admin-config.js';
import './kiosk-admin-diagnostics.js';
import './kiosk-admin-login.js';
import './kiosk-admin-logs.js';
import './kiosk-admin-ports.js';
import './kiosk-admin-printer.js';
import './kiosk-admin-readiness.js';
import './kiosk-admin-reader.js';
import './kiosk-admin-reauth.js';
import type { KioskAdminReauth } from './kiosk-admin-reauth.js';
import './kiosk-admin-setup.js';
import './kiosk-admin-simulator.js';

const PAGES = [
  'board',
  'ports',
  'config',
  'reader',
  'printer',
  'camera',
  'simulator',
  'logs',
  'diagnostics',
  'readiness',
  'account',
] as const;
type Page = (typeof PAGES)[number];
type Gate = 'loading' | 'unreachable' | 'setup' | 'login' | 'app';

/**
 * The technician's admin page: first-boot setup, login, then the tool pages.
 * @summary Admin shell (owns the login state and the current page).
 */
@customElement('kiosk-admin-app')
export class KioskAdminApp extends LitElement {
  static override styles = [
    adminStyles,
    css`
      :host {
        min-height: 100vh;
        background: var(--kiosk-muted-bg);
      }
      .shell {
        display: grid;
        grid-template-columns: 18rem 1fr;
        gap: var(--kiosk-gap);
        padding: var(--kiosk-gap);
      }
      nav {
        display: flex;
        flex-direction: column;
        gap: 0.75rem;
      }
      nav button[aria-current='page'] {
        background: var(--kiosk-primary);
        color: var(--kiosk-on-primary);
      }
      main {
        background: var(--kiosk-bg);
        border-radius: var(--kiosk-radius);
        padding: 1.5rem;
        min-width: 0;
      }
      .gate {
        max-width: 48rem;
        margin: 2rem auto;
        background: var(--kiosk-bg);
        padding: 2rem;
        border-radius: var(--kiosk-radius);
      }
      @media (max-width: 1100px) {
        .shell {
          grid-template-columns: 1fr;
        }
        nav {
          flex-direction: row;
          flex-wrap: wrap;
        }
      }
    `,
  ];

  private readonly _api = new AdminApi();
  private _reauthWaiter: ((ok: boolean) => void) | null = null;
  @query('kiosk-admin-reauth') private _reauth!: KioskAdminReauth;
  @state() private _gate: Gate = 'loading';
  @state() private _page: Page = 'board';
  @state() private _notice = '';

  constructor() {
    super();
    this._api.hooks = {
      onLoggedOut: () => {
        this._notice = t('admin.errors.loginRequired');
        this._gate = 'login';
      },
      onReauthNeeded: () =>
        new Promise<boolean>((resolve) => {
          this._reauthWaiter = resolve;
          this._reauth.open();
        }),
    };
  }

  override connectedCallback(): void {
    super.connectedCallback();
    void this._checkSession();
  }

  private async _checkSession(): Promise<void> {
    try {
      const s = await this._api.get<SessionInfo>('/session');
      this._gate = !s.configured ? 'setup' : s.loggedIn ? 'app' : 'login';
    } catch (err) {
      this._notice = errorText(err);
      this._gate = 'unreachable';
    }
  }

  private _onReauthDone(ev: KioskAdminReauthDoneEvent): void {
    this._reauthWaiter?.(ev.ok);
    this._reauthWaiter = null;
  }

  private async _logout(): Promise<void> {
    await this._api.post('/logout').catch(() => undefined);
    this._notice = '';
    this._gate = 'login';
  }

  private _pageView(): TemplateResult {
    const api = this._api;
    switch (this._page) {
      case 'board':
        return html`<kiosk-admin-board .api=${api}></kiosk-admin-board>`;
      case 'ports':
        return html`<kiosk-admin-ports .api=${api}></kiosk-admin-ports>`;
      case 'config':
        return html`<kiosk-admin-config .api=${api}></kiosk-admin-config>`;
      case 'reader':
        return html`<kiosk-admin-reader .api=${api}></kiosk-admin-reader>`;
      case 'printer':
        return html`<kiosk-admin-printer .api=${api}></kiosk-admin-printer>`;
      case 'camera':
        return html`<kiosk-admin-camera></kiosk-admin-camera>`;
      case 'simulator':
        return html`<kiosk-admin-simulator .api=${api}></kiosk-admin-simulator>`;
      case 'logs':
        return html`<kiosk-admin-logs .api=${api}></kiosk-admin-logs>`;
      case 'diagnostics':
        return html`<kiosk-admin-diagnostics .api=${api}></kiosk-admin-diagnostics>`;
      case 'readiness':
        return html`<kiosk-admin-readiness .api=${api}></kiosk-admin-readiness>`;
      case 'account':
        return html`<kiosk-admin-account .api=${api}></kiosk-admin-account>`;
      default: {
        const never: never = this._page;
        return never;
      }
    }
  }

  private _body(): TemplateResult {
    switch (this._gate) {
      case 'loading':
        return html`<main class="gate"><p>${t('admin.common.working')}</p></main>`;
      case 'unreachable':
        return html`<main class="gate"><p class="error">${this._notice}</p></main>`;
      case 'setup':
        return html`<main class="gate">
          <kiosk-admin-setup .api=${this._api} @kiosk-admin-logged-in=${() => (this._gate = 'app')}></kiosk-admin-setup>
        </main>`;
      case 'login':
        return html`<main class="gate">
          <kiosk-admin-login
            .api=${this._api}
            .notice=${this._notice}
            @kiosk-admin-logged-in=${() => ((this._gate = 'app'), (this._notice = ''))}
          ></kiosk-admin-login>
        </main>`;
      case 'app':
        return html`<div class="shell">
          <nav aria-label=${t('admin.title')}>
            ${PAGES.map(
              (p) =>
                html`<button
                  class="secondary"
                  aria-current=${p === this._page ? 'page' : 'false'}
                  @click=${() => (this._page = p)}
                >
                  ${t(`admin.nav.${p}`)}
                </button>`,
            )}
            <button class="secondary" @click=${() => this._logout()}>${t('admin.login.logout')}</button>
          </nav>
          <main>${this._pageView()}</main>
        </div>`;
      default: {
        const never: never = this._gate;
        return never;
      }
    }
  }

  override render() {
    return html`${this._body()}<kiosk-admin-reauth
        .api=${this._api}
        @kiosk-admin-reauth-done=${(e: KioskAdminReauthDoneEvent) => this._onReauthDone(e)}
      ></kiosk-admin-reauth>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-admin-app': KioskAdminApp;
  }
}
