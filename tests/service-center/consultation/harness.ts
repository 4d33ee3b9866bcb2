import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import WebSocket from 'ws';
import {
  SIGNALLING_PATH,
  type ClientMessage,
  type ServerMessage,
  type SignallingRole,
} from '@kiosk/contract/signalling-api';
import { createLogger } from '@kiosk/node-common/logger';
import { createCenter, type Center } from '../../../service-center/src/center.js';
import type { CenterConfig, ConsultationConfig, StorageConfig } from '../../../service-center/src/config-schema.js';
import { mintSignallingToken } from '../../../service-center/src/consultation/tokens.js';
import { TEST_TERMINALS } from '../center-harness.js';

export const TOKEN_SECRET = 'consultation-test-secret-0123456789abcdef';
export const TURN_SECRET = 'turn-test-secret-0123456789';

export interface ConsultCenter {
  center: Center;
  url: string;
  wsUrl: string;
  dataDir: string;
  logText(): string;
  token(role: SignallingRole, id: string, ttlS?: number): string;
  connect(role: SignallingRole, id: string, extra?: Partial<ClientMessage>): Promise<SigClient>;
  stop(): Promise<void>;
}

/** A centre on 127.0.0.1 port 0 with a known token secret, short timers and other terminals when asked. */
export async function startConsultCenter(
  consultation: ConsultationConfig = {},
  options: {
    dataDir?: string;
    storage?: StorageConfig;
    terminals?: CenterConfig['terminals'];
    counties?: CenterConfig['counties'];
    heartbeatMs?: number;
  } = {},
): Promise<ConsultCenter> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-consult-'));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const config: CenterConfig = {
    configVersion: 1,
    host: '127.0.0.1',
    port: 0,
    terminals: options.terminals ?? TEST_TERMINALS,
    ...(options.counties ? { counties: options.counties } : {}),
    consultation: { tokenSecret: TOKEN_SECRET, ...consultation },
    ...(options.storage ? { storage: options.storage } : {}),
  };
  const center = createCenter({
    config,
    dataDir,
    port: 0,
    log: createLogger({ destination: sink, level: 'debug' }),
    scryptLogN: 10,
    consoleDir: join(dataDir, 'no-console'),
    ...(options.heartbeatMs ? { signallingHeartbeatMs: options.heartbeatMs } : {}),
  });
  await center.start();
  const wsUrl = `ws://127.0.0.1:${center.port}${SIGNALLING_PATH}`;
  const token = (role: SignallingRole, id: string, ttlS = 600): string =>
    mintSignallingToken(TOKEN_SECRET, role, id, ttlS).token;
  return {
    center,
    url: center.url,
    wsUrl,
    dataDir,
    logText: () => lines.join(''),
    token,
    async connect(role, id, extra = {}) {
      const client = await SigClient.open(wsUrl);
      client.send({ type: 'hello', role, id, token: token(role, id), ...extra });
      await client.next('welcome');
      return client;
    },
    stop: () => center.stop(),
  };
}

type Of<T extends ServerMessage['type']> = Extract<ServerMessage, { type: T }>;

/** A signalling client that records every message; `next(type)` waits for the next unread one of a type. */
export class SigClient {
  readonly messages: ServerMessage[] = [];
  readonly closed: Promise<{ code: number; reason: string }>;
  private readonly _read = new Set<ServerMessage>();
  private _waiters: Array<() => void> = [];

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      this.messages.push(JSON.parse((data as Buffer).toString('utf8')) as ServerMessage);
      for (const w of this._waiters) w();
    });
    this.closed = new Promise((done) => {
      ws.on('close', (code, reason) => {
        done({ code, reason: reason.toString() });
        for (const w of this._waiters) w();
      });
    });
  }

  /** `autoPong: false` plays a client whose network went silent (it never answers a ping). */
  static open(url: string, headers: Record<string, string> = {}, autoPong = true): Promise<SigClient> {
    const ws = new WebSocket(url, { headers, autoPong });
    return new Promise((done, fail) => {
      ws.once('open', () => done(new SigClient(ws)));
      ws.once('error', fail);
      ws.once('unexpected-response', (_req, res) => fail(new Error(`HTTP ${res.statusCode}`)));
    });
  }

  send(message: ClientMessage | Record<string, unknown>): void {
    this.ws.send(JSON.stringify(message));
  }

  sendRaw(data: string | Buffer): void {
    this.ws.send(data);
  }

  /** The next message of `type` not returned before (and matching `where`), waiting up to `timeoutMs`. */
  next<T extends ServerMessage['type']>(
    type: T,
    where: (m: Of<T>) => boolean = () => true,
    timeoutMs = 3000,
  ): Promise<Of<T>> {
    const find = (): Of<T> | undefined =>
      this.messages.find((m): m is Of<T> => m.type === type && !this._read.has(m) && where(m as Of<T>));
    return new Promise((done, fail) => {
      const check = (): boolean => {
        const m = find();
        if (!m) return false;
        this._read.add(m);
        cleanup();
        done(m);
        return true;
      };
      const timer = setTimeout(() => {
        cleanup();
        fail(new Error(`no ${type} within ${timeoutMs} ms; got ${JSON.stringify(this.messages.map((m) => m.type))}`));
      }, timeoutMs);
      const cleanup = (): void => {
        clearTimeout(timer);
        this._waiters = this._waiters.filter((w) => w !== waiter);
      };
      const waiter = (): void => void check();
      this._waiters.push(waiter);
      check();
    });
  }

  /** True when no unread message of `type` arrives within `ms`. */
  async none(type: ServerMessage['type'], ms = 300): Promise<boolean> {
    try {
      await this.next(type, () => true, ms);
      return false;
    } catch {
      return true;
    }
  }

  close(): Promise<{ code: number; reason: string }> {
    this.ws.close();
    return this.closed;
  }

  /** Drops the TCP connection without a close frame (a lost network). */
  kill(): Promise<{ code: number; reason: string }> {
    this.ws.terminate();
    return this.closed;
  }
}
