import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ServerMessage, ServiceName, ServiceStatusMap, StatusChangedPayload } from '@kiosk/contract/kiosk-api';
import { reconnectDelay } from '../data/agent-socket.js';

export interface AdminStatusSnapshot {
  connected: boolean;
  services: Partial<ServiceStatusMap>;
}

/**
 * The admin status WebSocket (/admin/api/ws, login cookie): snapshot on connect, then
 * `common.statusChanged` deltas. Reconnects with backoff; reading status never extends the login.
 */
export class AdminStatusController implements ReactiveController {
  snapshot: AdminStatusSnapshot = { connected: false, services: {} };
  private _ws: WebSocket | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _attempt = 0;
  private _running = false;

  constructor(private readonly _host: ReactiveControllerHost) {
    _host.addController(this);
  }

  hostConnected(): void {
    this._running = true;
    this._open();
  }

  hostDisconnected(): void {
    this._running = false;
    clearTimeout(this._timer);
    const ws = this._ws;
    this._ws = undefined;
    ws?.close();
  }

  private _open(): void {
    const ws = new WebSocket(`${location.origin.replace(/^http/, 'ws')}/admin/api/ws`);
    this._ws = ws;
    ws.addEventListener('open', () => {
      this._attempt = 0;
      this._set({ connected: true });
    });
    ws.addEventListener('message', (ev: MessageEvent) => {
      if (this._ws === ws && typeof ev.data === 'string') this._onMessage(ev.data);
    });
    ws.addEventListener('close', () => {
      if (this._ws !== ws) return;
      this._ws = undefined;
      this._set({ connected: false });
      if (this._running)
        this._timer = setTimeout(
          () => this._open(),
          reconnectDelay(this._attempt++, { initialDelayMs: 500, maxDelayMs: 10_000 }),
        );
    });
  }

  private _onMessage(data: string): void {
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    if (message.header.type !== 'unsolicited' || message.header.name !== 'common.statusChanged') return;
    const { service, status } = message.payload as StatusChangedPayload;
    const services = { ...this.snapshot.services } as Record<ServiceName, unknown>;
    services[service] = status;
    this._set({ services: services as Partial<ServiceStatusMap> });
  }

  private _set(patch: Partial<AdminStatusSnapshot>): void {
    this.snapshot = { ...this.snapshot, ...patch };
    this._host.requestUpdate();
  }
}
