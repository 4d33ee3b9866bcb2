// The technician's first visit, end to end in Debian Chromium against an in-process agent with
// simulated devices: setup with the token from the log, login, live board, masked test read,
// test print with its preview.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import {
  PASSWORD,
  setupTokenFromLog,
  startAdminAgent,
  type AdminTestAgent,
} from '../device-agent/admin/admin-test-client.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';

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

/** Builds dist/kiosk-ui when the admin page is missing or older than its sources. */
function ensureUiBuilt(): void {
  const built = newest(join(ROOT, 'dist/kiosk-ui/admin.html'));
  const sources = Math.max(...['kiosk-ui', 'content', 'device-agent/src/api'].map((p) => newest(join(ROOT, p))));
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
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
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

describe('admin page in Chromium', () => {
  let agent: AdminTestAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureUiBuilt();
    agent = await startAdminAgent();
    browser = await chromium.launch({
      executablePath,
      args: chromiumArgs,
    });
    // bypassCSP only lets the test inject axe-core inline; the admin page itself runs under the
    // agent's Content-Security-Policy (issue 13 item 12), which forbids inline scripts.
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
  });

  it('sets the password with the setup token, logs out and logs in again', async () => {
    await page.goto(agent.adminBase);
    await expect.poll(() => page.getByRole('heading', { name: '首次设置' }).count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('设置码').fill(setupTokenFromLog(agent));
    await page.getByLabel('新密码（至少10位）').fill(PASSWORD);
    await page.getByLabel('再输一遍新密码').fill(PASSWORD);
    await page.getByRole('button', { name: '设置密码并登录' }).click();
    await expect.poll(() => page.getByRole('button', { name: '退出登录' }).count()).toBe(1);

    const cookies = await page.context().cookies();
    const login = cookies.find((c) => c.name === `kiosk_admin_P${agent.agent.ports.adminPort}`)!;
    expect(login).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/admin' });

    await page.getByRole('button', { name: '退出登录' }).click();
    await expect.poll(() => page.getByRole('heading', { name: '技术人员登录' }).count()).toBe(1);
    await page.locator('kiosk-admin-login').getByLabel('管理密码').fill('not the password');
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: '密码不对' }).count()).toBe(1);
    await page.locator('kiosk-admin-login').getByLabel('管理密码').fill(PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await expect.poll(() => page.getByRole('button', { name: '退出登录' }).count()).toBe(1);
  });

  it('updates the device board live when the simulated printer runs out of paper', async () => {
    const printerCard = page.locator('article[data-service="printer"]');
    await expect.poll(() => printerCard.textContent(), { timeout: 15_000 }).toContain('无需处理');
    expect(await page.getByText('实时更新中').count()).toBe(1);
    const buttons = await page
      .locator('nav button')
      .evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
    for (const h of buttons) expect(h).toBeGreaterThanOrEqual(64);
    expect(await axeViolations(page)).toEqual([]);

    (agent.agent.services.get('printer') as unknown as PrinterService).simulator!.setPaper('out');
    await expect.poll(() => printerCard.textContent(), { timeout: 15_000 }).toContain('请更换打印纸');
    expect(await printerCard.textContent()).toContain('缺纸');
  });

  it('places a simulated card and shows the masked test read', async () => {
    await page.getByRole('button', { name: '模拟设备' }).click();
    await page.getByRole('button', { name: '装满纸' }).click();
    await page.getByRole('button', { name: '放一张居民身份证' }).click();
    await expect.poll(() => page.getByText('已执行').count()).toBe(1);
    await page.getByRole('button', { name: '身份证阅读器', exact: true }).click();
    await page.getByRole('button', { name: '测试读卡' }).click();
    const idNumber = page.locator('[data-field="idNumber"]');
    await expect.poll(() => idNumber.count(), { timeout: 20_000 }).toBe(1);
    expect(await idNumber.textContent()).toMatch(/^\d{4}\*{10}[\dX]{4}$/);
    expect(await page.locator('[data-field="name"]').textContent()).toMatch(/^.\*+$/u);
    expect(await page.locator('[data-test-read]').textContent()).not.toMatch(/\d{17}[\dX]/);
  });

  it('prints a test receipt and shows its preview next to it', async () => {
    await page.getByRole('button', { name: '打印机', exact: true }).click();
    await page.getByRole('button', { name: '打印测试页' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '成功' }).count(), { timeout: 20_000 }).toBe(1);
    const preview = page.getByRole('img', { name: '刚才打印的小票' });
    await expect
      .poll(
        async () =>
          (await preview.count()) && preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth),
        { timeout: 10_000 },
      )
      .toBeGreaterThan(0);
    const svg = await (await page.request.get(`${agent.adminBase}/admin/api/printer/preview`)).text();
    expect(svg).toContain('<svg');
  });

  it('shows configuration errors inline by field and saves a corrected value', async () => {
    await page.getByRole('button', { name: '配置', exact: true }).click();
    const region = page.getByLabel('行政区划代码 *');
    await expect.poll(() => region.count()).toBe(1);
    expect(await page.getByText('需重启').count()).toBeGreaterThan(0);
    await region.fill('45');
    await region.press('Tab');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '处错误' }).count()).toBe(1);
    expect(await region.getAttribute('aria-invalid')).toBe('true');
    const before = readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8');
    expect(before).toContain('"regionCode": "450100"');
    await region.fill('450102');
    await region.press('Tab');
    await page.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: '已保存' }).count()).toBe(1);
    expect(JSON.parse(readFileSync(join(agent.dir, 'kiosk.config.json'), 'utf8')).terminal.regionCode).toBe('450102');
  });

  it('keeps every admin page accessible: no axe violations, targets at least 64 px', async () => {
    const pages = [
      '设备状态',
      '端口扫描',
      '配置',
      '身份证阅读器',
      '打印机',
      '摄像头',
      '模拟设备',
      '日志',
      '诊断',
      '验收报告',
      '账户',
    ];
    for (const name of pages) {
      await page.getByRole('button', { name, exact: true }).click();
      await expect.poll(() => page.locator('main h1').first().textContent()).toBeTruthy();
      await page.waitForTimeout(300);
      expect({ name, violations: await axeViolations(page) }).toEqual({ name, violations: [] });
      const small = await page
        .locator('main button:visible, main select:visible, main input:visible')
        .evaluateAll((els) => els.map((e) => e.getBoundingClientRect()).filter((r) => r.height < 64).length);
      expect({ name, small }).toEqual({ name, small: 0 });
      // Text the technician reads on the touchscreen is at least 28 px (accessibility.md §2).
      const text = await page.locator('main *:visible').evaluateAll((els) => {
        const withText = els.filter((e) =>
          [...e.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim()),
        );
        return {
          count: withText.length,
          tiny: withText
            .filter((e) => parseFloat(getComputedStyle(e).fontSize) < 28)
            .map((e) => `${e.tagName}: ${e.textContent.trim().slice(0, 20)}`),
        };
      });
      expect(text.count).toBeGreaterThanOrEqual(2);
      expect({ name, tinyText: text.tiny }).toEqual({ name, tinyText: [] });
    }
  });
});
