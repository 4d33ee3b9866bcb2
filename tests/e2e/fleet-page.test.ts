import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminModule } from '../../device-agent/src/admin/admin-module.js';
import { printerExtras } from '../../device-agent/src/admin/device-extras.js';
import { FleetModule } from '../../device-agent/src/fleet/fleet-module.js';
import { OutboxModule } from '../../device-agent/src/outbox/outbox-module.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { startFleetCentre, type FleetCentre } from '../service-center/fleet/fleet-centre.js';

// Issue 14 item 3 acceptance, end to end: a real agent heartbeats to a real centre and the staff
// console's 终端状态 page, in Chromium, shows its printer out of paper within one heartbeat
// interval, then flags the terminal once its agent is stopped.

const ROOT = resolve(import.meta.dirname, '../..');
const INTERVAL_S = 2;

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

describe('终端状态 page with a real terminal', () => {
  let c: FleetCentre;
  let agent: TestAgent;
  let agentRunning = false;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'fleet-console-'));
    await build({
      configFile: join(ROOT, 'service-center/console/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    c = await startFleetCentre({ silentAfterS: 4, heartbeatsPerMinute: 120 }, { consoleDir: outDir });
    await c.addStaff('wang', 'staff-password-1', 'staff');
    agent = await startTestAgent(
      { ...DEMO_CONFIG, center: { url: c.url, token: 'test-terminal-token', heartbeatSeconds: INTERVAL_S } },
      {
        modules: [
          (ctx) => new AdminModule(ctx, { scrypt: { ln: 4, r: 8, p: 1 } }),
          (ctx) => new OutboxModule(ctx),
          (ctx) => new FleetModule(ctx),
        ],
      },
    );
    agentRunning = true;
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    if (agentRunning) await agent.stop();
    await c?.stop();
  });

  const terminalRow = () => page.getByRole('row', { name: /测试村公共法律服务室/ });

  it('shows the terminal, then its printer out of paper within one heartbeat interval', async () => {
    await page.goto(`${c.url}/`);
    await page.getByLabel('账号').fill('wang');
    await page.getByLabel('密码').fill('staff-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.getByRole('button', { name: '终端状态' }).click();
    await expect.poll(() => terminalRow().textContent(), { timeout: 10_000 }).toContain('纸充足');
    expect(await terminalRow().textContent()).toContain('450100');
    expect(await axeViolations(page)).toEqual([]);

    await printerExtras(agent.agent.services.get('printer')).simulator!.setPaper('out');
    await expect.poll(() => agent.agent.statusDocument().services.printer.paper, { timeout: 5_000 }).toBe('out');
    const noticed = Date.now();
    // The page reloads every 15 s; a technician presses 刷新 to see it at once.
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          return (await terminalRow().textContent()) ?? '';
        },
        { timeout: 10_000, interval: 250 },
      )
      .toContain('缺纸');
    expect(Date.now() - noticed).toBeLessThanOrEqual(INTERVAL_S * 1000 + 1_500);
  });

  it('flags the terminal 失联 once its agent is stopped', async () => {
    await agent.stop();
    agentRunning = false;
    await expect
      .poll(
        async () => {
          await page.getByRole('button', { name: '刷新' }).click();
          return (await terminalRow().textContent()) ?? '';
        },
        { timeout: 15_000, interval: 500 },
      )
      .toContain('失联');
    expect(await axeViolations(page)).toEqual([]);
  });
});
