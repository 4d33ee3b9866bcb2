import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../helpers/agent-harness.js';

describe('GET /api/v1/status', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startTestAgent();
  });
  afterAll(async () => t.stop());

  it('reports the agent and the three services with XFS device states', async () => {
    const res = await fetch(`${t.base}/api/v1/status`);
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { agent: Record<string, unknown>; services: Record<string, { device: string }> };
    expect(doc.agent['version']).toMatch(/^\d+\.\d+\.\d+$/);
    expect(typeof doc.agent['uptimeSec']).toBe('number');
    expect(Object.keys(doc.services).sort()).toEqual(['camera', 'idcard', 'printer']);
    for (const s of Object.values(doc.services))
      expect([
        'starting',
        'online',
        'deviceBusy',
        'offline',
        'powerOff',
        'noDevice',
        'hardwareError',
        'userError',
      ]).toContain(s.device);
  });
});
