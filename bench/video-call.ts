// Video consultation figures (reference/video-consultation.md §5, §6), two Chromium processes
// against a real centre and agent on loopback:
// 1. time from the lawyer's 接听下一位 (the take-next frame leaving her page) to the first decoded
//    video frame on each side, over 10 calls — budget: median ≤ 1 s;
// 2. frames per second received at the 300 kbps cap with a noisy 640×360@15 clip made here with
//    ffmpeg and fed as the fake camera — budget: ≥ 14 fps.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../tests/helpers/agent-harness.js';
import {
  LAWYER,
  TERMINAL,
  callStats,
  ensureUisBuilt,
  freePort,
  instrument,
  launchWebRtcBrowser,
  sleep,
  startCentre,
  type CentreProcess,
  type WebRtcBrowser,
} from '../tests/e2e/consultation-harness.js';

const CALLS = 10;
const MEDIAN_BUDGET_MS = 1000;
const FPS_BUDGET = 14;
const FPS_WINDOW_MS = 8000;

// In the page: when the take-next frame leaves, and when each peer connection decodes its first
// video frame (polled every 20 ms in the page itself, so the figure does not include the bench's
// own round trips). Both are Date.now() of the same host, so the two browsers compare.
const TIMING = `(() => {
  window.__takeNextAt = [];
  window.__firstFrameAt = [];
  const send = WebSocket.prototype.send;
  WebSocket.prototype.send = function (data) {
    if (typeof data === 'string' && data.includes('"take-next"')) window.__takeNextAt.push(Date.now());
    return send.call(this, data);
  };
  const Original = window.RTCPeerConnection;
  window.RTCPeerConnection = class extends Original {
    constructor(config) {
      super(config);
      const pc = this;
      const timer = setInterval(async () => {
        if (pc.connectionState === 'closed') return clearInterval(timer);
        const report = await pc.getStats();
        report.forEach((s) => {
          if (s.type === 'inbound-rtp' && s.kind === 'video' && s.framesDecoded > 0 && timer) {
            window.__firstFrameAt.push(Date.now());
            clearInterval(timer);
          }
        });
      }, 20);
    }
  };
})()`;

const quantile = (sorted: number[], q: number): number =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function lawyerOnline(page: Page, url: string): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('账号').fill(LAWYER.name);
  await page.getByLabel('密码').fill(LAWYER.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('button', { name: '上线接听' }).click();
  await page.getByText('在线，可以接听').waitFor({ timeout: 20_000 });
}

async function queueAtKiosk(page: Page, base: string): Promise<void> {
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
  while ((await start.getAttribute('aria-disabled')) !== 'false') await sleep(100);
  await start.click();
}

async function waitFor(check: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`timed out: ${what}`);
    await sleep(50);
  }
}

/** One call: queue, take next, first frames on both sides; the lawyer hangs up, the note is set aside. */
async function oneCall(kiosk: Page, lawyer: Page, base: string): Promise<{ kioskMs: number; lawyerMs: number }> {
  await queueAtKiosk(kiosk, base);
  await lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name }).waitFor({ timeout: 20_000 });
  const k0 = await kiosk.evaluate<number>('window.__firstFrameAt.length');
  const l0 = await lawyer.evaluate<number>('window.__firstFrameAt.length');
  await lawyer.getByRole('button', { name: '接听下一位' }).click();
  await waitFor(async () => (await kiosk.evaluate<number>('window.__firstFrameAt.length')) > k0, 20_000, 'kiosk frame');
  await waitFor(
    async () => (await lawyer.evaluate<number>('window.__firstFrameAt.length')) > l0,
    20_000,
    'lawyer frame',
  );
  const takeNext = await lawyer.evaluate<number>('window.__takeNextAt.at(-1)');
  const kioskAt = await kiosk.evaluate<number>(`window.__firstFrameAt[${k0}]`);
  const lawyerAt = await lawyer.evaluate<number>(`window.__firstFrameAt[${l0}]`);
  await lawyer.locator('center-call-view').getByRole('button', { name: '挂断' }).click();
  const flow = kiosk.locator('kiosk-consultation-flow');
  await flow.locator('kiosk-consultation-rating').getByRole('button', { name: '不评价' }).click();
  await flow.locator('kiosk-consultation-summary').getByRole('button', { name: '完成' }).click();
  await lawyer.getByRole('button', { name: '以后再写' }).click();
  return { kioskMs: kioskAt - takeNext, lawyerMs: lawyerAt - takeNext };
}

async function withSetup<T>(
  extraArgs: string[],
  run: (kiosk: Page, lawyer: Page, agent: TestAgent, centre: CentreProcess) => Promise<T>,
): Promise<T> {
  const centre = await startCentre({ port: await freePort() });
  let agent: TestAgent | undefined;
  const browsers: WebRtcBrowser[] = [];
  try {
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      terminal: { ...DEMO_CONFIG.terminal, id: TERMINAL.id, name: TERMINAL.name },
      center: { url: centre.url, token: TERMINAL.token },
      ui: { ...DEMO_CONFIG.ui, voice: false },
    });
    browsers.push(await launchWebRtcBrowser(extraArgs), await launchWebRtcBrowser(extraArgs));
    const kiosk = await browsers[0].browser.newPage({ viewport: { width: 1920, height: 1080 } });
    const lawyer = await browsers[1].browser.newPage({ viewport: { width: 1600, height: 1000 } });
    for (const page of [kiosk, lawyer]) await page.addInitScript({ content: TIMING });
    await instrument(kiosk);
    await instrument(lawyer);
    await lawyerOnline(lawyer, centre.url);
    return await run(kiosk, lawyer, agent, centre);
  } finally {
    for (const b of browsers) await b.close();
    await agent?.stop();
    await centre.stop();
  }
}

ensureUisBuilt();
const dir = mkdtempSync(join(tmpdir(), 'bench-video-'));
try {
  // 1. Take next → first decoded frame.
  const calls = await withSetup([], async (kiosk, lawyer, agent) => {
    const out: Array<{ kioskMs: number; lawyerMs: number }> = [];
    for (let i = 0; i < CALLS; i++) out.push(await oneCall(kiosk, lawyer, agent.base));
    return out;
  });
  for (const [label, values] of [
    ['kiosk sees the lawyer', calls.map((c) => c.kioskMs)],
    ['lawyer sees the kiosk', calls.map((c) => c.lawyerMs)],
  ] as const) {
    const sorted = [...values].sort((a, b) => a - b);
    const median = quantile(sorted, 0.5);
    const worst = sorted.at(-1)!;
    console.log(
      `take-next → first decoded frame, ${label} (${CALLS} calls): median ${median} ms, worst ${worst} ms` +
        ` (all: ${values.join(', ')}) — budget median ≤ ${MEDIAN_BUDGET_MS} ms (${(median / MEDIAN_BUDGET_MS).toFixed(2)}× of it)`,
    );
    if (median > MEDIAN_BUDGET_MS) process.exitCode = 1;
  }

  // 2. Received frame rate at the 300 kbps cap with a noisy clip as the camera of both sides.
  const clip = join(dir, 'noisy.y4m');
  execFileSync('ffmpeg', [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc2=size=640x360:rate=15',
    '-vf', 'noise=alls=40:allf=t', '-frames:v', '120', '-pix_fmt', 'yuv420p', clip,
  ]); // prettier-ignore
  const fps = await withSetup([`--use-file-for-fake-video-capture=${clip}`], async (kiosk, lawyer, agent) => {
    await queueAtKiosk(kiosk, agent.base);
    await lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name }).waitFor({ timeout: 20_000 });
    await lawyer.getByRole('button', { name: '接听下一位' }).click();
    await waitFor(async () => ((await callStats(lawyer))?.videoFramesDecoded ?? 0) > 0, 20_000, 'first frame');
    // Let the bandwidth estimate settle at the cap (reference §5 measured 8 s after connect).
    await sleep(8000);
    const [k0, l0] = [await callStats(kiosk), await callStats(lawyer)];
    const t0 = Date.now();
    await sleep(FPS_WINDOW_MS);
    const [k1, l1] = [await callStats(kiosk), await callStats(lawyer)];
    const seconds = (Date.now() - t0) / 1000;
    return {
      atLawyer: (l1!.videoFramesDecoded - l0!.videoFramesDecoded) / seconds,
      atKiosk: (k1!.videoFramesDecoded - k0!.videoFramesDecoded) / seconds,
      width: l1!.frameWidth,
      limitation: k1!.sentQualityLimitation,
    };
  });
  for (const [label, value] of [
    ['lawyer receives the kiosk', fps.atLawyer],
    ['kiosk receives the lawyer', fps.atKiosk],
  ] as const) {
    console.log(
      `received at the 300 kbps cap, noisy 640×360@15 clip, ${label}: ${value.toFixed(1)} fps` +
        ` — budget ≥ ${FPS_BUDGET} fps (${(value / FPS_BUDGET).toFixed(2)}× of it)`,
    );
    if (value < FPS_BUDGET) process.exitCode = 1;
  }
  console.log(`(kiosk video arrives ${fps.width} px wide; the kiosk's sender reports limitation "${fps.limitation}")`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
