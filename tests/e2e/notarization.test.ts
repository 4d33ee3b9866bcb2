// Remote notarization end to end against the real agent (simulated ID reader and printer), in Chromium
// whose fake camera plays a .y4m made at set-up from astronaut.png (public domain, Debian python3-skimage;
// tests/kiosk-ui/notarization/fixtures). The head-turn clip stretches the face piecewise around the nose
// (a flat warp does not read as a turn, face-check.md §8); the browser test face-detector.test.ts measures
// ±36° for the ±0.6 shifts used here. home → 公证预约 → 学历公证 → … → live-person check passes → materials →
// interview → printed receipt (number, matter, masked ID, 15-working-day clock) → the request in the notary
// console (real centre), the card's own photo (the agent's WLT decoder plugin: a stand-in program) beside
// the face crop → accepted → approved → certificate issued, 到村领取 → 查询进度 shows it and the delivery. With a still picture the check fails with the spoken reason and after three tries she is sent
// to the office with 12348.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Writable } from 'node:stream';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { createLogger } from '@kiosk/node-common/logger';
import { hashPassword } from '../../service-center/src/auth/password.js';
import { createCenter, type Center } from '../../service-center/src/center.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { FAKE_CARD_PHOTO, writeFakeWltDecoder } from '../helpers/fake-wlt-decoder.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';

const ROOT = resolve(import.meta.dirname, '../..');
const ASTRONAUT = join(ROOT, 'tests/kiosk-ui/notarization/fixtures/astronaut.png');
const CONVERT = '/usr/bin/convert';
const FPS = 15;
const TOKEN = 'test-terminal-token';
const NOTARY = { name: 'notary1', password: 'notary-password-2026' };

/** Face band in the 640×480 frontal frame (crop 340×255+55+3 of the 512² picture, face-check.md §10). */
const SX = 640 / 340;
const LEFT = Math.round((177 - 20 - 55) * SX);
const RIGHT = Math.round((177 + 95 + 20 - 55) * SX);
const NOSE = Math.round((221 - 55) * SX);

function pose(dir: string, base: string, shift: number): string {
  const out = join(dir, `pose_${shift.toFixed(2)}.png`);
  const target = Math.round(NOSE + shift * (RIGHT - NOSE));
  if (target === NOSE) {
    execFileSync(CONVERT, [base, out]);
    return out;
  }
  execFileSync(CONVERT, [
    base,
    '(',
    base,
    '-crop',
    `${NOSE - LEFT}x480+${LEFT}+0`,
    '+repage',
    '-resize',
    `${target - LEFT}x480!`,
    ')',
    '-geometry',
    `+${LEFT}+0`,
    '-composite',
    '(',
    base,
    '-crop',
    `${RIGHT - NOSE}x480+${NOSE}+0`,
    '+repage',
    '-resize',
    `${RIGHT - target}x480!`,
    ')',
    '-geometry',
    `+${target}+0`,
    '-composite',
    out,
  ]);
  return out;
}

/** A looping clip: frontal 1.2 s, turn to her left and hold, back, turn to her right and hold, back. */
function makeClips(dir: string): { turning: string; still: string } {
  const base = join(dir, 'frontal.png');
  execFileSync(CONVERT, [ASTRONAUT, '-crop', '340x255+55+3', '+repage', '-resize', '640x480!', base]);
  const steps = [0.15, 0.3, 0.45, 0.6];
  const timeline: number[] = [];
  const hold = (s: number, n: number) => timeline.push(...Array.from({ length: n }, () => s));
  hold(0, 18);
  for (const s of steps) hold(s, 2);
  hold(0.6, 12);
  for (const s of [...steps].reverse()) hold(s, 2);
  hold(0, 10);
  for (const s of steps) hold(-s, 2);
  hold(-0.6, 12);
  for (const s of [...steps].reverse()) hold(-s, 2);
  const poses = new Map<number, string>();
  for (const s of new Set(timeline)) poses.set(s, pose(dir, base, s));
  const frames = join(dir, 'frames');
  mkdirSync(frames);
  timeline.forEach((s, i) => symlinkSync(poses.get(s)!, join(frames, `f${String(i).padStart(4, '0')}.png`)));
  const turning = join(dir, 'turning.y4m');
  const still = join(dir, 'still.y4m');
  const ffmpeg = (args: string[]) => execFileSync('ffmpeg', ['-v', 'error', '-y', ...args]);
  ffmpeg(['-framerate', String(FPS), '-i', join(frames, 'f%04d.png'), '-pix_fmt', 'yuv420p', turning]);
  ffmpeg(['-loop', '1', '-i', base, '-frames:v', '15', '-r', String(FPS), '-pix_fmt', 'yuv420p', still]);
  return { turning, still };
}

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

async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
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

/** home → 公证预约 → 学历公证 → 国内 / first use → 给我自己办 → 我同意 → card → the live-person check. */
async function toLiveness(page: Page, base: string, idcard: IdCardService): Promise<Locator> {
  await page.goto(`${base}/`);
  const home = page.getByRole('button', { name: /公证预约/ });
  if (!(await home.isVisible().catch(() => false))) await page.mouse.click(960, 540);
  await home.click();
  const flow = page.locator('kiosk-notarization-flow');
  await flow.getByRole('button', { name: /学历公证/ }).click();
  const purpose = flow.locator('kiosk-notarization-purpose');
  await purpose.getByRole('button', { name: '在国内用' }).click();
  const uses = purpose.getByRole('group', { name: '做什么用' }).getByRole('button');
  await uses.first().click();
  await purpose.getByRole('button', { name: '下一步' }).click();
  const applicant = flow.locator('kiosk-notarization-applicant');
  await applicant.getByRole('button', { name: /给我自己办/ }).click();
  await applicant.getByRole('button', { name: '下一步' }).click();
  await flow.getByRole('button', { name: '我同意' }).click();
  await flow.getByRole('heading', { name: '请放身份证' }).waitFor();
  idcard.simulator!.placeCard('resident');
  await flow.getByRole('heading', { name: '请取走身份证' }).waitFor();
  idcard.simulator!.removeCard();
  await flow.locator('kiosk-notarization-liveness').waitFor();
  return flow;
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
      const docs = flow.locator('kiosk-notarization-documents');
      await docs.waitFor({ timeout: 40_000 });

      const shutter = docs.getByRole('button', { name: '拍照' });
      await expect.poll(() => shutter.isEnabled(), { timeout: 15_000 }).toBe(true);
      await shutter.click();
      await docs.getByRole('button', { name: '用这张' }).click();
      await docs.getByRole('button', { name: '下一步' }).click();

      const phone = flow.locator('kiosk-notarization-phone');
      await tapDigits(phone.locator('kiosk-digit-pad'), '13800138000');
      await phone.getByRole('button', { name: '下一步' }).click();
      const interview = flow.locator('kiosk-notarization-interview');
      await interview.getByRole('button', { name: /公证处打电话和我约时间/ }).click();
      await interview.getByRole('button', { name: '下一步' }).click();
      await flow.locator('kiosk-notarization-review').getByRole('button', { name: '下一步' }).click();

      const canvas = flow.locator('kiosk-signature-pad canvas');
      const box = (await canvas.boundingBox())!;
      await s.page.mouse.move(box.x + 40, box.y + 60);
      await s.page.mouse.down();
      for (let i = 1; i <= 12; i++) await s.page.mouse.move(box.x + 40 + i * 25, box.y + 60 + (i % 2) * 40);
      await s.page.mouse.up();
      const before = printer.simulator!.jobs().length;
      await flow.getByRole('button', { name: '提交申请' }).click();

      const receipt = flow.locator('kiosk-notarization-receipt');
      await receipt.getByText('回执打好了，请取走').waitFor({ timeout: 30_000 });
      const job = printer.simulator!.jobs().slice(before).at(-1);
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
