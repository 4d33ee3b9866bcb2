import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import type { CallNote } from '@kiosk/contract/signalling-api';
import { bodyHash } from '@kiosk/node-common/canonical-json';
import { PgRepository } from '../../../service-center/src/store/pg-repository.js';
import type { CenterRepository, NewIntake, StatusChangeInput } from '../../../service-center/src/store/repository.js';
import { SqliteRepository } from '../../../service-center/src/store/sqlite-repository.js';
import { TINY_JPEG_BASE64, legalAidData } from '../../device-agent/outbox/fixtures.js';
import { startTestPostgres, type TestPostgres } from '../../helpers/postgres.js';

// One suite, two engines (DESIGN §8): what the centre relies on from its storage holds on the county's
// embedded SQLite and on the province's PostgreSQL alike. PostgreSQL is a real throw-away cluster.

let postgres: TestPostgres | undefined;
beforeAll(async () => {
  postgres = await startTestPostgres();
}, 60_000);
afterAll(async () => postgres?.stop(), 60_000);

const ENGINES: Array<{ engine: string; open: () => Promise<CenterRepository> }> = [
  {
    engine: 'SQLite',
    open: async () => new SqliteRepository(join(mkdtempSync(join(tmpdir(), 'kiosk-repo-')), 'center.sqlite')),
  },
  { engine: 'PostgreSQL', open: async () => new PgRepository({ url: await emptied() }) },
];

/** One database migrated from empty once; each test starts with its tables emptied (quicker than a new one). */
let migrated: Promise<string> | undefined;
async function emptied(): Promise<string> {
  migrated ??= (async () => {
    const url = await postgres!.createDatabase();
    const repo = new PgRepository({ url });
    await repo.migrate();
    await repo.close();
    return url;
  })();
  const url = await migrated;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = await client.query<{ name: string }>(
      `SELECT quote_ident(tablename) AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'schema_migrations'`,
    );
    await client.query(`TRUNCATE ${tables.rows.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  } finally {
    await client.end();
  }
  return url;
}

const T1 = 'test-0001';
const T2 = 'test-0002';

function submission(receiptNo: string, overrides: Record<string, unknown> = {}, photo = TINY_JPEG_BASE64) {
  const { documents: _documents, ...data } = legalAidData({
    consent: { accepted: true, at: '2026-03-01T01:59:00.000Z' },
    ...overrides,
  });
  return {
    receiptNo,
    kind: 'legalAid',
    submittedAt: '2026-03-01T02:00:00.000Z',
    data,
    documents: [
      { role: 'photo', index: 0, mime: 'image/jpeg', label: '工资欠条', base64: photo },
      { role: 'signature', index: 0, mime: 'image/png', base64: Buffer.from('signature-bytes').toString('base64') },
    ],
  } satisfies IntakeSubmission as IntakeSubmission;
}

function intake(
  key: string,
  receiptNo: string,
  options: { terminalId?: string; receivedAt?: string; overrides?: Record<string, unknown>; photo?: string } = {},
): NewIntake {
  const s = submission(receiptNo, options.overrides, options.photo);
  return {
    terminalId: options.terminalId ?? T1,
    idempotencyKey: key,
    bodyHash: bodyHash(s),
    submission: s,
    receivedAt: options.receivedAt ?? '2026-03-01T02:00:05.000Z',
    decisionDueBy: '2026-03-08',
  };
}

const change = (
  state: StatusChangeInput['state'],
  expected: StatusChangeInput['expected'],
  extra: Partial<StatusChangeInput> = {},
): StatusChangeInput => ({ state, by: 'zhangsan', role: 'staff', at: '2026-03-02T01:00:00.000Z', expected, ...extra });

async function created(repo: CenterRepository, input: NewIntake): Promise<string> {
  const result = await repo.insertIntake(input);
  if (result.outcome !== 'created') throw new Error(`expected created, got ${result.outcome}`);
  return result.accepted.centerId;
}

describe.each(ENGINES)('the centre repository on $engine', ({ open }) => {
  let repo: CenterRepository;
  // A loaded 2-core machine can take long over a new database: the hooks get a minute.
  beforeEach(async () => {
    repo = await open();
    await repo.migrate();
  }, 60_000);
  afterEach(async () => repo.close());

  it('migrates twice without harm', async () => {
    await repo.migrate();
    expect(await repo.countStaff()).toBe(0);
  });

  describe('idempotent intake', () => {
    it('stores a replay once and answers the original acceptance', async () => {
      const first = await repo.insertIntake(intake('key-0001', 'FY260301-0001-0001'));
      expect(first.outcome).toBe('created');
      const replay = await repo.insertIntake({ ...intake('key-0001', 'FY260301-0001-0001'), receivedAt: 'later' });
      expect(replay.outcome).toBe('replay');
      if (first.outcome !== 'created' || replay.outcome !== 'replay') return;
      expect(first.accepted).toMatchObject({ receiptNo: 'FY260301-0001-0001', state: 'received', replay: false });
      expect(replay.accepted).toEqual({ ...first.accepted, replay: true });
      expect(first.accepted.receivedAt).toBe('2026-03-01T02:00:05.000Z');
      expect(first.accepted.decisionDueBy).toBe('2026-03-08');
      expect(await repo.listApplications({})).toHaveLength(1);
    });

    it('refuses a key reused with a different body, and a receipt number under another key', async () => {
      await created(repo, intake('key-0002', 'FY260301-0001-0002'));
      const changed = await repo.insertIntake(
        intake('key-0002', 'FY260301-0001-0002', { overrides: { facts: '别的' } }),
      );
      expect(changed.outcome).toBe('conflict');
      const sameReceipt = await repo.insertIntake(intake('key-other', 'FY260301-0001-0002'));
      expect(sameReceipt.outcome).toBe('conflict');
      // The same key and receipt from another terminal is another submission.
      const otherTerminal = await repo.insertIntake(intake('key-0002', 'FY260301-0001-0002', { terminalId: T2 }));
      expect(otherTerminal.outcome).toBe('created');
      expect(await repo.listApplications({})).toHaveLength(2);
    });

    it('keeps one row when the same submission arrives many times at once', async () => {
      const results = await Promise.all(
        Array.from({ length: 12 }, () => repo.insertIntake(intake('key-race', 'FY260301-0001-0003'))),
      );
      const outcomes = results.map((r) => r.outcome).sort();
      expect(outcomes.filter((o) => o === 'created')).toHaveLength(1);
      expect(outcomes.filter((o) => o === 'replay')).toHaveLength(11);
      const ids = new Set(results.map((r) => (r.outcome === 'conflict' ? '' : r.accepted.centerId)));
      expect(ids.size).toBe(1);
      expect(await repo.listApplications({})).toHaveLength(1);
      expect((await repo.statusChanges(T1, 0, 50)).changes).toHaveLength(1);
    });

    it('takes a batch in one go: new, replay within the batch, conflict', async () => {
      await created(repo, intake('key-b0', 'FY260301-0001-0010'));
      const results = await repo.insertIntakeMany([
        intake('key-b1', 'FY260301-0001-0011'),
        intake('key-b0', 'FY260301-0001-0010'),
        intake('key-b2', 'FY260301-0001-0012'),
        intake('key-b1', 'FY260301-0001-0011'),
        intake('key-b0', 'FY260301-0001-0010', { overrides: { facts: '改过的' } }),
      ]);
      expect(results.map((r) => r.outcome)).toEqual(['created', 'replay', 'created', 'replay', 'conflict']);
      expect(await repo.listApplications({})).toHaveLength(3);
    });
  });

  describe('listing and reading applications', () => {
    it('lists newest first, a state oldest first with urgent ones on top, filters kinds, pages', async () => {
      const a = await created(repo, intake('k-a', 'FY260301-0001-0020', { receivedAt: '2026-03-01T01:00:00.000Z' }));
      const b = await created(
        repo,
        intake('k-b', 'FY260301-0001-0021', {
          receivedAt: '2026-03-01T02:00:00.000Z',
          overrides: { urgency: { deadlineWithin7Days: true, preservationNeeded: false } },
        }),
      );
      const c = await created(repo, intake('k-c', 'FY260301-0001-0022', { receivedAt: '2026-03-01T03:00:00.000Z' }));
      expect((await repo.listApplications({})).map((s) => s.centerId)).toEqual([c, b, a]);
      expect((await repo.listApplications({ state: 'received' })).map((s) => s.centerId)).toEqual([b, a, c]);
      expect((await repo.listApplications({ limit: 1, offset: 1 })).map((s) => s.centerId)).toEqual([b]);
      expect(await repo.listApplications({ state: 'approved' })).toEqual([]);
      expect(await repo.listApplications({ kinds: ['notarization'] })).toEqual([]);
      expect(await repo.listApplications({ kinds: ['legalAid', 'mediation'] })).toHaveLength(3);
      const [summary] = await repo.listApplications({ state: 'received', limit: 1 });
      expect(summary).toMatchObject({
        centerId: b,
        terminalId: T1,
        receiptNo: 'FY260301-0001-0021',
        kind: 'legalAid',
        state: 'received',
        urgent: true,
        matter: 'wages',
        applicantName: '韦秀兰',
        submittedAt: '2026-03-01T02:00:00.000Z',
        receivedAt: '2026-03-01T02:00:00.000Z',
        decisionDueBy: '2026-03-08',
      });
    });

    it('searches by receipt number prefix in any case, a part of the name, and the China date submitted on', async () => {
      const a = await created(repo, intake('k-q1', 'FY260301-0001-0060'));
      const b = await created(
        repo,
        intake('k-q2', 'FY260302-0001-0061', {
          overrides: { applicant: { name: '黄100%_丽', idNumber: '450102195803011234', phone: '13907710001' } },
        }),
      );
      const ids = async (filter: Parameters<CenterRepository['listApplications']>[0]): Promise<string[]> =>
        (await repo.listApplications(filter)).map((s) => s.centerId).sort();
      expect(await ids({ q: 'fy260301' })).toEqual([a]);
      expect(await ids({ q: 'FY26030' })).toEqual([a, b].sort());
      expect(await ids({ q: '0001-0061' })).toEqual([]);
      expect(await ids({ q: '秀兰' })).toEqual([a]);
      expect(await ids({ q: '100%_' })).toEqual([b]);
      expect(await ids({ q: '%' })).toEqual([b]);
      expect(await ids({ q: '_' })).toEqual([b]);
      // submittedAt 2026-03-01T02:00Z is 10:00 on 1 March in China.
      expect(await ids({ submittedOn: '2026-03-01' })).toEqual([a, b].sort());
      expect(await ids({ submittedOn: '2026-02-28' })).toEqual([]);
      expect(await ids({ q: '秀兰', submittedOn: '2026-03-01', state: 'received' })).toEqual([a]);
    });

    it('counts the China date from UTC+8: late evening UTC is the next day', async () => {
      const late = intake('k-late', 'FY260302-0001-0070');
      late.submission = { ...late.submission, submittedAt: '2026-03-01T16:30:00.000Z' };
      const id = await created(repo, { ...late, bodyHash: bodyHash(late.submission) });
      expect((await repo.listApplications({ submittedOn: '2026-03-02' })).map((s) => s.centerId)).toEqual([id]);
      expect(await repo.listApplications({ submittedOn: '2026-03-01' })).toEqual([]);
    });

    it('reads one application with its data, documents and history; unknown ids are undefined', async () => {
      const id = await created(repo, intake('k-d', 'FY260301-0001-0030'));
      const detail = await repo.getApplication(id);
      expect(detail).toMatchObject({ centerId: id, state: 'received', version: 0, audit: [] });
      expect(detail!.data['facts']).toBe('在工地干了三个月，老板一直不发工资，共欠12000元。');
      expect(detail!.documents).toEqual([
        {
          role: 'photo',
          index: 0,
          mime: 'image/jpeg',
          label: '工资欠条',
          size: Buffer.from(TINY_JPEG_BASE64, 'base64').length,
        },
        { role: 'signature', index: 0, mime: 'image/png', size: 'signature-bytes'.length },
      ]);
      expect(detail!.history).toEqual([{ state: 'received', at: '2026-03-01T02:00:05.000Z' }]);
      expect(await repo.getApplication('00000000-0000-0000-0000-000000000000')).toBeUndefined();
      expect((await repo.findByReceiptNo('FY260301-0001-0030')).map((d) => d.centerId)).toEqual([id]);
      expect(await repo.findByReceiptNo('FY260301-0001-9999')).toEqual([]);
    });

    it('gives documents back byte for byte', async () => {
      // Every byte value, zeros included, in a photo of 300 KB.
      const bytes = Buffer.concat([Buffer.from(Array.from({ length: 256 }, (_, i) => i)), randomBytes(300_000)]);
      const id = await created(repo, intake('k-e', 'FY260301-0001-0040', { photo: bytes.toString('base64') }));
      const photo = await repo.getDocument(id, 'photo', 0);
      expect(photo?.mime).toBe('image/jpeg');
      expect(Buffer.compare(photo!.bytes, bytes)).toBe(0);
      expect((await repo.getDocument(id, 'signature', 0))?.bytes.toString()).toBe('signature-bytes');
      expect(await repo.getDocument(id, 'photo', 1)).toBeUndefined();
      expect(await repo.getDocument('nobody', 'photo', 0)).toBeUndefined();
    });
  });

  describe('status changes', () => {
    it('applies a change only at the expected state and version; the stale second one loses', async () => {
      const id = await created(repo, intake('k-s', 'FY260301-0001-0050'));
      const first = await repo.changeStatus(id, change('accepted', { state: 'received', version: 0 }));
      expect(first.outcome).toBe('changed');
      if (first.outcome !== 'changed') return;
      expect(first.detail).toMatchObject({ state: 'accepted', version: 1, updatedAt: '2026-03-02T01:00:00.000Z' });
      const stale = await repo.changeStatus(
        id,
        change('rejected', { state: 'received', version: 0 }, { reason: '晚了' }),
      );
      expect(stale).toEqual({ outcome: 'conflict' });
      const wrongVersion = await repo.changeStatus(id, change('approved', { state: 'accepted', version: 0 }));
      expect(wrongVersion).toEqual({ outcome: 'conflict' });
      expect(await repo.changeStatus('nobody', change('accepted', { state: 'received', version: 0 }))).toEqual({
        outcome: 'notFound',
      });
      expect((await repo.getApplication(id))!.state).toBe('accepted');
    });

    it('lets exactly one of two simultaneous changes from the same view win', async () => {
      const id = await created(repo, intake('k-t', 'FY260301-0001-0051'));
      const expected = { state: 'received', version: 0 } as const;
      const results = await Promise.all([
        repo.changeStatus(id, change('approved', expected, { by: 'a' })),
        repo.changeStatus(id, change('rejected', expected, { by: 'b', reason: '不符合条件' })),
      ]);
      expect(results.map((r) => r.outcome).sort()).toEqual(['changed', 'conflict']);
      const detail = (await repo.getApplication(id))!;
      expect(detail.version).toBe(1);
      expect(detail.audit).toHaveLength(1);
      expect(detail.history).toHaveLength(2);
    });

    it('records status events in order for the terminal pull and an audit line per change', async () => {
      const id = await created(repo, intake('k-u', 'FY260301-0001-0052'));
      await created(repo, intake('k-v', 'FY260301-0001-0053', { terminalId: T2 }));
      const missing = ['身份证复印件', '劳动合同'];
      await repo.changeStatus(
        id,
        change('needMaterials', { state: 'received', version: 0 }, { missingMaterials: missing, role: 'staff' }),
      );
      await repo.changeStatus(
        id,
        change(
          'rejected',
          { state: 'needMaterials', version: 1 },
          { reason: '材料未补齐', by: 'lisi', at: '2026-03-03T01:00:00.000Z' },
        ),
      );
      const all = await repo.statusChanges(T1, 0, 10);
      expect(all.more).toBe(false);
      expect(all.changes).toEqual([
        {
          receiptNo: 'FY260301-0001-0052',
          state: 'received',
          at: '2026-03-01T02:00:05.000Z',
          decisionDueBy: '2026-03-08',
        },
        {
          receiptNo: 'FY260301-0001-0052',
          state: 'needMaterials',
          at: '2026-03-02T01:00:00.000Z',
          decisionDueBy: '2026-03-08',
          missingMaterials: missing,
        },
        {
          receiptNo: 'FY260301-0001-0052',
          state: 'rejected',
          at: '2026-03-03T01:00:00.000Z',
          decisionDueBy: '2026-03-08',
          reason: '材料未补齐',
        },
      ]);
      // Paging: the pull resumes after the last sequence number it saw.
      const page1 = await repo.statusChanges(T1, 0, 2);
      expect(page1.more).toBe(true);
      expect(page1.changes.map((c) => c.state)).toEqual(['received', 'needMaterials']);
      const page2 = await repo.statusChanges(T1, page1.last, 2);
      expect(page2).toMatchObject({ more: false, changes: [{ state: 'rejected' }] });
      const end = await repo.statusChanges(T1, page2.last, 2);
      expect(end).toEqual({ changes: [], last: page2.last, more: false });
      // Another terminal's pull sees only its own.
      expect((await repo.statusChanges(T2, 0, 10)).changes.map((c) => c.receiptNo)).toEqual(['FY260301-0001-0053']);
      const detail = (await repo.getApplication(id))!;
      expect(detail.audit).toEqual([
        {
          from: 'received',
          to: 'needMaterials',
          by: 'zhangsan',
          role: 'staff',
          at: '2026-03-02T01:00:00.000Z',
          missingMaterials: missing,
        },
        {
          from: 'needMaterials',
          to: 'rejected',
          by: 'lisi',
          role: 'staff',
          at: '2026-03-03T01:00:00.000Z',
          reason: '材料未补齐',
        },
      ]);
      expect(detail.reason).toBe('材料未补齐');
      expect(detail.missingMaterials).toBeUndefined();
    });

    it('keeps a state detail (schedule) on the application, its history and the terminal pull', async () => {
      const id = await created(repo, intake('k-w', 'FY260301-0001-0054'));
      const details = { schedule: { at: '2026-03-10T02:00:00.000Z', place: '镇司法所调解室' }, note: '带上欠条原件' };
      const r = await repo.changeStatus(id, change('scheduled', { state: 'received', version: 0 }, { details }));
      expect(r.outcome).toBe('changed');
      const detail = (await repo.getApplication(id))!;
      expect(detail.details).toEqual(details);
      expect(detail.history[1]?.details).toEqual(details);
      expect(detail.audit[0]?.details).toEqual(details);
      expect((await repo.statusChanges(T1, 0, 10)).changes[1]?.details).toEqual(details);
    });

    it('numbers a terminal’s events without gaps when many changes land at once', async () => {
      const ids: string[] = [];
      for (let i = 0; i < 15; i++)
        ids.push(await created(repo, intake(`k-many-${i}`, `FY260301-0001-${String(100 + i).padStart(4, '0')}`)));
      await Promise.all(ids.map((id) => repo.changeStatus(id, change('accepted', { state: 'received', version: 0 }))));
      const seen: string[] = [];
      let since = 0;
      for (;;) {
        const page = await repo.statusChanges(T1, since, 4);
        seen.push(...page.changes.map((c) => `${c.receiptNo}:${c.state}`));
        expect(page.last).toBeGreaterThanOrEqual(since);
        since = page.last;
        if (!page.more) break;
      }
      expect(seen).toHaveLength(30);
      expect(new Set(seen).size).toBe(30);
    });
  });

  describe('staff accounts and roles', () => {
    it('creates, updates and lists accounts; a password change keeps the role', async () => {
      expect(await repo.countStaff()).toBe(0);
      await repo.putStaff({
        name: 'zhangsan',
        passwordHash: '$scrypt$a',
        mustChange: true,
        at: '2026-03-01T00:00:00.000Z',
      });
      await repo.putStaff({
        name: 'admin',
        passwordHash: '$scrypt$b',
        mustChange: false,
        role: 'admin',
        at: '2026-03-01T00:00:00.000Z',
      });
      expect(await repo.countStaff()).toBe(2);
      expect(await repo.getStaff('zhangsan')).toEqual({
        name: 'zhangsan',
        passwordHash: '$scrypt$a',
        mustChange: true,
        role: 'staff',
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-01T00:00:00.000Z',
      });
      expect(await repo.setStaffRole('zhangsan', 'lawyer', '2026-03-02T00:00:00.000Z')).toBe(true);
      expect(await repo.setStaffRole('nobody', 'lawyer', '2026-03-02T00:00:00.000Z')).toBe(false);
      await repo.putStaff({
        name: 'zhangsan',
        passwordHash: '$scrypt$c',
        mustChange: false,
        at: '2026-03-03T00:00:00.000Z',
      });
      expect(await repo.getStaff('zhangsan')).toMatchObject({
        passwordHash: '$scrypt$c',
        mustChange: false,
        role: 'lawyer',
        createdAt: '2026-03-01T00:00:00.000Z',
        updatedAt: '2026-03-03T00:00:00.000Z',
      });
      expect((await repo.listStaff()).map((s) => [s.name, s.role])).toEqual([
        ['admin', 'admin'],
        ['zhangsan', 'lawyer'],
      ]);
      expect(await repo.getStaff('nobody')).toBeUndefined();
    });

    it('creates an account only when the name is free (two first starts at once make one admin)', async () => {
      const admin = (hash: string) => ({
        name: 'admin',
        passwordHash: hash,
        mustChange: true,
        role: 'admin' as const,
        at: '2026-03-01T00:00:00.000Z',
      });
      const made = await Promise.all([repo.createStaff(admin('$scrypt$a')), repo.createStaff(admin('$scrypt$b'))]);
      expect([...made].sort()).toEqual([false, true]);
      expect((await repo.getStaff('admin'))!.passwordHash).toBe(made[0] ? '$scrypt$a' : '$scrypt$b');
      const clerk = { name: 'clerk', passwordHash: '$scrypt$c', mustChange: false, at: '2026-03-01T00:00:00.000Z' };
      expect(await repo.createStaff(clerk)).toBe(true);
      expect(await repo.createStaff({ ...clerk, passwordHash: '$scrypt$d' })).toBe(false);
      expect((await repo.getStaff('clerk'))?.passwordHash).toBe('$scrypt$c');
      expect((await repo.getStaff('clerk'))?.role).toBe('staff');
      expect(await repo.countStaff()).toBe(2);
    });

    it('keeps a county on an account (none: the province); a password change keeps it', async () => {
      const at = '2026-03-01T00:00:00.000Z';
      expect(
        await repo.createStaff({
          name: 'li',
          passwordHash: 'h',
          mustChange: true,
          role: 'lawyer',
          county: '450121',
          at,
        }),
      ).toBe(true);
      await repo.putStaff({ name: 'wang', passwordHash: 'h', mustChange: false, role: 'lawyer', at });
      expect((await repo.getStaff('li'))?.county).toBe('450121');
      expect(await repo.getStaff('wang')).not.toHaveProperty('county');
      await repo.putStaff({ name: 'li', passwordHash: 'h2', mustChange: false, at });
      expect((await repo.getStaff('li'))?.county).toBe('450121');
      await repo.putStaff({ name: 'wang', passwordHash: 'h2', mustChange: false, county: '450122', at });
      expect((await repo.getStaff('wang'))?.county).toBe('450122');
      await repo.putStaff({ name: 'wang', passwordHash: 'h3', mustChange: false, county: null, at });
      expect(await repo.getStaff('wang')).not.toHaveProperty('county');
      expect(await repo.setStaffCounty('li', null, '2026-03-02T00:00:00.000Z')).toBe(true);
      expect(await repo.getStaff('li')).toMatchObject({ updatedAt: '2026-03-02T00:00:00.000Z' });
      expect(await repo.getStaff('li')).not.toHaveProperty('county');
      expect(await repo.setStaffCounty('li', '450123', at)).toBe(true);
      expect(await repo.setStaffCounty('nobody', '450123', at)).toBe(false);
      expect((await repo.listStaff()).map((s) => [s.name, s.county])).toEqual([
        ['li', '450123'],
        ['wang', undefined],
      ]);
    });
  });

  describe('terminal regions', () => {
    it('answers the region code of a terminal’s last heartbeat, none before one or without it', async () => {
      const beat = (regionCode?: string) => ({
        agentVersion: '0.1.0',
        uptimeSec: 1,
        sentAt: '2026-03-01T00:00:00.000Z',
        ...(regionCode ? { regionCode } : {}),
        devices: {
          idcard: { device: 'online' as const },
          printer: { device: 'online' as const, paper: 'full' as const },
          camera: { device: 'online' as const },
        },
        outbox: { depth: 0, oldestAgeSec: null, lastForwardAt: null },
        diskFreeBytes: null,
      });
      expect(await repo.terminalRegion(T1)).toBeUndefined();
      await repo.recordHeartbeat(T1, '2026-03-01T00:00:00.000Z', beat('450121'));
      await repo.recordHeartbeat(T2, '2026-03-01T00:00:00.000Z', beat());
      expect(await repo.terminalRegion(T1)).toBe('450121');
      expect(await repo.terminalRegion(T2)).toBeUndefined();
      await repo.recordHeartbeat(T1, '2026-03-01T00:01:00.000Z', beat('450122'));
      expect(await repo.terminalRegion(T1)).toBe('450122');
    });
  });

  describe('staff logins', () => {
    const session = (key: string, name: string, createdMs: number) => ({
      key,
      name,
      csrfToken: `csrf-${key}`,
      mustChange: false,
      role: 'staff' as const,
      createdMs,
      lastSeenMs: createdMs,
    });
    const t0 = 1_772_000_000_000;

    it('keeps, touches and ends logins, one or all of an account, and prunes stale ones', async () => {
      await repo.putStaffSession(session('k1', 'zhangsan', t0));
      await repo.putStaffSession({ ...session('k2', 'zhangsan', t0), mustChange: true, role: 'lawyer' });
      await repo.putStaffSession(session('k3', 'lisi', t0 - 13 * 3600_000));
      expect(await repo.getStaffSession('k1')).toEqual(session('k1', 'zhangsan', t0));
      expect(await repo.getStaffSession('k2')).toMatchObject({ mustChange: true, role: 'lawyer' });
      expect(await repo.getStaffSession('nope')).toBeUndefined();
      await repo.touchStaffSession('k1', t0 + 90_000);
      await repo.touchStaffSession('k1', t0 + 60_000); // an older touch never moves the clock back
      expect((await repo.getStaffSession('k1'))?.lastSeenMs).toBe(t0 + 90_000);
      await repo.deleteStaffSession('k1');
      expect(await repo.getStaffSession('k1')).toBeUndefined();
      expect(await repo.getStaffSession('k2')).toBeDefined();
      await repo.pruneStaffSessions(t0 - 30 * 60_000, t0 - 12 * 3600_000);
      expect(await repo.getStaffSession('k3')).toBeUndefined();
      expect(await repo.getStaffSession('k2')).toBeDefined();
      await repo.putStaffSession(session('k4', 'lisi', t0));
      await repo.deleteStaffSessionsOf('zhangsan');
      expect(await repo.getStaffSession('k2')).toBeUndefined();
      expect(await repo.getStaffSession('k4')).toBeDefined();
    });
  });

  describe('the login limiter', () => {
    const now = 1_772_000_000_000;
    const key = (name: string) => ({ key: `account:${name}`, windows: [[5, 600_000]] as const });

    it('counts attempts in the window, answers the wait, forgets released and old ones', async () => {
      const ids: number[][] = [];
      for (let i = 0; i < 5; i++) {
        const r = await repo.reserveLoginAttempt([key('a')], now + i * 1000);
        expect(r.ok).toBe(true);
        if (r.ok) ids.push(r.ids);
      }
      const refused = await repo.reserveLoginAttempt(
        [key('a'), { key: 'address:x', windows: [[5, 600_000]] }],
        now + 10_000,
      );
      expect(refused).toEqual({ ok: false, retryAfterMs: 600_000 - 10_000 });
      // A refused reservation records nothing for its other key.
      for (let i = 0; i < 5; i++)
        expect((await repo.reserveLoginAttempt([{ key: 'address:x', windows: [[5, 600_000]] }], now)).ok).toBe(true);
      // A successful login's attempt does not count.
      await repo.releaseLoginAttempt(ids[4]);
      expect((await repo.reserveLoginAttempt([key('a')], now + 11_000)).ok).toBe(true);
      // Once the window has passed, the account may try again.
      expect((await repo.reserveLoginAttempt([key('a')], now + 12_000)).ok).toBe(false);
      expect((await repo.reserveLoginAttempt([key('a')], now + 601_000)).ok).toBe(true);
      expect((await repo.reserveLoginAttempt([key('b')], now)).ok).toBe(true);
    });

    it('reserves atomically: of 20 simultaneous attempts only 5 go through', async () => {
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          repo.reserveLoginAttempt([key('race'), { key: 'address:y', windows: [[50, 600_000]] }], now),
        ),
      );
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      const ids = results.flatMap((r) => (r.ok ? r.ids : []));
      expect(new Set(ids).size).toBe(10);
    });
  });

  describe('notary interview slots', () => {
    const now = '2026-03-01T00:00:00.000Z';
    const slot = (slotId: string, startsAt: string, capacity = 2) => ({
      slotId,
      startsAt,
      lengthMin: 20,
      capacity,
      publishedBy: 'notary1',
      publishedAt: now,
    });
    const hold = (bookingId: string, slotId: string, terminalId = T1, expiresAt = '2026-03-01T00:30:00.000Z') => ({
      bookingId,
      slotId,
      terminalId,
      heldAt: now,
      expiresAt,
    });

    it('publishes slots all or nothing, holds seats up to the capacity at once, confirms and lists interviews', async () => {
      const slots = repo.notarySlots!;
      const published = await slots.publishSlots([
        slot('s1', '2026-03-02T01:00:00.000Z'),
        slot('s2', '2026-03-02T02:00:00.000Z', 1),
      ]);
      expect(published).toMatchObject({
        outcome: 'published',
        slots: [{ slotId: 's1', booked: 0, held: 0 }, { slotId: 's2' }],
      });
      expect(
        await slots.publishSlots([slot('s3', '2026-03-02T03:00:00.000Z'), slot('s4', '2026-03-02T01:00:00.000Z')]),
      ).toEqual({ outcome: 'taken', startsAt: '2026-03-02T01:00:00.000Z' });
      const list = await slots.listSlots({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' }, now);
      expect(list.map((x) => x.slotId)).toEqual(['s1', 's2']);

      // Five terminals at once on a slot with two seats: two holds, three full.
      const results = await Promise.all(
        [1, 2, 3, 4, 5].map((i) => slots.holdSeat(hold(`b${i}`, 's1', `test-000${i}`), now)),
      );
      expect(results.filter((r) => r.outcome === 'held')).toHaveLength(2);
      expect(results.filter((r) => r.outcome === 'full')).toHaveLength(3);
      expect(await slots.holdSeat(hold('bx', 'nope'), now)).toEqual({ outcome: 'notFound' });

      // A hold becomes a booking once the request arrives; the intake links the application.
      const id = await created(repo, { ...intake('k-n', 'GZ260301-0001-0001'), terminalId: T1 });
      await slots.holdSeat(hold('bn', 's2', T1), now);
      expect(await slots.confirmHold('bn', T1, 'GZ260301-0001-0001', '2026-03-01T00:10:00.000Z')).toBe('confirmed');
      expect(await slots.confirmHold('bn', T1, 'GZ260301-0001-0001', '2026-03-01T00:11:00.000Z')).toBe('already');
      expect(await slots.confirmHold('bn', T2, 'GZ260301-0001-0001', '2026-03-01T00:11:00.000Z')).toBe('notFound');
      expect(await slots.interviewFor(T1, 'GZ260301-0001-0001')).toMatchObject({
        bookingId: 'bn',
        slotId: 's2',
        startsAt: '2026-03-02T02:00:00.000Z',
        lengthMin: 20,
        centerId: id,
        matter: 'wages',
      });
      expect(
        (await slots.interviews({ from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' })).map(
          (x) => x.bookingId,
        ),
      ).toEqual(['bn']);
      expect(await slots.withdrawSlot('s2', now)).toBe('booked');
      expect(await slots.withdrawSlot('s1', now)).toBe('withdrawn');
      expect(await slots.withdrawSlot('s1', now)).toBe('notFound');
      expect(
        (
          await slots.listSlots(
            { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z', withWithdrawn: true },
            now,
          )
        ).map((x) => [x.slotId, x.withdrawnAt ?? null]),
      ).toEqual([
        ['s1', now],
        ['s2', null],
      ]);
    });

    it('confirms an expired hold only while its seat is still free', async () => {
      const slots = repo.notarySlots!;
      await slots.publishSlots([slot('e1', '2026-03-02T05:00:00.000Z', 1)]);
      await slots.holdSeat(hold('old', 'e1', T1, '2026-03-01T00:05:00.000Z'), now);
      // Expired and still free: confirmed.
      expect(await slots.confirmHold('old', T1, 'GZ260301-0001-0002', '2026-03-01T01:00:00.000Z')).toBe('confirmed');
      await slots.publishSlots([slot('e2', '2026-03-02T06:00:00.000Z', 1)]);
      await slots.holdSeat(hold('late', 'e2', T1, '2026-03-01T00:05:00.000Z'), now);
      // Once expired, another terminal takes the seat: the late request finds it full.
      expect((await slots.holdSeat(hold('other', 'e2', T2), '2026-03-01T00:06:00.000Z')).outcome).toBe('held');
      expect(await slots.confirmHold('late', T1, 'GZ260301-0001-0003', '2026-03-01T00:07:00.000Z')).toBe('full');
    });

    it('releases only its own unconfirmed hold, once; the seat is free again and a released hold cannot be confirmed', async () => {
      const slots = repo.notarySlots!;
      await slots.publishSlots([slot('r1', '2026-03-02T07:00:00.000Z', 1)]);
      const day = { from: '2026-03-02T00:00:00.000Z', to: '2026-03-03T00:00:00.000Z' };
      const seats = async () => (await slots.listSlots(day, now)).find((x) => x.slotId === 'r1');
      expect((await slots.holdSeat(hold('mine', 'r1', T1), now)).outcome).toBe('held');
      expect((await slots.holdSeat(hold('theirs', 'r1', T2), now)).outcome).toBe('full');
      // Another terminal cannot give it back; its own can, and a second time finds nothing.
      expect(await slots.releaseHold('mine', T2)).toBe('notFound');
      expect(await seats()).toMatchObject({ held: 1, booked: 0 });
      expect(await slots.releaseHold('mine', T1)).toBe('released');
      expect(await seats()).toMatchObject({ held: 0, booked: 0 });
      expect(await slots.releaseHold('mine', T1)).toBe('notFound');
      expect(await slots.confirmHold('mine', T1, 'GZ260301-0001-0004', now)).toBe('notFound');
      // The seat went back: another terminal holds it; once booked, it is not released.
      expect((await slots.holdSeat(hold('theirs', 'r1', T2), now)).outcome).toBe('held');
      expect(await slots.confirmHold('theirs', T2, 'GZ260301-0002-0001', now)).toBe('confirmed');
      expect(await slots.releaseHold('theirs', T2)).toBe('booked');
      expect(await seats()).toMatchObject({ held: 0, booked: 1 });
      expect(await slots.releaseHold('nope', T1)).toBe('notFound');
    });
  });

  describe('call records', () => {
    const call = (callId: string, startedAt: string, lawyerId = 'lawyer1') => ({
      callId,
      kioskId: T1,
      terminalName: '测试村公共法律服务室',
      lawyerId,
      topic: 'wages' as const,
      consent: true,
      startedAt,
    });

    it('starts, ends, notes and rates calls; lists open ones and recent durations', async () => {
      await repo.startCall(call('c1', '2026-03-01T01:00:00.000Z'));
      await repo.startCall(call('c1', '2026-03-01T09:00:00.000Z')); // a repeat is ignored
      await repo.startCall(call('c2', '2026-03-01T02:00:00.000Z', 'lawyer2'));
      await repo.startCall(call('c3', '2026-03-01T03:00:00.000Z'));
      expect((await repo.openCalls()).map((c) => c.callId).sort()).toEqual(['c1', 'c2', 'c3']);
      expect(await repo.endCall('c1', '2026-03-01T01:05:30.400Z', 'hangup')).toBe(true);
      expect(await repo.endCall('c1', '2026-03-01T01:09:00.000Z', 'hangup')).toBe(false);
      expect(await repo.endCall('nobody', '2026-03-01T01:09:00.000Z', 'hangup')).toBe(false);
      expect(await repo.endCall('c2', '2026-03-01T02:01:00.000Z', 'hangup')).toBe(true);
      expect((await repo.openCalls()).map((c) => c.callId)).toEqual(['c3']);
      expect(await repo.recentCallDurations(5)).toEqual([60, 330]);
      expect(await repo.recentCallDurations(1)).toEqual([60]);
      const note: CallNote = { topic: 'wages', advice: '先找劳动监察大队投诉', referral: 'legalAid' };
      expect(await repo.setCallNote('c1', note, '2026-03-01T01:10:00.000Z')).toBe(true);
      expect(await repo.setCallNote('nobody', note, '2026-03-01T01:10:00.000Z')).toBe(false);
      expect(await repo.rateCall('c1', T2, 5, 'FY260301-0002-0001')).toBe(false);
      expect(await repo.rateCall('c1', T1, 4, 'FY260301-0001-0001')).toBe(true);
      expect(await repo.getCall('c1')).toEqual({
        callId: 'c1',
        kioskId: T1,
        terminalName: '测试村公共法律服务室',
        lawyerId: 'lawyer1',
        topic: 'wages',
        consent: true,
        startedAt: '2026-03-01T01:00:00.000Z',
        endedAt: '2026-03-01T01:05:30.400Z',
        durationS: 330,
        endReason: 'hangup',
        note,
        rating: 4,
      });
      expect(await repo.getCall('nobody')).toBeUndefined();
      expect((await repo.listCalls({})).map((c) => c.callId)).toEqual(['c3', 'c2', 'c1']);
      expect((await repo.listCalls({ lawyerId: 'lawyer1', limit: 1 })).map((c) => c.callId)).toEqual(['c3']);
      await repo.startCall({
        ...call('i1', '2026-03-01T04:00:00.000Z', 'notary1'),
        kind: 'interview',
        receiptNo: 'GZ260301-0001-0001',
      });
      expect(await repo.getCall('i1')).toMatchObject({ kind: 'interview', receiptNo: 'GZ260301-0001-0001' });
      expect((await repo.getCall('c3'))?.kind).toBeUndefined();
    });
  });
});

describe('staff search by name on PostgreSQL at province scale', () => {
  it('finds a part of the name through the trigram index on the extracted name, not by parsing every row', async () => {
    const repo = new PgRepository({ url: await emptied() });
    try {
      const applicant = legalAidData({}).applicant as Record<string, unknown>;
      const names = ['王桂兰', '李桂芳', '欧阳秀英', '韦秀兰'];
      for (let i = 0; i < 40; i++)
        await created(
          repo,
          intake(`name-${i}`, `FY260301-0001-${String(100 + i).padStart(4, '0')}`, {
            overrides: { applicant: { ...applicant, name: names[i % names.length] } },
          }),
        );
      const found = await repo.listApplications({ q: '阳秀英' });
      expect(found).toHaveLength(10);
      expect(new Set(found.map((s) => s.applicantName))).toEqual(new Set(['欧阳秀英']));
      expect(await repo.listApplications({ q: '桂' })).toHaveLength(20);

      const client = new pg.Client({ connectionString: await migrated! });
      await client.connect();
      try {
        await client.query('SET enable_seqscan = off');
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN SELECT center_id FROM submissions WHERE applicant_name ILIKE '%阳秀英%'`,
        );
        expect(plan.rows.map((r) => r['QUERY PLAN']).join('\n')).toContain('submissions_applicant_name_trgm');
      } finally {
        await client.end();
      }
    } finally {
      await repo.close();
    }
  }, 60_000);
});
