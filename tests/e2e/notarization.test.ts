// Remote notarization end to end against the real agent (simulated ID reader and printer), in Chromium
// whose fake camera plays a .y4m made at set-up from astronaut.png (public domain, Debian python3-skimage;
// tests/kiosk-ui/notarization/fixtures). The head-turn clip stretches the face piecewise around the nose
// (a flat warp does not read as a turn, face-check.md §8); the browser test face-detector.test.ts measures
// ±36° for the ±0.6 shifts used here. home → 公证预约 → 学历公证 → … → live-person check passes → materials →
// interview → printed receipt (number, matter, masked ID, 15-working-day clock) → the request in the notary
// console (real centre), the card's own photo (the agent's WLT decoder plugin: a stand-in program) beside
// the face crop → accepted → approved → certificate issued, 到村领取 → 查询进度 shows it and the delivery.
// With a still picture the check fails with the spoken reason and after three tries she is sent to the
// office with 12348. The clips and the walk to the check are in notarization-walk.ts.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { createCenter, type Center } from '../../service-center/src/center.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { FAKE_CARD_PHOTO, writeFakeWltDecoder } from '../helpers/fake-wlt-decoder.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { makeClips, tapDigits, toLiveness, toSignature } from './notarization-walk.js';

const ROOT = resolve(import.meta.dirname, '../..');
const TOKEN = 'test-terminal-token';
const NOTARY = { name: 'notary1', password: 'notary-password-2026' };

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

/** Builds a Vite app when its output is missing or older than its sources (one build at a time, as legal-aid.test.ts). */
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
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** The centre with the notary desk's console, and a notary account. */
async function startCenter(dir: string): Promise<Center> {
  const center = createCenter({
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
    log: createLogger({ destination: new Writable({ write: (_c, _e, done) => done() }), level: 'warn' }),
    consoleDir: join(ROOT, 'dist/console'),
  });
  await center.start();
  await center.repo.putStaff({
    name: NOTARY.name,
    role: 'notary',
    passwordHash: await hashPassword(NOTARY.password, 10),
    mustChange: false,
    at: new Date().toISOString(),
  });
  return center;
}

/**
 * The notary's console: the request is listed on 公证申请 and opened (the face crop of the check is
 * shown); she accepts it, approves it, and issues the certificate — 确认办理 waits for the delivery.
 */
async function notaryIssues(browser: Browser, center: Center, receiptNo: string): Promise<void> {
  const desk = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
  try {
    await desk.goto(`${center.url}/`);
    await desk.getByLabel('账号').fill(NOTARY.name);
    await desk.getByLabel('密码').fill(NOTARY.password);
    await desk.getByRole('button', { name: '登录' }).click();
    await desk.getByRole('heading', { name: '公证申请' }).waitFor();
    const row = desk.getByRole('row').filter({ hasText: receiptNo });
    await expect
      .poll(
        async () => {
          if (await row.count()) return true;
          await desk.getByRole('button', { name: '刷新' }).click();
          await desk.waitForTimeout(300);
          return (await row.count()) > 0;
        },
        { timeout: 20_000 },
      )
      .toBe(true);
    expect(await row.innerText()).toContain('学历公证');
    expect(await row.innerText()).toContain('张三');
    await row.getByRole('button', { name: '查看' }).click();

    await desk.getByRole('heading', { name: new RegExp(`申请详情 ${receiptNo}`) }).waitFor();
    const face = desk.getByRole('img', { name: /现场人像/ });
    await expect.poll(() => face.evaluate((i) => (i as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
    // The card was read on a terminal with a WLT decoder: its own photo stands beside the face crop.
    const card = desk.getByRole('img', { name: '身份证照片（读卡器从证件芯片读出）' });
    await expect
      .poll(() => card.evaluate((i) => [(i as HTMLImageElement).naturalWidth, (i as HTMLImageElement).naturalHeight]))
      .toEqual([FAKE_CARD_PHOTO.width, FAKE_CARD_PHOTO.height]);
    const [f, c] = [(await face.boundingBox())!, (await card.boundingBox())!];
    expect(Math.abs(f.y - c.y)).toBeLessThan(2);
    expect(f.x + f.width).toBeLessThanOrEqual(c.x);
    expect(await desk.locator('[data-id-photo-missing]').count()).toBe(0);
    expect(await desk.locator('[data-materials]').innerText()).toContain('毕业证书原件');

    const decide = async (label: string, state: string) => {
      await desk.getByLabel(label, { exact: true }).check();
      await desk.getByRole('button', { name: '确认办理' }).click();
      await expect.poll(() => desk.locator('.state').textContent()).toBe(state);
    };
    await decide('受理公证申请', '已受理');
    await decide('准予出具公证书', '准予出具公证书');
    await desk.getByLabel('公证书已出具', { exact: true }).check();
    await desk.getByRole('button', { name: '确认办理' }).click();
    await desk.getByText('请选择公证书的领取方式。').waitFor();
    expect(await desk.locator('.state').textContent()).toBe('准予出具公证书');
    await desk.getByLabel('到村领取').check();
    await desk.getByRole('button', { name: '确认办理' }).click();
    await expect.poll(() => desk.locator('.state').textContent()).toBe('公证书已出具');
    expect(await desk.locator('[data-delivery]').textContent()).toBe('到村领取');
  } finally {
    await desk.close();
  }
}

interface Session {
  browser: Browser;
  page: Page;
  requests: string[];
}

async function open(clip: string): Promise<Session> {
  const browser = await chromium.launch({
    executablePath,
    args: [...chromiumArgs, `--use-file-for-fake-video-capture=${clip}`],
  });
  const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  return { browser, page, requests };
}

function foreign(requests: string[], base: string): string[] {
  return requests.filter((u) => !u.startsWith(base) && !u.startsWith('data:') && !u.startsWith('blob:'));
}

describe('remote notarization end to end (fake camera from astronaut.png)', () => {
  let agent: TestAgent;
  let center: Center;
  let clips: { turning: string; still: string };
  let dir: string;

  beforeAll(async () => {
    ensureBuilt('kiosk-ui/vite.config.ts', 'dist/kiosk-ui/index.html', ['kiosk-ui', 'content', 'device-agent/src/api']);
    ensureBuilt('service-center/console/vite.config.ts', 'dist/console/index.html', [
      'service-center/console',
      'content',
      'device-agent/src/api',
    ]);
    dir = mkdtempSync(join(tmpdir(), 'notarization-e2e-'));
    mkdirSync(join(dir, 'center'));
    clips = makeClips(dir);
    center = await startCenter(dir);
    process.env['KIOSK_OUTBOX_POLL_MS'] = '300';
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      devices: { ...DEMO_CONFIG.devices, idCard: { transport: 'simulated', photoDecoder: writeFakeWltDecoder(dir) } },
      center: { url: center.url, token: TOKEN },
    });
  });

  afterAll(async () => {
    await agent?.stop();
    await center?.stop();
    delete process.env['KIOSK_OUTBOX_POLL_MS'];
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('a face turning left and right passes the check; materials, interview, printed receipt; the notary issues the certificate; 查询进度 shows it', async () => {
    const idcard = agent.agent.services.get('idcard') as IdCardService;
    const printer = agent.agent.services.get('printer') as PrinterService;
    const s = await open(clips.turning);
    try {
      const flow = await toLiveness(s.page, agent.base, idcard);
      const liveness = flow.locator('kiosk-notarization-liveness');
      await liveness.locator('[data-hint="turnLeft"], [data-hint="turnRight"]').first().waitFor({ timeout: 30_000 });
      await toSignature(s.page, flow, /公证处打电话和我约时间/);
      const before = printer.simulator!.jobs().length;
      await flow.getByRole('button', { name: '提交申请' }).click();

      const receipt = flow.locator('kiosk-notarization-receipt');
      await receipt.getByText('回执打好了，请取走').waitFor({ timeout: 30_000 });
      // The receipt is the job with a receipt number: the agent's admin setup slip may come out too.
      const job = printer
        .simulator!.jobs()
        .slice(before)
        .find((j) => /[A-Z]{2}\d{6}-\d{4}-\d{4}/.test(j.lines.join('\n')));
      expect(job, 'receipt job').toBeDefined();
      const text = job!.lines.join('\n');
      const receiptNo = /[A-Z]{2}\d{6}-\d{4}-\d{4}/.exec(text)?.[0];
      expect(receiptNo, text).toBeDefined();
      await receipt.getByText(receiptNo!).first().waitFor();
      expect(text).toContain('学历公证');
      expect(text).toContain('1101**********002X');
      expect(text).not.toContain('11010519491231002X');
      expect(text).toMatch(/15\s*个工作日/);
      expect(foreign(s.requests, agent.base)).toEqual([]);
      // The card photo went to the centre and never into the agent's log.
      expect(agent.logText()).not.toContain(FAKE_CARD_PHOTO.base64.slice(30, 90));

      await notaryIssues(s.browser, center, receiptNo!);

      // 完成 ends the visit; 查询进度 on the home screen shows the certificate and how she gets it.
      await receipt.getByRole('button', { name: '完成' }).click();
      await receipt.getByRole('button', { name: '完成' }).click();
      await expect.poll(() => s.page.locator('kiosk-notarization-flow').count()).toBe(0);
      const progressButton = s.page.getByRole('button', { name: '查询进度' });
      if (!(await progressButton.isVisible().catch(() => false))) await s.page.mouse.click(960, 540);
      await progressButton.click();
      const progress = s.page.locator('kiosk-progress-screen');
      // The agent pulls the centre's changes on its own schedule: ask again until the last one is there.
      const lookUp = async (): Promise<boolean> => {
        await progress.getByRole('button', { name: '公证预约' }).click();
        await tapDigits(progress.locator('kiosk-digit-pad[name="receiptNo"]'), receiptNo!.replace(/\D/g, ''));
        await tapDigits(progress.locator('kiosk-digit-pad[name="idLast4"]'), '002X');
        await progress.getByRole('button', { name: '查询', exact: true }).click();
        await progress.locator('.result').first().waitFor();
        await s.page.waitForTimeout(300);
        if (await progress.getByText('公证书已经出具').isVisible()) return true;
        await progress.getByRole('button', { name: '重新查询' }).click();
        return false;
      };
      await expect.poll(lookUp, { timeout: 40_000, interval: 500 }).toBe(true);
      expect((await progress.locator('[data-detail="progress.delivery"]').innerText()).replace(/\s/g, '')).toBe(
        '领取方式：到村里领取',
      );
    } finally {
      await s.browser.close();
    }
  }, 180_000);

  it('a still picture fails with the spoken reason; after three tries she is sent to the office (12348)', async () => {
    const idcard = agent.agent.services.get('idcard') as IdCardService;
    const s = await open(clips.still);
    try {
      const flow = await toLiveness(s.page, agent.base, idcard);
      const liveness = flow.locator('kiosk-notarization-liveness');
      for (let i = 0; i < 3; i++) {
        if (i > 0) await liveness.getByRole('button', { name: '再试一次' }).click();
        if (i < 2) {
          await liveness.locator('[data-failure]').waitFor({ timeout: 40_000 });
          expect(await liveness.locator('[data-failure]').getAttribute('data-failure')).toBe('timeout');
          expect(await liveness.locator('[data-failure]').innerText()).toContain('没有看到您转头');
        }
      }
      await flow.getByRole('heading', { name: '请到公证处办理' }).waitFor({ timeout: 40_000 });
      await flow.getByText(/12348/).first().waitFor();
      expect(s.requests.some((u) => u.includes('/voice/notarization.steps.liveness.failed.timeout'))).toBe(true);
      expect(s.requests.some((u) => u.includes('/voice/notarization.steps.liveness.office.voice'))).toBe(true);
      await flow.getByRole('button', { name: '回首页' }).waitFor();
      expect(foreign(s.requests, agent.base)).toEqual([]);
    } finally {
      await s.browser.close();
    }
  }, 180_000);
});
