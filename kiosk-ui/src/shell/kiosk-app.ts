import { provide } from '@lit/context';
import { css, html, LitElement } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '../components/kiosk-bottom-bar.js';
import '../components/kiosk-card-return.js';
import '../components/kiosk-idle-warning.js';
import '../components/kiosk-top-bar.js';
import { a11yContext, localizeContext, type A11yMode } from '../context/contexts.js';
import { DEFAULT_UI_CONFIG, type UiConfig } from '../data/ui-config.js';
import type { KioskChromeActionEvent } from '../events/kiosk-chrome-action.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize } from '../i18n/message-types.js';
import { tokens } from '../styles/tokens.js';
import { AgentLinkController } from './agent-link-controller.js';
import { FlowController } from './flow-controller.js';
import { screenId } from './nav-machine.js';
import { NavigationController } from './navigation-controller.js';
import { rootFontPx, textScale } from './root-size.js';
import { FaceWarmUp } from './face-warm-up.js';
import { promptKeyOf, renderScreen } from './screen-view.js';
import { VisitController } from './visit-controller.js';
import { VoiceController } from './voice-controller.js';

/**
 * @summary The kiosk shell: provides the contexts, shows the current screen or flow between the
 * always-present bars and owns the accessibility mode (大字, 语音). Each concern is a controller:
 * the agent link and UI config, voice, navigation, the flow on screen, and the visit (idle clock,
 * the wipe at its end).
 */
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-rows: auto minmax(0, 1fr) auto;
        height: 100vh;
        background: var(--kiosk-bg);
        overflow: hidden;
      }
      /* A screen, not a page (DESIGN §9): the content area never scrolls; each screen fills it and
         splits or pages what does not fit. */
      main {
        position: relative;
        overflow: hidden;
        box-sizing: border-box;
        display: flex;
        flex-direction: column;
        min-height: 0;
        padding: 1rem 2rem;
      }
      main > * {
        flex: 1 1 auto;
        min-height: 0;
      }
      main.full {
        padding: 0;
      }
    `,
  ];

  @provide({ context: localizeContext })
  private _t: Localize = createLocalize();

  private readonly _agent = new AgentLinkController(this, (config, voiceAvailable) =>
    this._onConfig(config, voiceAvailable),
  );
  private readonly _voice = new VoiceController(this, this._t, (playing) =>
    playing ? this._visit.pauseIdle('speech') : this._visit.resumeIdle('speech'),
  );
  private readonly _faceWarmUp = new FaceWarmUp();
  private readonly _nav = new NavigationController(this, () => this._onScreenShown());
  private readonly _flow = new FlowController(this, {
    onUnavailable: (service) => {
      this._nav.go({ type: 'back' });
      this._nav.go({ type: 'open', screen: { kind: 'preparing', service } });
    },
    onExit: (outcome) => (outcome === 'done' ? void this._visit.end('done') : this._nav.go({ type: 'home' })),
  });
  private readonly _visit = new VisitController(this, this._voice, {
    timings: () => ({
      warningSeconds: this._agent.config.ui.idleWarningSeconds,
      countdownSeconds: this._agent.config.ui.idleCountdownSeconds,
    }),
    resetShell: () => this._resetShell(),
  });

  private readonly _onChrome = (e: KioskChromeActionEvent): void => {
    e.stopPropagation();
    // No new visit while the last card lies on the reader: a spoken reminder instead.
    if ((e.action === 'back' || e.action === 'home') && this._cardOnReaderBetweenVisits())
      return this._voice.speak('card.remind');
    switch (e.action) {
      case 'back':
      case 'home':
      case 'help':
      case 'hotline':
        this._nav.chrome(e.action, () => this._flow.mayLeave());
        return;
      case 'toggleVoice':
        this._toggleVoice();
        return;
      case 'toggleLargeText':
        this._a11y = { ...this._a11y, largeText: !this._a11y.largeText };
        return;
      case 'repeat':
      case 'pause':
      case 'resume':
      case 'rate':
        this._voice.chrome(e.action);
        return;
      default: {
        const never: never = e.action;
        return never;
      }
    }
  };

  @provide({ context: a11yContext })
  @state()
  private _a11y: A11yMode = { largeText: false, voice: DEFAULT_UI_CONFIG.ui.voice, voiceAvailable: true };

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('kiosk-chrome-action', this._onChrome);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('kiosk-chrome-action', this._onChrome);
    this._faceWarmUp.cancel();
  }

  protected override updated(): void {
    const root = document.documentElement.style;
    const size = `${rootFontPx(this._agent.config.ui.screen)}px`;
    if (root.fontSize !== size) root.fontSize = size;
    const scale = String(textScale(this._a11y.largeText));
    if (root.getPropertyValue('--kiosk-text-scale') !== scale) root.setProperty('--kiosk-text-scale', scale);
    // Every render (a new screen, the agent's status): armed only while the idle start screen shows.
    this._faceWarmUp.screen(
      this._nav.state.screen.kind === 'attract',
      this._agent.status.services.camera?.presence === 'present',
    );
  }

  private _onConfig(config: UiConfig, voiceAvailable: boolean): void {
    this._setA11y({ largeText: this._a11y.largeText, voice: config.ui.voice, voiceAvailable });
    this._speakScreen();
  }

  private _onScreenShown(): void {
    this._speakScreen();
    void this._flow.show(this._nav.state.screen);
  }

  private _speakScreen(): void {
    const key = promptKeyOf(this._nav.state.screen);
    if (key) this._voice.speak(key);
  }

  private _setA11y(mode: A11yMode): void {
    this._a11y = mode;
    this._voice.enabled = mode.voice && mode.voiceAvailable;
  }

  private _toggleVoice(): void {
    // No speech engine on this terminal: say so in the caption instead of a silent toggle.
    if (!this._a11y.voiceAvailable) return this._voice.speak('app.voiceUnavailable');
    const voice = !this._a11y.voice;
    this._setA11y({ ...this._a11y, voice });
    if (!voice) this._voice.stop();
  }

  /** Between visits (the start screen) with an ID card on the reader: 请取走身份证 covers the screen. */
  private _cardOnReaderBetweenVisits(): boolean {
    return this._nav.state.screen.kind === 'attract' && this._agent.status.services.idcard?.media === 'present';
  }

  /** The visit ended: no flow, the start screen, default settings (大字 off, 语音 as configured). */
  private _resetShell(): void {
    this._flow.clear();
    this._nav.go({ type: 'reset' });
    this._setA11y({
      largeText: false,
      voice: this._agent.config.ui.voice,
      voiceAvailable: this._a11y.voiceAvailable,
    });
  }

  override render() {
    const screen = this._nav.state.screen;
    const content = screen.kind === 'flow' ? this._flow.element : renderScreen(screen);
    const { config, status } = this._agent;
    const idle = this._visit.idle;
    return html`
      <kiosk-top-bar
        role="banner"
        .terminal=${config.terminal.name}
        .hotline=${config.hotline.number}
        ?voice-on=${this._a11y.voice && this._a11y.voiceAvailable}
        ?large-text=${this._a11y.largeText}
        ?offline=${status.connection === 'closed'}
      ></kiosk-top-bar>
      <main class=${screen.kind === 'attract' ? 'full' : ''} data-screen=${screenId(screen)} tabindex="0">
        ${keyed(this._visit.api.visitId, content)}
        ${idle.phase === 'warning' ? html`<kiosk-idle-warning .remaining=${idle.remaining}></kiosk-idle-warning>` : null}
        ${this._cardOnReaderBetweenVisits() ? html`<kiosk-card-return blocking></kiosk-card-return>` : null}
      </main>
      <kiosk-bottom-bar
        role="contentinfo"
        .caption=${this._voice.state.caption}
        .rate=${this._voice.rate}
        ?speaking=${this._voice.state.playing}
        ?paused=${this._voice.state.paused}
        ?without-navigation=${screen.kind === 'home' || screen.kind === 'attract'}
        ?large-text=${this._a11y.largeText}
      ></kiosk-bottom-bar>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
