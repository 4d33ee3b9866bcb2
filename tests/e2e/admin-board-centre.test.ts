// Issue 15 item 9 in Debian Chromium: the technician's board tells in words whether the county
// centre can be reached and how many submissions wait on the terminal, and follows the outbox as
// the centre comes up and acknowledges them. Real agent (simulated devices, real outbox), real centre.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OutboxModule } from '../../device-agent/src/outbox/outbox-module.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import {
  AdminClient,
  PASSWORD,
  setupTokenFromLog,
  startAdminAgent,
  type AdminTestAgent,
} from '../device-agent/admin/admin-test-client.js';
import { postJson, submission } from '../device-agent/outbox/fixtures.js';
import { FAST } from '../device-agent/outbox/outbox-harness.js';
import { DEMO_CONFIG } from '../helpers/agent-harness.js';
import { startTestCenter, type TestCenter } from '../service-center/center-harness.js';

const ROOT = resolve(import.meta.dirname, '../..');

function newest(path: string): number {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  return Math.max(
    0,
    ...readdirSync(path)
      .filter((n) => n !== 'node_modules' && !n.startsWith('.'))
      .map((n) => newest(join(path, n))),
  );
}

/** Builds dist/kiosk-ui when the admin page is missing or older than its sources (as admin.test.ts). */
function ensureUiBuilt(): void {
  const built = newest(join(ROOT, 'dist/kiosk-ui/admin.html'));
  const sources = Math.max(...['kiosk-ui', 'content', 'packages/domain/src'].map((p) => newest(join(ROOT, p))));
  if (built && built >= sources) return;
  execFileSync(
    'flock',
    [
      '/tmp/kiosk-ui-build.lock',
      join(ROOT, 'node_modules/.bin/vite'),
      'build',
      '--config',
      'kiosk-ui/vite.config.ts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** A loopback port nobody listens on (yet). */
function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AxeBuilder.source });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

describe('admin board: county centre and outbox', () => {
  let agent: AdminTestAgent;
  let centre: TestCenter | undefined;
  let centrePort: number;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureUiBuilt();
    centrePort = await freePort();
    agent = await startAdminAgent(
      { ...DEMO_CONFIG, center: { url: `http://127.0.0.1:${centrePort}`, token: 'test-terminal-token' } },
      {},
      { modules: [(ctx) => new OutboxModule(ctx, FAST)] },
    );
    await new AdminClient(agent.adminBase).setup(setupTokenFromLog(agent));
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    // bypassCSP only lets the test inject axe-core; the page itself runs under the agent's CSP.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await centre?.stop();
  });

  it('says the centre cannot be reached and how many submissions wait, then that all were sent', async () => {
    await page.goto(agent.adminBase);
    await page.locator('kiosk-admin-login').getByLabel('管理密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    // Device states and transports in words on the same board.
    const printer = page.locator('article[data-service="printer"]');
    await expect.poll(() => printer.textContent(), { timeout: 15_000 }).toContain('连接方式：模拟设备');
    expect(await printer.textContent()).not.toMatch(/simulated|online/);
    const card = page.locator('article[data-centre]');
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('连不上县级服务中心');
    expect(await card.textContent()).toContain('没有等待发送的申请');
    expect(await card.textContent()).toContain('请检查网络和配置中的服务中心地址');
    expect(await card.getByRole('heading').textContent()).toContain('县级服务中心');

    for (let i = 0; i < 3; i++)
      expect((await postJson(`${agent.base}/api/v1/submissions`, submission())).status).toBe(200);
    await expect.poll(() => card.textContent(), { timeout: 15_000 }).toContain('3 份申请存在本机，等待发送');
    expect(await axeViolations(page)).toEqual([]);

    centre = await startTestCenter({ port: centrePort });
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('能连上县级服务中心');
    await expect.poll(() => card.textContent(), { timeout: 30_000 }).toContain('没有等待发送的申请');
    expect(await card.textContent()).toContain('无需处理');
    // Words, not raw values, and no secret: the token stays in the agent.
    expect(await card.textContent()).not.toMatch(/true|false|pending|test-terminal-token/);
  });
});
