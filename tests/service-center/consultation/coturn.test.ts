import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IceServer, WelcomeMessage } from '@kiosk/contract/signalling-api';
import { turnCredential } from '../../../service-center/src/consultation/turn.js';
import { startConsultCenter, TURN_SECRET, type ConsultCenter } from './harness.js';

// Debian's coturn on loopback with `use-auth-secret` (reference/video-consultation.md §8.5): the
// credentials the centre hands out in `welcome` must get a TURN allocation; forged ones must not.

const TURNSERVER = '/usr/bin/turnserver';
const UCLIENT = '/usr/bin/turnutils_uclient';

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => done(port));
    });
  });
}

/** turnutils_uclient: allocate, create a loopback peer pair, send and receive 3 messages through the relay. */
function allocate(port: number, username: string, credential: string): Promise<{ code: number; out: string }> {
  return new Promise((done) => {
    execFile(
      UCLIENT,
      ['-p', String(port), '-u', username, '-w', credential, '-y', '-n', '3', '-m', '1', '-l', '100', '127.0.0.1'],
      { timeout: 15_000 },
      (err, stdout, stderr) => {
        const code = err ? (typeof err.code === 'number' ? err.code : -1) : 0;
        done({ code, out: `${stdout}${stderr}` });
      },
    );
  });
}

let turn: ChildProcess | undefined;
let turnLog = '';
let port = 0;
let center: ConsultCenter | undefined;

beforeAll(async () => {
  port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'kiosk-coturn-'));
  const minPort = 50_000 + Math.floor(Math.random() * 9000);
  turn = spawn(
    TURNSERVER,
    [
      '-n',
      '--listening-ip=127.0.0.1',
      '--relay-ip=127.0.0.1',
      `--listening-port=${port}`,
      `--min-port=${minPort}`,
      `--max-port=${minPort + 40}`,
      '--use-auth-secret',
      `--static-auth-secret=${TURN_SECRET}`,
      '--realm=kiosk.test',
      '--fingerprint',
      '--no-tls',
      '--no-dtls',
      '--no-cli',
      '--allow-loopback-peers',
      '--no-multicast-peers',
      '--log-file=stdout',
      '--simple-log',
      `--pidfile=${join(dir, 'turnserver.pid')}`,
      `--db=${join(dir, 'turndb')}`,
    ],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  turn.stdout?.on('data', (d: Buffer) => (turnLog += d.toString()));
  turn.stderr?.on('data', (d: Buffer) => (turnLog += d.toString()));
  const started = Date.now();
  while (!/listener opened on|Total General servers|IPv4\. UDP listener/i.test(turnLog)) {
    if (turn.exitCode !== null || Date.now() - started > 10_000) throw new Error(`coturn did not start:\n${turnLog}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  center = await startConsultCenter({
    turn: { urls: [`turn:127.0.0.1:${port}?transport=udp`], secret: TURN_SECRET, relayOnly: true },
  });
}, 30_000);

afterAll(async () => {
  await center?.stop();
  if (turn && turn.exitCode === null) {
    const exited = new Promise((r) => turn!.once('exit', r));
    turn.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
    if (turn.exitCode === null) turn.kill('SIGKILL');
  }
});

describe('TURN credentials against coturn', () => {
  it('the credentials of a welcome get an allocation; a forged credential does not', async () => {
    const kiosk = await center!.connect('kiosk', 'test-0001');
    const welcome = kiosk.messages[0] as WelcomeMessage;
    kiosk.ws.terminate();
    expect(welcome.iceTransportPolicy).toBe('relay');
    const server = welcome.iceServers[0] as Required<IceServer>;
    expect(server.urls).toEqual([`turn:127.0.0.1:${port}?transport=udp`]);
    const ok = await allocate(port, server.username, server.credential);
    expect(ok.out).toMatch(/tot_recv_msgs=[1-9]/);
    expect(ok.code, ok.out.slice(-2000)).toBe(0);
    const forged = await allocate(port, server.username, turnCredential('not-the-shared-secret-0', server.username));
    expect(forged.code).not.toBe(0);
    expect(forged.out).toMatch(/Cannot complete Allocation/);
    // An expired username is refused even with a correct HMAC.
    const expiredUser = `${Math.floor(Date.now() / 1000) - 60}:test-0001`;
    const expired = await allocate(port, expiredUser, turnCredential(TURN_SECRET, expiredUser));
    expect(expired.code).not.toBe(0);
  }, 60_000);
});
