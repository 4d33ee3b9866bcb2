import { backoffDelay } from '@kiosk/domain/backoff';
import type { ServerMessage, ServiceName, ServiceStatusMap, StatusChangedPayload } from '@kiosk/contract/kiosk-api';
import { apiUrl } from './agent-http.js';

export type ConnectionState = 'connecting' | 'open' | 'closed';

export interface AgentSocketSnapshot {
  connection: ConnectionState;
  services: Partial<ServiceStatusMap>;
}

export interface BackoffOptions {
  initialDelayMs: number;
  maxDelayMs: number;
}

/** Reconnect delay for the `attempt`-th reconnect (from 0): the product's one back-off rule. */
export const reconnectDelay = (
  attempt: number,
  { initialDelayMs, maxDelayMs }: BackoffOptions,
  random = Math.random,
): number => backoffDelay(attempt + 1, initialDelayMs, maxDelayMs, random, 0.4);

/**
 * Keeps the agent WebSocket (`/api/v1/ws`) connected and folds `common.statusChanged` into a
 * status map. Plain class; the reactive controller in agent-status-controller.ts ties it to a host.
 */
export class AgentSocket {
  private _ws: WebSocket | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _attempt = 0;
  private _running = false;
  private _snapshot: AgentSocketSnapshot = { connection: 'closed', services: {} };
  private readonly _listeners = new Set<(s: AgentSocketSnapshot) => void>();

  constructor(private readonly _backoff: BackoffOptions = { initialDelayMs: 500, maxDelayMs: 15_000 }) {}

  get snapshot(): AgentSocketSnapshot {
    return this._snapshot;
  }

  subscribe(listener: (s: AgentSocketSnapshot) => void): () => void {
    this._listeners.add(listener);
    listener(this._snapshot);
    return () => this._listeners.delete(listener);
  }

  start(): void {
    if (this._running) return;
    this._running = true;
    this._open();
  }

  stop(): void {
    this._running = false;
    clearTimeout(this._timer);
    this._timer = undefined;
    const ws = this._ws;
    this._ws = undefined;
    ws?.close();
    this._set({ connection: 'closed' });
  }

  private _open(): void {
    const url = apiUrl('/ws').replace(/^http/, 'ws');
    let ws: WebSocket;
    try {
      ws = new WebSocket(url);
    } catch {
      this._scheduleReconnect();
      return;
    }
    this._ws = ws;
    this._set({ connection: 'connecting' });
    ws.addEventListener('open', () => {
      if (this._ws !== ws) return;
      this._attempt = 0;
      this._set({ connection: 'open' });
    });
    ws.addEventListener('message', (ev: MessageEvent) => {
      if (this._ws === ws) this._onMessage(ev.data);
    });
    ws.addEventListener('close', () => {
      if (this._ws !== ws) return;
      this._ws = undefined;
      this._set({ connection: 'closed' });
      this._scheduleReconnect();
    });
  }

  private _scheduleReconnect(): void {
    if (!this._running) return;
    const delay = reconnectDelay(this._attempt++, this._backoff);
    this._timer = setTimeout(() => {
      this._timer = undefined;
      if (this._running) this._open();
    }, delay);
  }

  private _onMessage(data: unknown): void {
    if (typeof data !== 'string') return;
    let message: ServerMessage;
    try {
      message = JSON.parse(data) as ServerMessage;
    } catch {
      return;
    }
    if (message.header?.type !== 'unsolicited' || message.header.name !== 'common.statusChanged') return;
    const { service, status } = message.payload as StatusChangedPayload;
    const services: Partial<ServiceStatusMap> = { ...this._snapshot.services };
    (services as Record<ServiceName, unknown>)[service] = { ...(services[service] ?? {}), ...status };
    this._set({ services });
  }

  private _set(patch: Partial<AgentSocketSnapshot>): void {
    this._snapshot = { ...this._snapshot, ...patch };
    for (const listener of this._listeners) listener(this._snapshot);
  }
}
