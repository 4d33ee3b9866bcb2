import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { FleetModule } from '../../../device-agent/src/fleet/fleet-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

// The heartbeat is polite to a centre that is overloaded or gone: it waits out a 429's
// Retry-After, and a centre that cannot be reached is logged once, not every interval.

async function stubCentre(answer: (n: number) => { status: number; headers?: Record<string, string>; body?: string }) {
  let count = 0;
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      const a = answer(++count);
      res.writeHead(a.status, { 'content-type': 'application/json', ...a.headers });
      res.end(a.body ?? '{}');
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    count: () => count,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}

describe('heartbeat backoff', () => {
  let agent: TestAgent | undefined;
  afterEach(async () => {
    await agent?.stop();
    agent = undefined;
  });

  it('waits out Retry-After on 429 instead of beating every interval', async () => {
    const centre = await stubCentre((n) =>
      n === 1
        ? { status: 200, body: JSON.stringify({ centerTime: new Date().toISOString(), sendReadiness: false }) }
        : { status: 429, headers: { 'retry-after': '30' }, body: '{"error":"tooManyHeartbeats"}' },
    );
    agent = await startTestAgent(
      { ...DEMO_CONFIG, center: { url: centre.url, token: 'test-terminal-token' } },
      { modules: [(ctx) => new FleetModule(ctx, { intervalMs: 150 })] },
    );
    await new Promise((r) => setTimeout(r, 1_500));
    expect(centre.count()).toBe(2);
    await centre.close();
  });

  it('logs an unreachable centre once, not at every interval', async () => {
    const centre = await stubCentre(() => ({ status: 200 }));
    const url = centre.url;
    await centre.close(); // nothing listens there now
    agent = await startTestAgent(
      { ...DEMO_CONFIG, center: { url, token: 'test-terminal-token' } },
      { modules: [(ctx) => new FleetModule(ctx, { intervalMs: 100 })] },
    );
    await new Promise((r) => setTimeout(r, 1_200));
    const lines = agent
      .logText()
      .split('\n')
      .filter((l) => l.includes('heartbeat not delivered'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('ECONNREFUSED');
    expect(agent.logText()).not.toContain('test-terminal-token');
  });
});
