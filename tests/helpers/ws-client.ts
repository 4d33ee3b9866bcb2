import WebSocket from 'ws';
import type { ServerMessage } from '@kiosk/contract/kiosk-api';

/** A WebSocket client that records every message and can wait for one matching a predicate. */
export class TestWsClient {
  readonly messages: ServerMessage[] = [];
  private _waiters: Array<{ match: (m: ServerMessage) => boolean; done: (m: ServerMessage) => void }> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const message = JSON.parse((data as Buffer).toString('utf8')) as ServerMessage;
      this.messages.push(message);
      this._waiters = this._waiters.filter((w) => {
        if (!w.match(message)) return true;
        w.done(message);
        return false;
      });
    });
  }

  static connect(url: string, headers: Record<string, string> = {}): Promise<TestWsClient> {
    const ws = new WebSocket(url, { headers });
    return new Promise((done, fail) => {
      ws.once('open', () => done(new TestWsClient(ws)));
      ws.once('error', fail);
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(name: string, requestId: number, payload: unknown = {}, timeoutMs?: number): void {
    this.ws.send(
      JSON.stringify({
        header: { type: 'command', name, requestId, ...(timeoutMs === undefined ? {} : { timeoutMs }) },
        payload,
      }),
    );
  }

  waitFor(match: (m: ServerMessage) => boolean, timeoutMs = 5000): Promise<ServerMessage> {
    const seen = this.messages.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((done, fail) => {
      const timer = setTimeout(() => fail(new Error('timed out waiting for a message')), timeoutMs);
      this._waiters.push({
        match,
        done: (m) => {
          clearTimeout(timer);
          done(m);
        },
      });
    });
  }

  completion(requestId: number, timeoutMs = 5000): Promise<ServerMessage> {
    return this.waitFor((m) => m.header.type === 'completion' && m.header.requestId === requestId, timeoutMs);
  }

  ack(requestId: number): Promise<ServerMessage> {
    return this.waitFor((m) => m.header.type === 'ack' && m.header.requestId === requestId);
  }

  close(): Promise<void> {
    return new Promise((done) => {
      this.ws.once('close', () => done());
      this.ws.close();
    });
  }
}
