import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HTTP_MAX_TIMEOUT_MS } from '../../../device-agent/src/core/dispatcher.js';
import { TestWsClient } from '../../helpers/ws-client.js';
import { startScriptedAgent } from '../core/scripted-agent.js';

// Issue 13 item 8: `timeoutMs: 0` over blocking HTTP held a device queue for as long as the
// requests stayed open (four of them and the kiosk got 429).

type Agent = Awaited<ReturnType<typeof startScriptedAgent>>;

interface Answer {
  status: number;
  json: { header: { completionCode?: string; status?: string } };
}

const read = async (base: string, body: unknown): Promise<Answer> => {
  const res = await fetch(`${base}/api/v1/services/idcard/commands/read`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as Answer['json'] };
};

describe('item 8: timeoutMs 0 over HTTP', () => {
  let t: Agent;
  beforeEach(async () => {
    t = await startScriptedAgent();
    // A short maximum for the scripted read, so the cap shows in test time (the idcard's is 120 s).
    const spec = t.scripted.commands.get('idcard.read');
    if (!spec) throw new Error('scripted read not defined');
    spec.maxTimeoutMs = 600;
  });
  afterEach(async () => t.stop());

  it('item 8: four held HTTP reads with timeoutMs 0 end at the command maximum and the kiosk gets the reader back', async () => {
    const held = Array.from({ length: 4 }, () => read(t.base, { timeoutMs: 0, payload: { holdMs: 60_000 } }));
    const deadline = new Promise<'still held'>((r) => setTimeout(() => r('still held'), 15_000).unref());
    const outcome = await Promise.race([Promise.all(held), deadline]);
    expect(outcome, 'HTTP reads with timeoutMs 0 still hold the idcard queue').not.toBe('still held');
    const answers = outcome as Answer[];
    expect(answers.map((a) => [a.status, a.json.header.completionCode])).toEqual(
      Array.from({ length: 4 }, () => [200, 'timeOut']),
    );
    const kiosk = await read(t.base, { payload: {} });
    expect([kiosk.status, kiosk.json.header.completionCode]).toEqual([200, 'success']);
  });

  it('item 8: the HTTP cap is 120 s and the WebSocket keeps 0 = no timeout (still cancellable)', async () => {
    expect(HTTP_MAX_TIMEOUT_MS).toBe(120_000);
    const ws = await TestWsClient.connect(t.wsUrl);
    try {
      ws.send('idcard.read', 1, { holdMs: 60_000 }, 0);
      await ws.waitFor((m) => m.header.type === 'event');
      await new Promise((r) => setTimeout(r, 1000));
      expect(ws.messages.some((m) => m.header.type === 'completion')).toBe(false);
      ws.send('common.cancel', 2, { requestIds: [1] });
      expect((await ws.completion(1)).header).toMatchObject({ completionCode: 'canceled' });
    } finally {
      await ws.close();
    }
  });
});
