import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { portHolders } from '../../../device-agent/src/admin/diagnostics.js';
import { changedPaths, mergePatch, needingRestart } from '../../../device-agent/src/admin/config-diff.js';
import { LoginLimiter } from '../../../device-agent/src/admin/login-limiter.js';
import { maskCardFields, maskName, maskNumber } from '@kiosk/domain/mask';
import { hashPassword, parseHash, verifyPassword } from '../../../device-agent/src/admin/password-hash.js';
import { scanPorts, scoreCandidate } from '../../../device-agent/src/admin/port-scan.js';
import { newSetupToken, tokenMatches } from '../../../device-agent/src/admin/secrets-store.js';
import { restartRequiredPaths } from '../../../device-agent/src/config/schema.js';

describe('password hashing', () => {
  it('hashes with the production parameters (N = 2^17 needs a raised maxmem) and verifies', async () => {
    const hash = await hashPassword('technician password');
    expect(hash).toMatch(/^\$scrypt\$ln=17,r=8,p=1\$/);
    expect(await verifyPassword('technician password', hash)).toEqual({ ok: true, needsRehash: false });
    expect((await verifyPassword('technician passwore', hash)).ok).toBe(false);
  }, 20_000);

  it('reads the parameters from the stored string and asks for a rehash when they differ', async () => {
    const hash = await hashPassword('pw with low cost', { ln: 10, r: 8, p: 1 });
    expect(parseHash(hash)?.params).toEqual({ ln: 10, r: 8, p: 1 });
    expect(await verifyPassword('pw with low cost', hash, { ln: 11, r: 8, p: 1 })).toEqual({
      ok: true,
      needsRehash: true,
    });
    expect(await verifyPassword('pw with low cost', '$scrypt$garbage', { ln: 10, r: 8, p: 1 })).toEqual({
      ok: false,
      needsRehash: false,
    });
    expect(await verifyPassword('anything', undefined, { ln: 10, r: 8, p: 1 })).toEqual({
      ok: false,
      needsRehash: false,
    });
  });
});

describe('setup token', () => {
  it('is 128 bits in 8 groups and compares ignoring case, spaces and dashes', () => {
    const token = newSetupToken();
    expect(token).toMatch(/^([0-9A-F]{4}-){7}[0-9A-F]{4}$/);
    expect(tokenMatches(token.toLowerCase().replace(/-/g, ' '), token)).toBe(true);
    expect(tokenMatches(token.slice(0, -1) + (token.endsWith('0') ? '1' : '0'), token)).toBe(false);
    expect(tokenMatches(token, undefined)).toBe(false);
    expect(tokenMatches(42, token)).toBe(false);
  });
});

describe('login limiter', () => {
  it('blocks an address after 3 failures a minute, 5 in ten minutes, 10 an hour, never for good', () => {
    let now = 0;
    const limiter = new LoginLimiter(() => now);
    for (let i = 0; i < 3; i++) limiter.recordFailure('10.0.0.1', 'technician');
    expect(limiter.retryAfterMs('10.0.0.1', 'technician')).toBe(60_000);
    now = 61_000;
    expect(limiter.retryAfterMs('10.0.0.1', 'technician')).toBe(0);
    limiter.recordFailure('10.0.0.1', 'technician');
    limiter.recordFailure('10.0.0.1', 'technician');
    expect(limiter.retryAfterMs('10.0.0.1', 'technician')).toBe(600_000 - 61_000);
    // The account is blocked from another address too.
    expect(limiter.retryAfterMs('10.0.0.2', 'technician')).toBeGreaterThan(0);
    now = 10 * 60_000;
    expect(limiter.retryAfterMs('10.0.0.1', 'technician')).toBe(0);
    now = 2 * 3600_000;
    expect(limiter.retryAfterMs('10.0.0.1', 'technician')).toBe(0);
  });
});

describe('masking the test read', () => {
  it('masks numbers, names, address and birth date and drops the photo', () => {
    expect(maskNumber('320123199001011234')).toBe('3201**********1234');
    expect(maskName('张三')).toBe('张*');
    expect(maskName('欧阳娜娜')).toBe('欧***');
    const masked = maskCardFields({
      cardType: 'resident',
      name: '张三',
      idNumber: '320123199001011234',
      address: '江苏省南京市玄武区某某路1号',
      birthDate: '1990-01-01',
      gender: '男',
      photo: { format: 'wlt', base64: 'AAAA' },
      unexpected: 'secret',
    });
    expect(masked).toEqual({
      cardType: 'resident',
      name: '张*',
      idNumber: '3201**********1234',
      address: expect.stringMatching(/^江苏省南\*+$/),
      birthDate: '1990-**-**',
      gender: '男',
      photo: 'present',
    });
  });
});

describe('configuration diff', () => {
  it('applies a merge patch and names the changed paths that need a restart', () => {
    const before = { agent: { host: '127.0.0.1', port: 7300 }, ui: { voice: true, screen: { widthPx: 1920 } } };
    const after = mergePatch(before, { agent: { port: 7310 }, ui: { screen: null } });
    expect(after).toEqual({ agent: { host: '127.0.0.1', port: 7310 }, ui: { voice: true } });
    const changed = changedPaths(before, after);
    expect(changed.sort()).toEqual(['/agent/port', '/ui/screen']);
    expect(needingRestart(changed, restartRequiredPaths())).toEqual(['/agent/port']);
  });
});

describe('port scan', () => {
  it('scores fingerprints: a generic bridge never counts as a sure match', () => {
    expect(scoreCandidate('10c4', '0007')).toMatchObject({ matchScore: 2, suggestedService: 'idcard' });
    expect(scoreCandidate('1a86', '7523', 'wch.cn')).toMatchObject({ matchScore: 1 });
    expect(scoreCandidate('0416', '5011')).toMatchObject({ matchScore: 2, suggestedService: 'printer' });
    expect(scoreCandidate('046d', 'c52b')).toEqual({ matchScore: 0 });
  });

  it('lists serial ports and only our HID devices, best match first', async () => {
    const result = await scanPorts(
      async () => [
        { path: '/dev/ttyS0' },
        { path: '/dev/ttyUSB0', vendorId: '0416', productId: '5011', manufacturer: 'Winbond' },
      ],
      async () => [
        { path: '/dev/hidraw0', vendorId: 0x046d, productId: 0xc52b, product: 'Keyboard' },
        { path: '/dev/hidraw1', vendorId: 0x10c4, productId: 0x0007, manufacturer: 'Miaxis' },
      ],
    );
    expect(result.candidates.map((c) => [c.kind, c.path, c.matchScore])).toEqual([
      ['hid', '/dev/hidraw1', 2],
      ['serial', '/dev/ttyUSB0', 2],
      ['serial', '/dev/ttyS0', 0],
    ]);
  });

  it('reports a failing enumeration instead of failing the scan', async () => {
    const result = await scanPorts(
      async () => {
        throw new Error('no permission');
      },
      async () => [],
    );
    expect(result).toEqual({ candidates: [], errors: ['serial: no permission'] });
  });
});

describe('port holders', () => {
  it('names the process that holds a device path open', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-holder-'));
    const path = join(dir, 'ttyFAKE0');
    writeFileSync(path, '');
    const child = spawn('sh', ['-c', `exec 3<"${path}"; exec sleep 30`], { stdio: 'ignore' });
    try {
      let holders: Array<{ pid: number; command: string }> = [];
      for (let i = 0; i < 50 && holders.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 50));
        holders = await portHolders(path);
      }
      expect(holders).toEqual([{ pid: child.pid, command: 'sleep' }]);
    } finally {
      child.kill();
    }
    expect(await portHolders(join(dir, 'nobody-holds-this'))).toEqual([]);
  });
});
