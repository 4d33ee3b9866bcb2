import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { CLOSE_UNAUTHORIZED, SIGNALLING_PATH, type ServerMessage } from '@kiosk/contract/signalling-api';
import type { OriginPolicy } from '@kiosk/node-common/guards';
import type { Logger } from '@kiosk/node-common/logger';
import type { Connection, Session, SignallingHub } from './hub.js';
import { parseClientMessage } from './parse.js';

export interface SignallingServerDeps {
  hub: SignallingHub;
  /** The centre's Host/Origin policy (HTTP and this upgrade share it). */
  policy: OriginPolicy;
  /** Origins of kiosk pages besides loopback ones (the agent serves the page on 127.0.0.1). */
  kioskOrigins: readonly string[];
  log: Logger;
  heartbeatMs?: number;
  helloTimeoutMs?: number;
}

/** SDP offers are a few kB; anything over this closes the socket (1009) before it is parsed. */
export const MAX_MESSAGE_BYTES = 64 * 1024;
const MAX_BAD_MESSAGES = 50;
const LOOPBACK_ORIGIN = /^http:\/\/(127\.0\.0\.1|localhost)(:\d{1,5})?$/;

function refuse(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/**
 * The WebSocket side of signalling at `SIGNALLING_PATH`: Host and Origin checked at the upgrade,
 * `hello` first (else 4001), one message at a time per socket, junk answered with `badMessage`,
 * a ping every 10 s and termination when the previous one got no pong.
 */
export class SignallingServer {
  private readonly _wss = new WebSocketServer({
    noServer: true,
    maxPayload: MAX_MESSAGE_BYTES,
    perMessageDeflate: false,
  });
  private readonly _alive = new WeakMap<WebSocket, boolean>();
  private _heartbeat: NodeJS.Timeout | undefined;

  constructor(private readonly _deps: SignallingServerDeps) {}

  start(): void {
    this._heartbeat = setInterval(() => this._beat(), this._deps.heartbeatMs ?? 10_000);
    this._heartbeat.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this._heartbeat);
    for (const ws of this._wss.clients) ws.terminate();
    await new Promise<void>((done) => this._wss.close(() => done()));
  }

  get connections(): number {
    return this._wss.clients.size;
  }

  private _originAllowed(req: IncomingMessage): boolean {
    const host = req.headers.host?.toLowerCase();
    if (!host || !this._deps.policy.hosts().has(host)) return false;
    const origin = req.headers.origin?.toLowerCase();
    if (origin === undefined) return true;
    return (
      this._deps.policy.origins().has(origin) ||
      LOOPBACK_ORIGIN.test(origin) ||
      this._deps.kioskOrigins.some((o) => o.toLowerCase() === origin)
    );
  }

  /** The HTTP server's `upgrade` listener. */
  readonly upgrade = (req: IncomingMessage, socket: Duplex, head: Buffer): void => {
    socket.on('error', () => socket.destroy());
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://x').pathname;
    } catch {
      return refuse(socket, 400, 'Bad Request');
    }
    if (path !== SIGNALLING_PATH) return refuse(socket, 404, 'Not Found');
    if (!this._originAllowed(req)) return refuse(socket, 403, 'Forbidden');
    this._wss.handleUpgrade(req, socket, head, (ws) => this._connected(ws));
  };

  private _beat(): void {
    for (const ws of this._wss.clients) {
      if (this._alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this._alive.set(ws, false);
      ws.ping();
    }
  }

  private _connected(ws: WebSocket): void {
    const { hub, log } = this._deps;
    this._alive.set(ws, true);
    ws.on('pong', () => this._alive.set(ws, true));
    let session: Session | undefined;
    let closed = false;
    let bad = 0;
    let queue: Promise<void> = Promise.resolve();
    const conn: Connection = {
      send: (message: ServerMessage) => {
        if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
      },
      close: (code, reason) => ws.close(code, reason),
    };
    const helloTimer = setTimeout(() => {
      if (!session) conn.close(CLOSE_UNAUTHORIZED, 'no hello');
    }, this._deps.helloTimeoutMs ?? 10_000);

    const onMessage = async (data: RawData, isBinary: boolean): Promise<void> => {
      if (closed) return;
      const parsed = isBinary ? { bad: 'binary' } : parseClientMessage(rawText(data));
      if ('bad' in parsed) {
        conn.send({ type: 'error', error: 'badMessage', detail: parsed.bad });
        if (++bad > MAX_BAD_MESSAGES) conn.close(1008, 'too many bad messages');
        return;
      }
      if (session) return hub.handle(session, parsed);
      if (parsed.type !== 'hello') {
        conn.send({ type: 'error', error: 'unauthorized', detail: 'hello first' });
        return conn.close(CLOSE_UNAUTHORIZED, 'hello first');
      }
      session = await hub.hello(conn, parsed);
      if (session) clearTimeout(helloTimer);
      // The socket may have closed while the hello was looked up.
      if (session && closed) hub.disconnected(session);
    };

    ws.on('message', (data, isBinary) => {
      queue = queue
        .then(() => onMessage(data, isBinary))
        .catch((err: unknown) => {
          log.error({ err }, 'signalling: message failed');
          conn.send({ type: 'error', error: 'badMessage', detail: 'could not be handled' });
        });
    });
    ws.on('error', (err) => log.debug({ err: err.message }, 'signalling: socket error'));
    ws.on('close', () => {
      closed = true;
      clearTimeout(helloTimer);
      if (session) hub.disconnected(session);
    });
  }
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}
