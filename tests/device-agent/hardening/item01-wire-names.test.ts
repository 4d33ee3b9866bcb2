import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { ServerMessage } from '@kiosk/contract/kiosk-api';
import { changedPaths, mergePatch } from '../../../device-agent/src/admin/config-diff.js';
import { startScriptedAgent } from '../core/scripted-agent.js';

// Issue 13 item 1: `{"header":{"type":"command","name":"toString","requestId":1}}` on /api/v1/ws
// matched an inherited key of the common-command table, ajv threw out of the message handler and
// the process ended.

type Agent = Awaited<ReturnType<typeof startScriptedAgent>>;

const INHERITED = ['toString', 'constructor', 'valueOf', '__proto__', 'hasOwnProperty', 'isPrototypeOf'];

/** Sends raw text frames and collects every answer. */
async function rawSocket(url: string): Promise<{ ws: WebSocket; messages: ServerMessage[] }> {
  const ws = new WebSocket(url, { headers: { Origin: url.replace(/^ws/, 'http').replace(/\/api\/v1\/ws$/, '') } });
  const messages: ServerMessage[] = [];
  ws.on('message', (data: Buffer) => messages.push(JSON.parse(data.toString('utf8')) as ServerMessage));
  await new Promise<void>((done, fail) => {
    ws.once('open', () => done());
    ws.once('error', fail);
  });
  return { ws, messages };
}

async function until<T>(get: () => T | undefined, ms = 5_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('item 1: names from the wire index only own keys', () => {
  let t: Agent;
  beforeEach(async () => {
    t = await startScriptedAgent();
  });
  afterEach(async () => t.stop());

  it('item 1: inherited names on the WebSocket get unsupportedCommand and the agent stays up', async () => {
    const { ws, messages } = await rawSocket(t.wsUrl);
    try {
      let requestId = 1;
      for (const name of INHERITED) {
        const id = requestId++;
        ws.send(JSON.stringify({ header: { type: 'command', name, requestId: id } }));
        const ack = await until(() => messages.find((m) => m.header.type === 'ack' && m.header.requestId === id));
        expect(ack.header, name).toMatchObject({ status: 'unsupportedCommand' });
      }
      // The same socket still works, and so does the HTTP side.
      ws.send(JSON.stringify({ header: { type: 'command', name: 'common.status', requestId: 99 }, payload: {} }));
      const done = await until(() => messages.find((m) => m.header.type === 'completion' && m.header.requestId === 99));
      expect(done.header).toMatchObject({ completionCode: 'success' });
      expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
      expect(t.logText()).not.toMatch(/uncaught|ajv/i);
    } finally {
      ws.close();
    }
  });

  it('item 1: the HTTP mirror answers 404 for toString, __proto__ and constructor names', async () => {
    const post = (path: string) =>
      fetch(`${t.base}/api/v1/services/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ payload: {} }),
      });
    for (const path of [
      'idcard/commands/toString',
      'idcard/commands/__proto__',
      'idcard/commands/constructor',
      'common/commands/toString',
      'common/commands/__proto__',
      'toString/commands/status',
      '__proto__/commands/constructor',
      'constructor/commands/valueOf',
    ]) {
      const res = await post(path);
      expect(res.status, path).toBe(404);
    }
    expect((await fetch(`${t.base}/healthz`)).status).toBe(200);
  });

  it('item 1: a JSON merge patch with __proto__ keeps it an own key, never the prototype', () => {
    const patched = mergePatch(
      { ui: { voice: true } },
      JSON.parse('{"__proto__":{"polluted":1},"ui":{"voice":false}}'),
    );
    expect(Object.getPrototypeOf(patched)).toBe(Object.prototype);
    expect(Object.hasOwn(patched as object, '__proto__')).toBe(true);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(changedPaths({ ui: { voice: true } }, patched).sort()).toEqual(['/__proto__', '/ui/voice']);
  });
});
