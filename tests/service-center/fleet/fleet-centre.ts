import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import type { TerminalHeartbeat } from '@kiosk/contract/intake-api';
import type { StaffRoleName } from '@kiosk/contract/staff-api';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import { createCenter, type Center } from '../../../service-center/src/center.js';
import type { CenterConfig } from '../../../service-center/src/config-schema.js';
import { TEST_TERMINALS } from '../center-harness.js';

export interface FleetCentre {
  center: Center;
  url: string;
  logText(): string;
  addStaff(name: string, password: string, role: StaffRoleName): Promise<void>;
  stop(): Promise<void>;
}

/** A centre on loopback with fleet settings the tests choose (short silence, a beat limit). */
export async function startFleetCentre(
  fleet: CenterConfig['fleet'] = {},
  options: { consoleDir?: string; terminals?: CenterConfig['terminals'] } = {},
): Promise<FleetCentre> {
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-fleet-'));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const center = createCenter({
    config: {
      configVersion: 1,
      host: '127.0.0.1',
      port: 0,
      terminals: options.terminals ?? TEST_TERMINALS,
      legalAid: { decisionDays: 7 },
      fleet,
    },
    dataDir,
    port: 0,
    log: createLogger({ destination: sink, level: 'debug' }),
    scryptLogN: 10,
    consoleDir: options.consoleDir ?? join(dataDir, 'no-console'),
  });
  await center.start();
  return {
    center,
    url: center.url,
    logText: () => lines.join(''),
    addStaff: async (name, password, role) =>
      center.repo.putStaff({
        name,
        passwordHash: await hashPassword(password, 10),
        mustChange: false,
        role,
        at: new Date().toISOString(),
      }),
    stop: () => center.stop(),
  };
}

/** A well-formed heartbeat; `patch` changes parts of it. */
export function heartbeat(patch: Partial<TerminalHeartbeat> = {}): TerminalHeartbeat {
  return {
    agentVersion: '0.1.0',
    uptimeSec: 120,
    sentAt: new Date().toISOString(),
    regionCode: '450100',
    devices: {
      idcard: { device: 'online' },
      printer: { device: 'online', paper: 'full' },
      camera: { device: 'online' },
    },
    outbox: { depth: 0, oldestAgeSec: null, lastForwardAt: null },
    diskFreeBytes: 20 * 1024 ** 3,
    ...patch,
  };
}

export function beat(url: string, token: string, body: unknown): Promise<Response> {
  return fetch(`${url}/api/v1/intake/heartbeat`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}
