import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeAccepted, IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import { loadCenterConfig } from '../../../service-center/src/config.js';
import { TINY_JPEG_BASE64, legalAidData, postJson } from '../../device-agent/outbox/fixtures.js';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from '../center-harness.js';
import { runCli } from '../../helpers/run-cli.js';

// The centre with `storage: { kind: 'postgres', url }`: the same intake, staff and status-pull paths as
// on SQLite, over HTTP, against a real PostgreSQL; a restart keeps everything; the CLI writes there too.

const T1 = TEST_TERMINALS[0];
const auth = { authorization: `Bearer ${T1.token}` };

function intake(receiptNo: string, facts = '老板欠工资'): IntakeSubmission {
  const { documents: _documents, ...data } = legalAidData({
    facts,
    consent: { accepted: true, at: '2026-03-01T00:00:00Z' },
  });
  return {
    receiptNo,
    kind: 'legalAid',
    submittedAt: '2026-03-01T00:00:00.000Z',
    data,
    documents: [{ role: 'photo', index: 0, mime: 'image/jpeg', label: '欠条', base64: TINY_JPEG_BASE64 }],
  };
}

describe('the storage setting', () => {
  it('names SQLite or PostgreSQL with a postgres:// URL, and says which path is wrong otherwise', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kiosk-center-cfg-'));
    const check = (storage: unknown): string => {
      const file = join(dir, 'center.config.json');
      writeFileSync(file, JSON.stringify({ configVersion: 1, host: '127.0.0.1', port: 0, terminals: [], storage }));
      try {
        return JSON.stringify(loadCenterConfig(file).storage);
      } catch (err) {
        return (err as Error).message;
      }
    };
    expect(check({ kind: 'sqlite' })).toBe('{"kind":"sqlite"}');
    expect(check({ kind: 'postgres', url: 'postgres://c:secret@db.example:5432/centre' })).toContain('"postgres"');
    expect(check({ kind: 'mysql' })).toContain('/storage');
    expect(check({ kind: 'postgres' })).toContain('/storage/url');
    expect(check({ kind: 'postgres', url: 'http://db.example/centre' })).toContain('/storage/url');
  });
});

describe('the centre on PostgreSQL', () => {
  let postgres: TestPostgres;
  let url: string;
  let dataDir: string;
  let c: TestCenter;
  beforeAll(async () => {
    postgres = await startTestPostgres();
    url = await postgres.createDatabase();
    dataDir = mkdtempSync(join(tmpdir(), 'kiosk-center-pg-'));
    c = await startTestCenter({ dataDir, storage: { kind: 'postgres', url } });
    await c.addStaff('clerk', 'clerk-password-1');
  }, 60_000);
  afterAll(async () => {
    await c?.stop();
    await postgres?.stop();
  });

  it('keeps nothing in SQLite and makes the first administrator in PostgreSQL', async () => {
    expect(existsSync(join(dataDir, 'center.sqlite'))).toBe(false);
    expect((await c.center.repo.getStaff('admin'))?.role).toBe('admin');
    const oneTime = readFileSync(join(dataDir, 'first-staff-password'), 'utf8').trim();
    const login = await staffLogin(c.url, 'admin', oneTime);
    expect(login.status).toBe(200);
    expect(login.body['mustChange']).toBe(true);
  });

  it('takes a submission once, answers a replay, refuses a changed body with 409', async () => {
    const headers = { ...auth, 'idempotency-key': 'pg-key-0001' };
    const first = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY260301-0001-0001'), headers);
    const again = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY260301-0001-0001'), headers);
    expect(first.status).toBe(200);
    expect(again.status).toBe(200);
    expect((again.body as unknown as IntakeAccepted).replay).toBe(true);
    expect(again.body['centerId']).toBe(first.body['centerId']);
    const changed = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY260301-0001-0001', '改了'), headers);
    expect(changed.status).toBe(409);
    expect(changed.body['error']).toBe('idempotencyConflict');
  });

  it('lets staff decide, refuses a decision on a stale version, and the terminal pulls the change', async () => {
    const sent = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY260301-0001-0002'), {
      ...auth,
      'idempotency-key': 'pg-key-0002',
    });
    const id = String(sent.body['centerId']);
    const start = (
      (await (await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: auth })).json()) as IntakeStatusPage
    ).cursor;
    const s = await staffLogin(c.url, 'clerk', 'clerk-password-1');
    expect(s.status).toBe(200);
    const list = (await (await s.call('/api/v1/staff/applications?state=received')).json()) as {
      items: Array<{ centerId: string }>;
    };
    expect(list.items.map((i) => i.centerId)).toContain(id);
    const detail = (await (await s.call(`/api/v1/staff/applications/${id}`)).json()) as { version: number };
    const photo = await s.call(`/api/v1/staff/applications/${id}/documents/photo/0`);
    expect(photo.status).toBe(200);
    expect(Buffer.compare(Buffer.from(await photo.arrayBuffer()), Buffer.from(TINY_JPEG_BASE64, 'base64'))).toBe(0);

    const accepted = await s.call(`/api/v1/staff/applications/${id}/status`, {
      method: 'POST',
      body: { state: 'accepted', version: detail.version },
    });
    expect(accepted.status).toBe(200);
    const stale = await s.call(`/api/v1/staff/applications/${id}/status`, {
      method: 'POST',
      body: { state: 'rejected', reason: '不属于法律援助范围', version: detail.version },
    });
    expect(stale.status).toBe(409);
    expect(((await stale.json()) as { error: string }).error).toBe('stateChanged');

    const page = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=${start}`, { headers: auth })
    ).json()) as IntakeStatusPage;
    expect(page.changes).toMatchObject([{ receiptNo: 'FY260301-0001-0002', state: 'accepted' }]);
  });

  it('adds a staff account from the command line into PostgreSQL, and a restarted centre keeps everything', async () => {
    const configFile = join(dataDir, 'center.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({
        configVersion: 1,
        host: '127.0.0.1',
        port: 0,
        terminals: TEST_TERMINALS,
        storage: { kind: 'postgres', url },
      }),
      { mode: 0o600 },
    );
    const r = await runCli('service-center/src/cli.ts', ['add-staff', 'notary1', '--role', 'notary'], {
      input: 'notary-secret-42\n',
      env: { ...process.env, CENTER_CONFIG: configFile, CENTER_DATA_DIR: dataDir, CENTER_SCRYPT_LN: '10' },
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(existsSync(join(dataDir, 'center.sqlite'))).toBe(false);

    await c.stop();
    c = await startTestCenter({ dataDir, storage: { kind: 'postgres', url } });
    expect((await c.center.repo.listStaff()).map((a) => a.name)).toEqual(['admin', 'clerk', 'notary1']);
    expect((await staffLogin(c.url, 'notary1', 'notary-secret-42')).status).toBe(200);
    const page = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: auth })
    ).json()) as IntakeStatusPage;
    expect(page.changes.map((x) => `${x.receiptNo}:${x.state}`)).toEqual([
      'FY260301-0001-0001:received',
      'FY260301-0001-0002:received',
      'FY260301-0001-0002:accepted',
    ]);
  });
});
