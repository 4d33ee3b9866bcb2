// The agent faked at the data-layer boundary (fetch + WebSocket), as the brief for browser tests asks.
import { vi } from 'vitest';

export interface FakeAgentOptions {
  idleWarningSeconds?: number;
  idleCountdownSeconds?: number;
  voice?: boolean;
  voiceAvailable?: boolean;
  /** The first N answers of /api/v1/ui-config are 503 (agent still starting). */
  uiConfigFailures?: number;
  hotline?: string;
  submission?: (receiptNo: string, idLast4: string) => { status: number; body?: unknown };
  command?: (name: string, payload: unknown) => unknown;
}

export interface FakeAgent {
  calls: Array<{ method: string; path: string; body?: unknown }>;
  voiceKeys(): string[];
  restore(): void;
}

/** A short valid WAV (silence) so the <audio> element has something to load. */
function tinyWav(): Blob {
  const samples = 2205;
  const buf = new ArrayBuffer(44 + samples * 2);
  const v = new DataView(buf);
  const w = (o: number, s: string) => [...s].forEach((c, i) => v.setUint8(o + i, c.charCodeAt(0)));
  w(0, 'RIFF');
  v.setUint32(4, 36 + samples * 2, true);
  w(8, 'WAVE');
  w(12, 'fmt ');
  v.setUint32(16, 16, true);
  v.setUint16(20, 1, true);
  v.setUint16(22, 1, true);
  v.setUint32(24, 22050, true);
  v.setUint32(28, 44100, true);
  v.setUint16(32, 2, true);
  v.setUint16(34, 16, true);
  w(36, 'data');
  v.setUint32(40, samples * 2, true);
  return new Blob([buf], { type: 'audio/wav' });
}

export class FakeWebSocket extends EventTarget {
  static instances: FakeWebSocket[] = [];
  readyState = 0;
  constructor(readonly url: string) {
    super();
    FakeWebSocket.instances.push(this);
    queueMicrotask(() => {
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    });
  }
  send(): void {}
  close(): void {
    if (this.readyState === 3) return;
    this.readyState = 3;
    this.dispatchEvent(new Event('close'));
  }
  receive(message: unknown): void {
    this.dispatchEvent(new MessageEvent('message', { data: JSON.stringify(message) }));
  }
}

export function fakeAgent(options: FakeAgentOptions = {}): FakeAgent {
  const calls: FakeAgent['calls'] = [];
  let configFailures = options.uiConfigFailures ?? 0;
  const json = (body: unknown, status = 200) =>
    new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  const spy = vi.spyOn(window, 'fetch').mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : String(input), location.origin);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    calls.push({ method, path: url.pathname + url.search, body });
    const p = url.pathname;
    if (p === '/api/v1/ui-config' && configFailures-- > 0) return json({ error: 'starting' }, 503);
    if (p === '/api/v1/ui-config')
      return json({
        ui: {
          locale: 'zh-CN',
          idleWarningSeconds: options.idleWarningSeconds ?? 180,
          idleCountdownSeconds: options.idleCountdownSeconds ?? 45,
          voice: options.voice ?? true,
        },
        hotline: { number: options.hotline ?? '12348' },
        terminal: { name: '测试村公共法律服务室' },
      });
    if (p === '/api/v1/status')
      return json({
        agent: {
          version: '0.1.0',
          uptimeSec: 1,
          seq: 0,
          configState: 'ok',
          voice: { available: options.voiceAvailable ?? true, engine: 'espeak-ng' },
        },
        services: {},
      });
    if (p.startsWith('/api/v1/voice'))
      return new Response(tinyWav(), { status: 200, headers: { 'content-type': 'audio/wav' } });
    if (p === '/api/v1/session/end') return json({ ended: true });
    if (p === '/api/v1/heartbeat') return json({ ok: true });
    const sub = /^\/api\/v1\/submissions\/([^/]+)$/.exec(p);
    if (sub) {
      const answer = options.submission?.(decodeURIComponent(sub[1]), url.searchParams.get('idLast4') ?? '') ?? {
        status: 404,
        body: { error: 'statusNotFound' },
      };
      return json(answer.body ?? {}, answer.status);
    }
    const cmd = /^\/api\/v1\/services\/(\w+)\/commands\/(\w+)$/.exec(p);
    if (cmd) {
      const name = `${cmd[1]}.${cmd[2]}`;
      return json({
        header: { type: 'completion', name, requestId: 1, completionCode: 'success' },
        payload: options.command?.(name, body) ?? {},
      });
    }
    return json({ error: 'notFound' }, 404);
  });
  FakeWebSocket.instances = [];
  vi.stubGlobal('WebSocket', FakeWebSocket);
  return {
    calls,
    voiceKeys: () =>
      calls
        .filter((c) => c.method === 'GET' && c.path.startsWith('/api/v1/voice/'))
        .map((c) => decodeURIComponent(c.path.slice('/api/v1/voice/'.length))),
    restore: () => {
      spy.mockRestore();
      vi.unstubAllGlobals();
    },
  };
}
