import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChromeAction } from '../events/kiosk-chrome-action.js';
import type { KioskNavigateEvent } from '../events/kiosk-navigate.js';
import { INITIAL_NAV, nextNav, screenId, type NavEvent, type NavState } from './nav-machine.js';

/** The bar buttons that move between screens. */
export type NavAction = Extract<ChromeAction, 'back' | 'home' | 'help' | 'hotline'>;

/**
 * Which screen the shell shows (style R3, R6): feeds the pure nav machine from `kiosk-navigate`
 * events and the bars' 返回/首页/求助/热线, and calls `onScreenShown` once a new screen is rendered.
 */
export class NavigationController implements ReactiveController {
  state: NavState = INITIAL_NAV;
  private _shownId = screenId(INITIAL_NAV.screen);

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _onScreenShown: () => void,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._host.addEventListener('kiosk-navigate', this._onNavigate);
  }

  hostDisconnected(): void {
    this._host.removeEventListener('kiosk-navigate', this._onNavigate);
  }

  hostUpdated(): void {
    const id = screenId(this.state.screen);
    if (id === this._shownId) return;
    this._shownId = id;
    // After this update: what runs on a new screen (speech, loading a flow) changes state itself.
    void this._host.updateComplete.then(() => this._onScreenShown());
  }

  private readonly _onNavigate = (e: KioskNavigateEvent): void => {
    e.stopPropagation();
    if (this.state.screen.kind === 'attract') this.go({ type: 'wake' });
    else this.go({ type: 'open', screen: e.screen });
  };

  go(event: NavEvent): void {
    const next = nextNav(this.state, event);
    if (next === this.state) return;
    this.state = next;
    this._host.requestUpdate();
  }

  /** 返回/首页/求助/热线 (they also wake the start screen). `mayLeave` asks an open flow about 返回. */
  chrome(action: NavAction, mayLeave: () => boolean): void {
    if (this.state.screen.kind === 'attract') this.go({ type: 'wake' });
    switch (action) {
      case 'back':
        if (mayLeave()) this.go({ type: 'back' });
        return;
      case 'home':
        this.go({ type: 'home' });
        return;
      case 'help':
      case 'hotline':
        this.go({ type: 'open', screen: { kind: 'info', page: action } });
        return;
      default: {
        const never: never = action;
        return never;
      }
    }
  }
}
