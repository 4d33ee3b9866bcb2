import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { tmpdir } from 'node:os';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@kiosk/node-common/logger';
import { Writable } from 'node:stream';
import { centerRepoRoot } from '../../service-center/src/config.js';
import { clientKey, publicStatusRouter } from '../../service-center/src/public-status/public-status-router.js';
import { loadPublicStatusTexts } from '../../service-center/src/public-status/status-texts.js';
import { SqliteRepository } from '../../service-center/src/store/sqlite-repository.js';
import { join } from 'node:path';

// The public status page's per-address limit: behind a proxy it keys on the address the proxy
// appended, IPv6 by its /64, so one phone's guesses never lock out another villager. The count
// lives in storage: two centres sharing it (two processes of a province) count the same guesses.

describe('public status limits per client address', () => {
  const servers: Server[] = [];
  const urls: string[] = [];
  let repo: SqliteRepository;
  beforeAll(async () => {
    repo = new SqliteRepository(join(mkdtempSync(join(tmpdir(), 'status-limits-')), 'center.sqlite'));
    await repo.migrate();
    for (let i = 0; i < 2; i++) {
      const app = express();
      app.use(
        publicStatusRouter({
          repo,
          texts: loadPublicStatusTexts(join(centerRepoRoot(), 'content')),
          log: createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }) }),
          behindProxy: true,
        }),
      );
      const server = app.listen(0, '127.0.0.1');
      await new Promise((r) => server.once('listening', r));
      servers.push(server);
      urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    }
  });
  afterAll(async () => {
    await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
    await repo.close();
  });

  const guess = (forwardedFor: string, centre = 0): Promise<number> =>
    fetch(`${urls[centre]}/s/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-forwarded-for': forwardedFor },
      body: 'r=FY261129-0001-0001&k=1234',
    }).then((r) => r.status);

  it('limits the guessing address and not the next one', async () => {
    const a: number[] = [];
    for (let i = 0; i < 7; i++) a.push(await guess('203.0.113.9, 198.51.100.7'));
    expect(a.slice(0, 5)).toEqual([404, 404, 404, 404, 404]);
    expect(a.slice(5)).toEqual([429, 429]);
    expect(await guess('203.0.113.9, 198.51.100.8')).toBe(404);
  });

  it('counts the guesses sent to either centre process together, parallel ones too', async () => {
    const a = await Promise.all(Array.from({ length: 8 }, (_, i) => guess('203.0.113.9, 198.51.100.20', i % 2)));
    expect(a.filter((s) => s === 404)).toHaveLength(5);
    expect(a.filter((s) => s === 429)).toHaveLength(3);
    expect(await guess('203.0.113.9, 198.51.100.20', 1)).toBe(429);
  });

  it('does not count a malformed form as a failed guess', async () => {
    const bad = (): Promise<number> =>
      fetch(`${urls[0]}/s/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/x-www-form-urlencoded',
          'x-forwarded-for': '203.0.113.9, 198.51.100.30',
        },
        body: 'r=FY261129-0001-0001&k=12',
      }).then((r) => r.status);
    for (let i = 0; i < 6; i++) expect(await bad()).toBe(400);
    expect(await guess('203.0.113.9, 198.51.100.30')).toBe(404);
  });

  it('keys IPv6 by its /64 and a v4-mapped address as IPv4', () => {
    const req = (addr: string, xff?: string) =>
      ({ socket: { remoteAddress: addr }, get: (h: string) => (h === 'x-forwarded-for' ? xff : undefined) }) as never;
    expect(clientKey(req('2001:db8:1:2:3:4:5:6'), false)).toBe('2001:db8:1:2::/64');
    expect(clientKey(req('2001:db8:1:2::9'), false)).toBe('2001:db8:1:2::/64');
    expect(clientKey(req('2001:db8::1'), false)).toBe('2001:db8:0:0::/64');
    expect(clientKey(req('::ffff:192.0.2.1'), false)).toBe('192.0.2.1');
    expect(clientKey(req('127.0.0.1', '198.51.100.1, 192.0.2.44'), true)).toBe('192.0.2.44');
    expect(clientKey(req('127.0.0.1', '198.51.100.1'), false)).toBe('127.0.0.1');
  });
});
