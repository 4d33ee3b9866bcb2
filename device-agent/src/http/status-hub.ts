import type { ServerMessage } from '@kiosk/contract/kiosk-api';
import type { EventBus } from '../core/event-bus.js';

/**
 * Turns bus status changes into numbered `unsolicited` messages for every connected client
 * (`common.statusChanged`, `common.error`).
 */
export class StatusHub {
  readonly name = 'status-hub';
  private _seq = 0;
  private readonly _clients = new Set<(message: ServerMessage) => void>();

  constructor(private readonly _bus: EventBus) {}

  get seq(): number {
    return this._seq;
  }

  start(): void {
    this._bus.on('statusChanged', this, (change) => {
      this.broadcast('common.statusChanged', change);
    });
    this._bus.on('deviceError', this, (error) => {
      this.broadcast('common.error', error);
    });
  }

  stop(): void {
    this._bus.removeListeners(this);
    this._clients.clear();
  }

  subscribe(send: (message: ServerMessage) => void): () => void {
    this._clients.add(send);
    return () => this._clients.delete(send);
  }

  broadcast(name: string, payload: unknown): void {
    const message: ServerMessage = { header: { type: 'unsolicited', name, seq: ++this._seq }, payload };
    for (const send of this._clients) send(message);
  }

  /** One message for a single client (the snapshot sent on connect). */
  message(name: string, payload: unknown): ServerMessage {
    return { header: { type: 'unsolicited', name, seq: ++this._seq }, payload };
  }
}
