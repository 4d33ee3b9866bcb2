import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SecretsStore, SETUP_TOKEN_TTL_MS } from '../../../device-agent/src/admin/secrets-store.js';
import {
  AdminClient,
  PASSWORD,
  loggedInAgent,
  setupTokenFromLog,
  startAdminAgent,
  type AdminTestAgent,
} from '../admin/admin-test-client.js';
import { RECEIPT_FIELDS } from '../printer/printer-fixtures.js';
import { startAdminAgentOn } from './restart-harness.js';

// Issue 13 item 5: a corrupt admin-secrets.json read as empty: a new setup token replaced the
// password (and went to the receipt printer). Fail closed, say how to run reset-admin, print the
// slip only while no password exists, once per token, and let the token expire after 24 h.

const running: AdminTestAgent[] = [];
afterEach(async () => {
  for (const a of running.splice(0)) await a.stop();
});

const DAMAGED = ['{"passwordHash": "$scrypt$ln=10', '[]', '{"passwordHash": 42}', '\u0000\u0000\u0000'];

describe('item 5: the admin secrets fail closed', () => {
  it.each(DAMAGED)(
    'item 5: a damaged secrets file (%j) locks the admin page and says how to reset it',
    async (junk) => {
      const { agent, client } = await loggedInAgent();
      running.push(agent);
      const file = join(agent.dir, 'data', 'admin-secrets.json');
      writeFileSync(file, junk);
      for (const [method, path] of [
        ['GET', '/admin/api/session'],
        ['GET', '/admin/api/setup'],
        ['GET', '/admin/api/status'],
        ['POST', '/admin/api/setup'],
        ['POST', '/admin/api/login'],
      ] as const) {
        const res = await client.request(
          method,
          path,
          method === 'POST' ? { password: PASSWORD, setupToken: 'x' } : undefined,
        );
        expect(res.status, path).toBe(503);
        expect(res.body, path).toMatchObject({
          error: 'secretsDamaged',
          message: expect.stringMatching(/reset-admin/),
        });
      }
      expect(readFileSync(file, 'utf8')).toBe(junk);

      // After a restart: no new token is issued, logged or printed; the file is left for reset-admin.
      await running.pop()!.stop();
      const again = await startAdminAgentOn(agent.dir);
      running.push(again);
      expect(again.logText()).not.toMatch(/admin setup token:/);
      expect(again.logText()).toMatch(/damaged.*reset-admin/);
      expect(readFileSync(file, 'utf8')).toBe(junk);
      expect((await new AdminClient(again.adminBase).get('/admin/api/session')).status).toBe(503);
    },
  );

  it('item 5: a setup token expires after 24 h; the next start issues (and may print) a fresh one', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const token = setupTokenFromLog(agent);
    agent.clock.advance(SETUP_TOKEN_TTL_MS + 60_000);
    const late = await new AdminClient(agent.adminBase).post('/admin/api/setup', {
      setupToken: token,
      password: PASSWORD,
    });
    expect(late.status).toBe(403);
    expect((late.body as { error: string }).error).toBe('badSetupToken');

    const store = new SecretsStore(join(agent.dir, 'data'));
    const expired = Date.parse(store.read().setupTokenIssuedAt!) + SETUP_TOKEN_TTL_MS + 1;
    const fresh = store.ensureSetupToken(expired);
    expect(fresh).not.toBe(token);
    expect(store.read().setupTokenPrintedAt).toBeUndefined();
  });

  it('item 5: no setup token exists, is logged or printed once a password is set', async () => {
    const { agent } = await loggedInAgent();
    running.push(agent);
    const store = new SecretsStore(join(agent.dir, 'data'));
    expect(store.ensureSetupToken()).toBeNull();
    await running.pop()!.stop();
    const again = await startAdminAgentOn(agent.dir);
    running.push(again);
    expect(again.logText()).not.toMatch(/admin setup token/);
    expect(store.read().setupToken).toBeUndefined();
  });

  it('item 5: the slip goes out once per token: a restart after it was printed prints nothing', async () => {
    const agent = await startAdminAgent();
    running.push(agent);
    const token = setupTokenFromLog(agent);
    for (const end = Date.now() + 10_000; !agent.logText().includes('admin setup token printed');) {
      if (Date.now() > end) throw new Error('the setup slip was never printed');
      await new Promise((r) => setTimeout(r, 50));
    }
    await running.pop()!.stop();
    const again = await startAdminAgentOn(agent.dir);
    running.push(again);
    // A receipt through the same printer queue: a slip queued when the printer came online would come out first.
    const res = await fetch(`${again.base}/api/v1/services/printer/commands/printForm`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeoutMs: 20_000, payload: { form: 'receipt', fields: RECEIPT_FIELDS } }),
    });
    expect(((await res.json()) as { header: { completionCode?: string } }).header.completionCode).toBe('success');
    const printer = again.agent.services.get('printer') as unknown as {
      simulator: { jobs(): Array<{ lines: string[] }> };
    };
    const printed = printer.simulator.jobs().map((j) => j.lines.join('\n'));
    expect(printed).toHaveLength(1);
    expect(printed[0]).toContain(RECEIPT_FIELDS.receiptNo);
    expect(printed[0]).not.toContain(token);
    expect(again.logText()).not.toMatch(/admin setup token printed/);
  });
});
