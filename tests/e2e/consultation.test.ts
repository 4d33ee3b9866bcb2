// 视频咨询 end to end (reference/video-consultation.md §8): two separate Chromium processes — the
// kiosk page served by the real agent (simulated printer) and the lawyer's console served by the
// real centre (a child process, so it can be SIGKILLed) — with fake camera and microphone and
// loopback ICE. Media is checked with getStats() on both sides; then the faults of §4 and §6.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { PrinterService } from '../../device-agent/src/devices/printer/printer-service.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import {
  CALL_MEDIA,
  LAWYER,
  TERMINAL,
  callStats,
  ensureUisBuilt,
  freePort,
  instrument,
  launchWebRtcBrowser,
  mediaSettings,
  sleep,
  startCentre,
  type CallStats,
  type CentreProcess,
  type WebRtcBrowser,
} from './consultation-harness.js';

const OUTBOX_ENV = {
  KIOSK_OUTBOX_POLL_MS: '300',
  KIOSK_OUTBOX_RETRY_BASE_MS: '200',
  KIOSK_OUTBOX_RETRY_MAX_MS: '1000',
};

async function tapDigits(pad: Locator, digits: string): Promise<void> {
  for (const d of digits) await pad.getByRole('button', { name: d, exact: true }).click();
}

/** Home → 视频咨询 → 劳动报酬 → 同意 → device check; returns the flow and the 开始排队 button. */
async function walkToDeviceCheck(page: Page, base: string): Promise<{ flow: Locator; start: Locator }> {
  await page.goto(`${base}/`);
  const home = page.getByRole('button', { name: /视频咨询/ });
  if (!(await home.isVisible().catch(() => false))) await page.mouse.click(960, 540);
  await home.click();
  const flow = page.locator('kiosk-consultation-flow');
  await flow.locator('button[data-topic="wages"]').click();
  await flow.locator('kiosk-consultation-topic').getByRole('button', { name: '下一步' }).click();
  await flow.getByRole('button', { name: '同意', exact: true }).click();
  await flow.getByRole('button', { name: '不用了', exact: true }).click();
  const start = flow.getByRole('button', { name: '都正常，开始排队' });
  // Issue 15: a disabled 下一步 stays tappable (it says what is missing), so wait on aria-disabled.
  await expect.poll(() => start.getAttribute('aria-disabled'), { timeout: 15_000 }).toBe('false');
  return { flow, start };
}

async function lawyerLogin(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  // The page heading and the console header both name the desk.
  const desk = page.getByRole('heading', { name: '视频咨询接听台' }).first();
  await page.getByLabel('账号').or(desk).waitFor();
  if (await desk.isVisible()) return; // still logged in
  await page.getByLabel('账号').fill(LAWYER.name);
  await page.getByLabel('密码').fill(LAWYER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await desk.waitFor();
}

async function goOnline(page: Page): Promise<void> {
  await page.getByRole('button', { name: '上线接听' }).click();
  await page.getByText('在线，可以接听').waitFor({ timeout: 15_000 });
}

/** The desk shows the queue again (a note left open by an earlier call is set aside). */
async function backToQueue(page: Page): Promise<void> {
  const later = page.getByRole('button', { name: '以后再写' });
  if (await later.isVisible().catch(() => false)) await later.click();
  await page.locator('center-call-queue').waitFor();
}

/** Both sides connected, video decoded, audio decoded with energy. */
async function mediaFlows(page: Page): Promise<boolean> {
  const s = await callStats(page);
  return (
    !!s && s.connectionState === 'connected' && s.videoFramesDecoded > 0 && s.audioSamples > 0 && s.audioEnergy > 0
  );
}

async function stats(page: Page): Promise<CallStats> {
  const s = await callStats(page);
  if (!s) throw new Error('no peer connection');
  return s;
}

describe('video consultation between two browsers', () => {
  let centre: CentreProcess;
  let agent: TestAgent;
  let kioskBrowser: WebRtcBrowser;
  let lawyerBrowser: WebRtcBrowser;
  let kiosk: Page;
  let lawyer: Page;
  const savedEnv: Record<string, string | undefined> = {};

  beforeAll(async () => {
    ensureUisBuilt();
    for (const [k, v] of Object.entries(OUTBOX_ENV)) {
      savedEnv[k] = process.env[k];
      process.env[k] = v;
    }
    const port = await freePort();
    centre = await startCentre({ port, consultation: { graceS: 8, queueTimeoutS: 120 } });
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      terminal: { ...DEMO_CONFIG.terminal, id: TERMINAL.id, name: TERMINAL.name },
      center: { url: centre.url, token: TERMINAL.token },
    });
    kioskBrowser = await launchWebRtcBrowser();
    lawyerBrowser = await launchWebRtcBrowser();
    kiosk = await kioskBrowser.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    lawyer = await lawyerBrowser.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await instrument(kiosk);
    await instrument(lawyer);
  });

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await kiosk?.screenshot({ path: join(tmpdir(), 'consultation-kiosk-failure.png') }).catch(() => undefined);
      await lawyer?.screenshot({ path: join(tmpdir(), 'consultation-lawyer-failure.png') }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await kioskBrowser?.close();
    await lawyerBrowser?.close();
    await agent?.stop();
    await centre?.stop();
    for (const [k, v] of Object.entries(savedEnv)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('with no lawyer online the 12348 screen shows within 1 s of asking', async () => {
    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    // From the moment the kiosk asks for a place in the queue (reference §4 rung 1).
    let enqueuedAt = 0;
    kiosk.on('websocket', (ws) =>
      ws.on('framesent', (f) => {
        if (!enqueuedAt && String(f.payload).includes('"enqueue"')) enqueuedAt = Date.now();
      }),
    );
    await start.click();
    await flow.locator('kiosk-consultation-fallback [data-reason="noLawyer"]').waitFor({ timeout: 5000 });
    const shownAt = Date.now();
    expect(enqueuedAt).toBeGreaterThan(0);
    expect(shownAt - enqueuedAt).toBeLessThan(1000);
    expect(await flow.locator('kiosk-consultation-fallback [data-hotline]').innerText()).toContain('12348');
    expect(await flow.getByRole('button', { name: '预约回电' }).isVisible()).toBe(true);
  });

  it('the villager queues, the lawyer takes the call, media flows both ways, the slip prints, the record shows', async () => {
    const printer = agent.agent.services.get('printer') as PrinterService;
    await lawyerLogin(lawyer, centre.url);
    await goOnline(lawyer);

    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    await start.click();
    await flow.locator('kiosk-consultation-queue [data-position]').waitFor({ timeout: 10_000 });

    // The lawyer sees her in the queue: terminal, topic in Chinese, waiting time.
    const row = lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('劳动报酬');
    expect(await row.locator('.waiting').innerText()).toMatch(/秒/);

    const taken = Date.now();
    await lawyer.getByRole('button', { name: '接听下一位' }).click();
    // Accept → first decoded frame on both sides within 3 s (reference §8.3; measured maximum 1.8 s).
    const frames = async (page: Page): Promise<number> => (await callStats(page))?.videoFramesDecoded ?? 0;
    await expect.poll(() => frames(kiosk), { timeout: 3000, interval: 50 }).toBeGreaterThan(0);
    await expect
      .poll(() => frames(lawyer), { timeout: Math.max(100, 3000 - (Date.now() - taken)), interval: 50 })
      .toBeGreaterThan(0);
    // Then audio decoded with energy, both ways (the remote elements play).
    await expect.poll(() => mediaFlows(kiosk), { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => mediaFlows(lawyer), { timeout: 15_000, interval: 200 }).toBe(true);
    const k = await stats(kiosk);
    const l = await stats(lawyer);
    expect(k.localCandidateType).toBe('host');
    expect(l.remoteCandidateType).not.toBe('relay');
    // Both sides send with the village-network settings (reference §1, §5).
    for (const page of [kiosk, lawyer])
      await expect
        .poll(() => mediaSettings(page), { timeout: 5000 })
        .toEqual({ iceTransportPolicy: 'all', ...CALL_MEDIA });
    // She sees (and heard) her lawyer's name, not 值班律师.
    await flow.locator('kiosk-consultation-call').getByText(`正在和${LAWYER.displayName}律师通话`).waitFor();
    // The call view: her topic; no name without it.
    const view = lawyer.locator('center-call-view');
    expect(await view.locator('.topic').innerText()).toBe('劳动报酬');
    await lawyer.getByText('通话中').waitFor();

    // The villager hangs up and rates; her slip waits for the lawyer's note.
    await flow.locator('kiosk-consultation-call').getByRole('button', { name: '挂断' }).click();
    const before = printer.simulator!.jobs().length;
    await flow.locator('kiosk-consultation-rating').getByRole('button', { name: '满意', exact: true }).click();
    const summary = flow.locator('kiosk-consultation-summary');
    await summary.getByText('律师正在写给您的建议').waitFor({ timeout: 5000 });

    // The lawyer writes her note, with a line for the villager; the slip prints with it.
    const note = lawyer.locator('center-call-note-form');
    await note.getByRole('status').getByText('通话已结束').waitFor({ timeout: 5000 });
    await note.getByLabel('给出的建议').fill('先找劳动监察大队投诉，保留考勤记录和工资条。');
    await note.getByLabel('写给村民的话').fill('保留考勤记录和工资条，到县劳动监察大队投诉。');
    await note.getByLabel('转法律援助').check();
    await note.getByRole('button', { name: '保存记录' }).click();
    await summary.getByText('小票已打印，请取走').waitFor({ timeout: 20_000 });
    await summary.getByText('保留考勤记录和工资条，到县劳动监察大队投诉。').waitFor();
    const job = printer
      .simulator!.jobs()
      .slice(before)
      .find((j) => j.lines.some((line) => line.includes('视频咨询小票')));
    expect(job, 'summary slip').toBeDefined();
    const slip = job!.lines.join('\n');
    expect(slip).toContain('劳动报酬');
    expect(slip).toContain('12348');
    expect(slip).toContain(TERMINAL.name);
    expect(slip).toContain(LAWYER.displayName);
    expect(slip).not.toContain('值班律师');
    expect(slip).toContain('律师给您的话');
    expect(slip).toContain('到县劳动监察大队投诉');
    // The advice for the record stays in the record.
    expect(slip).not.toContain('先找劳动监察大队投诉');

    // The call record shows in the console.
    await lawyer.getByText('记录已保存。').waitFor();
    const record = lawyer.locator('center-call-records tbody tr').first();
    await expect.poll(() => record.innerText(), { timeout: 10_000 }).toContain('先找劳动监察大队投诉');
    const recordText = await record.innerText();
    expect(recordText).toContain(TERMINAL.name);
    expect(recordText).toContain('劳动报酬');
    expect(recordText).toContain('转法律援助');
    await flow.locator('kiosk-consultation-summary').getByRole('button', { name: '完成' }).click();
  });

  it('the centre SIGKILLed mid-call and back after 6 s: media keeps flowing and the call resumes', async () => {
    await backToQueue(lawyer);
    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    await start.click();
    await lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name }).waitFor({ timeout: 10_000 });
    await lawyer.getByRole('button', { name: '接听下一位' }).click();
    await expect.poll(() => mediaFlows(kiosk), { timeout: 10_000 }).toBe(true);
    await expect.poll(() => mediaFlows(lawyer), { timeout: 10_000 }).toBe(true);
    const k0 = await stats(kiosk);
    const l0 = await stats(lawyer);

    await centre.kill();
    const down = Date.now();
    await sleep(6000);
    // Frames decoded while signalling was gone, read as the centre comes back.
    const [k1, l1] = await Promise.all([stats(kiosk), stats(lawyer), centre.start()]);
    const up = Date.now();
    // ≈ 15 fps each way while signalling is gone (reference §6: 84–89 frames in 6 s).
    expect(k1.videoFramesDecoded - k0.videoFramesDecoded).toBeGreaterThan(40);
    expect(l1.videoFramesDecoded - l0.videoFramesDecoded).toBeGreaterThan(40);
    expect(k1.connectionState).toBe('connected');

    // Both resume the call by its id at the restarted centre; the kiosk restarts ICE (new ufrag).
    await expect.poll(async () => (await centre.health())?.calls, { timeout: 15_000, interval: 200 }).toBe(1);
    await expect
      .poll(async () => (await stats(kiosk)).localUfrag, { timeout: 15_000, interval: 200 })
      .not.toBe(k0.localUfrag);
    await lawyer.getByText('在线，可以接听').waitFor({ timeout: 10_000 });
    const k2 = await stats(kiosk);
    const l2 = await stats(lawyer);
    await sleep(2000);
    const k3 = await stats(kiosk);
    const l3 = await stats(lawyer);
    expect(k3.connectionState).toBe('connected');
    expect(k3.videoFramesDecoded - k2.videoFramesDecoded).toBeGreaterThan(10);
    expect(l3.videoFramesDecoded - l2.videoFramesDecoded).toBeGreaterThan(10);
    expect(await flow.locator('kiosk-consultation-call').count()).toBe(1);
    console.log(
      `centre down ${((up - down) / 1000).toFixed(1)} s; call resumed ${((Date.now() - up) / 1000).toFixed(1)} s after restart`,
    );

    // The lawyer hangs up: the kiosk goes to the rating.
    await lawyer.locator('center-call-view').getByRole('button', { name: '挂断' }).click();
    await flow.locator('kiosk-consultation-rating').waitFor({ timeout: 5000 });
    await flow.locator('kiosk-consultation-rating').getByRole('button', { name: '不评价' }).click();
    await flow.locator('kiosk-consultation-summary').getByRole('button', { name: '完成' }).click();
  });

  it('the lawyer’s browser dies mid-call: 律师网络中断 within 2 s, then the ladder', async () => {
    // The restarted centre forgot her staff login: log in again.
    await lawyerLogin(lawyer, centre.url);
    await goOnline(lawyer);
    await backToQueue(lawyer);
    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    await start.click();
    await lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name }).waitFor({ timeout: 10_000 });
    await lawyer.getByRole('button', { name: '接听下一位' }).click();
    await expect.poll(() => mediaFlows(kiosk), { timeout: 10_000 }).toBe(true);

    lawyerBrowser.kill();
    const died = Date.now();
    await flow.getByText('律师网络中断').waitFor({ timeout: 2000 });
    expect(Date.now() - died).toBeLessThan(2000);
    // After the grace period (8 s here): the ladder with 重新排队 and the hotline.
    const fallback = flow.locator('kiosk-consultation-fallback');
    await fallback.locator('[data-reason="lawyerLost"]').waitFor({ timeout: 20_000 });
    expect(await fallback.getByRole('button', { name: '重新排队' }).isVisible()).toBe(true);
    expect(await fallback.locator('[data-hotline]').innerText()).toContain('12348');
    expect(await fallback.getByRole('button', { name: '预约回电' }).isVisible()).toBe(true);
    await fallback.getByRole('button', { name: '完成' }).click();
  });

  it('a call-back booked while the centre is down reaches it once it is back', async () => {
    await centre.kill();
    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    await start.click();
    const fallback = flow.locator('kiosk-consultation-fallback');
    await fallback.locator('[data-reason="unreachable"]').waitFor({ timeout: 15_000 });
    await fallback.getByRole('button', { name: '预约回电' }).click();
    const booking = flow.locator('kiosk-consultation-callback');
    await tapDigits(booking.locator('kiosk-digit-pad'), '13800138000');
    await booking.locator('button[data-window]').first().click();
    await booking.getByRole('button', { name: '确认预约' }).click();
    const done = flow.locator('kiosk-consultation-callback-done');
    const receiptNo = (await done.locator('[data-receipt-no]').innerText({ timeout: 10_000 })).trim();
    expect(receiptNo).not.toBe('');

    await sleep(1000);
    await centre.start();
    const login = await fetch(`${centre.url}/api/v1/staff/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: LAWYER.name, password: LAWYER.password }),
    });
    expect(login.status).toBe(200);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
    await expect
      .poll(
        async () => {
          const res = await fetch(`${centre.url}/api/v1/staff/applications`, { headers: { cookie } });
          const body = (await res.json()) as { items?: Array<{ receiptNo: string; kind: string }> };
          return body.items?.find((i) => i.receiptNo === receiptNo)?.kind;
        },
        { timeout: 20_000, interval: 300 },
      )
      .toBe('callback');
  });
});
