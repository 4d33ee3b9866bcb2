import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_SIGNALLING_TOKEN_PATH, type SignallingToken } from '@kiosk/contract/signalling-api';
import type { StaffAccountCreated, StaffAccountInfo } from '@kiosk/contract/staff-api';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import { SqliteRepository } from '../../../service-center/src/store/sqlite-repository.js';
import { startTestPostgres } from '../../helpers/postgres.js';
import { runCli } from '../../helpers/run-cli.js';
import { staffLogin } from '../center-harness.js';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

// Issue 11: the villager hears and reads her lawyer's name (王芳律师已接通, the summary slip), not
// 值班律师. A staff account has a display name, set at creation (API, CLI), the login name otherwise;
// the centre sends it in the kiosk's `matched`.

const PASSWORD = 'a-long-password-1';

let center: ConsultCenter;
const clients: SigClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

/** The lawyer logs in at the console, says hello with her staff token and takes the kiosk's call. */
async function lawyerNameHeardBy(kioskId: string, login: string, password: string): Promise<string | undefined> {
  const session = await staffLogin(center.url, login, password);
  const res = await session.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} });
  const token = (await res.json()) as SignallingToken;
  const lawyer = await SigClient.open(token.url);
  clients.push(lawyer);
  lawyer.send({ type: 'hello', role: token.role, id: token.id, token: token.token });
  await lawyer.next('queue');
  const kiosk = await center.connect('kiosk', kioskId);
  clients.push(kiosk);
  kiosk.send({ type: 'enqueue', topic: 'loan', consent: true });
  await kiosk.next('queued');
  lawyer.send({ type: 'take-next' });
  const matched = await kiosk.next('matched');
  expect(await lawyer.next('matched')).toMatchObject({ peer: { kioskId } });
  lawyer.send({ type: 'hangup', callId: matched.callId, reason: 'hangup' });
  await kiosk.next('hangup');
  return 'lawyerName' in matched.peer ? matched.peer.lawyerName : undefined;
}

describe('the lawyer’s name for the villager', () => {
  it('an administrator sets it at creation; without one the login name; the kiosk’s matched carries it', async () => {
    center = await startConsultCenter();
    await center.center.repo.putStaff({
      name: 'boss',
      passwordHash: await hashPassword(PASSWORD, 10),
      mustChange: false,
      role: 'admin',
      at: new Date().toISOString(),
    });
    const admin = await staffLogin(center.url, 'boss', PASSWORD);
    const create = async (body: Record<string, unknown>) =>
      admin.call('/api/v1/staff/accounts', { method: 'POST', body });

    const named = await create({ name: 'wangf', role: 'lawyer', displayName: '王芳' });
    expect(named.status).toBe(200);
    const wang = (await named.json()) as StaffAccountCreated;
    expect(wang.account).toMatchObject({ name: 'wangf', displayName: '王芳' });
    const plain = (await (await create({ name: 'li', role: 'lawyer' })).json()) as StaffAccountCreated;
    expect(plain.account.displayName).toBe('li');
    for (const displayName of ['', ' 王芳', '王芳 ', '<b>王</b>', '王'.repeat(21), 42, '王\n芳'])
      expect([displayName, (await create({ name: 'zhao', role: 'lawyer', displayName })).status]).toEqual([
        displayName,
        400,
      ]);
    expect(await center.center.repo.getStaff('zhao')).toBeUndefined();
    expect((await create({ name: 'ou', role: 'lawyer', displayName: '欧阳 娜娜·阿依' })).status).toBe(200);
    const list = (await (await admin.call('/api/v1/staff/accounts')).json()) as { items: StaffAccountInfo[] };
    expect(list.items.map((a) => [a.name, a.displayName])).toContainEqual(['wangf', '王芳']);

    // The one-time passwords are changed at first login; the lawyers then take calls.
    for (const [login, once] of [
      ['wangf', wang.oneTimePassword],
      ['li', plain.oneTimePassword],
    ] as const) {
      const first = await staffLogin(center.url, login, once);
      expect(
        (await first.call('/api/v1/staff/password', { method: 'POST', body: { current: once, next: PASSWORD } }))
          .status,
      ).toBeLessThan(300);
    }
    expect(await lawyerNameHeardBy('test-0001', 'wangf', PASSWORD)).toBe('王芳');
    expect(await lawyerNameHeardBy('test-0002', 'li', PASSWORD)).toBe('li');
    expect(center.logText()).not.toContain('王芳');
  });

  it('the CLI sets it: add-staff <name> --display-name 王芳; a later run without it keeps it', async () => {
    center = await startConsultCenter();
    const dataDir = center.dataDir;
    await center.stop();
    const run = (...args: string[]) =>
      runCli('service-center/src/cli.ts', args, {
        input: `${PASSWORD}\n`,
        env: { ...process.env, CENTER_DATA_DIR: dataDir, CENTER_SCRYPT_LN: '10' },
      });
    const first = await run('add-staff', 'wangf', '--role', 'lawyer', '--display-name', '王芳');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect((await run('add-staff', 'wangf')).status).toBe(0);
    for (const args of [['--display-name'], ['--display-name', ''], ['--display-name', '<王>']])
      expect([args, (await run('add-staff', 'zhao', ...args)).status]).toEqual([args, 2]);
    const repo = new SqliteRepository(join(dataDir, 'center.sqlite'));
    try {
      expect(await repo.getStaff('wangf')).toMatchObject({ role: 'lawyer', displayName: '王芳' });
      expect(await repo.getStaff('zhao')).toBeUndefined();
    } finally {
      await repo.close();
    }
    center = await startConsultCenter({}, { dataDir });
    expect(await lawyerNameHeardBy('test-0001', 'wangf', PASSWORD)).toBe('王芳');
  }, 90_000);

  it('on PostgreSQL too (migration 13): set at creation, kept by a later password change', async () => {
    const postgres = await startTestPostgres();
    try {
      center = await startConsultCenter({}, { storage: { kind: 'postgres', url: await postgres.createDatabase() } });
      const repo = center.center.repo;
      const at = new Date().toISOString();
      const passwordHash = await hashPassword(PASSWORD, 10);
      expect(
        await repo.createStaff({
          name: 'wangf',
          passwordHash,
          mustChange: false,
          at,
          role: 'lawyer',
          displayName: '王芳',
        }),
      ).toBe(true);
      await repo.putStaff({ name: 'wangf', passwordHash, mustChange: false, at });
      await repo.putStaff({ name: 'li', passwordHash, mustChange: false, at, role: 'lawyer' });
      expect(await repo.getStaff('wangf')).toMatchObject({ displayName: '王芳' });
      expect(await repo.getStaff('li')).not.toHaveProperty('displayName');
      await repo.putStaff({ name: 'li', passwordHash, mustChange: false, at, displayName: '李明' });
      expect(await repo.getStaff('li')).toMatchObject({ displayName: '李明' });
      expect(await lawyerNameHeardBy('test-0001', 'wangf', PASSWORD)).toBe('王芳');
    } finally {
      await center.stop();
      await postgres.stop();
    }
  }, 120_000);
});
