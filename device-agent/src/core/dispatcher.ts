import {
  SERVICE_NAMES,
  type AckStatus,
  type AgentStatusDocument,
  type ServerMessage,
  type ServiceName,
} from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';
import { CommandQueue, abortOutcome } from './command-queue.js';
import { CancelError, CompletionError } from './errors.js';
import { isUsable, type CommandContext, type CommandOutcome, type CommandSpec, type Service } from './service.js';
import { describeErrors, type Validator } from '@kiosk/node-common/validator';

export interface ClientConnection {
  readonly id: number;
  readonly listener: 'kiosk' | 'admin';
  /** Aborts when the client goes away; its commands are then cancelled. */
  readonly signal: AbortSignal;
  /**
   * A blocking HTTP request: `timeoutMs` 0 (none) or above the command's maximum becomes the
   * maximum, capped at HTTP_MAX_TIMEOUT_MS, so held requests cannot fill a device queue for good.
   */
  readonly blocking?: boolean;
  send(message: ServerMessage): void;
}

interface Outstanding {
  cancel: AbortController;
  service: ServiceName | 'common';
}

const SERVICE_ENUM = { type: 'string', enum: [...SERVICE_NAMES] };
/** Own-key lookups only: a name from the wire such as `toString` or `constructor` must not match. */
const COMMON_SCHEMAS: ReadonlyMap<string, object> = new Map<string, object>(
  Object.entries({
    'common.status': {
      type: 'object',
      properties: { service: SERVICE_ENUM },
      additionalProperties: false,
    },
    'common.cancel': {
      type: 'object',
      properties: {
        requestIds: { type: 'array', items: { type: 'integer', minimum: 1 }, maxItems: 100 },
      },
      additionalProperties: false,
    },
    'common.reset': {
      type: 'object',
      properties: { service: SERVICE_ENUM },
      required: ['service'],
      additionalProperties: false,
    },
  }),
);

const RESET_TIMEOUT_MS = 10_000;
/** Longest a blocking HTTP command may hold its place in a device queue. */
export const HTTP_MAX_TIMEOUT_MS = 120_000;

/**
 * Validate → ack → route (XFS CommandDispatcher). Nothing invalid is ever queued; each accepted
 * command gets exactly one completion, sent only to the connection that asked.
 */
export class Dispatcher {
  private readonly _queues = new Map<ServiceName, CommandQueue>();
  private readonly _outstanding = new Map<number, Map<number, Outstanding>>();
  private _nextConnectionId = 1;

  constructor(
    private readonly _services: ReadonlyMap<ServiceName, Service>,
    private readonly _statusDocument: () => AgentStatusDocument,
    private readonly _log: Logger,
    private readonly _validator: Validator,
  ) {
    for (const name of SERVICE_NAMES) this._queues.set(name, new CommandQueue(4));
  }

  /** A connection id unique among this dispatcher's clients (WebSocket, HTTP request, admin run). */
  newConnectionId(): number {
    return this._nextConnectionId++;
  }

  /** Handles one client message. Returns the ack status (null = accepted). */
  dispatch(conn: ClientConnection, raw: unknown): AckStatus {
    const msg = raw as { header?: Record<string, unknown>; payload?: unknown } | null;
    const header = msg && typeof msg === 'object' ? msg.header : undefined;
    const name = typeof header?.['name'] === 'string' ? header['name'] : '';
    const requestId = header?.['requestId'];
    const reject = (status: Exclude<AckStatus, null>, errorDescription: string): AckStatus => {
      conn.send({
        header: {
          type: 'ack',
          name,
          requestId: typeof requestId === 'number' ? requestId : 0,
          status,
          errorDescription,
        },
        payload: {},
      });
      return status;
    };

    if (!header || typeof header !== 'object' || header['type'] !== 'command' || !name)
      return reject('invalidMessage', 'expected {header: {type: "command", name, requestId}, payload}');
    if (typeof requestId !== 'number' || !Number.isInteger(requestId) || requestId < 1)
      return reject('invalidRequestId', 'requestId must be a positive integer');
    if (this._outstanding.get(conn.id)?.has(requestId))
      return reject('invalidRequestId', `requestId ${requestId} is already in use`);
    const timeoutMs = header['timeoutMs'];
    if (timeoutMs !== undefined && (typeof timeoutMs !== 'number' || !Number.isInteger(timeoutMs) || timeoutMs < 0))
      return reject('invalidMessage', 'timeoutMs must be a non-negative integer');
    const payload = msg?.payload === undefined ? {} : msg.payload;

    const commonSchema = COMMON_SCHEMAS.get(name);
    if (commonSchema) {
      const errors = this._validator.validate(commonSchema, payload);
      if (errors.length) return reject('invalidData', describeErrors(errors));
      return this._common(conn, name, requestId, timeoutMs, payload as Record<string, unknown>);
    }

    const [serviceName] = name.split('.', 1) as [ServiceName];
    const service = this._services.get(serviceName);
    const spec = service?.commands.get(name);
    if (!service || !spec) return reject('unsupportedCommand', `unknown command ${name}`);
    if (spec.adminOnly && conn.listener !== 'admin')
      return reject('unsupportedCommand', `${name} is only available on the admin listener`);
    const errors = this._validator.validate(spec.schema, payload);
    if (errors.length) return reject('invalidData', describeErrors(errors));
    const semantic = spec.validate?.(payload as never);
    if (semantic) return reject('invalidData', semantic);
    const queue = this._queues.get(serviceName)!;
    if (queue.isFull) return reject('tooManyRequests', `${serviceName} already holds ${queue.size} requests`);

    this._accept(conn, name, requestId);
    const { signal, done } = this._track(conn, requestId, serviceName, this._timeout(spec, timeoutMs, conn));
    queue.enqueue({
      connectionId: conn.id,
      requestId,
      signal,
      run: () => this._run(service, spec, payload, conn, requestId, signal),
      complete: (outcome) => {
        done();
        this._complete(conn, name, requestId, outcome);
      },
    });
    return null;
  }

  /** Cancels every command a connection has outstanding (used when it disconnects). */
  cancelAll(connectionId: number): void {
    for (const entry of this._outstanding.get(connectionId)?.values() ?? [])
      entry.cancel.abort(new CancelError('client disconnected'));
  }

  private _common(
    conn: ClientConnection,
    name: string,
    requestId: number,
    timeoutMs: number | undefined,
    payload: Record<string, unknown>,
  ): AckStatus {
    if (name === 'common.reset') {
      const serviceName = payload['service'] as ServiceName;
      const service = this._services.get(serviceName)!;
      const queue = this._queues.get(serviceName)!;
      if (queue.isFull) {
        conn.send({
          header: { type: 'ack', name, requestId, status: 'tooManyRequests', errorDescription: 'queue full' },
          payload: {},
        });
        return 'tooManyRequests';
      }
      this._accept(conn, name, requestId);
      const limit =
        timeoutMs === undefined
          ? RESET_TIMEOUT_MS
          : conn.blocking
            ? Math.min(timeoutMs || Infinity, HTTP_MAX_TIMEOUT_MS)
            : timeoutMs;
      const { signal, done } = this._track(conn, requestId, serviceName, limit);
      queue.enqueue({
        connectionId: conn.id,
        requestId,
        signal,
        run: async () => {
          try {
            await service.reset(signal);
            return { completionCode: 'success', payload: {} };
          } catch (err) {
            return this._failure(err, signal, name);
          }
        },
        complete: (outcome) => {
          done();
          this._complete(conn, name, requestId, outcome);
        },
      });
      return null;
    }

    this._accept(conn, name, requestId);
    if (name === 'common.status') {
      const doc = this._statusDocument();
      const service = payload['service'] as ServiceName | undefined;
      this._complete(conn, name, requestId, {
        completionCode: 'success',
        payload: service ? doc.services[service] : doc,
      });
    } else {
      const ids = payload['requestIds'] as number[] | undefined;
      for (const [id, entry] of this._outstandingFor(conn.id)) {
        if (!ids || ids.includes(id)) entry.cancel.abort(new CancelError());
      }
      this._complete(conn, name, requestId, { completionCode: 'success', payload: {} });
    }
    return null;
  }

  private async _run(
    service: Service,
    spec: CommandSpec<never>,
    payload: unknown,
    conn: ClientConnection,
    requestId: number,
    signal: AbortSignal,
  ): Promise<CommandOutcome> {
    const device = service.status().device;
    if (!spec.anyState && !isUsable(device))
      return { completionCode: 'deviceNotReady', errorDescription: `device is ${device}`, payload: {} };
    const ctx: CommandContext = {
      signal,
      requestId,
      listener: conn.listener,
      emit: (eventName, eventPayload = {}) => {
        if (!signal.aborted)
          conn.send({ header: { type: 'event', name: eventName, requestId }, payload: eventPayload });
      },
    };
    try {
      return await spec.run(payload as never, ctx);
    } catch (err) {
      return this._failure(err, signal, `${service.name} command`);
    }
  }

  private _failure(err: unknown, signal: AbortSignal, what: string): CommandOutcome {
    if (err instanceof CompletionError)
      return { completionCode: err.completionCode, errorDescription: err.message, payload: err.payload };
    if (signal.aborted) return abortOutcome(signal);
    this._log.error({ err }, `${what} failed unexpectedly`);
    return { completionCode: 'internalError', errorDescription: 'internal error', payload: {} };
  }

  private _timeout(spec: CommandSpec<never>, requested: number | undefined, conn: ClientConnection): number {
    if (requested === undefined) return spec.defaultTimeoutMs;
    if (conn.blocking) return Math.min(requested === 0 ? Infinity : requested, spec.maxTimeoutMs, HTTP_MAX_TIMEOUT_MS);
    if (requested === 0) return 0;
    return Math.min(requested, spec.maxTimeoutMs);
  }

  /** Signal = cancel ∪ disconnect ∪ timeout; the timeout starts now, at acceptance. */
  private _track(
    conn: ClientConnection,
    requestId: number,
    service: ServiceName | 'common',
    timeoutMs: number,
  ): { signal: AbortSignal; done: () => void } {
    const cancel = new AbortController();
    const own = this._outstandingFor(conn.id);
    own.set(requestId, { cancel, service });
    const timer =
      timeoutMs > 0
        ? setTimeout(() => cancel.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError')), timeoutMs)
        : undefined;
    const onDisconnect = (): void => cancel.abort(new CancelError('client disconnected'));
    if (conn.signal.aborted) onDisconnect();
    else conn.signal.addEventListener('abort', onDisconnect, { once: true });
    return {
      signal: cancel.signal,
      done: () => {
        clearTimeout(timer);
        conn.signal.removeEventListener('abort', onDisconnect);
        own.delete(requestId);
        if (own.size === 0) this._outstanding.delete(conn.id);
      },
    };
  }

  private _accept(conn: ClientConnection, name: string, requestId: number): void {
    conn.send({ header: { type: 'ack', name, requestId, status: null }, payload: {} });
  }

  private _complete(conn: ClientConnection, name: string, requestId: number, outcome: CommandOutcome): void {
    const header = {
      type: 'completion' as const,
      name,
      requestId,
      completionCode: outcome.completionCode,
      ...(outcome.errorDescription ? { errorDescription: outcome.errorDescription } : {}),
    };
    this._log.info({ name, requestId, completionCode: outcome.completionCode }, 'command completed');
    if (!conn.signal.aborted) conn.send({ header, payload: outcome.payload });
  }

  private _outstandingFor(connectionId: number): Map<number, Outstanding> {
    let own = this._outstanding.get(connectionId);
    if (!own) {
      own = new Map();
      this._outstanding.set(connectionId, own);
    }
    return own;
  }
}
