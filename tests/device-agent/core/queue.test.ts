import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CompletionMessage } from '@kiosk/contract/kiosk-api';
import { TestWsClient } from '../../helpers/ws-client.js';
import { startScriptedAgent } from './scripted-agent.js';

type Agent = Awaited<ReturnType<typeof startScriptedAgent>>;

describe('per-service command queue', () => {
  let t: Agent;
  const clients: TestWsClient[] = [];
  const connect = async (): Promise<TestWsClient> => {
    const c = await TestWsClient.connect(t.wsUrl);
    clients.push(c);
    return c;
  };
  beforeEach(async () => {
    t = await startScriptedAgent();
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
    await t.stop();
  });

  it('acks before events and completes exactly once, to the requester only', async () => {
    const a = await connect();
    const b = await connect();
    a.send('idcard.read', 1, { holdMs: 10 });
    const completion = await a.completion(1);
    const mine = a.messages
      .filter((m) => 'requestId' in m.header && m.header.requestId === 1)
      .map((m) => m.header.type);
    expect(mine).toEqual(['ack', 'event', 'completion']);
    expect((completion as CompletionMessage).header.completionCode).toBe('success');
    expect(b.messages.some((m) => m.header.type !== 'unsolicited')).toBe(false);
  });

  it('counts timeoutMs from acceptance, queue time included', async () => {
    const a = await connect();
    a.send('idcard.read', 1, { holdMs: 800 }, 0);
    await a.ack(1);
    const t0 = Date.now();
    a.send('idcard.read', 2, { holdMs: 0 }, 250);
    const second = (await a.completion(2)) as CompletionMessage;
    const elapsed = Date.now() - t0;
    expect(second.header.completionCode).toBe('timeOut');
    expect(elapsed).toBeGreaterThanOrEqual(240);
    expect(elapsed).toBeLessThan(700);
    expect(t.scripted.started).not.toContain(2);
    expect(((await a.completion(1)) as CompletionMessage).header.completionCode).toBe('success');
  });

  it('a timeoutMs of 0 never times out but can be cancelled', async () => {
    const a = await connect();
    a.send('idcard.read', 7, { holdMs: 60_000 }, 0);
    await a.waitFor((m) => m.header.type === 'event');
    await new Promise((r) => setTimeout(r, 300));
    expect(a.messages.some((m) => m.header.type === 'completion')).toBe(false);
    a.send('common.cancel', 8, { requestIds: [7] });
    expect(((await a.completion(7)) as CompletionMessage).header.completionCode).toBe('canceled');
  });

  it('common.cancel cancels only the caller’s own requests', async () => {
    const a = await connect();
    const b = await connect();
    a.send('idcard.read', 1, { holdMs: 600 });
    await a.ack(1);
    b.send('idcard.read', 1, { holdMs: 0 });
    await b.ack(1);
    a.send('idcard.read', 2, { holdMs: 0 });
    await a.ack(2);
    a.send('common.cancel', 3, {});
    expect(((await a.completion(1)) as CompletionMessage).header.completionCode).toBe('canceled');
    expect(((await a.completion(2)) as CompletionMessage).header.completionCode).toBe('canceled');
    expect(((await b.completion(1)) as CompletionMessage).header.completionCode).toBe('success');
    expect(((await a.completion(3)) as CompletionMessage).header.completionCode).toBe('success');
  });

  it('a disconnecting client’s running and queued commands are cancelled', async () => {
    const a = await connect();
    a.send('idcard.read', 1, { holdMs: 30_000 });
    a.send('idcard.read', 2, { holdMs: 0 });
    await a.ack(2);
    await a.close();
    clients.splice(clients.indexOf(a), 1);
    const b = await connect();
    const t0 = Date.now();
    b.send('idcard.read', 1, { holdMs: 0 });
    expect(((await b.completion(1)) as CompletionMessage).header.completionCode).toBe('success');
    expect(Date.now() - t0).toBeLessThan(1000);
    expect(t.scripted.started).toHaveLength(2); // a#1 and b#1; a#2 never ran
  });

  it('a schema failure is refused at the ack and never queued', async () => {
    const a = await connect();
    a.send('idcard.read', 1, { holdMs: 'long' });
    const ack = await a.ack(1);
    expect(ack.header).toMatchObject({ status: 'invalidData' });
    expect((ack.header as { errorDescription: string }).errorDescription).toContain('/holdMs');
    await new Promise((r) => setTimeout(r, 100));
    expect(a.messages.some((m) => m.header.type === 'completion')).toBe(false);
    expect(t.scripted.started).toEqual([]);

    const res = await fetch(`${t.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: { unknown: true } }),
    });
    expect(res.status).toBe(400);
    expect(t.scripted.started).toEqual([]);
  });

  it('rejects duplicate or invalid request ids and unknown commands', async () => {
    const a = await connect();
    a.send('idcard.read', 5, { holdMs: 300 });
    await a.ack(5);
    a.send('idcard.read', 5, {});
    expect((await a.waitFor((m) => m.header.type === 'ack' && m.header.status !== null)).header).toMatchObject({
      status: 'invalidRequestId',
    });
    a.send('idcard.fly', 6, {});
    expect((await a.waitFor((m) => m.header.type === 'ack' && m.header.requestId === 6)).header).toMatchObject({
      status: 'unsupportedCommand',
    });
    a.ws.send('not json');
    expect(
      (await a.waitFor((m) => m.header.type === 'ack' && (m.header as { status: unknown }).status === 'invalidMessage'))
        .header.type,
    ).toBe('ack');
  });

  it('refuses a fifth request on one service with tooManyRequests (HTTP 429)', async () => {
    const a = await connect();
    for (let id = 1; id <= 4; id++) a.send('idcard.read', id, { holdMs: 500 });
    await a.ack(4);
    const res = await fetch(`${t.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ payload: {} }),
    });
    expect(res.status).toBe(429);
    expect(((await res.json()) as { header: { status: string } }).header.status).toBe('tooManyRequests');
  });
});
