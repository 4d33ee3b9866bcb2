// 查询进度 by ID card (issue 15 item 6), against the real agent (simulated ID reader) and the real
// centre: a submission stored for the simulator's resident card is listed with its status once the
// card is placed on the reader at 查询进度; 重新查询 starts empty.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SubmissionAccepted } from '@kiosk/contract/kiosk-api';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import { RESIDENT_ID } from '../../device-agent/src/devices/idcard/fixtures.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';
import { legalAidData, postJson, validId } from '../device-agent/outbox/fixtures.js';
import { startTestCenter, type TestCenter } from '../service-center/center-harness.js';

const ROOT = resolve(import.meta.dirname, '../..');

describe('查询进度 by ID card end to end', () => {
  let center: TestCenter;
  let agent: TestAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync('flock', ['/tmp/kiosk-ui-build.lock', process.execPath, 'scripts/ensure.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    center = await startTestCenter();
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      center: { url: center.url, token: 'test-terminal-token' },
      ui: { ...DEMO_CONFIG.ui, voice: false },
    });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
    await center?.stop();
  });

  it('submit, then 查询进度 → place the card → her submission and its status are listed', async () => {
    const submit = async (idNumber: string): Promise<string> => {
      const res = await postJson(`${agent.base}/api/v1/submissions`, {
        kind: 'legalAid',
        data: legalAidData({}, idNumber),
      });
      expect(res.status).toBe(200);
      return (res.body as unknown as SubmissionAccepted).receiptNo;
    };
    const hers = await submit(RESIDENT_ID);
    const someoneElses = await submit(validId());

    const idcard = agent.agent.services.get('idcard') as IdCardService;
    await page.goto(`${agent.base}/`);
    const start = page.getByRole('button', { name: '查询进度' });
    if (!(await start.isVisible().catch(() => false))) await page.mouse.click(960, 540);
    await start.click();
    const progress = page.locator('kiosk-progress-screen');
    await progress.getByText('把身份证放在读卡区').waitFor();

    idcard.simulator!.placeCard('resident');
    const mine = progress.locator('kiosk-progress-mine');
    const item = mine.locator(`[data-receipt="${hers}"]`);
    await item.waitFor({ timeout: 20_000 });
    expect(await mine.locator('[data-receipt]').count()).toBe(1);
    await expect
      .poll(() => item.locator('[data-state]').getAttribute('data-state'))
      .toMatch(/^(pendingUpload|received)$/);
    expect(await item.innerText()).toMatch(/已经提交，正在上传到县里|县里已经收到，正在安排人办理/);
    expect(await mine.innerText()).not.toContain(someoneElses);
    expect(await page.locator('body').innerText()).not.toContain('张三');
    await mine.getByRole('button', { name: '打印' }).waitFor();

    // 重新查询 starts empty; the visit's end forgets the card at the agent.
    idcard.simulator!.removeCard();
    await progress.getByRole('button', { name: '重新查询' }).click();
    await progress.locator('kiosk-digit-pad[name="receiptNo"]').waitFor();
    expect(await mine.count()).toBe(0);
    await postJson(`${agent.base}/api/v1/session/end`, {});
    expect((await fetch(`${agent.base}/api/v1/submissions/mine`)).status).toBe(403);
  });

  it('the list fits without scrolling at both orientations, with and without 大字; the query with the card hint too (大字 landscape aside)', async () => {
    // The first page still waits for a card at 查询进度: it would take the card from the pages below.
    await page.close();
    const idcard = agent.agent.services.get('idcard') as IdCardService;
    await expect.poll(() => idcard.status().media, { timeout: 15_000 }).toBe('notPresent');
    for (const [width, height] of [
      [1920, 1080],
      [1080, 1920],
    ] as const)
      for (const large of [false, true]) {
        const p = await browser.newPage({ viewport: { width, height } });
        try {
          await p.goto(`${agent.base}/`);
          await p.locator('kiosk-app').waitFor();
          if (large) await p.locator('kiosk-top-bar [data-chrome="large"]').click();
          const start = p.getByRole('button', { name: '查询进度' });
          if (!(await start.isVisible().catch(() => false))) await p.mouse.click(width / 2, height / 2);
          await start.click();
          const progress = p.locator('kiosk-progress-screen');
          await progress.getByText('把身份证放在读卡区').waitFor();
          const fits = () =>
            p
              .locator('main')
              .evaluate(
                (m) => m.scrollHeight <= m.clientHeight + 1 && document.documentElement.scrollHeight <= innerHeight + 1,
              );
          // 大字 landscape: the query does not fit yet with or without the card hint (the layout work of
          // issue 15 item 1 owns it); the list does.
          if (!(width > height && large))
            expect(await fits(), `query ${width}×${height}${large ? ' 大字' : ''}`).toBe(true);
          idcard.simulator!.placeCard('resident');
          await progress.locator('kiosk-progress-mine [data-receipt]').first().waitFor({ timeout: 20_000 });
          expect(await fits(), `list ${width}×${height}${large ? ' 大字' : ''}`).toBe(true);
          idcard.simulator!.removeCard();
          await expect.poll(() => idcard.status().media, { timeout: 15_000 }).toBe('notPresent');
        } finally {
          await postJson(`${agent.base}/api/v1/session/end`, {});
          await p.close();
        }
      }
  });
});
