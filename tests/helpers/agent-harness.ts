import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { Agent, type AgentOptions } from '../../device-agent/src/app/agent.js';
import type { KioskConfig } from '../../device-agent/src/config/schema.js';
import { LogRing } from '@kiosk/node-common/log-ring';

export const DEMO_CONFIG: KioskConfig = {
  configVersion: 1,
  terminal: { id: 'test-0001', name: '测试村公共法律服务室', regionCode: '450100' },
  agent: { host: '127.0.0.1', port: 0, adminPort: 0 },
  devices: {
    idCard: { transport: 'simulated' },
    printer: { transport: 'simulated', paperWidthMm: 80 },
    camera: { enabled: true },
  },
  center: { url: 'http://127.0.0.1:9', token: 'test-terminal-token' },
  ui: { locale: 'zh-CN', idleWarningSeconds: 180, idleCountdownSeconds: 45, voice: true },
  hotline: { number: '12348' },
};

export interface TestAgent {
  agent: Agent;
  base: string;
  adminBase: string;
  wsUrl: string;
  dir: string;
  /** Every log line the agent wrote (already redacted). */
  logText(): string;
  stop(): Promise<void>;
}

/** Starts an in-process agent on loopback port 0 with its own config file and data dir. */
export async function startTestAgent(
  config: unknown = DEMO_CONFIG,
  options: Omit<AgentOptions, 'env' | 'logDestination' | 'logLevel' | 'logRing'> = {},
): Promise<TestAgent> {
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-agent-'));
  const configFile = join(dir, 'kiosk.config.json');
  writeFileSync(configFile, typeof config === 'string' ? config : JSON.stringify(config, null, 2));
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      lines.push(chunk.toString());
      done();
    },
  });
  const logRing = new LogRing();
  const agent = new Agent({
    env: { ...process.env, KIOSK_CONFIG: configFile, KIOSK_DATA_DIR: join(dir, 'data') },
    logDestination: sink,
    logLevel: 'debug',
    logRing,
    port: 0,
    adminPort: 0,
    ...options,
  });
  await agent.start();
  const { port, adminPort } = agent.ports;
  return {
    agent,
    base: `http://127.0.0.1:${port}`,
    adminBase: `http://127.0.0.1:${adminPort}`,
    wsUrl: `ws://127.0.0.1:${port}/api/v1/ws`,
    dir,
    logText: () => lines.join(''),
    stop: async () => {
      await agent.stop();
    },
  };
}
