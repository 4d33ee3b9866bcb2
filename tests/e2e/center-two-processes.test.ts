import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import type { StaffSessionInfo } from '@kiosk/contract/staff-api';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { FIRST_PASSWORD_FILE } from '../../service-center/src/center.js';
import { PgRepository } from '../../service-center/src/store/pg-repository.js';
import { legalAidData } from '../device-agent/outbox/fixtures.js';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.js';

// Issue 14 item 2 (the stateless part): two centre processes on one PostgreSQL, as a province runs them
// behind a load balancer. Intake, the staff API (logins included) and the terminals' status pulls hold
// no state of their own: a submission through A is decided through B with a login made on A, and A's
// status pull carries the decision. (The consultation queue across processes: consultation-two-processes.test.ts.)

const ROOT = resolve(import.meta.dirname, '../..');
const TERMINAL = { id: 'prov-0001', token: 'province-terminal-token', name: '演示县一号村' };
const CLERK = { name: 'clerk', password: 'clerk-password-1' };

async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

interface CentreProcess {
  url: string;
  port: number;
  dataDir: string;
  log(): string;
  stop(): Promise<void>;
}

/** `service-center/src/main.ts` as its own process, with its own data directory and port. */
async function startCentre(databaseUrl: string): Promise<CentreProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'kiosk-centre-proc-'));
  const configFile = join(dataDir, 'center.config.json');
  writeFileSync(
    configFile,
    JSON.stringify({
      configVersion: 1,
      host: '127.0.0.1',
      port,
      terminals: [TERMINAL],
      storage: { kind: 'postgres', url: databaseUrl },
    }),
    { mode: 0o600 },
  );
  const child: ChildProcess = spawn(
    process.execPath,
    ['--conditions=source', '--import', 'tsx', join(ROOT, 'service-center/src/main.ts')],
    {
      cwd: ROOT,
      env: { ...process.env, CENTER_CONFIG: configFile, CENTER_DATA_DIR: dataDir },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    if (child.exitCode !== null) throw new Error(`centre exited ${child.exitCode}:\n${log.slice(-2000)}`);
    const ok = await fetch(`${url}/healthz`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() - started > 60_000) throw new Error(`centre did not start:\n${log.slice(-2000)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    port,
    dataDir,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const gone = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await gone;
    },
  };
}

/** A staff call on `centre` with the session cookie value of a login (made on any process). */
function staffCall(centre: CentreProcess, session: { cookie: string; csrf: string }) {
  return async (path: string, body?: unknown): Promise<Response> =>
    fetch(`${centre.url}/api/v1/staff${path}`, {
      method: body === undefined ? 'GET' : 'POST',
      headers: {
        // The cookie is named after the port (loopback demo); behind a load balancer both share one name.
        cookie: `center_session_P${centre.port}=${session.cookie}`,
        'x-csrf-token': session.csrf,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
}

describe('two centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let a: CentreProcess;
  let b: CentreProcess;

  beforeAll(async () => {
    postgres = await startTestPostgres();
    const url = await postgres.createDatabase();
    // Both start at once, as systemd would start them: one migrates, the other waits; one admin.
    [a, b] = await Promise.all([startCentre(url), startCentre(url)]);
    const repo = new PgRepository({ url });
    try {
      await repo.putStaff({
        name: CLERK.name,
        // A cheap hash: the login verifies it, then redoes it at the centre's cost (one costly hash, not two).
        passwordHash: await hashPassword(CLERK.password, 10),
        mustChange: false,
        at: new Date().toISOString(),
      });
    } finally {
      await repo.close();
    }
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await postgres?.stop();
  });

  it('made one first administrator between them, its one-time password in one data directory', () => {
    const files = [a, b].filter((c) => existsSync(join(c.dataDir, FIRST_PASSWORD_FILE)));
    expect(files).toHaveLength(1);
  });

  it('takes a submission on A, lets a login made on A decide it on B, and A’s status pull shows the decision', async () => {
    const auth = { authorization: `Bearer ${TERMINAL.token}` };
    const { documents: _documents, ...data } = legalAidData();
    const submission: IntakeSubmission = {
      receiptNo: 'FY260301-0001-0001',
      kind: 'legalAid',
      submittedAt: new Date().toISOString(),
      data,
      documents: [],
    };
    const sent = await fetch(`${a.url}/api/v1/intake/submissions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'two-proc-0001' },
      body: JSON.stringify(submission),
    });
    expect(sent.status).toBe(200);
    const centerId = ((await sent.json()) as { centerId: string }).centerId;
    // The same submission again through B is a replay of A's.
    const replay = await fetch(`${b.url}/api/v1/intake/submissions`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'two-proc-0001' },
      body: JSON.stringify(submission),
    });
    expect(await replay.json()).toMatchObject({ centerId, replay: true });

    // Log in on A …
    const login = await fetch(`${a.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(CLERK),
    });
    expect(login.status).toBe(200);
    const cookie = /=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')?.[1] ?? '';
    const session = { cookie, csrf: ((await login.json()) as StaffSessionInfo).csrfToken };
    const onA = staffCall(a, session);
    const onB = staffCall(b, session);

    // … and work on B with it.
    const list = (await (await onB('/applications?state=received')).json()) as { items: Array<{ centerId: string }> };
    expect(list.items.map((i) => i.centerId)).toContain(centerId);
    const detail = (await (await onB(`/applications/${centerId}`)).json()) as { version: number };
    const decided = await onB(`/applications/${centerId}/status`, { state: 'accepted', version: detail.version });
    expect(decided.status).toBe(200);
    // A decision on A from the view before B's is refused (compare-and-set across processes).
    const stale = await onA(`/applications/${centerId}/status`, {
      state: 'rejected',
      reason: '不属于法律援助范围',
      version: detail.version,
    });
    expect(stale.status).toBe(409);
    expect(await stale.json()).toMatchObject({ error: 'stateChanged' });

    const page = (await (
      await fetch(`${a.url}/api/v1/intake/status?since=0`, { headers: auth })
    ).json()) as IntakeStatusPage;
    expect(page.changes.map((c) => `${c.receiptNo}:${c.state}`)).toEqual([
      'FY260301-0001-0001:received',
      'FY260301-0001-0001:accepted',
    ]);

    // Logging out on B ends the login on A too.
    expect((await onB('/logout', {})).status).toBe(200);
    expect((await onA('/me')).status).toBe(401);
  });
});
