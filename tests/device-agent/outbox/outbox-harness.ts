import { openSqlite } from '@kiosk/node-common/sqlite';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { OutboxModule, type OutboxOptions } from '../../../device-agent/src/outbox/outbox-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

export const FAST: OutboxOptions = { pollMs: 100, retryBaseMs: 50, retryMaxMs: 300, ackWaitMs: 5_000 };

/** An in-process agent with only the outbox module, forwarding to `centerUrl` as terminal test-0001. */
export function startOutboxAgent(centerUrl: string, options: OutboxOptions = FAST): Promise<TestAgent> {
  return startTestAgent(
    { ...DEMO_CONFIG, center: { url: centerUrl, token: 'test-terminal-token' } },
    { modules: [(ctx) => new OutboxModule(ctx, options)] },
  );
}

export const outboxFile = (t: TestAgent): string => join(t.dir, 'data', 'outbox.sqlite');

export function queryOutbox<T>(t: TestAgent, sql: string, ...params: unknown[]): T[] {
  const db = openSqlite(outboxFile(t), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}

/** Every byte of the outbox's files on disk (database, WAL, shared memory) as one buffer. */
export function outboxBytes(t: TestAgent): Buffer {
  const dir = join(t.dir, 'data');
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith('outbox.sqlite'))
      .map((f) => readFileSync(join(dir, f))),
  );
}
