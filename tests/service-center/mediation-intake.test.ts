// The centre takes a terminal's mediation application (kind mediation, with or without a signature),
// lists it on the committee's desk (mediator role), and only the mediator decides it: accepted, then a
// session scheduled — which the terminal's status pull carries with its time and place.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { postJson } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from './center-harness.js';

const [T1] = TEST_TERMINALS as [(typeof TEST_TERMINALS)[0]];
const PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8/5+hHgAHggJ/PchI7wAAAABJRU5ErkJggg==';

function mediation(receiptNo: string, signed: boolean): IntakeSubmission {
  return {
    receiptNo,
    kind: 'mediation',
    submittedAt: new Date().toISOString(),
    data: {
      applicant: { name: '张三', idNumber: '11010519491231002X', phone: '13800138000', village: '演示村' },
      otherParty: { nameUnknown: true, village: '演示村' },
      disputeKind: 'neighbour',
      requests: ['让开我家走的路'],
      ...(signed ? { description: '邻居挡了我家的路' } : { callMe: true }),
      committee: 'yanshi',
      committeeName: '演示村人民调解委员会',
      mark: signed ? 'signature' : 'fingerprint',
      ...(signed ? {} : { markedAt: new Date().toISOString() }),
      consent: { accepted: true, at: new Date().toISOString() },
    },
    documents: signed ? [{ role: 'signature', index: 0, mime: 'image/png', base64: PNG_BASE64 }] : [],
  };
}

describe('mediation at the centre', () => {
  let c: TestCenter;
  beforeAll(async () => {
    c = await startTestCenter();
    await c.center.repo.putStaff({
      name: 'mediator',
      passwordHash: await hashPassword('mediator-password-2026', 10),
      mustChange: false,
      at: new Date().toISOString(),
      role: 'mediator',
    });
    await c.addStaff('clerk', 'clerk-password-2026');
  });
  afterAll(async () => c.stop());

  it('takes the application, the mediator accepts and schedules it, the terminal pulls the schedule', async () => {
    const auth = { authorization: `Bearer ${T1.token}` };
    const signed = await postJson(`${c.url}/api/v1/intake/submissions`, mediation('TJ261202-0001-0001', true), {
      ...auth,
      'idempotency-key': 'med-key-0001',
    });
    expect(signed.status).toBe(200);
    const oral = await postJson(`${c.url}/api/v1/intake/submissions`, mediation('TJ261202-0001-0002', false), {
      ...auth,
      'idempotency-key': 'med-key-0002',
    });
    expect(oral.status).toBe(200);
    // An application of another kind's prefix is refused.
    const wrong = await postJson(
      `${c.url}/api/v1/intake/submissions`,
      { ...mediation('FY261202-0001-0003', true), kind: 'mediation' },
      { ...auth, 'idempotency-key': 'med-key-0003' },
    );
    expect(wrong.status).toBe(400);

    const mediator = await staffLogin(c.url, 'mediator', 'mediator-password-2026');
    expect(mediator.status).toBe(200);
    const list = (await (await mediator.call('/api/v1/staff/applications')).json()) as {
      items: Array<{ centerId: string; receiptNo: string; kind: string }>;
    };
    expect(list.items.map((i) => i.receiptNo).sort()).toEqual(['TJ261202-0001-0001', 'TJ261202-0001-0002']);
    const item = list.items.find((i) => i.receiptNo === 'TJ261202-0001-0001')!;
    const detail = (await (await mediator.call(`/api/v1/staff/applications/${item.centerId}`)).json()) as {
      data: Record<string, unknown>;
      documents: Array<{ role: string }>;
      version: number;
    };
    expect(detail.data).toMatchObject({ disputeKind: 'neighbour', committeeName: '演示村人民调解委员会' });
    expect(detail.documents.map((d) => d.role)).toEqual(['signature']);

    // The legal-aid clerk reads nothing of the committee's desk and decides nothing there.
    const clerk = await staffLogin(c.url, 'clerk', 'clerk-password-2026');
    const clerkTry = await clerk.call(`/api/v1/staff/applications/${item.centerId}/status`, {
      method: 'POST',
      body: { state: 'accepted' },
    });
    expect([403, 404, 409]).toContain(clerkTry.status);

    const accept = await mediator.call(`/api/v1/staff/applications/${item.centerId}/status`, {
      method: 'POST',
      body: { state: 'accepted', version: detail.version },
    });
    expect(accept.status).toBe(200);
    const noPlace = await mediator.call(`/api/v1/staff/applications/${item.centerId}/status`, {
      method: 'POST',
      body: { state: 'scheduled', schedule: { at: '2026-12-09T01:30:00.000Z' } },
    });
    expect(noPlace.status).toBeGreaterThanOrEqual(400);
    const schedule = await mediator.call(`/api/v1/staff/applications/${item.centerId}/status`, {
      method: 'POST',
      body: { state: 'scheduled', schedule: { at: '2026-12-09T01:30:00.000Z', place: '演示村村委会调解室' } },
    });
    expect(schedule.status).toBe(200);

    const pulled = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: auth })
    ).json()) as IntakeStatusPage;
    const last = pulled.changes.filter((ch) => ch.receiptNo === 'TJ261202-0001-0001').at(-1);
    expect(last).toMatchObject({
      state: 'scheduled',
      details: { schedule: { at: '2026-12-09T01:30:00.000Z', place: '演示村村委会调解室' } },
    });
  });
});
