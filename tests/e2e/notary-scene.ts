// The scene of the notary's video interview tests (issue 12): the real centre as a child process with a
// notary account, the real agent (outbox to that centre, quick retries), and two Chromium processes —
// the kiosk's and the notary's — instrumented for getStats(). Everything started here is stopped by
// `stop()`; the outbox settings are put back.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import {
  TERMINAL,
  addStaff,
  callStats,
  ensureUisBuilt,
  freePort,
  instrument,
  launchWebRtcBrowser,
  startCentre,
  type CentreProcess,
  type WebRtcBrowser,
} from './consultation-harness.js';

const OUTBOX_ENV = {
  KIOSK_OUTBOX_POLL_MS: '300',
  KIOSK_OUTBOX_RETRY_BASE_MS: '200',
  KIOSK_OUTBOX_RETRY_MAX_MS: '1000',
};

export interface NotaryAccount {
  name: string;
  password: string;
}

export interface NotaryScene {
  centre: CentreProcess;
  agent: TestAgent;
  kiosk: Page;
  notary: Page;
  /** Screenshots of both pages into the temp directory, named for the test. */
  screenshots(name: string): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the scene; `kioskArgs` are the kiosk browser's extra flags (e.g. its fake camera's clip). */
export async function startNotaryScene(account: NotaryAccount, kioskArgs: string[] = []): Promise<NotaryScene> {
  ensureUisBuilt();
  const savedEnv = Object.fromEntries(Object.keys(OUTBOX_ENV).map((k) => [k, process.env[k]]));
  Object.assign(process.env, OUTBOX_ENV);
  const dataDir = mkdtempSync(join(tmpdir(), 'notary-centre-'));
  await addStaff(dataDir, account.name, account.password, 'notary');
  const centre = await startCentre({ port: await freePort(), dataDir, consultation: { queueTimeoutS: 120 } });
  const agent = await startTestAgent({
    ...DEMO_CONFIG,
    terminal: { ...DEMO_CONFIG.terminal, id: TERMINAL.id, name: TERMINAL.name },
    center: { url: centre.url, token: TERMINAL.token },
  });
  const browsers: WebRtcBrowser[] = [await launchWebRtcBrowser(kioskArgs), await launchWebRtcBrowser()];
  const kiosk = await browsers[0].browser.newPage({ viewport: { width: 1920, height: 1080 } });
  const notary = await browsers[1].browser.newPage({ viewport: { width: 1600, height: 1000 } });
  await instrument(kiosk);
  await instrument(notary);
  return {
    centre,
    agent,
    kiosk,
    notary,
    screenshots: async (name) => {
      for (const [who, page] of [
        ['kiosk', kiosk],
        ['notary', notary],
      ] as const)
        await page.screenshot({ path: join(tmpdir(), `${name}-${who}-failure.png`) }).catch(() => undefined);
    },
    stop: async () => {
      for (const b of browsers) await b.close();
      await agent.stop();
      await centre.stop();
      for (const [k, v] of Object.entries(savedEnv)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
    },
  };
}

/** The notary signs in to the console; it opens on 公证申请. */
export async function notaryLogin(page: Page, url: string, account: NotaryAccount): Promise<void> {
  await page.goto(`${url}/`);
  await page.getByLabel('账号').fill(account.name);
  await page.getByLabel('密码').fill(account.password);
  await page.getByRole('button', { name: '登录' }).click();
  await page.getByRole('heading', { name: '公证申请' }).waitFor();
}

/** 公证视频面谈 → 上线面谈: she is online for interviews. */
export async function notaryGoesOnline(page: Page): Promise<void> {
  await page.getByRole('button', { name: '公证视频面谈' }).click();
  await page.getByRole('button', { name: '上线面谈' }).click();
  await page.getByText('在线，可以面谈').waitFor({ timeout: 15_000 });
}

/** Connected, video decoded at a real resolution. */
export async function videoFlows(page: Page): Promise<boolean> {
  const s = await callStats(page);
  return !!s && s.connectionState === 'connected' && s.videoFramesDecoded > 0 && s.frameWidth > 0;
}
