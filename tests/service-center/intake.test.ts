import { openSqlite } from '@kiosk/node-common/sqlite';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeAccepted, IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import { TINY_JPEG_BASE64, legalAidData, postJson } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, startTestCenter, type TestCenter } from './center-harness.js';

const [T1, T2] = TEST_TERMINALS as [(typeof TEST_TERMINALS)[0], (typeof TEST_TERMINALS)[0]];
const auth = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });

function intake(receiptNo: string, facts = '老板欠工资'): IntakeSubmission {
  const { documents: _documents, ...data } = legalAidData({ facts });
  return {
    receiptNo,
    kind: 'legalAid',
    submittedAt: new Date().toISOString(),
    data,
    documents: [{ role: 'photo', index: 0, mime: 'image/jpeg', label: '欠条', base64: TINY_JPEG_BASE64 }],
  };
}

describe('service-center intake API', () => {
  let c: TestCenter;
  const rows = (): number => {
    const db = openSqlite(join(c.dataDir, 'center.sqlite'), { readonly: true });
    try {
      return db.prepare('SELECT count(*) FROM submissions').pluck().get() as number;
    } finally {
      db.close();
    }
  };
  beforeAll(async () => {
    c = await startTestCenter();
  });
  afterAll(async () => c.stop());

  it('answers /healthz', async () => {
    const res = await fetch(`${c.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, queue: 0, calls: 0, lawyers: 0 });
  });

  it('refuses a terminal with a wrong or missing token (401) and stores nothing', async () => {
    const before = rows();
    const wrong = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0001-0001'), {
      ...auth('not-the-right-token'),
      'idempotency-key': 'key-aaaaaaaa',
    });
    expect(wrong.status).toBe(401);
    expect(wrong.body['error']).toBe('unauthorized');
    const none = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0001-0001'), {
      'idempotency-key': 'key-aaaaaaaa',
    });
    expect(none.status).toBe(401);
    expect((await fetch(`${c.url}/api/v1/intake/status?since=0`)).status).toBe(401);
    expect(rows()).toBe(before);
  });

  it('needs an Idempotency-Key', async () => {
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0001-0002'), auth(T1.token));
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe('missingIdempotencyKey');
  });

  it('stores a replay of the same key and body once and answers the original acceptance', async () => {
    const before = rows();
    const body = intake('FY261129-0001-0003');
    const headers = { ...auth(T1.token), 'idempotency-key': 'submission-0003' };
    const first = await postJson(`${c.url}/api/v1/intake/submissions`, body, headers);
    const second = await postJson(`${c.url}/api/v1/intake/submissions`, body, headers);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    const a = first.body as unknown as IntakeAccepted;
    const b = second.body as unknown as IntakeAccepted;
    expect(a.replay).toBe(false);
    expect(b.replay).toBe(true);
    expect(b.centerId).toBe(a.centerId);
    expect(b.receivedAt).toBe(a.receivedAt);
    expect(a.state).toBe('received');
    expect(a.decisionDueBy).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(rows()).toBe(before + 1);
  });

  it('answers 409 when a key comes back with a different body', async () => {
    const headers = { ...auth(T1.token), 'idempotency-key': 'submission-0004' };
    expect(
      (await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0001-0004', '第一次'), headers)).status,
    ).toBe(200);
    const before = rows();
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0001-0004', '内容变了'), headers);
    expect(res.status).toBe(409);
    expect(res.body['error']).toBe('idempotencyConflict');
    expect(rows()).toBe(before);
  });

  it('takes a backlog as one batch: each item idempotent, a bad item refused on its own', async () => {
    const before = rows();
    const good = intake('FY261129-0001-0201');
    const bad = intake('FY261129-0001-0202');
    bad.documents[0].base64 = Buffer.from('not an image').toString('base64');
    const items = [
      { idempotencyKey: 'batch-item-0201', submission: good },
      { idempotencyKey: 'batch-item-0202', submission: bad },
      { idempotencyKey: 'submission-0003', submission: intake('FY261129-0001-0003') },
    ];
    const res = await postJson(`${c.url}/api/v1/intake/batch`, { items }, auth(T1.token));
    expect(res.status).toBe(200);
    const results = res.body['results'] as Array<{
      idempotencyKey: string;
      status: number;
      error?: string;
      accepted?: { replay: boolean };
    }>;
    expect(results.map((r) => [r.idempotencyKey, r.status])).toEqual([
      ['batch-item-0201', 200],
      ['batch-item-0202', 400],
      ['submission-0003', 409],
    ]);
    expect(results[0].accepted!.replay).toBe(false);
    const again = await postJson(`${c.url}/api/v1/intake/batch`, { items: [items[0]] }, auth(T1.token));
    expect((again.body['results'] as Array<{ accepted: { replay: boolean } }>)[0].accepted.replay).toBe(true);
    expect(rows()).toBe(before + 1);
    expect((await postJson(`${c.url}/api/v1/intake/batch`, { items }, auth('wrong-token-xxxxxxxx'))).status).toBe(401);
  });

  it('rejects a document whose bytes are not the image it claims to be', async () => {
    const body = intake('FY261129-0001-0005');
    body.documents[0].base64 = Buffer.from('<script>alert(1)</script>').toString('base64');
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
      ...auth(T1.token),
      'idempotency-key': 'submission-0005',
    });
    expect(res.status).toBe(400);
    expect(res.body['error']).toBe('invalidSubmission');
  });

  it('gives each terminal the status changes of its own submissions only', async () => {
    await postJson(`${c.url}/api/v1/intake/submissions`, intake('FY261129-0002-0001'), {
      ...auth(T2.token),
      'idempotency-key': 'other-terminal-1',
    });
    const mine = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: auth(T1.token) })
    ).json()) as IntakeStatusPage;
    const theirs = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: auth(T2.token) })
    ).json()) as IntakeStatusPage;
    expect(mine.changes.map((ch) => ch.receiptNo)).not.toContain('FY261129-0002-0001');
    expect(mine.changes.map((ch) => ch.receiptNo)).toContain('FY261129-0001-0003');
    expect(theirs.changes.map((ch) => ch.receiptNo)).toEqual(['FY261129-0002-0001']);
    const after = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=${mine.cursor}`, { headers: auth(T1.token) })
    ).json()) as IntakeStatusPage;
    expect(after.changes).toEqual([]);
    expect((await fetch(`${c.url}/api/v1/intake/status?since=abc`, { headers: auth(T1.token) })).status).toBe(400);
  });

  it('refuses a foreign Host or Origin (DNS rebinding, cross-site)', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((done, fail) => {
      const req = request(
        { host: '127.0.0.1', port: c.port, path: '/healthz', headers: { host: `evil.example:${c.port}` } },
        (res) => {
          res.resume();
          done(res.statusCode ?? 0);
        },
      );
      req.on('error', fail);
      req.end();
    });
    expect(status).toBe(403);
    const res = await fetch(`${c.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: 'http://evil.example' },
      body: JSON.stringify({ name: 'admin', password: 'x' }),
    });
    expect(res.status).toBe(403);
    // The centre's own neutral body, not the kiosk API's ack envelope.
    expect(await res.json()).toEqual({ error: 'forbidden', message: 'forbidden Host or Origin' });
  });

  it('answers the console page with a clear 503 while it is not built', async () => {
    const res = await fetch(`${c.url}/`);
    expect(res.status).toBe(503);
    expect(await res.text()).toMatch(/not built/);
  });
});
