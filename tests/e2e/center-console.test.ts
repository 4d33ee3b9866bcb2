import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { build } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeStatusPage, IntakeSubmission } from '@kiosk/contract/intake-api';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import {
  APPLICANT_NAME,
  TINY_JPEG_BASE64,
  legalAidData,
  pngBase64,
  postJson,
} from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, startTestCenter, type TestCenter } from '../service-center/center-harness.js';

// The staff console in real Chromium against a real centre: log in, list, open, change status,
// and the change reaches the terminal's status pull.

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

const FACTS = '<script>window.pwned=1</script>老板欠了三个月工资';

describe('staff console', () => {
  let c: TestCenter;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    const outDir = mkdtempSync(join(tmpdir(), 'center-console-'));
    await build({
      configFile: join(ROOT, 'service-center/console/vite.config.ts'),
      logLevel: 'warn',
      build: { outDir, emptyOutDir: true },
    });
    c = await startTestCenter({ consoleDir: outDir });
    await c.addStaff('clerk', 'clerk-password-1');
    const { documents: _d, ...data } = legalAidData({
      facts: FACTS,
      urgency: { deadlineWithin7Days: true, preservationNeeded: false },
    });
    const body: IntakeSubmission = {
      receiptNo: 'FY261129-0001-0042',
      kind: 'legalAid',
      submittedAt: new Date().toISOString(),
      data,
      documents: [
        { role: 'photo', index: 0, mime: 'image/jpeg', label: '工资欠条', base64: TINY_JPEG_BASE64 },
        { role: 'photo', index: 1, mime: 'image/png', label: '考勤记录', base64: pngBase64() },
        { role: 'signature', index: 0, mime: 'image/png', base64: pngBase64(120, 40) },
      ],
    };
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
      authorization: `Bearer ${T1.token}`,
      'idempotency-key': 'console-test-0042',
    });
    expect(res.status).toBe(200);
    browser = await chromium.launch({
      executablePath,
      args: chromiumArgs,
    });
    // bypassCSP only lets the test inject axe-core; the console itself runs under the centre's CSP.
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 }, bypassCSP: true });
  });

  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  it('logs in, lists, opens an application and records 补充材料 that the terminal then pulls', async () => {
    await page.goto(`${c.url}/`);
    await page.getByLabel('账号').waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel('账号').fill('clerk');
    await page.getByLabel('密码').fill('wrong-password');
    await page.getByRole('button', { name: '登录' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('账号或密码不对');
    await page.getByLabel('密码').fill('clerk-password-1');
    await page.getByRole('button', { name: '登录' }).click();

    const row = page.locator('tr', { hasText: 'FY261129-0001-0042' });
    await row.waitFor();
    expect(await row.textContent()).toContain(APPLICANT_NAME);
    expect(await row.textContent()).toContain('加急');
    expect(await axeViolations(page)).toEqual([]);
    await row.getByRole('button', { name: '查看' }).click();

    await page.getByRole('heading', { name: /申请详情/ }).waitFor();
    const facts = page.getByText(FACTS);
    await facts.waitFor();
    expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.getByText('第三十一条（五）').count()).toBeGreaterThan(0);
    await expect
      .poll(() =>
        page.locator('figure img').evaluateAll((imgs) => imgs.map((i) => (i as HTMLImageElement).naturalWidth > 0)),
      )
      .toEqual([true, true]);
    expect(
      await page.getByRole('img', { name: '申请人签名' }).evaluate((i) => (i as HTMLImageElement).naturalWidth),
    ).toBe(120);

    await page.getByLabel('补充材料（一次性告知）').check();
    await page.getByLabel(/需补充的材料/).fill('劳动合同\n工资欠条原件');
    await page.getByRole('button', { name: '确认办理' }).click();
    await page.getByText('已更新，申请人在终端查询时可以看到。').waitFor();
    expect(await page.locator('.state').textContent()).toBe('需补充材料');
    // Art. 43: one single notice — the choice is gone now.
    expect(await page.getByLabel('补充材料（一次性告知）').count()).toBe(0);

    const pulled = (await (
      await fetch(`${c.url}/api/v1/intake/status?since=0`, { headers: { authorization: `Bearer ${T1.token}` } })
    ).json()) as IntakeStatusPage;
    expect(pulled.changes.at(-1)).toMatchObject({
      receiptNo: 'FY261129-0001-0042',
      state: 'needMaterials',
      missingMaterials: ['劳动合同', '工资欠条原件'],
    });

    await page.getByLabel('不予法律援助').check();
    await page.getByLabel(/不予援助的理由/).fill('不属于本县受理范围');
    await page.getByRole('button', { name: '确认办理' }).click();
    await expect.poll(() => page.locator('.state').textContent()).toBe('不予法律援助');
    expect(await page.getByText('此申请已办结。').count()).toBe(1);

    await page.getByRole('button', { name: '返回列表' }).click();
    await page.getByLabel('按状态筛选').selectOption('rejected');
    await page.locator('tr', { hasText: 'FY261129-0001-0042' }).waitFor();
  });
});
