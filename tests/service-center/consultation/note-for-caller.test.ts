import { afterEach, describe, expect, it } from 'vitest';
import { STAFF_CALLS_PATH, STAFF_SIGNALLING_TOKEN_PATH, type SignallingToken } from '@kiosk/contract/signalling-api';
import { hashPassword } from '../../../service-center/src/auth/password.js';
import { startTestPostgres } from '../../helpers/postgres.js';
import { staffLogin } from '../center-harness.js';
import { SigClient, startConsultCenter, type ConsultCenter } from './harness.js';

// Issue 11: the lawyer writes her note after hanging up; the text she wrote for the villager
// (`forCaller`) reaches that call's kiosk (which waits for it on the summary screen and prints it on
// her slip), and no other kiosk. A note without one tells the kiosk to stop waiting.

const PASSWORD = 'a-long-password-1';
const NOTE = { topic: 'family', advice: '可申请法律援助', referral: 'legalAid' };

const clients: SigClient[] = [];
const centers: ConsultCenter[] = [];

afterEach(async () => {
  for (const c of clients.splice(0)) c.ws.terminate();
  for (const c of centers.splice(0)) await c.stop();
});

async function addLawyer(center: ConsultCenter, name: string): Promise<void> {
  await center.center.repo.putStaff({
    name,
    passwordHash: await hashPassword(PASSWORD, 10),
    mustChange: false,
    role: 'lawyer',
    at: new Date().toISOString(),
  });
}

/** A logged-in lawyer on `center` whose call with kiosk `test-0001` just ended; `test-0002` waits. */
async function endedCall(center: ConsultCenter, lawyerName = 'lawyer1') {
  const console = await staffLogin(center.url, lawyerName, PASSWORD);
  const token = (await (
    await console.call(STAFF_SIGNALLING_TOKEN_PATH, { method: 'POST', body: {} })
  ).json()) as SignallingToken;
  const lawyer = await SigClient.open(token.url);
  clients.push(lawyer);
  lawyer.send({ type: 'hello', role: token.role, id: token.id, token: token.token });
  await lawyer.next('queue');
  const kiosk = await center.connect('kiosk', 'test-0001');
  const other = await center.connect('kiosk', 'test-0002');
  clients.push(kiosk, other);
  kiosk.send({ type: 'enqueue', topic: 'family', consent: true });
  await kiosk.next('queued');
  other.send({ type: 'enqueue', topic: 'land', consent: true });
  await other.next('queued');
  lawyer.send({ type: 'take-next' });
  const { callId } = await kiosk.next('matched');
  lawyer.send({ type: 'hangup', callId, reason: 'hangup' });
  await kiosk.next('hangup');
  await expect.poll(async () => (await center.center.repo.getCall(callId))?.endedAt).toBeTruthy();
  return { console, kiosk, other, callId };
}

describe('the lawyer’s note for the villager reaches her kiosk', () => {
  it('forCaller to that call’s kiosk only; a note without one says so; another lawyer’s note sends nothing', async () => {
    const center = await startConsultCenter();
    centers.push(center);
    await addLawyer(center, 'lawyer1');
    await addLawyer(center, 'lawyer2');
    const { console, kiosk, other, callId } = await endedCall(center);

    const intruder = await staffLogin(center.url, 'lawyer2', PASSWORD);
    const refused = await intruder.call(`${STAFF_CALLS_PATH}/${callId}/note`, {
      method: 'POST',
      body: { ...NOTE, forCaller: '别信他' },
    });
    expect(refused.status).toBe(403);
    expect(await kiosk.none('note-for-caller', 200)).toBe(true);

    const saved = await console.call(`${STAFF_CALLS_PATH}/${callId}/note`, {
      method: 'POST',
      body: { ...NOTE, forCaller: '带上户口本和结婚证，到县法律援助中心申请。' },
    });
    expect(saved.status).toBe(200);
    expect(await kiosk.next('note-for-caller')).toEqual({
      type: 'note-for-caller',
      callId,
      forCaller: '带上户口本和结婚证，到县法律援助中心申请。',
    });
    expect(await other.none('note-for-caller', 300)).toBe(true);
    expect(center.logText()).not.toContain('户口本');

    await console.call(`${STAFF_CALLS_PATH}/${callId}/note`, { method: 'POST', body: NOTE });
    expect(await kiosk.next('note-for-caller')).toEqual({ type: 'note-for-caller', callId });
    expect(other.messages.some((m) => m.type === 'note-for-caller')).toBe(false);
  });

  it('across two processes on PostgreSQL: the note saved through one reaches the kiosk on the other', async () => {
    const postgres = await startTestPostgres();
    try {
      const url = await postgres.createDatabase();
      const one = await startConsultCenter({}, { storage: { kind: 'postgres', url } });
      const two = await startConsultCenter({}, { storage: { kind: 'postgres', url } });
      centers.push(one, two);
      await addLawyer(one, 'lawyer1');
      const { kiosk, other, callId } = await endedCall(one);
      const elsewhere = await staffLogin(two.url, 'lawyer1', PASSWORD);
      const saved = await elsewhere.call(`${STAFF_CALLS_PATH}/${callId}/note`, {
        method: 'POST',
        body: { ...NOTE, forCaller: '带上户口本' },
      });
      expect(saved.status).toBe(200);
      expect(await kiosk.next('note-for-caller')).toEqual({ type: 'note-for-caller', callId, forCaller: '带上户口本' });
      expect(await other.none('note-for-caller', 300)).toBe(true);
    } finally {
      for (const c of clients.splice(0)) c.ws.terminate();
      for (const c of centers.splice(0)) await c.stop();
      await postgres.stop();
    }
  }, 120_000);
});
