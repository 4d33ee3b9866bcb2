import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqlite } from '@kiosk/node-common/sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxModule } from '../../device-agent/src/outbox/outbox-module.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { jpegOfSize, postJson, submission } from '../device-agent/outbox/fixtures.js';
import { FAST } from '../device-agent/outbox/outbox-harness.js';

// Fault injection: the disk fills up while a submission is being stored. Simulated with a small
// tmpfs mounted as the agent's data directory (as root; elsewhere the test is skipped and says why).

const canMount = ((): boolean => {
  if (process.getuid?.() !== 0) return false;
  const probe = mkdtempSync(join(tmpdir(), 'kiosk-tmpfs-probe-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    execFileSync('umount', [probe]);
    return true;
  } catch {
    return false;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

describe('fault: disk full while storing a submission', () => {
  const root = mkdtempSync(join(tmpdir(), 'kiosk-diskfull-'));
  const dataDir = join(root, 'data');
  const filler = join(dataDir, 'filler.bin');
  let t: TestAgent;

  beforeAll(async () => {
    if (!canMount) return;
    mkdirSync(dataDir);
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=3m,mode=0700', 'tmpfs', dataDir]);
    const configFile = join(root, 'kiosk.config.json');
    writeFileSync(configFile, JSON.stringify({ ...DEMO_CONFIG, center: { url: 'http://127.0.0.1:9', token: 't' } }));
    // The harness's own data dir is replaced by the tmpfs (env is not part of its typed options).
    t = await startTestAgent(DEMO_CONFIG, {
      modules: [(ctx) => new OutboxModule(ctx, FAST)],
      env: { ...process.env, KIOSK_CONFIG: configFile, KIOSK_DATA_DIR: dataDir },
    } as Parameters<typeof startTestAgent>[1]);
  });
  afterAll(async () => {
    await t?.stop();
    try {
      execFileSync('umount', ['-l', dataDir]);
    } catch {
      // not mounted
    }
    rmSync(root, { recursive: true, force: true });
  });

  const count = (): number => {
    const db = openSqlite(join(dataDir, 'outbox.sqlite'), { readonly: true, fileMustExist: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM submissions').get() as { n: number }).n;
    } finally {
      db.close();
    }
  };

  const withPhoto = (id: string): Record<string, unknown> => {
    const body = submission({}, { clientSubmissionId: id });
    const documents = (body['data'] as { documents: { photos: unknown[] } }).documents;
    documents.photos = [{ dataUrl: `data:image/jpeg;base64,${jpegOfSize(400_000)}`, label: '工资欠条' }];
    return body;
  };

  it('answers a clear error when the disk is full, stores nothing half, and works again once space is freed', async ({
    skip,
  }) => {
    skip(!canMount, `filling a disk needs root and \`mount -t tmpfs\` (this runs as uid ${process.getuid?.()})`);
    const first = await postJson(`${t.base}/api/v1/submissions`, withPhoto('disk-full-0001-aaaa'));
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    expect(count()).toBe(1);
    // Fill the disk, leaving less than one submission's worth.
    const free = Number(execFileSync('df', ['-B1', '--output=avail', dataDir]).toString().split('\n')[1]);
    writeFileSync(filler, Buffer.alloc(Math.max(0, free - 100_000)));
    const full = await postJson(`${t.base}/api/v1/submissions`, withPhoto('disk-full-0002-bbbb'));
    expect(full.status).toBeGreaterThanOrEqual(500);
    expect(full.body).toMatchObject({ error: 'storageFailed' });
    // The kiosk says this in words: nothing was sent, try again or ask the staff.
    expect(full.body['message']).toMatch(/工作人员/);
    // Nothing half-stored: still one submission, and the database is intact.
    expect(count()).toBe(1);
    rmSync(filler);
    const db = openSqlite(join(dataDir, 'outbox.sqlite'), { readonly: true, fileMustExist: true });
    try {
      expect(db.prepare('PRAGMA integrity_check').get()).toEqual({ integrity_check: 'ok' });
      expect(
        (
          db
            .prepare('SELECT count(*) AS n FROM documents WHERE submission_id NOT IN (SELECT id FROM submissions)')
            .get() as {
            n: number;
          }
        ).n,
      ).toBe(0);
    } finally {
      db.close();
    }
    const again = await postJson(`${t.base}/api/v1/submissions`, withPhoto('disk-full-0002-bbbb'));
    expect(again.status, JSON.stringify(again.body)).toBe(200);
    expect(count()).toBe(2);
    console.log(
      `[fault] disk full (3 MB tmpfs filled) while storing → HTTP ${full.status} ${String(full.body['error'])}; nothing half-stored (1 row, integrity ok); after freeing space the same submission stored (2 rows)`,
    );
  });
});
