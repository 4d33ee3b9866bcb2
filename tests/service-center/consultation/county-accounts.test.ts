import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_SIGNALLING_TOKEN_PATH, type SignallingToken } from '@kiosk/contract/signalling-api';
import type { StaffAccountCreated, StaffAccountInfo } from '@kiosk/contract/staff-api';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import type { StaffRole } from '../../../service-center/src/store/repository.js';
import { SqliteRepository } from '../../../service-center/src/store/sqlite-repository.js';
import { runCli } from '../../helpers/run-cli.js';
import { TEST_TERMINALS, staffLogin } from '../center-harness.js';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

// Issue 14 item 2: a staff account belongs to a county or (without one) to the province. An
// administrator sets it when creating the account or later; the CLI sets it too; the lawyer's next
// signalling hello serves that county's queue.

const COUNTIES = [
  { code: '450121', name: '甲县' },
  { code: '450122', name: '乙县' },
];
const PASSWORD = 'a-long-password-1';

let center: ConsultCenter;
const clients: SigClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

async function addStaff(name: string, role: StaffRole): Promise<void> {
  await center.center.repo.putStaff({
    name,
    passwordHash: await hashPassword(PASSWORD, 10),
    mustChange: false,
    role,
    at: new Date().toISOString(),
  });
}

/** The county of the `queue` a lawyer gets after a hello with a token from the staff login. */
async function queueCountyOf(name: string): Promise<string | undefined> {
  const lawyer = await staffLogin(center.url, name, PASSWORD);
  const res = await lawyer.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} });
  const token = (await res.json()) as SignallingToken;
  const client = await SigClient.open(token.url);
  clients.push(client);
  client.send({ type: 'hello', role: token.role, id: token.id, token: token.token });
  const queue = await client.next('queue');
  client.ws.terminate();
  return queue.county;
}

describe('the county of a staff account', () => {
  it('an administrator gives an account a county when creating it or later; bad or unknown ones are refused', async () => {
    center = await startConsultCenter({}, { counties: COUNTIES });
    await addStaff('boss', 'admin');
    await addStaff('li', 'lawyer');
    await addStaff('clerk', 'staff');
    const admin = await staffLogin(center.url, 'boss', PASSWORD);

    const created = await admin.call('/api/v1/staff/accounts', {
      method: 'POST',
      body: { name: 'wang', role: 'lawyer', county: '450122' },
    });
    expect(created.status).toBe(200);
    expect(((await created.json()) as StaffAccountCreated).account).toMatchObject({ name: 'wang', county: '450122' });
    for (const county of ['4501', '450199', 450121]) {
      const res = await admin.call('/api/v1/staff/accounts', {
        method: 'POST',
        body: { name: 'zhao', role: 'lawyer', county },
      });
      expect([county, res.status]).toEqual([county, 400]);
    }
    expect(await center.center.repo.getStaff('zhao')).toBeUndefined();

    expect(await queueCountyOf('li')).toBeUndefined();
    const set = await admin.call('/api/v1/staff/accounts/li/county', { method: 'PUT', body: { county: '450121' } });
    expect(set.status).toBe(200);
    expect((await set.json()) as StaffAccountInfo).toMatchObject({ name: 'li', county: '450121' });
    expect(await queueCountyOf('li')).toBe('450121');
    const list = (await (await admin.call('/api/v1/staff/accounts')).json()) as { items: StaffAccountInfo[] };
    expect(list.items.filter((a) => a.county).map((a) => [a.name, a.county])).toEqual([
      ['li', '450121'],
      ['wang', '450122'],
    ]);

    const cleared = await admin.call('/api/v1/staff/accounts/li/county', { method: 'PUT', body: { county: null } });
    expect((await cleared.json()) as StaffAccountInfo).not.toHaveProperty('county');
    expect(await queueCountyOf('li')).toBeUndefined();
    for (const body of [{ county: '450199' }, { county: 'x' }, {}, { county: '450121', role: 'admin' }])
      expect((await admin.call('/api/v1/staff/accounts/li/county', { method: 'PUT', body })).status).toBe(400);
    expect(
      (await admin.call('/api/v1/staff/accounts/nobody/county', { method: 'PUT', body: { county: '450121' } })).status,
    ).toBe(404);
    const clerk = await staffLogin(center.url, 'clerk', PASSWORD);
    expect(
      (await clerk.call('/api/v1/staff/accounts/li/county', { method: 'PUT', body: { county: '450121' } })).status,
    ).toBe(403);
  });

  it('the CLI sets the county: add-staff <name> --role lawyer --county <code>|province', async () => {
    center = await startConsultCenter();
    const dataDir = center.dataDir;
    await center.stop();
    const configFile = join(dataDir, 'center.config.json');
    writeFileSync(
      configFile,
      JSON.stringify({ configVersion: 1, host: '127.0.0.1', port: 0, terminals: TEST_TERMINALS, counties: COUNTIES }),
      { mode: 0o600 },
    );
    const run = (...args: string[]) =>
      runCli('service-center/src/cli.ts', args, {
        input: `${PASSWORD}\n`,
        env: { ...process.env, CENTER_CONFIG: configFile, CENTER_DATA_DIR: dataDir, CENTER_SCRYPT_LN: '10' },
      });
    const first = await run('add-staff', 'zhang', '--role', 'lawyer', '--county', '450121');
    expect(first.stderr).toBe('');
    expect(first.stdout).toContain('created staff account zhang (lawyer, county 450121)');
    const unknown = await run('add-staff', 'zhang', '--county', '450199');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('450121, 450122');
    for (const args of [
      ['--county', '4501'],
      ['--county'],
      ['--county', '450121', '--county', '450122'],
      ['--colour', 'red'],
    ])
      expect((await run('add-staff', 'zhang', ...args)).status).toBe(2);
    expect((await run('add-staff', 'li', '--role', 'lawyer')).status).toBe(0);
    const repo = new SqliteRepository(join(dataDir, 'center.sqlite'));
    try {
      expect(await repo.getStaff('zhang')).toMatchObject({ role: 'lawyer', county: '450121' });
      expect(await repo.getStaff('li')).not.toHaveProperty('county');
    } finally {
      await repo.close();
    }
    const province = await run('add-staff', 'zhang', '--county', 'province');
    expect(province.stdout).toContain('password set for staff account zhang (province)');
    const again = new SqliteRepository(join(dataDir, 'center.sqlite'));
    try {
      expect(await again.getStaff('zhang')).toMatchObject({ role: 'lawyer' });
      expect(await again.getStaff('zhang')).not.toHaveProperty('county');
    } finally {
      await again.close();
    }
    center = await startConsultCenter({}, { dataDir });
  }, 90_000);
});
