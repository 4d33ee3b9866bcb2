// The agent status tells whether the centre is reachable and how many submissions wait (issue 15
// items 8 and 9): the kiosk's first screens and the admin board show it.
import type { AgentStatusDocument } from '@kiosk/contract/kiosk-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';

describe('agent status: outbox', () => {
  let t: TestAgent;
  beforeAll(async () => {
    process.env['KIOSK_OUTBOX_POLL_MS'] = '100';
    // DEMO_CONFIG's centre is 127.0.0.1:9 (discard port): nothing answers.
    t = await startTestAgent(DEMO_CONFIG);
  });
  afterAll(async () => {
    delete process.env['KIOSK_OUTBOX_POLL_MS'];
    await t.stop();
  });

  it('reports the centre unreachable and the outbox depth', async () => {
    const status = async (): Promise<AgentStatusDocument> =>
      (await (await fetch(`${t.base}/api/v1/status`)).json()) as AgentStatusDocument;
    await expect.poll(async () => (await status()).agent.outbox?.centreReachable, { timeout: 10_000 }).toBe(false);
    expect((await status()).agent.outbox?.pending).toBe(0);
  });
});
