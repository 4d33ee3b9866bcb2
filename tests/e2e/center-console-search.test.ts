// Issue 15 item 9 in Debian Chromium against a real centre: staff find an application by the
// beginning of its receipt number, by a part of the applicant's name and by the day it was
// submitted; a decision leaves the form empty for the next one.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { legalAidData, postJson, validId } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, startTestCenter, type TestCenter } from '../service-center/center-harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const T1 = TEST_TERMINALS[0];

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

async function submit(c: TestCenter, receiptNo: string, name: string, submittedAt: string): Promise<void> {
  const base = legalAidData({}, validId());
  const { documents: _d, ...data }: Record<string, unknown> = {
    ...base,
    applicant: { ...(base['applicant'] as object), name },
  };
  const body: IntakeSubmission = { receiptNo, kind: 'legalAid', submittedAt, data, documents: [] };
  const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
    authorization: `Bearer ${T1.token}`,
    'idempotency-key': `key-${receiptNo}`,
  });
  expect(res.status).toBe(200);
}

describe('staff console search', () => {
  let c: TestCenter;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'center-console-search-'));
    await build({
      configFile: join(ROOT, 'service-center/console/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    c = await startTestCenter({ consoleDir: outDir });
    await c.addStaff('clerk', 'clerk-password-1');
    await submit(c, 'FY261129-0001-0101', '王桂兰', '2026-11-29T03:00:00.000Z');
    await submit(c, 'FY261130-0001-0102', '李桂芳', '2026-11-29T17:00:00.000Z');
    await submit(c, 'FY261130-0001-0103', '黄建国', '2026-11-30T05:00:00.000Z');
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    // bypassCSP only lets the test inject axe-core; the console itself runs under the centre's CSP.
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  const rows = () =>
    page.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => tr.firstElementChild?.textContent?.trim()));

  it('finds by receipt number, by name and by date, then clears the search', async () => {
    await page.goto(`${c.url}/`);
    await page.getByLabel('账号').fill('clerk');
    await page.getByLabel('密码').fill('clerk-password-1');
    await page.getByRole('button', { name: '登录' }).click();
    await page.locator('tr', { hasText: 'FY261129-0001-0101' }).waitFor();

    // One accepted first: a search looks in every state, not only the 待受理 list shown.
    await page.locator('tr', { hasText: 'FY261129-0001-0101' }).getByRole('button', { name: '查看' }).click();
    await page.getByLabel('受理').check();
    await page.getByRole('button', { name: '确认办理' }).click();
    await page.getByText('已更新，申请人在终端查询时可以看到。').waitFor();
    // The form is empty again for the next decision.
    expect(await page.locator('center-status-form input[type=radio]:checked').count()).toBe(0);
    expect(await page.getByRole('button', { name: '确认办理' }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: '返回列表' }).click();
    await expect.poll(async () => (await rows()).sort()).toEqual(['FY261130-0001-0102', 'FY261130-0001-0103']);

    const search = page.getByRole('search');
    await search.getByLabel('回执编号或申请人姓名').fill('fy261129');
    await search.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(rows).toEqual(['FY261129-0001-0101']);
    expect(await page.getByRole('status').filter({ hasText: '找到 1 份申请' }).count()).toBe(1);
    expect(await page.locator('tbody').textContent()).toContain('已受理');
    expect(await axeViolations(page)).toEqual([]);

    await search.getByLabel('回执编号或申请人姓名').fill('桂');
    await search.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(async () => (await rows()).sort()).toEqual(['FY261129-0001-0101', 'FY261130-0001-0102']);

    // 2026-11-29T17:00Z is 11-30 01:00 in China: that day, not the 29th.
    await search.getByLabel('回执编号或申请人姓名').fill('');
    await search.getByLabel('提交日期').fill('2026-11-30');
    await search.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(async () => (await rows()).sort()).toEqual(['FY261130-0001-0102', 'FY261130-0001-0103']);

    await search.getByLabel('回执编号或申请人姓名').fill('黄');
    await search.getByRole('button', { name: '搜索', exact: true }).click();
    await expect.poll(rows).toEqual(['FY261130-0001-0103']);

    await search.getByRole('button', { name: '清除搜索' }).click();
    await expect.poll(async () => (await rows()).sort()).toEqual(['FY261130-0001-0102', 'FY261130-0001-0103']);
    expect(await search.getByLabel('回执编号或申请人姓名').inputValue()).toBe('');
    expect(await page.getByLabel('按状态筛选').inputValue()).toBe('received');
  });
});
