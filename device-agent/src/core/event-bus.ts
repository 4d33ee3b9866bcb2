import { EventEmitter } from 'node:events';
import type { HeartbeatReadiness } from '@kiosk/contract/intake-api';
import type { ErrorEventPayload, ServiceName, ServiceStatusMap } from '@kiosk/contract/kiosk-api';
import type { Logger } from '@kiosk/node-common/logger';

/**
 * Events modules exchange inside the agent. They never carry card fields or photos, except
 * `cardRead`'s ID number: in-process only, never logged or sent to a client (the outbox turns it into
 * a keyed hash at once, for 查询进度 by card).
 */
export interface BusEvents {
  statusChanged: [{ service: ServiceName; status: ServiceStatusMap[ServiceName]; changed: string[] }];
  deviceError: [ErrorEventPayload];
  /** The villager's visit ended: drop anything held for it. */
  sessionEnded: [];
  /** The reader delivered a card in the current visit. */
  cardRead: [{ idNumber: string }];
  /** The fleet heartbeat wants the readiness report (the admin module answers; null when it cannot). */
  readinessWanted: [{ reply: (report: HeartbeatReadiness | null) => void }];
}

type Listener<K extends keyof BusEvents> = (...args: BusEvents[K]) => void;

export class EventBus {
  private readonly _emitter = new EventEmitter();
  private readonly _owners = new Map<object, Array<[keyof BusEvents, (...args: unknown[]) => void]>>();

  constructor(private readonly _log: Logger) {
    this._emitter.setMaxListeners(100);
  }

  on<K extends keyof BusEvents>(event: K, owner: object, listener: Listener<K>): void {
    const wrapped = (...args: unknown[]): void => {
      try {
        listener(...(args as BusEvents[K]));
      } catch (err) {
        const name = (owner as { name?: unknown }).name;
        this._log.error({ err }, `${typeof name === 'string' ? name : 'module'}/${event} listener failed`);
      }
    };
    this._emitter.on(event, wrapped);
    const list = this._owners.get(owner) ?? [];
    list.push([event, wrapped]);
    this._owners.set(owner, list);
  }

  emit<K extends keyof BusEvents>(event: K, ...args: BusEvents[K]): void {
    this._emitter.emit(event, ...args);
  }

  removeListeners(owner: object): void {
    for (const [event, fn] of this._owners.get(owner) ?? []) this._emitter.off(event, fn);
    this._owners.delete(owner);
  }
}
