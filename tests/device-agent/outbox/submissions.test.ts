import { openSqlite } from '@kiosk/node-common/sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionAccepted, SubmissionStatus } from '@kiosk/contract/kiosk-api';
import { RECEIPT_PATTERN } from '@kiosk/domain/receipt-number';
import type { TestAgent } from '../../helpers/agent-harness.js';
import { staffLogin, startTestCenter, type TestCenter } from '../../service-center/center-harness.js';
import { APPLICANT_NAME, APPLICANT_PHONE, postJson, submission, validId, waitFor } from './fixtures.js';
import { outboxBytes, queryOutbox, startOutboxAgent } from './outbox-harness.js';

describe('outbox: submit, forward, erase, look up', () => {
  let c: TestCenter;
  let t: TestAgent;
  beforeAll(async () => {
    c = await startTestCenter();
    await c.addStaff('clerk', 'clerk-password-1');
    t = await startOutboxAgent(c.url);
  });
  afterAll(async () => {
    await t.stop();
    await c.stop();
  });

  const centreRows = (receiptNo: string): Array<{ data_json: string; terminal_id: string }> => {
    const db = openSqlite(join(c.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT data_json, terminal_id FROM submissions WHERE receipt_no = ?').all(receiptNo) as Array<{
        data_json: string;
        terminal_id: string;
      }>;
    } finally {
      db.close();
    }
  };

  it('answers a receipt number after storing, forwards it, and erases the personal data once acknowledged', async () => {
    const id = validId('45010219580301123');
    const res = await postJson(
      `${t.base}/api/v1/submissions`,
      submission({}, { clientSubmissionId: 'client-0001-abcdef' }),
    );
    expect(res.status).toBe(200);
    const accepted = res.body as unknown as SubmissionAccepted;
    expect(accepted.receiptNo).toMatch(RECEIPT_PATTERN);
    expect(accepted.receiptNo).toMatch(/^FY\d{6}-0001-\d{4}$/);
    expect(accepted.uploaded).toBe(true);

    const rows = centreRows(accepted.receiptNo);
    expect(rows).toHaveLength(1);
    expect(rows[0].terminal_id).toBe('test-0001');
    expect(JSON.parse(rows[0].data_json)).toMatchObject({ applicant: { idNumber: id, name: APPLICANT_NAME } });

    const local = await waitFor(() => {
      const r = queryOutbox<{ data_json: string | null; uploaded_at: string | null; state: string }>(
        t,
        'SELECT data_json, uploaded_at, state FROM submissions WHERE receipt_no = ?',
        accepted.receiptNo,
      )[0];
      return r?.uploaded_at ? r : undefined;
    });
    expect(local.data_json).toBeNull();
    expect(local.state).toBe('received');
    expect(queryOutbox(t, 'SELECT * FROM documents')).toEqual([]);
    await waitFor(() => {
      const bytes = outboxBytes(t);
      return !bytes.includes(Buffer.from(id)) &&
        !bytes.includes(Buffer.from(APPLICANT_NAME)) &&
        !bytes.includes(Buffer.from(APPLICANT_PHONE))
        ? true
        : undefined;
    }, 5_000);
    expect(t.logText()).not.toContain(id);
    expect(t.logText()).not.toContain(APPLICANT_NAME);
    expect(t.logText()).not.toContain(APPLICANT_PHONE);
  });

  it('returns the same receipt for a replayed clientSubmissionId and stores nothing twice', async () => {
    const body = submission({}, { clientSubmissionId: 'client-replay-0001' });
    const first = await postJson(`${t.base}/api/v1/submissions`, body);
    const second = await postJson(`${t.base}/api/v1/submissions`, body);
    expect(second.status).toBe(200);
    expect(second.body['receiptNo']).toBe(first.body['receiptNo']);
    expect(queryOutbox(t, 'SELECT 1 FROM submissions WHERE client_id = ?', 'client-replay-0001')).toHaveLength(1);
    expect(centreRows(String(first.body['receiptNo']))).toHaveLength(1);
  });

  it('stores script tags as plain text', async () => {
    const facts = '<script>alert("x")</script><img src=x onerror=alert(1)>老板不给钱';
    const res = await postJson(`${t.base}/api/v1/submissions`, submission({ facts }));
    expect(res.status).toBe(200);
    const row = centreRows(String(res.body['receiptNo']))[0];
    expect((JSON.parse(row.data_json) as { facts: string }).facts).toBe(facts);
  });

  // Issue 13 item 9 changed this test: unknown receipts and wrong last 4s get one answer (404,
  // same body) and guessing is limited per visit (429 until the visit ends), not per receipt.
  it('shows the status to the applicant: 404 alike for unknown and wrong last 4, staff changes after the pull, 429 per visit when guessing', async () => {
    const id = validId('45010219580301123');
    const res = await postJson(`${t.base}/api/v1/submissions`, submission());
    const receiptNo = String(res.body['receiptNo']);
    const look = (no: string, last4: string): Promise<Response> =>
      fetch(`${t.base}/api/v1/submissions/${no}?idLast4=${last4}`);

    const unknown = await look('FY000101-0001-9999', id.slice(-4));
    expect(unknown.status).toBe(404);
    const unknownBody = (await unknown.json()) as { message: string };
    expect(unknownBody.message).toMatch(/回执/);

    const ok = (await (await look(receiptNo, id.slice(-4))).json()) as SubmissionStatus;
    expect(ok).toMatchObject({ receiptNo, kind: 'legalAid', state: 'received', uploaded: true });
    expect(ok.decisionDueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(JSON.stringify(ok)).not.toContain(APPLICANT_NAME);

    const staff = await staffLogin(c.url, 'clerk', 'clerk-password-1');
    const list = (await (await staff.call('/api/v1/staff/applications')).json()) as {
      items: Array<{ centerId: string; receiptNo: string }>;
    };
    const centerId = list.items.find((i) => i.receiptNo === receiptNo)!.centerId;
    const change = await staff.call(`/api/v1/staff/applications/${centerId}/status`, {
      method: 'POST',
      body: { state: 'needMaterials', missingMaterials: ['劳动合同复印件'] },
    });
    expect(change.status).toBe(200);
    const seen = await waitFor(async () => {
      const s = (await (await look(receiptNo, id.slice(-4))).json()) as SubmissionStatus;
      return s.state === 'needMaterials' ? s : undefined;
    });
    expect(seen.missingMaterials).toEqual(['劳动合同复印件']);

    // The unknown receipt above was this visit's first failure; four wrong last 4s make five.
    for (let i = 0; i < 4; i++) {
      const wrong = await look(receiptNo, '0000');
      expect(wrong.status).toBe(404);
      expect(await wrong.json()).toEqual(unknownBody);
    }
    const limited = await look(receiptNo, id.slice(-4));
    expect(limited.status).toBe(429);
    expect(((await limited.json()) as { message: string }).message).toMatch(/一分钟/);
    // The next visit (完成 or idle timeout) starts afresh: the owner is never locked out.
    t.agent.bus.emit('sessionEnded');
    expect((await look(receiptNo, id.slice(-4))).status).toBe(200);
  });
});

describe('outbox: bad input', () => {
  let t: TestAgent;
  beforeAll(async () => {
    t = await startOutboxAgent('http://127.0.0.1:9');
  });
  afterAll(async () => t.stop());

  const cases: Array<[string, Record<string, unknown>, string]> = [
    [
      'a wrong ID check digit',
      submission({ applicant: { name: APPLICANT_NAME, idNumber: '450102195803011230', phone: APPLICANT_PHONE } }),
      'idNumberInvalid',
    ],
    ['10 000 characters of facts', submission({ facts: '欠'.repeat(10_000) }), 'factsTooLong'],
    ['a photo over 1.5 MB', submission({}), 'photoTooLarge'],
    ['a text file posing as a JPEG', submission({}), 'photoNotImage'],
    ['eleven photos', submission({}), 'tooManyPhotos'],
    ['a JPEG signature', submission({}), 'signatureInvalid'],
    ['no consent', submission({ consent: { accepted: false, at: new Date().toISOString() } }), 'consentRequired'],
    ['an unknown kind', { kind: 'lottery', data: {} }, 'invalidRequest'],
  ];
  const docs = (c: Record<string, unknown>): { photos: Array<{ dataUrl: string }>; signature: { dataUrl: string } } =>
    (c['data'] as { documents: { photos: Array<{ dataUrl: string }>; signature: { dataUrl: string } } }).documents;
  docs(cases[2][1]).photos[0].dataUrl =
    `data:image/jpeg;base64,${Buffer.concat([Buffer.from([0xff, 0xd8, 0xff]), Buffer.alloc(1_600_000)]).toString('base64')}`;
  docs(cases[3][1]).photos[1].dataUrl =
    `data:image/jpeg;base64,${Buffer.from('just some text, not an image').toString('base64')}`;
  docs(cases[4][1]).photos = Array.from({ length: 11 }, () => docs(cases[4][1]).photos[0]);
  docs(cases[5][1]).signature = { dataUrl: docs(cases[5][1]).photos[0].dataUrl };

  it.each(cases)('rejects %s with a Chinese message and stores nothing', async (_label, body, error) => {
    const res = await postJson(`${t.base}/api/v1/submissions`, body);
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe(error);
    expect(String(res.body['message'])).toMatch(/[\u4e00-\u9fff]/);
    expect(queryOutbox(t, 'SELECT 1 FROM submissions')).toEqual([]);
  });

  it('names the photo that is wrong', async () => {
    const res = await postJson(`${t.base}/api/v1/submissions`, cases[3][1]);
    expect(res.body['message']).toContain('第2张');
  });

  it('keeps the submission while the centre is unreachable and says it is not uploaded yet', async () => {
    const res = await postJson(`${t.base}/api/v1/submissions`, submission());
    expect(res.status).toBe(200);
    expect(res.body['uploaded']).toBe(false);
    const status = (await (
      await fetch(`${t.base}/api/v1/submissions/${String(res.body['receiptNo'])}?idLast4=${validId().slice(-4)}`)
    ).json()) as SubmissionStatus;
    expect(status).toMatchObject({ state: 'pendingUpload', uploaded: false });
    expect(queryOutbox<{ n: number }>(t, 'SELECT count(*) AS n FROM documents')[0].n).toBe(3);
  });

  it('answers 409 when a clientSubmissionId comes back with a different body', async () => {
    const first = await postJson(
      `${t.base}/api/v1/submissions`,
      submission({ facts: '第一次' }, { clientSubmissionId: 'client-conflict-1' }),
    );
    expect(first.status).toBe(200);
    const again = await postJson(
      `${t.base}/api/v1/submissions`,
      submission({ facts: '内容改了' }, { clientSubmissionId: 'client-conflict-1' }),
    );
    expect(again.status).toBe(409);
    expect(again.body['error']).toBe('clientIdConflict');
    expect(String(again.body['message'])).toMatch(/[\u4e00-\u9fff]/);
    expect(queryOutbox(t, 'SELECT 1 FROM submissions WHERE client_id = ?', 'client-conflict-1')).toHaveLength(1);
  });
});

describe('outbox: the centre comes back', () => {
  it('forwards what was stored while the centre was down, then erases it', async () => {
    const first = await startTestCenter();
    const { port, dataDir } = first;
    await first.stop();
    const t = await startOutboxAgent(`http://127.0.0.1:${port}`);
    let c: TestCenter | undefined;
    try {
      const res = await postJson(`${t.base}/api/v1/submissions`, submission());
      expect(res.body['uploaded']).toBe(false);
      c = await startTestCenter({ dataDir, port });
      const receiptNo = String(res.body['receiptNo']);
      await waitFor(
        () =>
          queryOutbox<{ uploaded_at: string | null }>(
            t,
            'SELECT uploaded_at FROM submissions WHERE receipt_no = ?',
            receiptNo,
          )[0]?.uploaded_at ?? undefined,
      );
      expect(queryOutbox(t, 'SELECT data_json FROM submissions WHERE data_json IS NOT NULL')).toEqual([]);
      expect(queryOutbox(t, 'SELECT 1 FROM documents')).toEqual([]);
      const db = openSqlite(join(dataDir, 'center.sqlite'), { readonly: true });
      expect(db.prepare('SELECT count(*) FROM submissions WHERE receipt_no = ?').pluck().get(receiptNo)).toBe(1);
      db.close();
    } finally {
      await t.stop();
      await c?.stop();
    }
  });
});
