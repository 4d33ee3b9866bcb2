import type { Request, Response } from 'express';
import { SERVICE_NAMES, type ServerMessage } from '@kiosk/contract/kiosk-api';
import type { ClientConnection, Dispatcher } from '../core/dispatcher.js';
import { HTTP_STATUS_FOR_ACK } from '../core/errors.js';

const COMMON_ALIASES = new Set(['status', 'cancel', 'reset']);

/**
 * `POST …/services/:service/commands/:command` — the blocking mirror of the WebSocket: every
 * completion is HTTP 200; a rejection before running is 4xx with the ack envelope. Closing the
 * request before the completion cancels the command.
 */
export function commandRoute(dispatcher: Dispatcher, listener: 'kiosk' | 'admin') {
  let nextRequestId = 1;
  return (req: Request, res: Response): void => {
    const service = String(req.params['service']);
    const command = String(req.params['command']);
    const body = (req.body ?? {}) as { timeoutMs?: unknown; payload?: unknown };
    let name = `${service}.${command}`;
    let payload = body.payload === undefined ? {} : body.payload;
    if (service !== 'common' && COMMON_ALIASES.has(command) && (SERVICE_NAMES as readonly string[]).includes(service)) {
      name = `common.${command}`;
      if (command !== 'cancel' && payload && typeof payload === 'object' && !Array.isArray(payload))
        payload = { service, ...payload };
    }
    const closed = new AbortController();
    res.on('close', () => {
      if (!res.writableFinished) closed.abort();
    });
    const conn: ClientConnection = {
      id: dispatcher.newConnectionId(),
      listener,
      signal: closed.signal,
      blocking: true,
      send: (message: ServerMessage) => {
        if (res.headersSent) return;
        if (message.header.type === 'ack' && message.header.status !== null) {
          res.status(HTTP_STATUS_FOR_ACK[message.header.status]).json(message);
        } else if (message.header.type === 'completion') {
          res.status(200).json(message);
        }
      },
    };
    const header: Record<string, unknown> = { type: 'command', name, requestId: nextRequestId++ };
    if (body.timeoutMs !== undefined) header['timeoutMs'] = body.timeoutMs;
    dispatcher.dispatch(conn, { header, payload });
  };
}
