import { request } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startScriptedAgent } from './scripted-agent.js';

type Agent = Awaited<ReturnType<typeof startScriptedAgent>>;

const post = async (
  base: string,
  path: string,
  body: unknown,
): Promise<{ status: number; json: Record<string, any> }> => {
  const res = await fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Record<string, any> };
};

describe('HTTP command mirror', () => {
  let t: Agent;
  beforeEach(async () => {
    t = await startScriptedAgent();
  });
  afterEach(async () => t.stop());

  it('answers HTTP 200 for every completion code', async () => {
    const ok = await post(t.base, '/api/v1/services/idcard/commands/read', { payload: {} });
    expect(ok).toMatchObject({
      status: 200,
      json: { header: { type: 'completion', name: 'idcard.read', completionCode: 'success' } },
    });
    const failed = await post(t.base, '/api/v1/services/idcard/commands/read', { payload: { fail: 'noMedia' } });
    expect(failed).toMatchObject({
      status: 200,
      json: { header: { completionCode: 'commandErrorCode' }, payload: { errorCode: 'noMedia' } },
    });
    const timedOut = await post(t.base, '/api/v1/services/idcard/commands/read', {
      timeoutMs: 50,
      payload: { holdMs: 5000 },
    });
    expect(timedOut).toMatchObject({ status: 200, json: { header: { completionCode: 'timeOut' } } });
    t.scripted.setDevice('powerOff');
    const notReady = await post(t.base, '/api/v1/services/idcard/commands/read', { payload: {} });
    expect(notReady).toMatchObject({ status: 200, json: { header: { completionCode: 'deviceNotReady' } } });
    const printer = await post(t.base, '/api/v1/services/printer/commands/printForm', { payload: {} });
    expect(printer).toMatchObject({ status: 200, json: { header: { completionCode: 'deviceNotReady' } } });
  });

  it('answers 404 for an unknown service or command and 400 for bad JSON', async () => {
    expect((await post(t.base, '/api/v1/services/scanner/commands/scan', { payload: {} })).status).toBe(404);
    expect((await post(t.base, '/api/v1/services/idcard/commands/eject', { payload: {} })).status).toBe(404);
    const res = await fetch(`${t.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"payload": ',
    });
    expect(res.status).toBe(400);
  });

  it('keeps printRaw off the kiosk listener', async () => {
    const r = await post(t.base, '/api/v1/services/printer/commands/printRaw', { payload: { data: 'AA==' } });
    expect(r.status).toBe(404);
    expect(r.json['header']['status']).toBe('unsupportedCommand');
  });

  it('resolves common aliases on a device path', async () => {
    const status = await post(t.base, '/api/v1/services/idcard/commands/status', { payload: {} });
    expect(status.json).toMatchObject({
      header: { name: 'common.status', completionCode: 'success' },
      payload: { device: 'online' },
    });
    const reset = await post(t.base, '/api/v1/services/common/commands/reset', { payload: { service: 'camera' } });
    expect(reset.json['header']['completionCode']).toBe('success');
  });

  it('cancels the command when the HTTP client goes away', async () => {
    await new Promise<void>((done) => {
      const req = request(`${t.base}/api/v1/services/idcard/commands/read`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
      });
      req.on('error', () => undefined);
      req.end(JSON.stringify({ timeoutMs: 0, payload: { holdMs: 60_000 } }));
      setTimeout(() => {
        req.destroy();
        done();
      }, 200);
    });
    // The queue is free again at once: a new read runs immediately.
    const t0 = Date.now();
    const next = await post(t.base, '/api/v1/services/idcard/commands/read', { payload: {} });
    expect(next.json['header']['completionCode']).toBe('success');
    expect(Date.now() - t0).toBeLessThan(1000);
  });
});
