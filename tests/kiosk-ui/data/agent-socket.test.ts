import { afterEach, describe, expect, it, vi } from 'vitest';
import { AgentSocket, reconnectDelay } from '../../../kiosk-ui/src/data/agent-socket.js';
import { FakeWebSocket } from '../shell/fake-agent.js';

describe('AgentSocket', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('connects to /api/v1/ws, folds common.statusChanged into the status, and reconnects with backoff', async () => {
    FakeWebSocket.instances = [];
    vi.stubGlobal('WebSocket', FakeWebSocket);
    const socket = new AgentSocket({ initialDelayMs: 20, maxDelayMs: 80 });
    const seen: string[] = [];
    socket.subscribe((s) => seen.push(s.connection));
    socket.start();
    await new Promise((r) => setTimeout(r, 10));
    const first = FakeWebSocket.instances[0];
    expect(new URL(first.url).pathname).toBe('/api/v1/ws');
    expect(first.url.startsWith('ws://')).toBe(true);
    expect(socket.snapshot.connection).toBe('open');

    first.receive({
      header: { type: 'unsolicited', name: 'common.statusChanged', seq: 1 },
      payload: { service: 'printer', status: { device: 'online', paper: 'full' }, changed: ['device', 'paper'] },
    });
    first.receive({
      header: { type: 'unsolicited', name: 'common.statusChanged', seq: 2 },
      payload: { service: 'printer', status: { paper: 'low' }, changed: ['paper'] },
    });
    first.receive('not json');
    expect(socket.snapshot.services.printer).toEqual({ device: 'online', paper: 'low' });

    first.close();
    expect(socket.snapshot.connection).toBe('closed');
    await new Promise((r) => setTimeout(r, 120));
    expect(FakeWebSocket.instances.length).toBe(2);
    expect(socket.snapshot.connection).toBe('open');
    expect(seen).toContain('closed');

    socket.stop();
    await new Promise((r) => setTimeout(r, 120));
    expect(FakeWebSocket.instances.length).toBe(2);
  });

  it('backs off exponentially up to the maximum, with jitter', () => {
    const opts = { initialDelayMs: 500, maxDelayMs: 15_000 };
    expect(reconnectDelay(0, opts, () => 1)).toBe(500);
    expect(reconnectDelay(3, opts, () => 1)).toBe(4000);
    expect(reconnectDelay(10, opts, () => 1)).toBe(15_000);
    expect(reconnectDelay(0, opts, () => 0)).toBe(300);
    expect(reconnectDelay(0, opts, () => 0.5)).toBe(400);
  });
});
