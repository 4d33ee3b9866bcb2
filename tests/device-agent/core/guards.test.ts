import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { TestWsClient } from '../../helpers/ws-client.js';

function get(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((done, fail) => {
    const req = request(url, { headers }, (res) => {
      res.resume();
      done(res.statusCode ?? 0);
    });
    req.on('error', fail);
    req.end();
  });
}

describe('Host and Origin guards', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startTestAgent();
  });
  afterAll(async () => t.stop());

  it('refuses a foreign Host (DNS rebinding) with 403', async () => {
    expect(await get(`${t.base}/api/v1/status`, { host: 'evil.example' })).toBe(403);
    expect(await get(`${t.base}/api/v1/status`, { host: `evil.example:${new URL(t.base).port}` })).toBe(403);
    expect(await get(`${t.base}/api/v1/status`, { host: `localhost:${new URL(t.base).port}` })).toBe(200);
  });

  it('refuses a foreign or null Origin and accepts the kiosk’s own', async () => {
    const own = t.base;
    expect(await get(`${t.base}/api/v1/status`, { origin: 'http://evil.example' })).toBe(403);
    expect(await get(`${t.base}/api/v1/status`, { origin: 'null' })).toBe(403);
    expect(await get(`${t.base}/api/v1/status`, { origin: t.adminBase })).toBe(403);
    expect(await get(`${t.base}/api/v1/status`, { origin: own })).toBe(200);
  });

  it('answers the kiosk API’s 403 in its ack envelope, the admin API’s in the neutral body', async () => {
    const kiosk = await fetch(`${t.base}/api/v1/status`, { headers: { origin: 'http://evil.example' } });
    expect(kiosk.status).toBe(403);
    expect(await kiosk.json()).toEqual({
      header: {
        type: 'ack',
        name: '',
        requestId: 0,
        status: 'notAuthorized',
        errorDescription: 'forbidden Host or Origin',
      },
      payload: {},
    });
    const admin = await fetch(`${t.adminBase}/admin/api/session`, { headers: { origin: 'http://evil.example' } });
    expect(admin.status).toBe(403);
    expect(await admin.json()).toEqual({ error: 'forbidden', message: 'forbidden Host or Origin' });
  });

  it('refuses a WebSocket upgrade from a foreign Origin or Host', async () => {
    await expect(TestWsClient.connect(t.wsUrl, { origin: 'http://evil.example' })).rejects.toThrow('403');
    await expect(TestWsClient.connect(t.wsUrl, { host: 'evil.example' })).rejects.toThrow('403');
    const ok = await TestWsClient.connect(t.wsUrl, { origin: t.base });
    await ok.close();
  });

  it('requires JSON bodies for writes', async () => {
    const res = await fetch(`${t.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(res.status).toBe(415);
  });
});
