import { ContextProvider } from '@lit/context';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { agentStatusContext, uiConfigContext } from '../context/contexts.js';
import { loadAgentStatus } from '../data/agent-status.js';
import { AgentSocket, type AgentSocketSnapshot } from '../data/agent-socket.js';
import { AgentStatusController } from '../data/agent-status-controller.js';
import { startHeartbeat } from '../data/session.js';
import { DEFAULT_UI_CONFIG, loadUiConfig, type UiConfig } from '../data/ui-config.js';

/**
 * The shell's link to the agent (style R6): keeps the WebSocket and the heartbeat running while
 * connected, provides `agentStatusContext` and `uiConfigContext`, and loads the UI config at start
 * and again once the agent connects if it was not up yet. `onLoaded` gets each loaded config.
 */
export class AgentLinkController implements ReactiveController {
  private readonly _socket = new AgentSocket();
  private readonly _status: AgentStatusController;
  private readonly _statusProvider: ContextProvider<typeof agentStatusContext>;
  private readonly _configProvider: ContextProvider<typeof uiConfigContext>;
  private _stopHeartbeat: (() => void) | undefined;
  private _loaded = false;
  private _loading = false;

  constructor(
    private readonly _host: ReactiveControllerHost & HTMLElement,
    private readonly _onLoaded: (config: UiConfig, voiceAvailable: boolean) => void,
  ) {
    this._status = new AgentStatusController(_host, this._socket);
    this._statusProvider = new ContextProvider(_host, {
      context: agentStatusContext,
      initialValue: { connection: 'closed', services: {} },
    });
    this._configProvider = new ContextProvider(_host, { context: uiConfigContext, initialValue: DEFAULT_UI_CONFIG });
    _host.addController(this);
  }

  hostConnected(): void {
    this._socket.start();
    this._stopHeartbeat = startHeartbeat();
    void this._load();
  }

  hostDisconnected(): void {
    this._socket.stop();
    this._stopHeartbeat?.();
    this._stopHeartbeat = undefined;
  }

  hostUpdate(): void {
    const before = this.status;
    this._statusProvider.setValue(this._status.value);
    // When the agent was not up at start, the defaults hold until the connection opens.
    if (!this._loaded && before.connection !== 'open' && this.status.connection === 'open') void this._load();
  }

  private async _load(): Promise<void> {
    if (this._loading) return;
    this._loading = true;
    const [config, status] = await Promise.all([loadUiConfig(), loadAgentStatus()]).finally(
      () => (this._loading = false),
    );
    this._loaded = config !== DEFAULT_UI_CONFIG;
    this._configProvider.setValue(config);
    this._host.requestUpdate();
    this._onLoaded(config, status?.agent.voice?.available ?? true);
  }

  /** The agent connection and device status (the top bar shows 终端正在连接 when it is closed). */
  get status(): AgentSocketSnapshot {
    return this._statusProvider.value;
  }

  /** The UI config: DESIGN §4 defaults until the agent answers. */
  get config(): UiConfig {
    return this._configProvider.value;
  }
}
