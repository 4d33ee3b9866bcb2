import { afterEach, describe, expect, it } from 'vitest';
import { type IdCardAgent, startIdCardAgent } from '../idcard/idcard-harness.js';

const NO_LATENCY = { latency: { find: 0, select: 0, read: 0 } };
const agents: IdCardAgent[] = [];

async function start(): Promise<IdCardAgent> {
  const a = await startIdCardAgent({ transport: 'simulated' }, { simulator: NO_LATENCY });
  agents.push(a);
  await a.waitForDevice('online');
  return a;
}

async function statusRequestId(a: IdCardAgent): Promise<number> {
  const res = await fetch(`${a.base}/api/v1/services/common/commands/status`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ payload: {} }),
  });
  const body = (await res.json()) as { header: { requestId: number } };
  return body.header.requestId;
}

afterEach(async () => {
  for (const a of agents.splice(0)) await a.stop();
});

describe('two agents in one process', () => {
  it('keep separate redaction memory: one visit ending does not unmask the other agent’s card', async () => {
    const a = await start();
    const b = await start();
    a.service.simulator!.placeCard('resident');
    const read = await a.read();
    expect(read.completionCode).toBe('success');
    const name = read.payload.name;
    // B's visitor leaves: B forgets its values, A still scrubs its own.
    const ended = await fetch(`${b.base}/api/v1/session/end`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(ended.status).toBe(200);
    a.agent.log.info(`printing receipt for ${name}`);
    expect(a.logText()).toContain('printing receipt for');
    expect(a.logText()).not.toContain(name);
    // B never saw the card, so it has nothing of A's visitor to remember.
    expect(b.agent.redactor.redactString(`receipt for ${name}`)).toBe(`receipt for ${name}`);
  });

  it('number their HTTP requests separately', async () => {
    const a = await start();
    expect(await statusRequestId(a)).toBe(1);
    expect(await statusRequestId(a)).toBe(2);
    const b = await start();
    expect(await statusRequestId(b)).toBe(1);
    expect(await statusRequestId(a)).toBe(3);
  });
});
