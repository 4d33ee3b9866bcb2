import { request } from 'node:http';
import { afterEach, describe, expect, it } from 'vitest';
import { CLOSE_UNAUTHORIZED, SIGNALLING_PATH } from '@kiosk/contract/signalling-api';
import { mintSignallingToken } from '../../../service-center/src/consultation/tokens.js';
import { SigClient, TOKEN_SECRET, startConsultCenter, type ConsultCenter } from './harness.js';

let center: ConsultCenter;
const clients: SigClient[] = [];
const open = async (headers: Record<string, string> = {}): Promise<SigClient> => {
  const c = await SigClient.open(center.wsUrl, headers);
  clients.push(c);
  return c;
};

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

describe('signalling authentication', () => {
  it.each([
    [
      'a token of another secret',
      () => mintSignallingToken('another-secret-0123456789abcdef0123', 'kiosk', 'test-0001', 60).token,
    ],
    ['an expired token', () => mintSignallingToken(TOKEN_SECRET, 'kiosk', 'test-0001', -5).token],
    ['the token of another kiosk', () => center.token('kiosk', 'test-0002')],
    ['a lawyer token used as a kiosk', () => center.token('lawyer', 'test-0001')],
    ['garbage', () => 'x'.repeat(50)],
  ])('refuses hello with %s: error{unauthorized} and close 4001', async (_label, token) => {
    center = await startConsultCenter();
    const c = await open();
    c.send({ type: 'hello', role: 'kiosk', id: 'test-0001', token: token() });
    expect(await c.next('error')).toMatchObject({ error: 'unauthorized' });
    expect((await c.closed).code).toBe(CLOSE_UNAUTHORIZED);
    expect(center.logText()).not.toContain(token());
  });

  it('needs hello first', async () => {
    center = await startConsultCenter();
    const c = await open();
    c.send({ type: 'take-next' });
    expect(await c.next('error')).toMatchObject({ error: 'unauthorized' });
    expect((await c.closed).code).toBe(CLOSE_UNAUTHORIZED);
  });

  it('checks Host and Origin at the upgrade like the HTTP API; kiosk pages on loopback may connect', async () => {
    center = await startConsultCenter();
    await expect(open({ host: `evil.example:${center.center.port}` })).rejects.toThrow(/403/);
    await expect(open({ origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await open({ origin: `http://127.0.0.1:${center.center.port}` });
    await open({ origin: 'http://127.0.0.1:7300' });
    const status = await new Promise<number>((done) => {
      const req = request({
        host: '127.0.0.1',
        port: center.center.port,
        path: '/not-signalling',
        headers: {
          connection: 'upgrade',
          upgrade: 'websocket',
          'sec-websocket-key': 'x',
          'sec-websocket-version': '13',
        },
      });
      req.on('response', (res) => done(res.statusCode ?? 0));
      req.on('upgrade', () => done(101));
      req.on('error', () => done(-1));
      req.end();
    });
    expect(status).toBe(404);
    expect(SIGNALLING_PATH).toBe('/api/v1/signalling');
  });
});

describe('signalling junk', () => {
  it('answers every bad message with error{badMessage} and keeps working', async () => {
    center = await startConsultCenter();
    const lawyer = await open();
    lawyer.send({ type: 'hello', role: 'lawyer', id: 'lawyer1', token: center.token('lawyer', 'lawyer1') });
    await lawyer.next('welcome');
    const junk: Array<string | Buffer> = [
      'not json',
      '',
      'null',
      '42',
      '[]',
      '"hello"',
      '{}',
      '{"type":"toString"}',
      '{"type":"__proto__"}',
      '{"type":"constructor"}',
      '{"type":"hasOwnProperty"}',
      '{"type":{"toString":"x"}}',
      '{"__proto__":{"type":"take-next"}}',
      '{"type":"signal","callId":1,"data":{}}',
      '{"type":"signal","callId":"00000000-0000-4000-8000-000000000000","data":{"sdp":"x"}}',
      '{"type":"presence","presence":"in-call"}',
      '{"type":"hangup"}',
      Buffer.from([0, 1, 2, 3]),
    ];
    for (const j of junk) lawyer.sendRaw(j);
    for (let i = 0; i < junk.length; i++) await lawyer.next('error', (m) => m.error === 'badMessage');
    lawyer.send({ type: 'hello', role: 'lawyer', id: 'lawyer1', token: center.token('lawyer', 'lawyer1') });
    expect(await lawyer.next('error')).toMatchObject({ error: 'badMessage' });
    // Still serving: the same socket and new ones.
    lawyer.send({ type: 'take-next' });
    await lawyer.next('queue-empty');
    const k = await open();
    k.send({ type: 'hello', role: 'kiosk', id: 'test-0001', token: center.token('kiosk', 'test-0001') });
    await k.next('welcome');
  });

  it('closes a socket that sends a huge message (1009) and keeps serving others', async () => {
    center = await startConsultCenter();
    const big = await open();
    big.sendRaw(JSON.stringify({ type: 'signal', callId: 'x', data: { sdp: 'x'.repeat(200_000) } }));
    expect((await big.closed).code).toBe(1009);
    const c = await open();
    c.send({ type: 'hello', role: 'kiosk', id: 'test-0001', token: center.token('kiosk', 'test-0001') });
    await c.next('welcome');
    expect(await (await fetch(`${center.url}/healthz`)).json()).toMatchObject({ ok: true });
  });

  it('closes a socket after too many bad messages', async () => {
    center = await startConsultCenter();
    const c = await open();
    for (let i = 0; i < 60; i++) c.sendRaw('junk');
    expect((await c.closed).code).toBe(1008);
  });
});
