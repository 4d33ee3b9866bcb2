// The notary desk at the centre (issue 12 item 4): a notary reads and decides only notarization
// requests, legal-aid staff only theirs; the full path received → accepted → approved →
// certificateIssued with the delivery, which the terminal's status pull carries to 查询进度.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import type { ApplicationDetail, ApplicationList } from '@kiosk/contract/staff-api';
import { hashPassword } from '../../service-center/src/auth/password.js';
import type { StaffRole } from '../../service-center/src/store/repository.js';
import { TINY_JPEG_BASE64, legalAidData, pngBase64, postJson, validId } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, staffLogin, startTestCenter, type TestCenter } from './center-harness.js';
import { addChinaWorkingDays } from '@kiosk/domain/china-time';

const T1 = TEST_TERMINALS[0];

function notarization(receiptNo: string): IntakeSubmission {
  const at = new Date().toISOString();
  return {
    receiptNo,
    kind: 'notarization',
    submittedAt: at,
    data: {
      applicant: { name: '韦秀兰', idNumber: validId(), phone: '13907710001' },
      matter: { code: 'education' },
      purpose: '上学 留学',
      where: 'domestic',
      booking: { kind: 'phone' },
      materials: [
        { id: 'idCard', photographed: true },
        { id: 'diploma', photographed: false },
      ],
      liveness: {
        result: 'passed',
        method: 'faceDetector-headTurn',
        checkedAt: at,
        attempts: 1,
        order: ['left', 'right'],
        facePhoto: 1,
      },
      consent: { accepted: true, at },
    },
    documents: [
      { role: 'photo', index: 0, mime: 'image/jpeg', label: '本人身份证', base64: TINY_JPEG_BASE64 },
      { role: 'photo', index: 1, mime: 'image/jpeg', label: '现场人像照片', base64: TINY_JPEG_BASE64 },
    ],
  };
}

function legalAid(receiptNo: string): IntakeSubmission {
  const { documents: _d, ...data } = legalAidData();
  return { receiptNo, kind: 'legalAid', submittedAt: new Date().toISOString(), data, documents: [] };
}

async function send(c: TestCenter, body: IntakeSubmission): Promise<string> {
  const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
    authorization: `Bearer ${T1.token}`,
    'idempotency-key': `key-${body.receiptNo}`,
  });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return String(res.body['centerId']);
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

const login = (c: TestCenter, name: string) => staffLogin(c.url, name, `${name}-password-1`);

describe('the notary desk at the centre', () => {
  let c: TestCenter;
  let legalId: string;
  let notaryId: string;

  beforeAll(async () => {
    c = await startTestCenter();
    await addStaff(c, 'clerk', 'staff');
    await addStaff(c, 'notary1', 'notary');
    await addStaff(c, 'boss', 'admin');
    legalId = await send(c, legalAid('FY261201-0001-0001'));
    notaryId = await send(c, notarization('GZ261201-0001-0001'));
  });
  afterAll(async () => c?.stop());

  it('a notary lists and opens only notarization; legal aid answers like an unknown application', async () => {
    const notary = await login(c, 'notary1');
    expect(notary.body['role']).toBe('notary');
    const list = (await (await notary.call('/api/v1/staff/applications')).json()) as ApplicationList;
    expect(list.items.map((i) => i.receiptNo)).toEqual(['GZ261201-0001-0001']);
    expect(list.items[0]).toMatchObject({ kind: 'notarization', matter: 'education', applicantName: '韦秀兰' });
    // Asking for legal aid by kind changes nothing: her desk reads notarization only.
    const asked = (await (await notary.call('/api/v1/staff/applications?kind=legalAid')).json()) as ApplicationList;
    expect(asked.items.map((i) => i.kind)).toEqual(['notarization']);
    expect((await notary.call(`/api/v1/staff/applications/${legalId}`)).status).toBe(404);
    expect((await notary.call(`/api/v1/staff/applications/${legalId}/documents/photo/0`)).status).toBe(404);
    const decide = await notary.call(`/api/v1/staff/applications/${legalId}/status`, {
      method: 'POST',
      body: { state: 'accepted' },
    });
    expect(decide.status).toBe(404);

    // The detail says which photo is the face crop (liveness.facePhoto) and which the ID card (its label).
    const detail = (await (await notary.call(`/api/v1/staff/applications/${notaryId}`)).json()) as ApplicationDetail;
    expect((detail.data['liveness'] as { facePhoto: number }).facePhoto).toBe(1);
    expect(detail.documents.map((d) => [d.role, d.index, d.label])).toEqual([
      ['photo', 0, '本人身份证'],
      ['photo', 1, '现场人像照片'],
    ]);
    const face = await notary.call(`/api/v1/staff/applications/${notaryId}/documents/photo/1`);
    expect(face.status).toBe(200);
    expect(face.headers.get('content-type')).toBe('image/jpeg');
  });

  it('legal-aid staff neither see nor decide notarization; an administrator reads it but decides nothing', async () => {
    const clerk = await login(c, 'clerk');
    const list = (await (await clerk.call('/api/v1/staff/applications')).json()) as ApplicationList;
    expect(list.items.map((i) => i.kind)).not.toContain('notarization');
    expect((await clerk.call(`/api/v1/staff/applications/${notaryId}`)).status).toBe(404);
    const decide = await clerk.call(`/api/v1/staff/applications/${notaryId}/status`, {
      method: 'POST',
      body: { state: 'accepted' },
    });
    expect(decide.status).toBe(404);

    const admin = await login(c, 'boss');
    expect((await admin.call(`/api/v1/staff/applications/${notaryId}`)).status).toBe(200);
    const byAdmin = await admin.call(`/api/v1/staff/applications/${notaryId}/status`, {
      method: 'POST',
      body: { state: 'accepted' },
    });
    expect(byAdmin.status).toBe(403);
  });

  it('a desk that reads a kind but does not decide it is refused with wrongDesk (staff and a call-back)', async () => {
    const callback: IntakeSubmission = {
      receiptNo: 'HD261201-0001-0001',
      kind: 'callback',
      submittedAt: new Date().toISOString(),
      data: { phone: '13907710001', topic: 'labour', consent: { accepted: true, at: new Date().toISOString() } },
      documents: [],
    };
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, callback, {
      authorization: `Bearer ${T1.token}`,
      'idempotency-key': 'key-callback-1',
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const clerk = await login(c, 'clerk');
    const decide = await clerk.call(`/api/v1/staff/applications/${String(res.body['centerId'])}/status`, {
      method: 'POST',
      body: { state: 'accepted' },
    });
    expect(decide.status).toBe(403);
    expect(((await decide.json()) as { error: string }).error).toBe('wrongDesk');
  });

  it('received → accepted → 补充材料 once → approved → certificateIssued (delivery required); the terminal pulls the delivery', async () => {
    const notary = await login(c, 'notary1');
    const set = async (body: Record<string, unknown>) => {
      const res = await notary.call(`/api/v1/staff/applications/${notaryId}/status`, { method: 'POST', body });
      return { status: res.status, body: (await res.json()) as ApplicationDetail & { error?: string } };
    };
    // Notarization is not approved straight from received (the notary accepts it first).
    expect((await set({ state: 'approved' })).body.error).toBe('notAllowed');
    const accepted = await set({ state: 'accepted' });
    expect(accepted.status).toBe(200);
    // Art. 30: the certificate is due 15 working days after acceptance (China time, weekends skipped).
    const due = addChinaWorkingDays(new Date(), 15);
    expect(accepted.body.decisionDueBy).toBe(due);
    expect((await set({ state: 'needMaterials', missingMaterials: ['毕业证书原件'] })).status).toBe(200);
    expect((await set({ state: 'needMaterials', missingMaterials: ['户口本'] })).body.error).toBe('alreadyNotified');
    expect((await set({ state: 'accepted' })).status).toBe(200);
    expect((await set({ state: 'approved' })).status).toBe(200);
    const noDelivery = await set({ state: 'certificateIssued' });
    expect([noDelivery.status, noDelivery.body.error]).toEqual([409, 'deliveryRequired']);
    expect((await set({ state: 'certificateIssued', delivery: 'drone' })).status).toBe(400);
    const issued = await set({ state: 'certificateIssued', delivery: 'village' });
    expect(issued.status).toBe(200);
    expect(issued.body).toMatchObject({ state: 'certificateIssued', details: { delivery: 'village' } });
    expect(issued.body.audit?.at(-1)).toMatchObject({
      from: 'approved',
      to: 'certificateIssued',
      by: 'notary1',
      role: 'notary',
      details: { delivery: 'village' },
    });
    // Issued is final.
    expect((await set({ state: 'rejected', reason: '改主意' })).body.error).toBe('notAllowed');

    const pulled = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: { authorization: `Bearer ${T1.token}` } })
    ).json()) as IntakeStatusPage;
    const mine = pulled.changes.filter((ch) => ch.receiptNo === 'GZ261201-0001-0001');
    expect(mine.map((ch) => ch.state)).toEqual([
      'received',
      'accepted',
      'needMaterials',
      'accepted',
      'approved',
      'certificateIssued',
    ]);
    expect(mine[2]).toMatchObject({ missingMaterials: ['毕业证书原件'] });
    // The terminal learns the due date with the acceptance, and a second acceptance (after 补正) keeps it.
    expect(mine[1]).toMatchObject({ state: 'accepted', decisionDueBy: due });
    expect(mine[3]).toMatchObject({ state: 'accepted', decisionDueBy: due });
    expect(mine.at(-1)).toMatchObject({ state: 'certificateIssued', details: { delivery: 'village' } });
  });

  it('a request with every photo: 9 materials, the face crop and the reader’s card photo (identity.cardPhoto) is taken; a typed identity with a card photo is refused', async () => {
    const full = notarization('GZ261201-0001-0009');
    const photo = (index: number, label: string) => ({
      role: 'photo' as const,
      index,
      mime: 'image/jpeg' as const,
      label,
      base64: TINY_JPEG_BASE64,
    });
    full.documents = [
      ...Array.from({ length: 9 }, (_, i) => photo(i, `材料${i + 1}`)),
      photo(9, '现场人像照片'),
      { ...photo(10, '身份证照片（读卡器读出）'), mime: 'image/png', base64: pngBase64(102, 126) },
      { role: 'signature', index: 0, mime: 'image/png', base64: pngBase64() },
    ];
    full.data = {
      ...full.data,
      identity: { source: 'card', cardPhoto: 10 },
      liveness: { ...(full.data['liveness'] as object), facePhoto: 9 },
    };
    const id = await send(c, full);
    const notary = await login(c, 'notary1');
    const detail = (await (await notary.call(`/api/v1/staff/applications/${id}`)).json()) as ApplicationDetail;
    expect(detail.data['identity']).toEqual({ source: 'card', cardPhoto: 10 });
    expect(detail.documents.filter((d) => d.role === 'photo')).toHaveLength(11);
    const card = await notary.call(`/api/v1/staff/applications/${id}/documents/photo/10`);
    expect(card.headers.get('content-type')).toBe('image/png');

    const typed = notarization('GZ261201-0001-0010');
    typed.data = { ...typed.data, identity: { source: 'typed', cardPhoto: 1 } };
    const refused = await postJson(`${c.url}/api/v1/intake/submissions`, typed, {
      authorization: `Bearer ${T1.token}`,
      'idempotency-key': 'key-typed-card-photo',
    });
    expect(refused.status).toBe(400);
  });
});
