import { afterEach, describe, expect, it } from 'vitest';
import {
  INTAKE_SIGNALLING_TOKEN_PATH,
  STAFF_CALLS_PATH,
  STAFF_SIGNALLING_TOKEN_PATH,
  type CallList,
  type CallRecord,
  type SignallingToken,
} from '@kiosk/contract/signalling-api';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import type { StaffRole } from '../../../service-center/src/store/repository.js';
import { SqliteRepository } from '../../../service-center/src/store/sqlite-repository.js';
import { staffLogin } from '../center-harness.js';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';
import { runCli } from '../../helpers/run-cli.js';

let center: ConsultCenter;
const clients: SigClient[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  await center?.stop();
});

const PASSWORD = 'a-long-password-1';
async function addStaff(name: string, role?: StaffRole): Promise<void> {
  await center.center.repo.putStaff({
    name,
    passwordHash: await hashPassword(PASSWORD, 10),
    mustChange: false,
    at: new Date().toISOString(),
    ...(role ? { role } : {}),
  });
}

/** Opens the signalling socket with what a token endpoint answered. */
async function helloWith(t: SignallingToken): Promise<SigClient> {
  const c = await SigClient.open(t.url);
  clients.push(c);
  c.send({ type: 'hello', role: t.role, id: t.id, token: t.token });
  await c.next('welcome');
  return c;
}

describe('consultation tokens and records over HTTP', () => {
  it('gives a kiosk token to a terminal with its Bearer token, and nothing without it', async () => {
    center = await startConsultCenter();
    const none = await fetch(`${center.url}${INTAKE_SIGNALLING_TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
    });
    expect(none.status).toBe(401);
    const wrong = await fetch(`${center.url}${INTAKE_SIGNALLING_TOKEN_PATH}`, {
      method: 'POST',
      headers: { authorization: 'Bearer not-a-terminal-token', 'content-type': 'application/json' },
    });
    expect(wrong.status).toBe(401);
    const res = await fetch(`${center.url}${INTAKE_SIGNALLING_TOKEN_PATH}`, {
      method: 'POST',
      headers: { authorization: 'Bearer other-terminal-token', 'content-type': 'application/json' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const t = (await res.json()) as SignallingToken;
    expect(t).toMatchObject({ role: 'kiosk', id: 'test-0002', url: center.wsUrl });
    expect(Date.parse(t.expiresAt)).toBeGreaterThan(Date.now());
    await helloWith(t);
  });

  it('gives a lawyer token only to a logged-in lawyer or admin, with the CSRF header', async () => {
    center = await startConsultCenter();
    await addStaff('clerk');
    await addStaff('lawyer1', 'lawyer');
    await addStaff('boss', 'admin');
    expect((await center.center.repo.getStaff('clerk'))?.role).toBe('staff');
    const clerk = await staffLogin(center.url, 'clerk', PASSWORD);
    expect((await clerk.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} })).status).toBe(403);
    const lawyer = await staffLogin(center.url, 'lawyer1', PASSWORD);
    expect((await lawyer.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {}, csrf: false })).status).toBe(
      403,
    );
    const anonymous = await fetch(`${center.url}${STAFF_SIGNALLING_TOKEN_PATH}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(anonymous.status).toBe(401);
    const res = await lawyer.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} });
    expect(res.status).toBe(200);
    const t = (await res.json()) as SignallingToken;
    expect(t).toMatchObject({ role: 'lawyer', id: 'lawyer1', url: center.wsUrl });
    await helloWith(t);
    const boss = await staffLogin(center.url, 'boss', PASSWORD);
    expect((await boss.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} })).status).toBe(200);
  });

  it('lists call records and takes the note of the call’s own lawyer only', async () => {
    center = await startConsultCenter();
    await addStaff('lawyer1', 'lawyer');
    await addStaff('lawyer2', 'lawyer');
    await addStaff('boss', 'admin');
    const lawyer = await staffLogin(center.url, 'lawyer1', PASSWORD);
    const l = await helloWith(
      (await (await lawyer.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} })).json()) as SignallingToken,
    );
    const k = await center.connect('kiosk', 'test-0001');
    clients.push(k);
    k.send({ type: 'enqueue', topic: 'family', consent: true, terminalName: '甲村', callerName: '王五' });
    await k.next('queued');
    l.send({ type: 'take-next' });
    const { callId } = await k.next('matched');
    k.send({ type: 'hangup', callId, reason: 'hangup' });
    await l.next('hangup');

    const list = (await (await lawyer.call(STAFF_CALLS_PATH)).json()) as CallList;
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      callId,
      kioskId: 'test-0001',
      terminalName: '甲村',
      lawyerId: 'lawyer1',
      topic: 'family',
      consent: true,
      endReason: 'hangup',
    });
    expect(JSON.stringify(list)).not.toContain('王五');

    const note = { topic: 'family', advice: '可申请法律援助', referral: 'legalAid', forCaller: '带上户口本' };
    const other = await staffLogin(center.url, 'lawyer2', PASSWORD);
    expect((await other.call(`${STAFF_CALLS_PATH}/${callId}/note`, { method: 'POST', body: note })).status).toBe(403);
    expect(((await (await other.call(STAFF_CALLS_PATH)).json()) as CallList).items).toHaveLength(0);
    expect(
      (await lawyer.call(`${STAFF_CALLS_PATH}/${callId}/note`, { method: 'POST', body: { ...note, referral: 'x' } }))
        .status,
    ).toBe(400);
    expect((await lawyer.call(`${STAFF_CALLS_PATH}/not-a-call/note`, { method: 'POST', body: note })).status).toBe(404);
    const saved = await lawyer.call(`${STAFF_CALLS_PATH}/${callId}/note`, { method: 'POST', body: note });
    expect(saved.status).toBe(200);
    expect(((await saved.json()) as CallRecord).note).toEqual(note);
    const boss = await staffLogin(center.url, 'boss', PASSWORD);
    const all = (await (await boss.call(STAFF_CALLS_PATH)).json()) as CallList;
    expect(all.items[0].note).toEqual(note);
  });

  it('the CLI sets the role: add-staff <name> --role lawyer', async () => {
    center = await startConsultCenter();
    const dataDir = center.dataDir;
    await center.stop();
    const run = (...args: string[]) =>
      runCli('service-center/src/cli.ts', args, {
        input: `${PASSWORD}\n`,
        env: { ...process.env, CENTER_DATA_DIR: dataDir, CENTER_SCRYPT_LN: '10' },
      });
    const first = await run('add-staff', 'zhang', '--role', 'lawyer');
    expect(first.stderr).toBe('');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('created staff account zhang (lawyer)');
    expect((await run('add-staff', 'wang', '--role', 'judge')).status).toBe(2);
    expect((await run('add-staff', 'zhang')).status).toBe(0);
    const repo = new SqliteRepository(`${dataDir}/center.sqlite`);
    try {
      expect((await repo.getStaff('zhang'))?.role).toBe('lawyer');
      expect(await repo.getStaff('wang')).toBeUndefined();
    } finally {
      await repo.close();
    }
    center = await startConsultCenter({}, { dataDir });
  }, 90_000);
});

describe('the villager’s rating of a call', () => {
  it('links a consultation rating from the kiosk’s outbox to its call record (own calls only)', async () => {
    center = await startConsultCenter();
    const lawyer = await center.connect('lawyer', 'lawyer1');
    const kiosk = await center.connect('kiosk', 'test-0001');
    clients.push(lawyer, kiosk);
    kiosk.send({ type: 'enqueue', topic: 'traffic', consent: true });
    await kiosk.next('queued');
    lawyer.send({ type: 'take-next' });
    const { callId } = await kiosk.next('matched');
    kiosk.send({ type: 'hangup', callId, reason: 'hangup' });
    await lawyer.next('hangup');
    const rate = (token: string, receiptNo: string, score: number) =>
      fetch(`${center.url}/api/v1/intake/submissions`, {
        method: 'POST',
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `key-${receiptNo}`,
        },
        body: JSON.stringify({
          receiptNo,
          kind: 'rating',
          submittedAt: new Date().toISOString(),
          data: { service: 'consultation', score, callId },
          documents: [],
        }),
      });
    // Another terminal cannot rate this call.
    expect((await rate('other-terminal-token', 'PJ261202-0002-0001', 1)).status).toBe(200);
    await new Promise((r) => setTimeout(r, 100));
    expect((await center.center.repo.getCall(callId))?.rating).toBeUndefined();
    expect((await rate('test-terminal-token', 'PJ261202-0001-0001', 5)).status).toBe(200);
    await expect.poll(async () => (await center.center.repo.getCall(callId))?.rating).toBe(5);
  });
});
