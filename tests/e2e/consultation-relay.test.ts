// The same call relay-only through a real coturn (reference/video-consultation.md §7, §8.5): the
// centre hands out REST credentials and `iceTransportPolicy: 'relay'`, so the selected candidate
// pair on both sides is relay → relay, and media still flows both ways.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
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
  startCentre,
  startTurn,
  type CentreProcess,
  type Turn,
  type WebRtcBrowser,
} from './consultation-harness.js';

const TURN_SECRET = 'turn-e2e-secret-0123456789abcdef';

async function relayedMediaFlows(page: Page): Promise<boolean> {
  const s = await callStats(page);
  return (
    !!s &&
    s.connectionState === 'connected' &&
    s.videoFramesDecoded > 0 &&
    s.audioSamples > 0 &&
    s.audioEnergy > 0 &&
    s.localCandidateType === 'relay' &&
    s.remoteCandidateType === 'relay'
  );
}

describe('video consultation relayed by coturn', () => {
  let turn: Turn;
  let centre: CentreProcess;
  let agent: TestAgent;
  let kioskBrowser: WebRtcBrowser;
  let lawyerBrowser: WebRtcBrowser;
  let kiosk: Page;
  let lawyer: Page;

  beforeAll(async () => {
    ensureUisBuilt();
    turn = await startTurn(await freePort(), TURN_SECRET);
    centre = await startCentre({
      port: await freePort(),
      consultation: {
        turn: { urls: [`turn:127.0.0.1:${turn.port}?transport=udp`], secret: TURN_SECRET, relayOnly: true },
      },
    });
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
      await kiosk?.screenshot({ path: join(tmpdir(), 'consultation-relay-kiosk.png') }).catch(() => undefined);
      await lawyer?.screenshot({ path: join(tmpdir(), 'consultation-relay-lawyer.png') }).catch(() => undefined);
    }
  });

  afterAll(async () => {
    await kioskBrowser?.close();
    await lawyerBrowser?.close();
    await agent?.stop();
    await centre?.stop();
    await turn?.stop();
  });

  it('connects relay → relay on both sides with video and audio decoded', async () => {
    await lawyer.goto(`${centre.url}/`);
    await lawyer.getByLabel('账号').fill(LAWYER.name);
    await lawyer.getByLabel('密码').fill(LAWYER.password);
    await lawyer.getByRole('button', { name: '登录' }).click();
    await lawyer.getByRole('button', { name: '上线接听' }).click();
    await lawyer.getByText('在线，可以接听').waitFor({ timeout: 15_000 });

    await kiosk.goto(`${agent.base}/`);
    const home = kiosk.getByRole('button', { name: /视频咨询/ });
    if (!(await home.isVisible().catch(() => false))) await kiosk.mouse.click(960, 540);
    await home.click();
    const flow = kiosk.locator('kiosk-consultation-flow');
    await flow.locator('button[data-topic="land"]').click();
    await flow.locator('kiosk-consultation-topic').getByRole('button', { name: '下一步' }).click();
    await flow.getByRole('button', { name: '同意', exact: true }).click();
    await flow.getByRole('button', { name: '不用了', exact: true }).click();
    const start = flow.getByRole('button', { name: '都正常，开始排队' });
    await expect.poll(() => start.getAttribute('aria-disabled'), { timeout: 15_000 }).toBe('false');
    await start.click();

    await lawyer.locator('center-call-queue tr', { hasText: '土地纠纷' }).waitFor({ timeout: 10_000 });
    await lawyer.getByRole('button', { name: '接听下一位' }).click();
    await expect.poll(() => relayedMediaFlows(kiosk), { timeout: 20_000, interval: 200 }).toBe(true);
    await expect.poll(() => relayedMediaFlows(lawyer), { timeout: 20_000, interval: 200 }).toBe(true);
    // Relay only on both sides (lawyers never see villagers' addresses), with the same media settings.
    for (const page of [kiosk, lawyer])
      expect(await mediaSettings(page)).toEqual({ iceTransportPolicy: 'relay', ...CALL_MEDIA });

    await lawyer.locator('center-call-view').getByRole('button', { name: '挂断' }).click();
    await flow.locator('kiosk-consultation-rating').waitFor({ timeout: 5000 });
  });
});
