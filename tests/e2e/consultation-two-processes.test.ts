// Issue 14 item 2 (the consultation part): two centre processes on one PostgreSQL, as a province runs
// them. The kiosk's agent talks to process A, the lawyer's console is served by process B; the kiosk
// queues on A, the lawyer takes the call on B, and both browsers decode the other's video and audio.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SIGNALLING_PATH } from '@kiosk/contract/signalling-api';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { startTestPostgres, type TestPostgres } from '../helpers/postgres.js';
import {
  LAWYER,
  TERMINAL,
  callStats,
  ensureUisBuilt,
  freePort,
  instrument,
  launchWebRtcBrowser,
  startCentre,
  type CentreProcess,
  type WebRtcBrowser,
} from './consultation-harness.js';

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
  await expect.poll(() => start.getAttribute('aria-disabled'), { timeout: 15_000 }).toBe('false');
  return { flow, start };
}

/** Connected, video decoded, audio decoded with energy. */
async function mediaFlows(page: Page): Promise<boolean> {
  const s = await callStats(page);
  return (
    !!s && s.connectionState === 'connected' && s.videoFramesDecoded > 0 && s.audioSamples > 0 && s.audioEnergy > 0
  );
}

describe('video consultation across two centre processes on one PostgreSQL', () => {
  let postgres: TestPostgres;
  let a: CentreProcess;
  let b: CentreProcess;
  let agent: TestAgent;
  let kioskBrowser: WebRtcBrowser;
  let lawyerBrowser: WebRtcBrowser;
  let kiosk: Page;
  let lawyer: Page;
  const sockets: { kiosk: string[]; lawyer: string[] } = { kiosk: [], lawyer: [] };

  beforeAll(async () => {
    ensureUisBuilt();
    postgres = await startTestPostgres();
    const url = await postgres.createDatabase();
    const storage = { kind: 'postgres', url } as const;
    const consultation = { graceS: 8, queueTimeoutS: 120 };
    a = await startCentre({ port: await freePort(), consultation, storage });
    b = await startCentre({ port: await freePort(), consultation, storage });
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      terminal: { ...DEMO_CONFIG.terminal, id: TERMINAL.id, name: TERMINAL.name },
      center: { url: a.url, token: TERMINAL.token },
    });
    kioskBrowser = await launchWebRtcBrowser();
    lawyerBrowser = await launchWebRtcBrowser();
    kiosk = await kioskBrowser.browser.newPage({ viewport: { width: 1920, height: 1080 } });
    lawyer = await lawyerBrowser.browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await instrument(kiosk);
    await instrument(lawyer);
    kiosk.on('websocket', (ws) => sockets.kiosk.push(ws.url()));
    lawyer.on('websocket', (ws) => sockets.lawyer.push(ws.url()));
  }, 180_000);

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail') {
      await kiosk?.screenshot({ path: join(tmpdir(), 'consultation-2p-kiosk-failure.png') }).catch(() => undefined);
      await lawyer?.screenshot({ path: join(tmpdir(), 'consultation-2p-lawyer-failure.png') }).catch(() => undefined);
      process.stderr.write(
        `--- centre A ---\n${a?.logText().slice(-3000)}\n--- centre B ---\n${b?.logText().slice(-3000)}\n`,
      );
    }
  });

  afterAll(async () => {
    await kioskBrowser?.close();
    await lawyerBrowser?.close();
    await agent?.stop();
    await a?.stop();
    await b?.stop();
    await postgres?.stop();
  });

  it('a kiosk queues on A, the lawyer on B takes the call, both decode video and audio, the hang-up reaches B', async () => {
    // The lawyer works on B.
    await lawyer.goto(`${b.url}/`);
    await lawyer.getByLabel('账号').fill(LAWYER.name);
    await lawyer.getByLabel('密码').fill(LAWYER.password);
    await lawyer.getByRole('button', { name: '登录' }).click();
    await lawyer.getByRole('heading', { name: '视频咨询接听台' }).first().waitFor();
    await lawyer.getByRole('button', { name: '上线接听' }).click();
    await lawyer.getByText('在线，可以接听').waitFor({ timeout: 15_000 });

    // The villager queues through her terminal, whose centre is A: A knows B's lawyer is online.
    const { flow, start } = await walkToDeviceCheck(kiosk, agent.base);
    await start.click();
    await flow.locator('kiosk-consultation-queue [data-position]').waitFor({ timeout: 10_000 });
    expect(sockets.kiosk.some((u) => u.startsWith(`ws://127.0.0.1:${a.port}${SIGNALLING_PATH}`))).toBe(true);
    expect(sockets.lawyer.some((u) => u.startsWith(`ws://127.0.0.1:${b.port}${SIGNALLING_PATH}`))).toBe(true);
    expect(sockets.kiosk.some((u) => u.includes(`:${b.port}/`))).toBe(false);

    // B's desk lists her; B takes her.
    const row = lawyer.locator('center-call-queue tr', { hasText: TERMINAL.name });
    await row.waitFor({ timeout: 10_000 });
    expect(await row.innerText()).toContain('劳动报酬');
    await lawyer.getByRole('button', { name: '接听下一位' }).click();

    // Both decode: video frames, audio with energy, connected.
    await expect.poll(() => mediaFlows(kiosk), { timeout: 15_000, interval: 200 }).toBe(true);
    await expect.poll(() => mediaFlows(lawyer), { timeout: 15_000, interval: 200 }).toBe(true);
    const k = await callStats(kiosk);
    const l = await callStats(lawyer);
    expect(k!.videoFramesDecoded).toBeGreaterThan(0);
    expect(l!.videoFramesDecoded).toBeGreaterThan(0);
    expect(k!.frameWidth).toBeGreaterThan(0);
    await lawyer.getByText('通话中').waitFor();
    expect((await b.health())?.calls).toBe(1);
    expect((await a.health())?.calls).toBe(1);

    // She hangs up on A; the lawyer on B sees the call end.
    await flow.locator('kiosk-consultation-call').getByRole('button', { name: '挂断' }).click();
    await lawyer
      .locator('center-call-note-form')
      .getByRole('status')
      .getByText('通话已结束')
      .waitFor({ timeout: 10_000 });
    await expect.poll(async () => (await b.health())?.calls, { timeout: 5000 }).toBe(0);
  });
});
