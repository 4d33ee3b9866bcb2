import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { createCenter, type Center } from '../../service-center/src/center.js';
import type { CenterConfig } from '../../service-center/src/config-schema.js';

export const TEST_TERMINALS = [
  { id: 'test-0001', token: 'test-terminal-token', name: '测试村公共法律服务室' },
  { id: 'test-0002', token: 'other-terminal-token', name: '另一个村' },
];

export interface TestCenter {
  center: Center;
  url: string;
  port: number;
  dataDir: string;
  logText(): string;
  addStaff(name: string, password: string): Promise<void>;
  stop(): Promise<void>;
}

/** An in-process centre on loopback with its own data dir; low scrypt cost for speed. */
export async function startTestCenter(
  options: { dataDir?: string; port?: number; consoleDir?: string; storage?: CenterConfig['storage'] } = {},
): Promise<TestCenter> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'kiosk-center-'));
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
    terminals: TEST_TERMINALS,
    legalAid: { decisionDays: 7 },
    ...(options.storage ? { storage: options.storage } : {}),
  };
  const center = createCenter({
    config,
    dataDir,
    port: options.port ?? 0,
    log: createLogger({ destination: sink, level: 'debug' }),
    scryptLogN: 10,
    consoleDir: options.consoleDir ?? join(dataDir, 'no-console'),
  });
  await center.start();
  return {
    center,
    url: center.url,
    port: center.port,
    dataDir,
    logText: () => lines.join(''),
    addStaff: async (name, password) =>
      center.repo.putStaff({
        name,
        passwordHash: await hashPassword(password, 10),
        mustChange: false,
        at: new Date().toISOString(),
      }),
    stop: () => center.stop(),
  };
}

/** Logs a staff member in; returns a fetch bound to the session cookie and CSRF token. */
export async function staffLogin(
  url: string,
  name: string,
  password: string,
): Promise<{
  status: number;
  body: Record<string, unknown>;
  call: (path: string, init?: { method?: string; body?: unknown; csrf?: boolean }) => Promise<Response>;
}> {
  const res = await fetch(`${url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });
  const body = (await res.json()) as Record<string, unknown>;
  const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0];
  const csrf = typeof body['csrfToken'] === 'string' ? body['csrfToken'] : '';
  const call = async (
    path: string,
    init: { method?: string; body?: unknown; csrf?: boolean } = {},
  ): Promise<Response> => {
    const headers: Record<string, string> = { cookie };
    if (init.body !== undefined) headers['content-type'] = 'application/json';
    if (init.csrf !== false) headers['x-csrf-token'] = csrf;
    return fetch(`${url}${path}`, {
      method: init.method ?? 'GET',
      headers,
      ...(init.body !== undefined ? { body: JSON.stringify(init.body) } : {}),
    });
  };
  return { status: res.status, body, call };
}
