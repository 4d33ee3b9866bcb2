// Issue 16 acceptance (绿色通道): a neighbour books a 上门 visit from the home screen for an old woman
// who cannot come — no ID card of hers is read — against the real agent (simulated reader and printer)
// and the real centre; the booking appears in the console's 上门服务 list with her address in words;
// staff mark it 已回电; the kiosk's 查询进度 by receipt number shows 工作人员已经打电话联系您. Her
// rating goes to the centre as a count and shows in the 满意度 table.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { createCenter, type Center } from '../../service-center/src/center.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'test-terminal-token';
const STAFF = { name: 'clerk', password: 'clerk-password-2026' };
const PHONE = '13912345678';

function quietLogger() {
  return createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }), level: 'warn' });
}

async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** The step's primary action (下一步, 我同意, 确认提交) at its fixed place. */
async function next(flow: Locator): Promise<void> {
  await flow.locator('[data-step-action="next"]').click();
}

async function wake(page: Page, button: string): Promise<void> {
  const b = page.getByRole('button', { name: button });
  if (!(await b.isVisible().catch(() => false))) await page.mouse.click(960, 540);
  await b.waitFor();
}

describe('预约/上门 booking end to end (issue 16)', () => {
  let center: Center;
  let agent: TestAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync('flock', ['/tmp/kiosk-ui-build.lock', process.execPath, 'scripts/ensure.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    const dir = mkdtempSync(join(tmpdir(), 'home-visit-e2e-'));
    mkdirSync(join(dir, 'center'));
    center = createCenter({
      config: {
        configVersion: 1,
        host: '127.0.0.1',
        port: 0,
        terminals: [{ id: DEMO_CONFIG.terminal.id, token: TOKEN, name: DEMO_CONFIG.terminal.name }],
        legalAid: { decisionDays: 7 },
      },
      dataDir: join(dir, 'center'),
      port: 0,
      scryptLogN: 10,
      log: quietLogger(),
      consoleDir: join(ROOT, 'dist/console'),
    });
    await center.start();
    await center.repo.putStaff({
      name: STAFF.name,
      passwordHash: await hashPassword(STAFF.password, 10),
      mustChange: false,
      at: new Date().toISOString(),
    });
    process.env['KIOSK_OUTBOX_POLL_MS'] = '300';
    agent = await startTestAgent({ ...DEMO_CONFIG, center: { url: center.url, token: TOKEN } });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: join(tmpdir(), 'home-visit-e2e-failure.png') }).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await center?.stop();
    delete process.env['KIOSK_OUTBOX_POLL_MS'];
  });

  it(
    'books without her ID card; staff see it, call back; 查询进度 shows 已回电; the rating is counted',
    {
      timeout: 180_000,
    },
    async () => {
      const idcard = agent.agent.services.get('idcard') as IdCardService;
      const printer = agent.agent.services.get('printer') as PrinterService;
      expect(idcard.status().media).not.toBe('present');

      await page.goto(`${agent.base}/`);
      await wake(page, '家里有老人或残疾人来不了');
      await page.getByRole('button', { name: /家里有老人或残疾人来不了/ }).click();
      const flow = page.locator('kiosk-home-visit-flow');

      // Her name on the pinyin keyboard: 王 秀.
      await flow.locator('kiosk-home-visit-person').waitFor();
      await flow.locator('kiosk-pinyin-input').getByRole('button').first().click();
      const keyboard = page.locator('kiosk-pinyin-keyboard');
      await expect
        .poll(() => keyboard.getByRole('button', { name: 'w', exact: true }).isEnabled(), { timeout: 30_000 })
        .toBe(true);
      for (const [letters, hanzi] of [
        ['wang', '王'],
        ['xiu', '秀'],
      ] as const) {
        for (const k of letters) await keyboard.getByRole('button', { name: k, exact: true }).click();
        await keyboard.locator('.cand', { hasText: hanzi }).first().click();
      }
      await keyboard.getByRole('button', { name: '完成' }).click();
      await next(flow);

      await flow.getByRole('button', { name: '80岁以上' }).click();
      await flow.getByRole('button', { name: '有残疾', exact: true }).click();
      await next(flow);
      await flow.getByRole('button', { name: '法律援助' }).click();
      await next(flow);
      await flow.getByRole('button', { name: /请工作人员上门/ }).click();
      await next(flow);
      await flow.getByRole('button', { name: /东坪村/ }).click();
      await next(flow);
      await flow.getByRole('button', { name: '3组', exact: true }).click();
      await next(flow);
      const phone = flow.locator('kiosk-home-visit-phone');
      await tapDigits(phone.locator('kiosk-digit-pad'), PHONE);
      await next(flow);
      await flow.getByRole('button', { name: /明天/ }).click();
      await next(flow);
      await flow.locator('kiosk-home-visit-consent').waitFor();
      await next(flow);
      const review = flow.locator('kiosk-home-visit-review');
      const reviewText = await review.locator('dl').innerText();
      for (const s of ['王秀', '80岁以上', '有残疾', '法律援助', '请工作人员上门', '东坪村', '3组', '139****5678'])
        expect(reviewText).toContain(s);
      await next(flow);

      // Stored through the outbox; the receipt prints with the promise of a call-back.
      const receipt = flow.locator('kiosk-home-visit-receipt');
      await receipt.getByText('回执打印好了').waitFor({ timeout: 30_000 });
      const receiptNo = (await receipt.locator('[data-receipt-no]').innerText()).trim();
      expect(receiptNo).toMatch(/^SM\d{6}-0001-\d{4}$/);
      const job = printer.simulator!.jobs().find((j) => j.lines.some((l) => l.includes(receiptNo)));
      expect(job, 'receipt job').toBeDefined();
      const text = job!.lines.join('\n');
      expect(text).toContain('工作人员会在两个工作日内给您回电');
      expect(text).toContain('东坪村 3组');
      expect(text).toContain('139****5678');
      expect(text).not.toContain(PHONE);
      // What reached the centre names her, her village and the phone — no ID number, nobody's.
      await expect.poll(async () => (await center.repo.findByReceiptNo(receiptNo)).length, { timeout: 20_000 }).toBe(1);
      const [stored] = await center.repo.findByReceiptNo(receiptNo);
      expect(stored.kind).toBe('homeVisit');
      expect(JSON.stringify(stored.data)).not.toMatch(/idNumber|\d{17}[\dX]|11010519491231002X/);
      expect(stored.data['person']).toEqual({ name: '王秀', ageGroup: '80plus', disability: 'yes' });

      // 好差评: a face, then 完成 ends the visit.
      await next(flow);
      await flow.locator('kiosk-satisfaction').getByRole('button', { name: '很满意' }).click();
      await flow.locator('kiosk-home-visit-done').getByRole('button', { name: '完成' }).click();
      await expect.poll(() => page.locator('kiosk-home-visit-flow').count()).toBe(0);

      // Staff: the 上门服务 list shows the booking as text, with the address in words; 已回电.
      const staffPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await staffPage.goto(`${center.url}/`);
      await staffPage.getByLabel('账号').fill(STAFF.name);
      await staffPage.getByLabel('密码').fill(STAFF.password);
      await staffPage.getByRole('button', { name: '登录' }).click();
      await staffPage.getByRole('button', { name: '上门服务' }).click();
      const row = staffPage.getByRole('row').filter({ hasText: receiptNo });
      await expect
        .poll(
          async () => {
            if (await row.count()) return true;
            await staffPage.getByRole('button', { name: '刷新' }).click();
            await staffPage.waitForTimeout(300);
            return (await row.count()) > 0;
          },
          { timeout: 20_000 },
        )
        .toBe(true);
      const rowText = await row.innerText();
      for (const s of ['王秀', '80岁以上', '有残疾', '法律援助', '上门', '演示镇 东坪村 3组', PHONE, '待回电'])
        expect(rowText).toContain(s);
      await row.getByRole('button', { name: '办理' }).click();
      await staffPage.locator('center-home-visit-detail').getByText('王秀').waitFor();
      await staffPage.getByLabel('已回电', { exact: true }).check();
      await staffPage.getByRole('button', { name: '确认办理' }).click();
      await staffPage.getByText('已更新，申请人在终端查询时可以看到。').waitFor();

      // The 满意度 table counts her face (no name anywhere).
      await staffPage.getByRole('button', { name: '满意度' }).click();
      const rated = staffPage.locator('center-satisfaction tr[data-service="homeVisit"]').first();
      await expect.poll(async () => (await rated.count()) > 0, { timeout: 20_000 }).toBe(true);
      expect(await rated.locator('[data-score="5"]').innerText()).toBe('1');
      expect(await staffPage.locator('center-satisfaction').innerText()).not.toContain('王秀');
      await staffPage.close();

      // 查询进度 at the kiosk: the receipt number and the phone's last 4 show 已回电.
      await wake(page, '查询进度');
      await page.getByRole('button', { name: '查询进度' }).click();
      const progress = page.locator('kiosk-progress-screen');
      await progress.getByRole('button', { name: '预约上门服务' }).click();
      await tapDigits(progress.locator('kiosk-digit-pad[name="receiptNo"]'), receiptNo.replace(/\D/g, ''));
      await tapDigits(progress.locator('kiosk-digit-pad[name="idLast4"]'), PHONE.slice(-4));
      await expect
        .poll(
          async () => {
            await progress.getByRole('button', { name: '查询' }).click();
            await page.waitForTimeout(500);
            return progress.getByText('工作人员已经打电话联系您').isVisible();
          },
          { timeout: 30_000 },
        )
        .toBe(true);
    },
  );
});
