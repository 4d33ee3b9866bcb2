import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MASKED_SECRET } from '../../../device-agent/src/admin/config-guards.js';
import { DEMO_CONFIG } from '../../helpers/agent-harness.js';
import { PASSWORD, loggedInAgent, type AdminTestAgent } from '../admin/admin-test-client.js';

// Issue 13 items 3 and 4: an idle admin login (password typed more than 5 minutes ago) could set
// devices.idCard.photoDecoder to a shell command, point a printer at a file or a local port, move
// center.url/token to any listener (http accepted) and restart — all without the password.

const MINUTE = 60_000;
const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

async function idleLogin(config: unknown = DEMO_CONFIG) {
  const { agent, client } = await loggedInAgent(config);
  running.push(agent);
  agent.clock.advance(6 * MINUTE); // typed 6 minutes ago; the login itself is still live
  await client.get('/admin/api/status', { 'X-User-Action': '1' });
  return { agent, client };
}

const fileOf = (agent: AdminTestAgent): Record<string, unknown> =>
  JSON.parse(readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8')) as Record<string, unknown>;

const errorOf = (res: { body: unknown }): string => (res.body as { error: string }).error;
const pathsOf = (res: { body: unknown }): string[] =>
  ((res.body as { errors?: Array<{ path: string }> }).errors ?? []).map((e) => e.path);

describe('item 3: an idle admin login cannot run a command as root', () => {
  it('item 3: devices changes and restart need the password again', async () => {
    const { agent, client } = await idleLogin();
    const before = readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8');
    const printer = { devices: { printer: { transport: 'simulated', paperWidthMm: 58 } } };
    const patch = await client.request('PATCH', '/admin/api/config', printer);
    expect([patch.status, errorOf(patch)]).toEqual([403, 'reauthRequired']);
    const restart = await client.post('/admin/api/restart');
    expect([restart.status, errorOf(restart)]).toEqual([403, 'reauthRequired']);
    expect(readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8')).toBe(before);

    expect((await client.post('/admin/api/reauth', { password: PASSWORD })).status).toBe(200);
    expect((await client.request('PATCH', '/admin/api/config', printer)).status).toBe(200);
    expect((await client.post('/admin/api/restart')).status).toBe(200);
  });

  it('item 3: the photo decoder is refused from the web even right after the password', async () => {
    const { agent, client } = await idleLogin();
    expect((await client.post('/admin/api/reauth', { password: PASSWORD })).status).toBe(200);
    const decoder = ['/bin/sh', '-c', 'id > /tmp/pwned'];
    const res = await client.request('PATCH', '/admin/api/config', {
      devices: { idCard: { transport: 'simulated', photoDecoder: decoder } },
    });
    expect(res.status).toBe(403);
    expect(errorOf(res)).toBe('notSettableHere');
    expect(JSON.stringify(fileOf(agent))).not.toContain('/bin/sh');
    // PUT of the whole document too.
    const whole = fileOf(agent) as { devices: { idCard: Record<string, unknown> } };
    whole.devices.idCard = { transport: 'simulated', photoDecoder: decoder };
    expect((await client.request('PUT', '/admin/api/config', whole)).status).toBe(403);
    expect(JSON.stringify(fileOf(agent))).not.toContain('/bin/sh');
  });

  it('item 3: a decoder set on disk by root survives a web save that leaves it alone, and may be removed', async () => {
    const decoder = ['/usr/local/bin/wlt2bmp'];
    const config = structuredClone(DEMO_CONFIG) as { devices: { idCard: Record<string, unknown> } };
    config.devices.idCard = { transport: 'simulated', photoDecoder: decoder };
    const { agent, client } = await loggedInAgent(config);
    running.push(agent);
    const doc = (await client.get('/admin/api/config')).body as { config: Record<string, unknown> };
    (doc.config['ui'] as Record<string, unknown>)['idleWarningSeconds'] = 200;
    expect((await client.request('PUT', '/admin/api/config', doc.config)).status).toBe(200);
    expect((fileOf(agent) as typeof config).devices.idCard['photoDecoder']).toEqual(decoder);
    const none = await client.request('PATCH', '/admin/api/config', {
      devices: { idCard: { transport: 'none', photoDecoder: null } },
    });
    expect(none.status).toBe(200);
  });

  it('item 3: device paths are checked by their real path; a TCP printer must be on the private LAN', async () => {
    const { agent, client } = await loggedInAgent();
    running.push(agent);
    const tryPrinter = (printer: Record<string, unknown>) =>
      client.request('PATCH', '/admin/api/config', { devices: { printer: { paperWidthMm: 80, ...printer } } });
    for (const path of ['/dev/../tmp/x', '/tmp/x', '/dev/shm/x', '/dev/serial/../../tmp/x', '/etc/passwd']) {
      const res = await tryPrinter({ transport: 'usblp', path });
      expect(res.status, path).toBe(400);
      expect(pathsOf(res), path).toEqual(['/devices/printer/path']);
    }
    const link = `/dev/tty-kiosk-test-${process.pid}`;
    // A symlink named like a device but pointing at a file is refused after realpath.
    try {
      const { symlinkSync, unlinkSync } = await import('node:fs');
      writeFileSync(`/tmp/kiosk-target-${process.pid}`, '');
      symlinkSync(`/tmp/kiosk-target-${process.pid}`, link);
      try {
        expect((await tryPrinter({ transport: 'serial', path: link })).status).toBe(400);
      } finally {
        unlinkSync(link);
        unlinkSync(`/tmp/kiosk-target-${process.pid}`);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EACCES') throw err;
    }
    for (const path of ['/dev/usb/lp0', '/dev/ttyUSB0', '/dev/serial/by-id/usb-Printer-if00'])
      expect((await tryPrinter({ transport: path.includes('usb/') ? 'usblp' : 'serial', path })).status, path).toBe(
        200,
      );
    for (const host of [
      '127.0.0.1',
      'localhost',
      '8.8.8.8',
      'printer.example',
      '169.254.1.1',
      '0.0.0.0',
      '172.32.0.1',
    ]) {
      const res = await tryPrinter({ transport: 'tcp', host, port: 9100, path: null });
      expect(res.status, host).toBe(400);
      expect(pathsOf(res), host).toEqual(['/devices/printer/host']);
    }
    for (const host of ['192.168.1.50', '10.0.0.7', '172.16.4.2'])
      expect((await tryPrinter({ transport: 'tcp', host, port: 9100, path: null })).status, host).toBe(200);
  });
});

describe('item 4: an idle admin login cannot redirect personal data', () => {
  it('item 4: centre changes need the password again', async () => {
    const { agent, client } = await idleLogin();
    const res = await client.request('PATCH', '/admin/api/config', {
      center: { url: 'https://attacker.example', token: 'stolen-token-1234' },
    });
    expect([res.status, errorOf(res)]).toEqual([403, 'reauthRequired']);
    expect((fileOf(agent)['center'] as { url: string }).url).toBe('http://127.0.0.1:9');
  });

  it('item 4: the token is masked, the mask written back keeps it, and http:// is refused except for loopback', async () => {
    const { agent, client } = await loggedInAgent();
    running.push(agent);
    const doc = (await client.get('/admin/api/config')).body as { config: { center: { url: string; token: string } } };
    expect(doc.config.center.token).toBe(MASKED_SECRET);
    expect(JSON.stringify(doc)).not.toContain('test-terminal-token');
    // The form writes the whole document back with the mask: the token is unchanged.
    doc.config.center.url = 'https://county.example/';
    const saved = await client.request('PUT', '/admin/api/config', doc.config);
    expect(saved.status).toBe(200);
    expect((saved.body as { changed: string[] }).changed).toEqual(['/center/url']);
    expect(fileOf(agent)['center']).toEqual({ url: 'https://county.example/', token: 'test-terminal-token' });

    for (const url of ['http://county.example/', 'http://192.168.1.9:8080/', 'ftp://county.example/']) {
      const res = await client.request('PATCH', '/admin/api/config', { center: { url } });
      expect(res.status, url).toBe(400);
      expect(pathsOf(res), url).toEqual(['/center/url']);
    }
    for (const url of ['http://127.0.0.1:7400/', 'http://localhost:7400/'])
      expect((await client.request('PATCH', '/admin/api/config', { center: { url } })).status, url).toBe(200);
    const token = await client.request('PATCH', '/admin/api/config', { center: { token: 'a-new-terminal-token' } });
    expect(token.status).toBe(200);
    expect((fileOf(agent)['center'] as { token: string }).token).toBe('a-new-terminal-token');
  });
});
