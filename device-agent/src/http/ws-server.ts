import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type RawData, type WebSocket } from 'ws';
import { SERVICE_NAMES, type AgentStatusDocument, type ServerMessage } from '@kiosk/contract/kiosk-api';
import type { ClientConnection, Dispatcher } from '../core/dispatcher.js';
import type { Logger } from '@kiosk/node-common/logger';
import { isAllowed, type OriginPolicy } from '@kiosk/node-common/guards';
import type { StatusHub } from './status-hub.js';

export interface WsDeps {
  path: string;
  listener: 'kiosk' | 'admin';
  policy: OriginPolicy;
  dispatcher: Dispatcher;
  hub: StatusHub;
  statusDocument: () => AgentStatusDocument;
  log: Logger;
  /** Extra check on the upgrade (the admin listener requires a login). */
  authorize?: (req: IncomingMessage) => boolean;
}

/** Attaches the `{header, payload}` WebSocket to a server: guard on upgrade, then `ws` noServer. */
export function attachWebSocket(server: Server, deps: WsDeps): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1024 * 1024 });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    // Nothing a client sends on the upgrade may throw out of this handler (the process would end).
    try {
      socket.on('error', (err) =>
        deps.log.debug({ code: (err as NodeJS.ErrnoException).code }, 'upgrade socket error'),
      );
      const url = new URL(req.url ?? '/', 'http://x');
      if (url.pathname !== deps.path) return refuse(socket, 404, 'Not Found');
      if (!isAllowed(req, deps.policy)) {
        deps.log.warn({ origin: req.headers.origin, host: req.headers.host }, 'websocket upgrade refused');
        return refuse(socket, 403, 'Forbidden');
      }
      if (deps.authorize && !deps.authorize(req)) return refuse(socket, 401, 'Unauthorized');
      wss.handleUpgrade(req, socket, head, (ws) => {
        try {
          onConnection(ws, deps);
        } catch (err) {
          deps.log.warn({ err: errorSummary(err), listener: deps.listener }, 'websocket connection failed');
          ws.terminate();
        }
      });
    } catch (err) {
      deps.log.warn({ err: errorSummary(err), listener: deps.listener }, 'websocket upgrade failed');
      refuse(socket, 400, 'Bad Request');
    }
  });
  return wss;
}

/**
 * What is logged of an exception a client caused: its kind and message, never the message that
 * caused it (it may hold personal data); the message is cut short in case it echoes input.
 */
export function errorSummary(err: unknown): { name: string; message: string } {
  const e = err instanceof Error ? err : new Error(String(err));
  return { name: e.name, message: e.message.slice(0, 120) };
}

function refuse(socket: Duplex, code: number, text: string): void {
  if (socket.destroyed || !socket.writable) return;
  socket.end(`HTTP/1.1 ${code} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

function onConnection(ws: WebSocket, deps: WsDeps): void {
  const closed = new AbortController();
  const send = (message: ServerMessage): void => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const conn: ClientConnection = {
    id: deps.dispatcher.newConnectionId(),
    listener: deps.listener,
    signal: closed.signal,
    send,
  };
  // Snapshot first, then deltas (every key listed as changed).
  const doc = deps.statusDocument();
  for (const service of SERVICE_NAMES) {
    const status = doc.services[service];
    send(deps.hub.message('common.statusChanged', { service, status, changed: Object.keys(status) }));
  }
  const unsubscribe = deps.hub.subscribe(send);
  ws.on('message', (data, isBinary) => {
    let parsed: unknown;
    try {
      parsed = isBinary ? undefined : JSON.parse(rawText(data));
    } catch {
      parsed = undefined;
    }
    try {
      deps.dispatcher.dispatch(conn, parsed);
    } catch (err) {
      // A message must never end the process: answer like any other bad message, log without its content.
      deps.log.warn({ err: errorSummary(err), listener: deps.listener }, 'websocket message failed');
      try {
        send({
          header: {
            type: 'ack',
            name: '',
            requestId: 0,
            status: 'invalidMessage',
            errorDescription: 'message refused',
          },
          payload: {},
        });
      } catch {
        // the socket is gone
      }
    }
  });
  ws.on('close', () => {
    unsubscribe();
    closed.abort();
    deps.dispatcher.cancelAll(conn.id);
  });
  ws.on('error', (err) => deps.log.warn({ err }, 'websocket error'));
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  return Buffer.from(new Uint8Array(data)).toString('utf8');
}
