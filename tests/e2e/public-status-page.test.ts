import AxeBuilder from 'axe-core';
import { chromium, type Browser, type Page } from 'playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IntakeSubmission } from '@kiosk/contract/intake-api';
import { chromiumArgs, executablePath } from '../../vitest.config.js';
import { APPLICANT_NAME, APPLICANT_PHONE, legalAidData, postJson, validId } from '../device-agent/outbox/fixtures.js';
import { TEST_TERMINALS, startTestCenter, type TestCenter } from '../service-center/center-harness.js';

// The public status page behind the receipt's QR (issue 14 item 4) in real Chromium on a phone-sized
// viewport: large text, axe clean, the status and its dates for the right last-4, nothing for a
// wrong one (the same page as an unknown receipt), and a limit per client address.

const T1 = TEST_TERMINALS[0];
const RECEIPT = 'FY261129-0001-0077';
const ID = validId();
const LAST4 = ID.slice(-4);
const WRONG = LAST4 === '1111' ? '2222' : '1111';

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AxeBuilder.source });
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: Array<{ id: string; nodes: unknown[] }> }> };
      }
    ).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return result.violations.map((v) => `${v.id} (${v.nodes.length})`);
}

/** Smallest computed font size of visible text-bearing elements, and whether the page scrolls sideways. */
async function layoutFacts(page: Page): Promise<{ minFontPx: number; scrollsSideways: boolean }> {
  return page.evaluate(() => {
    const sizes = [...document.querySelectorAll('h1, h2, p, label, span, dt, dd, li, input, button, a, footer')]
      .filter((el) => (el as HTMLElement).offsetParent !== null && (el.textContent?.trim() || el.tagName === 'INPUT'))
      .map((el) => parseFloat(getComputedStyle(el).fontSize));
    return {
      minFontPx: Math.min(...sizes),
      scrollsSideways: document.documentElement.scrollWidth > window.innerWidth,
    };
  });
}

describe('public status page', () => {
  let c: TestCenter;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    c = await startTestCenter();
    const { documents: _d, ...data } = legalAidData({}, ID);
    const body: IntakeSubmission = {
      receiptNo: RECEIPT,
      kind: 'legalAid',
      submittedAt: '2026-11-29T02:00:00.000Z',
      data,
      documents: [],
    };
    const res = await postJson(`${c.url}/api/v1/intake/submissions`, body, {
      authorization: `Bearer ${T1.token}`,
      'idempotency-key': 'public-status-0077',
    });
    expect(res.status).toBe(200);
    const centerId = String(res.body['centerId']);
    const changed = await c.center.repo.changeStatus(centerId, {
      state: 'needMaterials',
      missingMaterials: ['劳动合同或工资条'],
      by: 'clerk',
      role: 'staff',
      at: new Date().toISOString(),
      expected: { state: 'received', version: 0 },
    });
    expect(changed.outcome).toBe('changed');
    browser = await chromium.launch({ executablePath, args: chromiumArgs });
    // bypassCSP only lets the test inject axe-core; the page itself has no script at all.
    page = await browser.newPage({ viewport: { width: 390, height: 844 }, bypassCSP: true, hasTouch: true });
  });

  afterAll(async () => {
    await browser?.close();
    await c?.stop();
  });

  it('opens from the QR with the receipt number filled in, in large Chinese text, axe clean', async () => {
    const res = await page.goto(`${c.url}/s/?r=${RECEIPT}`);
    expect(res?.status()).toBe(200);
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    await expect(page.getByRole('heading', { name: '查询办理进度' }).isVisible()).resolves.toBe(true);
    expect(await page.getByLabel('回执编号').inputValue()).toBe(RECEIPT);
    const facts = await layoutFacts(page);
    expect(facts.minFontPx).toBeGreaterThanOrEqual(20);
    expect(facts.scrollsSideways).toBe(false);
    const button = await page.getByRole('button', { name: '查询' }).boundingBox();
    expect(button!.height).toBeGreaterThanOrEqual(48);
    expect(await axeViolations(page)).toEqual([]);
  });

  it('a wrong last-4 shows nothing personal, exactly like an unknown receipt', async () => {
    await page.getByLabel('身份证号码最后四位').fill(WRONG);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').waitFor();
    const wrong = await page.locator('main').innerText();
    expect(wrong).toContain('没有查到');
    for (const secret of [APPLICANT_NAME, APPLICANT_PHONE, ID, '补充', '劳动合同', '2026-12', '法律援助申请'])
      expect(wrong).not.toContain(secret);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByLabel('回执编号').fill('FY261129-0001-9999');
    await page.getByLabel('身份证号码最后四位').fill(LAST4);
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.locator('main').innerText()).toBe(wrong);
  });

  it('the right last-4 shows the state in words, the dates and the 补充材料 list, and no name or ID', async () => {
    await page.goto(`${c.url}/s/?r=${RECEIPT}`);
    await page.getByLabel('身份证号码最后四位').fill(LAST4.toLowerCase());
    await page.getByRole('button', { name: '查询' }).click();
    await page.getByRole('heading', { name: '办理进度', exact: true }).waitFor();
    const text = await page.locator('main').innerText();
    expect(text).toContain('还需要补充材料');
    expect(text).toContain('劳动合同或工资条');
    expect(text).toContain('2026-11-29'); // submitted (China date)
    expect(text).toMatch(/最晚决定日期\s*\n?\s*\d{4}-\d{2}-\d{2}/);
    for (const secret of [APPLICANT_NAME, APPLICANT_PHONE, ID, '演示村12号']) expect(text).not.toContain(secret);
    const facts = await layoutFacts(page);
    expect(facts.minFontPx).toBeGreaterThanOrEqual(20);
    expect(facts.scrollsSideways).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole('link', { name: '重新查询' }).click();
    expect(await page.getByLabel('回执编号').inputValue()).toBe(RECEIPT);
  });

  it('limits look-ups per client address, and junk bodies get the form back, not a crash', async () => {
    const post = (body: string, type = 'application/x-www-form-urlencoded') =>
      fetch(`${c.url}/s/`, { method: 'POST', headers: { 'content-type': type }, body });
    expect((await post('r=%00&k=%3Cscript%3E')).status).toBe(400);
    expect((await post('__proto__=1&toString=2&r=FY261129-0001-0077')).status).toBe(400);
    expect((await post('{"r":1}', 'application/json')).status).toBe(400);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await post(`r=${RECEIPT}&k=${WRONG}`)).status);
    expect(statuses).toContain(429);
    const limited = await post(`r=${RECEIPT}&k=${LAST4}`);
    expect(limited.status).toBe(429);
    const html = await limited.text();
    expect(html).toContain('查询次数太多了');
    expect(html).not.toContain('还需要补充材料');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
  });
});
