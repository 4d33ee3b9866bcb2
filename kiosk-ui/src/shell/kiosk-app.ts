import { provide } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { keyed } from 'lit/directives/keyed.js';
import '../components/kiosk-bottom-bar.js';
import '../components/kiosk-idle-warning.js';
import '../components/kiosk-top-bar.js';
import {
  a11yContext,
  agentStatusContext,
  localizeContext,
  uiConfigContext,
  visitContext,
  type A11yMode,
  type VisitApi,
} from '../context/contexts.js';
import { loadAgentStatus } from '../data/agent-status.js';
import { AgentSocket, type AgentSocketSnapshot } from '../data/agent-socket.js';
import { AgentStatusController } from '../data/agent-status-controller.js';
import { endAgentSession, startHeartbeat } from '../data/session.js';
import { DEFAULT_UI_CONFIG, loadUiConfig, type UiConfig } from '../data/ui-config.js';
import { KioskBackRequestEvent } from '../events/kiosk-back-request.js';
import type { KioskChromeActionEvent } from '../events/kiosk-chrome-action.js';
import type { KioskFlowExitEvent } from '../events/kiosk-flow-exit.js';
import type { KioskNavigateEvent } from '../events/kiosk-navigate.js';
import { loadFlow } from '../flows/flow-registry.js';
import { createLocalize } from '../i18n/localize.js';
import type { Localize, MessageKey, MessageParams } from '../i18n/message-types.js';
import { IdleController } from '../session/idle-controller.js';
import { tokens } from '../styles/tokens.js';
import { RATES, VoicePlayer, type VoicePlayerState } from '../voice/voice-player.js';
import { INITIAL_NAV, nextNav, screenId, type NavEvent, type NavState } from './nav-machine.js';
import { rootFontPx } from './root-size.js';
import { promptKeyOf, renderScreen } from './screen-view.js';
import { speechTarget } from './speech-target.js';
import { wipeBrowserStorage } from './wipe.js';

/**
 * @summary The kiosk shell: provides the contexts, owns the screen state, the visit (idle clock,
 * wipe), the voice player and the always-present bars. Flows render inside it full-screen.
 */
@customElement('kiosk-app')
export class KioskApp extends LitElement {
  static override styles = [
    tokens,
    css`
      :host {
        display: grid;
        grid-template-rows: auto 1fr auto;
        height: 100vh;
        background: var(--kiosk-bg);
        overflow: hidden;
      }
      main {
        position: relative;
        overflow: auto;
        padding: 1.5rem 2rem;
      }
      main.full {
        padding: 0;
      }
    `,
  ];

  @provide({ context: localizeContext })
  private _t: Localize = createLocalize();

  @provide({ context: uiConfigContext })
  @state()
  private _config: UiConfig = DEFAULT_UI_CONFIG;

  @provide({ context: agentStatusContext })
  @state()
  private _agent: AgentSocketSnapshot = { connection: 'closed', services: {} };

  @provide({ context: a11yContext })
  @state()
  private _a11y: A11yMode = { largeText: false, voice: DEFAULT_UI_CONFIG.ui.voice, voiceAvailable: true };

  @provide({ context: visitContext })
  @state()
  private _visit: VisitApi = this._createVisitApi(1);

  @state() private _nav: NavState = INITIAL_NAV;
  @state() private _voice: VoicePlayerState = { caption: '', playing: false, paused: false };
  @state() private _flowElement: HTMLElement | undefined;
  @state() private _rate = 1;

  private readonly _socket = new AgentSocket();
  private readonly _status = new AgentStatusController(this, this._socket);
  private readonly _player = new VoicePlayer();
  private readonly _idle = new IdleController(
    this,
    () => ({
      warningSeconds: this._config.ui.idleWarningSeconds,
      countdownSeconds: this._config.ui.idleCountdownSeconds,
    }),
    {
      onVisitStart: () => undefined,
      onWarn: () => this._visit.speak('idle.prompt'),
      onExpire: () => void this._endVisit('idle'),
    },
  );
  private readonly _visitEndCallbacks = new Set<() => void>();
  private _stopHeartbeat: (() => void) | undefined;
  private _unsubscribePlayer: (() => void) | undefined;
  private _flowLoad = 0;
  private _configLoaded = false;
  private _configLoading = false;

  override connectedCallback(): void {
    super.connectedCallback();
    this._socket.start();
    this._stopHeartbeat = startHeartbeat();
    this._unsubscribePlayer = this._player.subscribe((s) => {
      this._voice = s;
      if (s.playing) this._idle.pause('speech');
      else this._idle.resume('speech');
    });
    this.addEventListener('pointerdown', this._onPointerDown, true);
    this.addEventListener('click', this._onTapToHear);
    this.addEventListener('kiosk-navigate', this._onNavigate);
    this.addEventListener('kiosk-chrome-action', this._onChrome);
    this.addEventListener('kiosk-flow-exit', this._onFlowExit);
    this.addEventListener('kiosk-idle-stay', this._onStay);
    void this._loadConfig();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._socket.stop();
    this._stopHeartbeat?.();
    this._unsubscribePlayer?.();
    this._player.wipe();
  }

  private async _loadConfig(): Promise<void> {
    if (this._configLoading) return;
    this._configLoading = true;
    const [config, status] = await Promise.all([loadUiConfig(), loadAgentStatus()]).finally(
      () => (this._configLoading = false),
    );
    // When the agent was not up yet, the defaults hold until the connection opens (see willUpdate).
    this._configLoaded = config !== DEFAULT_UI_CONFIG;
    this._config = config;
    const voiceAvailable = status?.agent.voice?.available ?? true;
    this._a11y = { largeText: this._a11y.largeText, voice: config.ui.voice, voiceAvailable };
    this._player.enabled = config.ui.voice && voiceAvailable;
    this._speakScreen();
  }

  protected override willUpdate(): void {
    const before = this._agent;
    if (before !== this._status.value) this._agent = this._status.value;
    if (!this._configLoaded && before.connection !== 'open' && this._agent.connection === 'open')
      void this._loadConfig();
  }

  protected override updated(changed: PropertyValues): void {
    if (changed.has('_a11y') || changed.has('_config'))
      document.documentElement.style.fontSize = `${rootFontPx(this._config.ui.screen, this._a11y.largeText)}px`;
    const before = changed.get('_nav') as NavState | undefined;
    if (before && screenId(before.screen) !== screenId(this._nav.screen)) {
      // After this update: speaking and mounting change state themselves.
      void this.updateComplete.then(() => {
        this._speakScreen();
        void this._mountFlow();
      });
    }
  }

  private _speakScreen(): void {
    const key = promptKeyOf(this._nav.screen);
    if (key) this._visit.speak(key);
  }

  private async _mountFlow(): Promise<void> {
    const screen = this._nav.screen;
    const ticket = ++this._flowLoad;
    if (this._flowElement) this._flowElement = undefined;
    if (screen.kind !== 'flow') return;
    const definition = await loadFlow(screen.flow).catch(() => null);
    if (ticket !== this._flowLoad) return;
    if (!definition) {
      this._go({ type: 'back' });
      this._go({ type: 'open', screen: { kind: 'preparing', service: screen.service } });
      return;
    }
    this._flowElement = document.createElement(definition.tag);
  }

  private _go(event: NavEvent): void {
    this._nav = nextNav(this._nav, event);
  }

  private readonly _onPointerDown = (e: PointerEvent): void => {
    // Any touch interrupts speech, except the speech controls themselves.
    const controls = e
      .composedPath()
      .some((n) => n instanceof HTMLElement && ['repeat', 'pause'].includes(n.dataset['chrome'] ?? ''));
    if (!controls) this._player.stop();
  };

  private readonly _onTapToHear = (e: MouseEvent): void => {
    const target = speechTarget(e.composedPath());
    if (!target) return;
    if ('key' in target) this._visit.speak(target.key, target.params);
    else this._visit.speakText(target.text);
  };

  private readonly _onNavigate = (e: KioskNavigateEvent): void => {
    e.stopPropagation();
    if (this._nav.screen.kind === 'attract') this._go({ type: 'wake' });
    else this._go({ type: 'open', screen: e.screen });
  };

  private readonly _onStay = (): void => {
    if (this._idle.stay()) this._player.stop();
  };

  private readonly _onFlowExit = (e: KioskFlowExitEvent): void => {
    e.stopPropagation();
    if (e.outcome === 'done') void this._endVisit('done');
    else this._go({ type: 'home' });
  };

  private readonly _onChrome = (e: KioskChromeActionEvent): void => {
    e.stopPropagation();
    if (this._nav.screen.kind === 'attract' && ['back', 'home', 'help', 'hotline'].includes(e.action))
      this._go({ type: 'wake' });
    switch (e.action) {
      case 'back':
        if (this._flowElement && !this._flowElement.dispatchEvent(new KioskBackRequestEvent())) return;
        this._go({ type: 'back' });
        return;
      case 'home':
        this._go({ type: 'home' });
        return;
      case 'help':
        this._go({ type: 'open', screen: { kind: 'info', page: 'help' } });
        return;
      case 'hotline':
        this._go({ type: 'open', screen: { kind: 'info', page: 'hotline' } });
        return;
      case 'toggleVoice': {
        if (!this._a11y.voiceAvailable) {
          // No speech engine on this terminal: say so in the caption instead of a silent toggle.
          this._player.say({ key: 'app.voiceUnavailable', text: this._t('app.voiceUnavailable') });
          return;
        }
        const voice = !this._a11y.voice;
        this._a11y = { ...this._a11y, voice };
        this._player.enabled = voice && this._a11y.voiceAvailable;
        if (!voice) this._player.stop();
        return;
      }
      case 'toggleLargeText':
        this._a11y = { ...this._a11y, largeText: !this._a11y.largeText };
        return;
      case 'repeat':
        this._player.repeat();
        return;
      case 'pause':
        this._player.pause();
        return;
      case 'resume':
        this._player.resume();
        return;
      case 'rate': {
        this._player.rate = RATES[(RATES.indexOf(this._player.rate as (typeof RATES)[number]) + 1) % RATES.length]!;
        this._rate = this._player.rate;
        this._player.repeat();
        return;
      }
      default: {
        const never: never = e.action;
        return never;
      }
    }
  };

  private _createVisitApi(visitId: number): VisitApi {
    return {
      visitId,
      // A prompt with filled-in values is dynamic text; a plain key is a (recorded or cached) prompt.
      speak: (key: MessageKey, params?: MessageParams) =>
        this._player.say(params ? { text: this._t(key, params) } : { key, text: this._t(key) }),
      speakText: (text: string) => this._player.say({ text }),
      stopSpeech: () => this._player.stop(),
      pauseIdle: (reason) => this._idle.pause(reason),
      resumeIdle: (reason) => this._idle.resume(reason),
      endVisit: (reason) => this._endVisit(reason),
      onVisitEnd: (callback) => {
        this._visitEndCallbacks.add(callback);
        return () => this._visitEndCallbacks.delete(callback);
      },
    };
  }

  /** The end of a visit (DESIGN §7): wipe DOM, memory, storage and the agent's copy; defaults back. */
  private async _endVisit(_reason: 'done' | 'idle' | 'abandoned'): Promise<void> {
    this._player.wipe();
    this._rate = this._player.rate;
    this._idle.end();
    for (const callback of this._visitEndCallbacks) {
      try {
        callback();
      } catch {
        // One module's failure must not stop the wipe of the others.
      }
    }
    this._visitEndCallbacks.clear();
    this._flowLoad++;
    this._flowElement = undefined;
    this._nav = INITIAL_NAV;
    this._a11y = { largeText: false, voice: this._config.ui.voice, voiceAvailable: this._a11y.voiceAvailable };
    this._player.enabled = this._a11y.voice && this._a11y.voiceAvailable;
    this._visit = this._createVisitApi(this._visit.visitId + 1);
    await Promise.all([wipeBrowserStorage(), endAgentSession()]);
  }

  override render() {
    const screen = this._nav.screen;
    const full = screen.kind === 'attract';
    const content = screen.kind === 'flow' ? this._flowElement : renderScreen(screen);
    return html`
      <kiosk-top-bar
        .terminal=${this._config.terminal.name}
        .hotline=${this._config.hotline.number}
        ?voice-on=${this._a11y.voice && this._a11y.voiceAvailable}
        ?large-text=${this._a11y.largeText}
        ?offline=${this._agent.connection === 'closed'}
      ></kiosk-top-bar>
      <main class=${full ? 'full' : ''} data-screen=${screenId(screen)} tabindex="0">
        ${keyed(this._visit.visitId, content)}
        ${this._idle.state.phase === 'warning' ? html`<kiosk-idle-warning .remaining=${this._idle.state.remaining}></kiosk-idle-warning>` : null}
      </main>
      <kiosk-bottom-bar
        .caption=${this._voice.caption}
        .rate=${this._rate}
        ?speaking=${this._voice.playing}
        ?paused=${this._voice.paused}
        ?without-navigation=${screen.kind === 'home' || screen.kind === 'attract'}
      ></kiosk-bottom-bar>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'kiosk-app': KioskApp;
  }
}
