import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AgentSocket, AgentSocketSnapshot } from './agent-socket.js';

/** Re-renders its host whenever the agent connection or a device status changes (style R6). */
export class AgentStatusController implements ReactiveController {
  value: AgentSocketSnapshot;
  private _unsubscribe: (() => void) | undefined;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _socket: AgentSocket,
  ) {
    this.value = _socket.snapshot;
    _host.addController(this);
  }

  hostConnected(): void {
    this._unsubscribe = this._socket.subscribe((snapshot) => {
      this.value = snapshot;
      this._host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._unsubscribe = undefined;
  }
}
