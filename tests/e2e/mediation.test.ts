// Issue 16 acceptance: a 在线调解 application from home to the printed receipt with the simulated reader
// and printer (their byte protocols, the real agent and centre), then accepted and scheduled in the
// console by the committee's mediator, the schedule visible at the kiosk's 查询进度 (by ID card).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
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
const STAFF = { name: 'mediator', password: 'mediator-password-2026' };

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

/** Builds a Vite app when its output is missing or older than its sources (one build at a time). */
function ensureBuilt(config: string, output: string, sources: string[]): void {
  const built = newest(join(ROOT, output));
  if (built && built >= Math.max(...sources.map((p) => newest(join(ROOT, p))))) return;
  execFileSync(
    'flock',
    [
      '/tmp/kiosk-ui-build.lock',
      join(ROOT, 'node_modules/.bin/vite'),
      'build',
      '--config',
      config,
      '--logLevel',
      'warn',
    ],
    {
      cwd: ROOT,
      stdio: 'inherit',
    },
  );
}

function quietLogger() {
  return createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }), level: 'warn' });
}

async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** Holds the mouse on the 按手印 circle long enough for the mark. */
async function pressMark(page: Page, flow: Locator): Promise<void> {
  const pad = flow.locator('[data-fingerprint]');
  const box = (await pad.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.waitForTimeout(2000);
  await page.mouse.up();
  await flow.locator('[data-fingerprint][aria-pressed="true"]').waitFor();
}

describe("people's mediation end to end", () => {
  let center: Center;
  let agent: TestAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    ensureBuilt('kiosk-ui/vite.config.ts', 'dist/kiosk-ui/index.html', ['kiosk-ui', 'content', 'device-agent/src/api']);
    ensureBuilt('service-center/console/vite.config.ts', 'dist/console/index.html', [
      'service-center/console',
      'content',
      'device-agent/src/api',
    ]);
    const dir = mkdtempSync(join(tmpdir(), 'mediation-e2e-'));
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
      role: 'mediator',
    });
    process.env['KIOSK_OUTBOX_POLL_MS'] = '300';
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      center: { url: center.url, token: TOKEN, publicUrl: 'https://fw.example.gov.cn' },
    });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail')
      await page?.screenshot({ path: join(tmpdir(), 'mediation-e2e-failure.png') }).catch(() => undefined);
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await center?.stop();
    delete process.env['KIOSK_OUTBOX_POLL_MS'];
  });

  it(
    'home → printed receipt → accepted and scheduled by the mediator → the schedule at 查询进度',
    { timeout: 240_000 },
    async () => {
      const idcard = agent.agent.services.get('idcard') as IdCardService;
      const printer = agent.agent.services.get('printer') as PrinterService;

      await page.goto(`${agent.base}/`);
      const home = page.getByRole('button', { name: /申请调解/ });
      if (!(await home.isVisible().catch(() => false))) await page.mouse.click(960, 540);
      await home.click();

      // Who applies: the ID card on the simulated reader, then the card back.
      const flow = page.locator('kiosk-mediation-flow');
      await flow.getByRole('heading', { name: '请放身份证' }).waitFor();
      idcard.simulator!.placeCard('resident');
      await flow.getByRole('heading', { name: '请取走身份证' }).waitFor();
      idcard.simulator!.removeCard();
      const phone = flow.locator('kiosk-phone-step');
      await phone.getByRole('heading', { name: '您的手机号码' }).waitFor();
      await tapDigits(phone.locator('kiosk-digit-pad'), '13800138000');
      await phone.getByRole('button', { name: '下一步' }).click();

      // Her village, the other party (name unknown, same village, phone unknown).
      const village = flow.locator('kiosk-mediation-village');
      await village.getByRole('button', { name: '演示村' }).click();
      await village.getByRole('button', { name: '下一步' }).click();
      await flow.locator('kiosk-mediation-other-name').getByRole('button', { name: '不知道' }).click();
      const otherVillage = flow.locator('kiosk-mediation-village[party="other"]');
      await otherVillage.getByRole('button', { name: '演示村' }).click();
      await otherVillage.getByRole('button', { name: '下一步' }).click();
      await flow.locator('kiosk-phone-step').getByRole('heading', { name: '对方的电话' }).waitFor();
      await flow.locator('kiosk-phone-step').getByRole('button', { name: '不知道' }).click();

      // Kind, requests, description.
      const kind = flow.locator('kiosk-mediation-kind');
      await kind.getByRole('button', { name: '邻里纠纷' }).click();
      await kind.getByRole('button', { name: '下一步' }).click();
      const requests = flow.locator('kiosk-mediation-requests');
      await requests.getByRole('button', { name: '让开我家走的路' }).click();
      await requests.getByRole('button', { name: '向我赔礼道歉' }).click();
      await requests.getByRole('button', { name: '下一步' }).click();
      const description = flow.locator('kiosk-mediation-description');
      await description.getByRole('button', { name: '邻居挡了我家的路' }).click();
      await description.getByRole('button', { name: '下一步' }).click();

      // Consent names the committee of her village; 按手印 instead of a signature.
      const consent = flow.locator('kiosk-mediation-consent');
      await consent.getByText('演示村人民调解委员会').waitFor();
      await consent.getByRole('button', { name: '我同意' }).click();
      const mark = flow.locator('kiosk-mediation-mark');
      await mark.getByRole('button', { name: '按手印', exact: true }).click();
      await pressMark(page, mark);
      await mark.getByRole('button', { name: '下一步' }).click();

      const review = flow.locator('kiosk-mediation-review');
      const reviewText = (await review.locator('.row').allTextContents()).join('|');
      expect(reviewText).toContain('1101**********002X');
      expect(reviewText).toContain('邻里纠纷');
      expect(reviewText).toContain('已按手印');
      await review.getByRole('button', { name: '确认提交' }).click();

      const receipt = flow.locator('kiosk-mediation-receipt');
      await receipt.getByText('回执打好了，请取走').waitFor({ timeout: 30_000 });
      const receiptNo = (await receipt.locator('[data-receipt-no]').innerText()).trim();
      expect(receiptNo).toMatch(/^TJ\d{6}-0001-\d{4}$/);

      // The printed receipt, decoded from the simulated printer's ESC/POS bytes.
      const job = printer.simulator!.jobs().find((j) => j.lines.some((l) => l.includes(receiptNo)));
      expect(job, 'receipt job').toBeDefined();
      const text = job!.lines.join('\n');
      for (const expected of [
        '人民调解申请',
        '邻里纠纷',
        '演示村人民调解委员会',
        '调解委员会将联系对方，一般一个月内办结。',
        '12348',
        '按手印',
        '让开我家走的路',
        '1101**********002X',
      ])
        expect(text).toContain(expected);
      expect(text).not.toContain('11010519491231002X');
      expect(job!.qrs).toEqual([`https://fw.example.gov.cn/s/?r=${encodeURIComponent(receiptNo)}`]);

      // The committee's mediator sees it in the console, accepts it and schedules a session.
      const staffPage = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
      await staffPage.goto(`${center.url}/`);
      await staffPage.getByLabel('账号').fill(STAFF.name);
      await staffPage.getByLabel('密码').fill(STAFF.password);
      await staffPage.getByRole('button', { name: '登录' }).click();
      await staffPage.getByRole('heading', { name: '调解申请' }).waitFor();
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
      expect(await row.innerText()).toContain('人民调解');
      await row.getByRole('button', { name: '查看' }).click();
      const detail = staffPage.locator('center-mediation-detail');
      await detail.getByText('邻居挡了我家的路').waitFor();
      const detailText = (await detail.locator('dd').allTextContents()).join('|');
      for (const expected of [
        '邻里纠纷',
        '演示村人民调解委员会',
        '让开我家走的路',
        '向我赔礼道歉',
        '按手印',
        '申请人不知道',
      ])
        expect(detailText).toContain(expected);
      await staffPage.getByLabel('受理调解申请').check();
      await staffPage.getByRole('button', { name: '确认办理' }).click();
      await staffPage.getByText('已更新，申请人在终端查询时可以看到。').waitFor();
      await staffPage.getByLabel('安排时间地点').check();
      await staffPage.getByLabel('时间', { exact: true }).fill('2026-12-09T09:30');
      await staffPage.getByLabel('地点', { exact: true }).fill('演示村村委会调解室');
      await staffPage.getByRole('button', { name: '确认办理' }).click();
      await staffPage.locator('[data-state="scheduled"]').waitFor();
      await staffPage.close();

      // 完成 ends the visit; the schedule reaches the kiosk's 查询进度 (by ID card).
      await receipt.getByRole('button', { name: '完成' }).click();
      // 好差评: five faces, counts only (issue 16 item 4).
      await flow.locator('kiosk-satisfaction').getByRole('button', { name: '很满意' }).click();
      await flow.locator('kiosk-mediation-receipt[done]').getByRole('button', { name: '完成' }).click();
      await expect.poll(() => page.locator('kiosk-mediation-flow').count()).toBe(0);
      expect(await page.locator('body').innerText()).not.toContain(receiptNo);
      const start = page.getByRole('button', { name: '查询进度' });
      if (!(await start.isVisible().catch(() => false))) await page.mouse.click(960, 540);
      await start.click();
      const progress = page.locator('kiosk-progress-screen');
      await progress.getByText('把身份证放在读卡区').waitFor();
      idcard.simulator!.placeCard('resident');
      const item = progress.locator(`kiosk-progress-mine [data-receipt="${receiptNo}"]`);
      await item.waitFor({ timeout: 20_000 });
      await expect
        .poll(
          async () => {
            if ((await item.locator('[data-state]').getAttribute('data-state')) === 'scheduled') return true;
            // The agent pulls statuses from the centre; look again with the card.
            idcard.simulator!.removeCard();
            await progress.getByRole('button', { name: '重新查询' }).click();
            idcard.simulator!.placeCard('resident');
            await item.waitFor({ timeout: 20_000 });
            return (await item.locator('[data-state]').getAttribute('data-state')) === 'scheduled';
          },
          { timeout: 60_000, interval: 1000 },
        )
        .toBe(true);
      const itemText = (await item.allTextContents()).join('|');
      expect(itemText).toContain('已经安排好时间');
      expect(itemText).toContain('演示村村委会调解室');
      expect(itemText).toContain('12月9日');
      idcard.simulator!.removeCard();
    },
  );
});
