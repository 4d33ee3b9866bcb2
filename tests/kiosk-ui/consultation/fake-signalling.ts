// A fake signalling socket for the call client (the client takes any SocketLike): records what the
// kiosk sends and lets the test play the centre.
import type { ClientMessage, ServerMessage, SignallingToken } from '@kiosk/contract/signalling-api';
import type { SocketLike } from '../../../kiosk-ui/src/consultation/call-client.js';

export class FakeSignallingSocket extends EventTarget implements SocketLike {
  readyState = 0;
  readonly sent: ClientMessage[] = [];
  onSend: ((m: ClientMessage) => void) | null = null;

  constructor(
    readonly url: string,
    opens = true,
  ) {
    super();
    queueMicrotask(() => {
      if (this.readyState !== 0) return;
      if (!opens) {
        this.drop(1006);
        return;
      }
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    });
  }

  send(data: string): void {
    const m = JSON.parse(data) as ClientMessage;
    this.sent.push(m);
    this.onSend?.(m);
  }

  close(code = 1000): void {
    this.drop(code);
  }

  /** The connection goes away (network, server restart). */
  drop(code = 1006): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new CloseEvent('close', { code }));
  }

  receive(message: ServerMessage): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }

  ofType<T extends ClientMessage['type']>(type: T): Array<Extract<ClientMessage, { type: T }>> {
    return this.sent.filter((m): m is Extract<ClientMessage, { type: T }> => m.type === type);
  }
}

export const TOKEN: SignallingToken = {
  token: '9999999999.mac',
  id: 'demo-0001',
  role: 'kiosk',
  expiresAt: '2099-01-01T00:00:00.000Z',
  url: 'ws://127.0.0.1:7400/api/v1/signalling',
};

export function welcome(resumed = false, lawyersOnline = 2): ServerMessage {
  return { type: 'welcome', iceServers: [], iceTransportPolicy: 'all', resumed, lawyersOnline };
}
