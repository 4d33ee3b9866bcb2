import { afterEach, describe, expect, it } from 'vitest';
import { KIOSK_SIGNALLING_TOKEN_PATH, type SignallingToken } from '@kiosk/contract/signalling-api';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../../helpers/agent-harness.js';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

let center: ConsultCenter | undefined;
let agent: TestAgent | undefined;
const clients: SigClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await agent?.stop();
  await center?.stop();
  agent = undefined;
  center = undefined;
});

const post = (a: TestAgent, headers: Record<string, string> = {}): Promise<Response> =>
  fetch(`${a.base}${KIOSK_SIGNALLING_TOKEN_PATH}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: '{}',
  });

describe('the agent’s kiosk signalling token', () => {
  it('gives the page a kiosk token from the centre, never the terminal credential', async () => {
    center = await startConsultCenter();
    agent = await startTestAgent({ ...DEMO_CONFIG, center: { url: center.url, token: 'test-terminal-token' } });
    const res = await post(agent, { origin: agent.base });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const text = await res.text();
    expect(text).not.toContain('test-terminal-token');
    const t = JSON.parse(text) as SignallingToken;
    expect(Object.keys(t).sort()).toEqual(['expiresAt', 'id', 'role', 'token', 'url']);
    expect(t).toMatchObject({ role: 'kiosk', id: 'test-0001', url: center.wsUrl });
    const c = await SigClient.open(t.url, { origin: agent.base });
    clients.push(c);
    c.send({ type: 'hello', role: 'kiosk', id: t.id, token: t.token });
    expect(await c.next('welcome')).toMatchObject({ resumed: false });
    expect(agent.logText()).not.toContain('test-terminal-token');
    expect(agent.logText()).not.toContain(t.token);
    expect(center.logText()).not.toContain(t.token);
  });

  it('refuses a foreign Origin like every kiosk route', async () => {
    center = await startConsultCenter();
    agent = await startTestAgent({ ...DEMO_CONFIG, center: { url: center.url, token: 'test-terminal-token' } });
    const res = await post(agent, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('token":');
  });

  it('answers 503 when the centre refuses the terminal or cannot be reached', async () => {
    center = await startConsultCenter();
    agent = await startTestAgent({ ...DEMO_CONFIG, center: { url: center.url, token: 'wrong-terminal-token' } });
    const refused = await post(agent);
    expect(refused.status).toBe(503);
    expect(await refused.json()).toEqual({ error: 'centerRefused' });
    await agent.stop();
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      center: { url: 'http://127.0.0.1:9', token: 'test-terminal-token' },
    });
    const down = await post(agent);
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ error: 'centerUnavailable' });
  });
});
