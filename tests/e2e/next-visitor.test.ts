// DESIGN §7: the next villager sees nothing of the previous one. A visitor reads a card and types a
// phone number against the real agent (simulated reader speaking GA 467), then walks away; the
// idle timeout ends the visit. Nothing of it may remain in the page, its storage, or the agent.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IdCardService } from '../../device-agent/src/devices/idcard/idcard-service.js';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { DEMO_CONFIG, startTestAgent, type TestAgent } from '../helpers/agent-harness.js';

const ROOT = resolve(import.meta.dirname, '../..');
const NAME = '张三'; // the simulator's resident card
const PHONE = '13912345678';

/** All text in the page, through every open shadow root, plus form values. */
function deepText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const out: string[] = [];
    const walk = (root: Document | ShadowRoot): void => {
      for (const el of Array.from(root.querySelectorAll('*'))) {
        if (el.shadowRoot) walk(el.shadowRoot);
        const value = (el as { value?: unknown }).value;
        if (typeof value === 'string' && value) out.push(value);
        for (const node of Array.from(el.childNodes))
          if (node.nodeType === Node.TEXT_NODE) out.push(node.textContent ?? '');
      }
    };
    walk(document);
    return out.join(' ');
  });
}

describe('the next visitor sees nothing of the previous one', () => {
  let agent: TestAgent;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    execFileSync('flock', ['/tmp/kiosk-ui-build.lock', process.execPath, 'scripts/ensure.mjs'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
    agent = await startTestAgent({
      ...DEMO_CONFIG,
      ui: { ...DEMO_CONFIG.ui, idleWarningSeconds: 5, idleCountdownSeconds: 5, voice: false },
    });
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
  });

  afterAll(async () => {
    await browser?.close();
    await agent?.stop();
  });

  it('an abandoned application is wiped from the DOM, storage and the agent by the idle timeout', async () => {
    const idcard = agent.agent.services.get('idcard') as IdCardService;
    await page.goto(`${agent.base}/`);
    const home = page.getByRole('button', { name: /申请法律援助/ });
    if (!(await home.isVisible().catch(() => false))) await page.mouse.click(960, 540);
    await home.click();
    const flow = page.locator('kiosk-legal-aid-flow');
    await flow.getByRole('button', { name: '我同意' }).click();
    await flow.getByRole('heading', { name: '请放身份证' }).waitFor();
    idcard.simulator!.placeCard('resident');
    // She is greeted by name and asked for the card back; the flow moves on once it is lifted.
    await flow.getByRole('heading', { name: '请取走身份证' }).waitFor();
    idcard.simulator!.removeCard();
    const phone = flow.locator('kiosk-legal-aid-phone');
    await phone.getByRole('heading', { name: '您的手机号码' }).waitFor();
    for (const d of PHONE) await phone.locator('kiosk-digit-pad').getByRole('button', { name: d, exact: true }).click();

    // The visit holds the data now: the test can see it, so its absence later means something.
    await expect.poll(async () => (await deepText(page)).replace(/\s/g, '')).toContain(PHONE);
    await phone.getByRole('button', { name: '上一步' }).click();
    await expect.poll(() => deepText(page)).toContain(NAME);

    // Walk away: warning after 5 s, reset 5 s later.
    await page.getByRole('button', { name: /我还在用/ }).waitFor({ timeout: 15_000 });
    await page.locator('kiosk-legal-aid-flow').waitFor({ state: 'detached', timeout: 15_000 });

    const text = await deepText(page);
    expect(text).not.toContain(NAME);
    expect(text.replace(/\s/g, '')).not.toContain(PHONE);
    expect(text).not.toContain('110105');
    const storage = await page.evaluate(() => ({ local: localStorage.length, session: sessionStorage.length }));
    expect(storage.local).toBe(0);
    expect(storage.session).toBe(0);
    expect(await page.evaluate(async () => ('caches' in window ? (await caches.keys()).length : 0))).toBe(0);

    // The next visitor starts from nothing: the application begins again at consent, no card held.
    await page.mouse.click(960, 540);
    await page.getByRole('button', { name: /申请法律援助/ }).click();
    await flow.getByRole('button', { name: '我同意' }).waitFor();
    expect(await deepText(page)).not.toContain(NAME);
    const read = await fetch(`${agent.base}/api/v1/services/idcard/commands/read`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ timeoutMs: 800, payload: {} }),
    });
    const completion = (await read.json()) as { header: { completionCode: string }; payload: Record<string, unknown> };
    expect(completion.header.completionCode).toBe('timeOut');
    expect(JSON.stringify(completion.payload)).not.toContain(NAME);
    expect(agent.logText()).not.toContain(NAME);
  });
});
