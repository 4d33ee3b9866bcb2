// Issue 13 (hardening), the centre's items: each test is named after its item.
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { ApplicationDetail } from '@kiosk/contract/staff-api';
import { Writable } from 'node:stream';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { createCenter } from '../../service-center/src/center.js';
import type { StaffRole } from '../../service-center/src/store/repository.js';
import { legalAidData, postJson } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from './center-harness.js';

const [T1, T2] = TEST_TERMINALS as [(typeof TEST_TERMINALS)[0], (typeof TEST_TERMINALS)[0]];

function legalAid(receiptNo: string, overrides: Record<string, unknown> = {}, idNumber?: string): IntakeSubmission {
  const { documents: _d, ...data } = legalAidData(overrides, ...(idNumber ? [idNumber] : []));
  return { receiptNo, kind: 'legalAid', submittedAt: new Date().toISOString(), data, documents: [] };
}

async function send(c: TestCenter, body: IntakeSubmission, token = T1.token) {
  return postJson(`${c.url}/api/v1/intake/submissions`, body, {
    authorization: `Bearer ${token}`,
    'idempotency-key': `key-${body.receiptNo}`,
  });
}

async function addStaff(c: TestCenter, name: string, role: StaffRole): Promise<void> {
  await c.center.repo.putStaff({
    name,
    role,
    passwordHash: await hashPassword(`${name}-password-1`, 10),
    mustChange: false,
    at: new Date().toISOString(),
  });
}

const quiet = () => createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }), level: 'fatal' });

const login = (c: TestCenter, name: string) => staffLogin(c.url, name, `${name}-password-1`);

const loginRaw = (c: TestCenter, name: string, password: string) =>
  fetch(`${c.url}/api/v1/staff/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name, password }),
  });

describe('issue 13 hardening: the service-center', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await startTestCenter();
    await c.addStaff('clerk', 'clerk-password-1');
    await addStaff(c, 'clerk2', 'staff');
    await addStaff(c, 'lawyer1', 'lawyer');
    await addStaff(c, 'notary1', 'notary');
    await addStaff(c, 'boss', 'admin');
  });
  afterAll(async () => c.stop());

  it('item 2: a malformed cookie (x=%) does not break login or any staff route', async () => {
    const res = await fetch(`${c.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: 'x=%; y=%E0%A4%A' },
      body: JSON.stringify({ name: 'clerk', password: 'clerk-password-1' }),
    });
    expect(res.status).toBe(200);
    const session = (res.headers.get('set-cookie') ?? '').split(';')[0];
    const me = await fetch(`${c.url}/api/v1/staff/me`, { headers: { cookie: `x=%; ${session}; z=%zz` } });
    expect(me.status).toBe(200);
    expect(((await me.json()) as { name: string }).name).toBe('clerk');
    expect((await fetch(`${c.url}/api/v1/staff/applications`, { headers: { cookie: 'x=%' } })).status).toBe(401);
    expect(c.logText()).not.toMatch(/URIError/);
  });

  it('item 10: the centre refuses what the kiosk would refuse (ID check digit, phone, sizes, citations: [null])', async () => {
    const bad: Array<[string, IntakeSubmission]> = [
      ['all-zero ID', legalAid('FY261129-0001-1001', {}, '000000000000000000')],
      ['wrong check digit', legalAid('FY261129-0001-1002', {}, '450102195803011231')],
      [
        'phone',
        legalAid('FY261129-0001-1003', {
          applicant: { name: '韦秀兰', idNumber: '45010219580301123X', phone: 'not a phone' },
        }),
      ],
      ['200 kB facts', legalAid('FY261129-0001-1004', { facts: '欠'.repeat(200_000) })],
      ['citations: [null]', legalAid('FY261129-0001-1005', { eligibility: { matterId: 'wages', citations: [null] } })],
      ['unknown field', legalAid('FY261129-0001-1006', { injected: { deep: 1 } })],
      [
        'callback phone',
        {
          receiptNo: 'HD261129-0001-0001',
          kind: 'callback',
          submittedAt: new Date().toISOString(),
          data: { phone: 'not a phone', consent: { accepted: true, at: new Date().toISOString() } },
          documents: [],
        },
      ],
      ['kind and prefix disagree', { ...legalAid('PJ261129-0001-0001') }],
    ];
    for (const [what, body] of bad) {
      const res = await send(c, body);
      expect([what, res.status, res.body['error']]).toEqual([what, 400, 'invalidSubmission']);
    }
    // 100 000 levels of nesting: a clean 400, not a 500.
    const deep = `${'{"a":'.repeat(100_000)}1${'}'.repeat(100_000)}`;
    const nested = await fetch(`${c.url}/api/v1/intake/submissions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${T1.token}`,
        'content-type': 'application/json',
        'idempotency-key': 'key-deep-nesting',
      },
      body: `{"receiptNo":"FY261129-0001-1007","kind":"legalAid","submittedAt":"${new Date().toISOString()}","documents":[],"data":${deep}}`,
    });
    expect(nested.status).toBe(400);
    expect(((await nested.json()) as { error: string }).error).toBe('invalidSubmission');
    expect(c.logText()).not.toContain('centre request failed');
    const list = await c.center.repo.listApplications({ limit: 500 });
    expect(list.map((a) => a.receiptNo).filter((r) => /-(1\d{3}|0001)$/.test(r) && r !== 'FY261129-0001-0001')).toEqual(
      [],
    );
    // The valid one is still taken.
    expect((await send(c, legalAid('FY261129-0001-1010'))).status).toBe(200);
  });

  it('item 10: a terminal token writes receipts of its own terminal only (single and batch)', async () => {
    const foreign = await send(c, legalAid('FY261129-0002-0500'), T1.token);
    expect([foreign.status, foreign.body['error']]).toEqual([400, 'foreignReceipt']);
    const batch = await postJson(
      `${c.url}/api/v1/intake/batch`,
      {
        items: [
          { idempotencyKey: 'batch-own-0501', submission: legalAid('FY261129-0002-0501') },
          { idempotencyKey: 'batch-foreign-0502', submission: legalAid('FY261129-0001-0502') },
        ],
      },
      { authorization: `Bearer ${T2.token}` },
    );
    const results = batch.body['results'] as Array<{ status: number; error?: string }>;
    expect(results.map((r) => [r.status, r.error])).toEqual([
      [200, undefined],
      [400, 'foreignReceipt'],
    ]);
  });

  it('item 11: roles — legal-aid staff decide, lawyers and admins read, notaries see no legal aid, admins manage accounts', async () => {
    const id = String((await send(c, legalAid('FY261129-0001-1100'))).body['centerId']);
    const lawyer = await login(c, 'lawyer1');
    const notary = await login(c, 'notary1');
    const admin = await login(c, 'boss');
    const clerk = await login(c, 'clerk2');
    expect(lawyer.body['role']).toBe('lawyer');
    expect((await lawyer.call('/api/v1/staff/applications')).status).toBe(200);
    // A notary's desk reads notarization only (KIND_READERS): legal aid answers like an unknown one.
    const notaryList = (await (await notary.call('/api/v1/staff/applications')).json()) as { items: unknown[] };
    expect(JSON.stringify(notaryList.items)).not.toContain('FY261129-0001-1100');
    expect((await notary.call(`/api/v1/staff/applications/${id}`)).status).toBe(404);
    for (const [who, status] of [
      [lawyer, 403],
      [notary, 404],
      [admin, 403],
    ] as const) {
      const res = await who.call(`/api/v1/staff/applications/${id}/status`, {
        method: 'POST',
        body: { state: 'accepted' },
      });
      expect(res.status).toBe(status);
    }
    expect((await clerk.call('/api/v1/staff/accounts')).status).toBe(403);
    const accounts = (await (await admin.call('/api/v1/staff/accounts')).json()) as {
      items: Array<{ name: string; role: string; passwordHash?: string }>;
    };
    expect(accounts.items.find((a) => a.name === 'notary1')?.role).toBe('notary');
    expect(JSON.stringify(accounts)).not.toContain('$scrypt$');
    const created = await admin.call('/api/v1/staff/accounts', {
      method: 'POST',
      body: { name: 'newclerk', role: 'staff' },
    });
    expect(created.status).toBe(200);
    const { oneTimePassword } = (await created.json()) as { oneTimePassword: string };
    expect((await staffLogin(c.url, 'newclerk', oneTimePassword)).body['mustChange']).toBe(true);
    // A role change ends the account's logins and takes effect at the next one.
    expect(
      (await admin.call('/api/v1/staff/accounts/notary1/role', { method: 'PUT', body: { role: 'staff' } })).status,
    ).toBe(200);
    expect((await notary.call('/api/v1/staff/applications')).status).toBe(401);
    expect((await (await login(c, 'notary1')).call('/api/v1/staff/applications')).status).toBe(200);
    await admin.call('/api/v1/staff/accounts/notary1/role', { method: 'PUT', body: { role: 'notary' } });
    // The last administrator stays one.
    expect(
      (await admin.call('/api/v1/staff/accounts/admin/role', { method: 'PUT', body: { role: 'staff' } })).status,
    ).toBe(200);
    expect(
      (await admin.call('/api/v1/staff/accounts/boss/role', { method: 'PUT', body: { role: 'staff' } })).status,
    ).toBe(409);
  });

  it('item 11: two concurrent decisions — one wins, the other gets 409; the audit log shows who, when, from → to, why', async () => {
    const id = String((await send(c, legalAid('FY261129-0001-1101'))).body['centerId']);
    const a = await login(c, 'clerk');
    const b = await login(c, 'clerk2');
    const seen = (await (await a.call(`/api/v1/staff/applications/${id}`)).json()) as ApplicationDetail;
    expect(seen.version).toBe(0);
    const [ra, rb] = await Promise.all([
      a.call(`/api/v1/staff/applications/${id}/status`, {
        method: 'POST',
        body: { state: 'accepted', version: seen.version },
      }),
      b.call(`/api/v1/staff/applications/${id}/status`, {
        method: 'POST',
        body: { state: 'rejected', reason: '不属于法律援助范围', version: seen.version },
      }),
    ]);
    expect([ra.status, rb.status].sort()).toEqual([200, 409]);
    const loser = ra.status === 409 ? ra : rb;
    expect(((await loser.json()) as { error: string }).error).toBe('stateChanged');
    const winner = ra.status === 200 ? 'clerk' : 'clerk2';
    const detail = (await (await a.call(`/api/v1/staff/applications/${id}`)).json()) as ApplicationDetail;
    expect(detail.audit).toHaveLength(1);
    expect(detail.audit![0]).toMatchObject({ from: 'received', by: winner, role: 'staff' });
    expect(Date.parse(detail.audit![0].at)).not.toBeNaN();

    // The next decision, on the current version, is recorded with its reason.
    const next = await a.call(`/api/v1/staff/applications/${id}/status`, {
      method: 'POST',
      body:
        detail.state === 'accepted'
          ? { state: 'rejected', reason: '经审查不符合经济困难标准', version: detail.version }
          : { state: 'approved', version: detail.version },
    });
    if (detail.state === 'accepted') {
      expect(next.status).toBe(200);
      const after = (await next.json()) as ApplicationDetail;
      expect(after.audit!.map((e) => [e.from, e.to, e.by, e.reason])).toEqual([
        ['received', 'accepted', winner, undefined],
        ['accepted', 'rejected', 'clerk', '经审查不符合经济困难标准'],
      ]);
    } else expect(next.status).toBe(409);
  });

  it('item 11: the repository refuses a status change whose expected state or version is stale (compare-and-set)', async () => {
    const id = String((await send(c, legalAid('FY261129-0001-1102'))).body['centerId']);
    const repo = c.center.repo;
    const change = (state: 'accepted' | 'approved', version: number) =>
      repo.changeStatus(id, {
        state,
        by: 'clerk',
        role: 'staff',
        at: new Date().toISOString(),
        expected: { state: 'received', version },
      });
    const [first, second] = await Promise.all([change('accepted', 0), change('approved', 0)]);
    expect([first.outcome, second.outcome]).toEqual(['changed', 'conflict']);
    expect((await repo.getApplication(id))?.state).toBe('accepted');
  });

  it('item 12: security headers by helmet on the console and the API (CSP for the video call, nosniff, no framing)', async () => {
    for (const path of ['/', '/api/v1/staff/me', '/healthz']) {
      const res = await fetch(`${c.url}${path}`);
      const csp = res.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toMatch(/connect-src 'self' ws: wss:/);
      expect(csp).toMatch(/media-src 'self' blob:/);
      expect(csp).toMatch(/script-src 'self'(;|$)/);
      expect(csp).toContain("object-src 'none'");
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('x-frame-options')).toBe('DENY');
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('item 12: Secure on the session cookie when the console is served over TLS (reverse proxy), not on plain loopback', async () => {
    const plain = await loginRaw(c, 'clerk', 'clerk-password-1');
    expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
    const tls = await fetch(`${c.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-proto': 'https' },
      body: JSON.stringify({ name: 'clerk', password: 'clerk-password-1' }),
    });
    expect(tls.status).toBe(200);
    expect(tls.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
  });

  it('item 12: an aborted request is logged once at debug, not as an error stack', async () => {
    await new Promise<void>((done) => {
      const req = request({
        host: '127.0.0.1',
        port: c.port,
        method: 'POST',
        path: '/api/v1/staff/login',
        headers: { 'content-type': 'application/json', 'content-length': '1000' },
      });
      req.on('error', () => done());
      req.write('{"name":"clerk",');
      setTimeout(() => {
        req.destroy();
        done();
      }, 200);
    });
    await expect.poll(() => c.logText().includes('request aborted by the client'), { timeout: 5000 }).toBe(true);
    await new Promise((r) => setTimeout(r, 200));
    expect(c.logText().split('request aborted by the client').length - 1).toBe(1);
    expect(c.logText()).not.toContain('centre request failed');
    expect(c.logText()).not.toMatch(/"level":50/);
  });
});

describe('issue 13 hardening: files and the login limiter across restarts', () => {
  it('item 12: the data directory is 0700 and the database, secrets and config files 0600 whatever the umask', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-center-modes-'));
    mkdirSync(dataDir, { recursive: true });
    chmodSync(dataDir, 0o755);
    writeFileSync(join(dataDir, 'signalling-secret'), 'x'.repeat(40), { mode: 0o644 });
    const c = await startTestCenter({ dataDir });
    try {
      await send(c, legalAid('FY261129-0001-1200'));
      expect(statSync(dataDir).mode & 0o777).toBe(0o700);
      const files = readdirSync(dataDir).filter((f) => statSync(join(dataDir, f)).isFile());
      expect(files).toEqual(expect.arrayContaining(['center.sqlite', 'signalling-secret', 'first-staff-password']));
      for (const f of files) expect([f, statSync(join(dataDir, f)).mode & 0o777]).toEqual([f, 0o600]);
    } finally {
      await c.stop();
    }
    // The configuration file holds the terminals' tokens.
    const configPath = join(dataDir, 'center.config.json');
    writeFileSync(
      configPath,
      JSON.stringify({ configVersion: 1, host: '127.0.0.1', port: 0, terminals: TEST_TERMINALS }),
      { mode: 0o644 },
    );
    chmodSync(configPath, 0o644);
    const fromFile = createCenter({
      configPath,
      dataDir: join(dataDir, 'second'),
      port: 0,
      log: quiet(),
      scryptLogN: 10,
    });
    await fromFile.start();
    await fromFile.stop();
    expect(statSync(configPath).mode & 0o777).toBe(0o600);
    expect(statSync(join(dataDir, 'second')).mode & 0o777).toBe(0o700);
  });

  it('item 6: 40 parallel guesses are not all checked: at most 5 reach scrypt, the rest get 429; the limit survives a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-center-limit-'));
    let c = await startTestCenter({ dataDir });
    try {
      // A real-ish hash cost (2^14), so that 40 parallel requests overlap while one is being checked.
      await c.center.repo.putStaff({
        name: 'target',
        passwordHash: await hashPassword('the-right-password', 14),
        mustChange: false,
        at: new Date().toISOString(),
      });
      const guesses = Array.from({ length: 40 }, (_, i) => (i === 39 ? 'the-right-password' : `guess-${i}`));
      const answers = await Promise.all(guesses.map((g) => loginRaw(c, 'target', g)));
      const statuses = answers.map((r) => r.status);
      const checked = statuses.filter((s) => s !== 429).length;
      expect(checked).toBeLessThanOrEqual(5);
      expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(35);
      expect(c.logText().split('staff login failed').length - 1).toBe(statuses.filter((s) => s === 401).length);
      const limited = answers.find((r) => r.status === 429)!;
      expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);

      // A restart (a crash loop) does not reset the count.
      await c.stop();
      c = await startTestCenter({ dataDir });
      expect((await loginRaw(c, 'target', 'the-right-password')).status).toBe(429);
    } finally {
      await c.stop();
    }
  });
});
